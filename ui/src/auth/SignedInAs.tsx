import { Box, Button, Chip, Typography } from '@mui/material';
import { ApiError } from '../lib/client';
import { SIGN_IN_URL, useMe } from '../lib/me';

/**
 * The app bar's corner: who is signed in, with a sign-out on a cluster (a form POST to /logout, which ends the
 * api's session and the provider's). Without a session it offers the sign-in.
 */
export function SignedInAs() {
  const me = useMe();
  if (me.error instanceof ApiError && me.error.status === 401) {
    return (
      <Button color="inherit" size="small" href={SIGN_IN_URL}>
        Sign in
      </Button>
    );
  }
  if (!me.data) {
    return null;
  }
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, ml: 1 }}>
      <Typography variant="body2" aria-label="Signed in as" title={me.data.teams.join(', ')}>
        {me.data.name}
      </Typography>
      {me.data.admin && (
        <Chip
          label="admin"
          size="small"
          sx={{ color: 'inherit', borderColor: 'rgba(255,255,255,0.5)' }}
          variant="outlined"
        />
      )}
      {me.data.sign_out && (
        <Box component="form" method="post" action="/logout" sx={{ m: 0 }}>
          <Button color="inherit" size="small" type="submit">
            Sign out
          </Button>
        </Box>
      )}
    </Box>
  );
}
