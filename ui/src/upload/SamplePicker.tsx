import { Box, Button, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import { useSamples, useStartSample } from './api/samples';
import { ErrorMessage } from '../common/ErrorMessage';
import { fileSize } from '../common/format';
import { navigate, paths } from '../common/navigation';

/** "Try it with a sample": the datasets packaged with Assay, one click from their profile. */
export function SamplePicker() {
  const samples = useSamples();
  const start = useStartSample({ onSuccess: (accepted) => navigate(paths.job(accepted.job_id)) });
  if (samples.isError || (samples.data && samples.data.length === 0)) {
    return null; // an api without samples simply does not offer them
  }
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="samples-heading">
      <Typography variant="h6" component="h2" id="samples-heading">
        Try it with a sample
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        No file at hand? Start from one of these public datasets; a copy is profiled as if you had uploaded it.
      </Typography>
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ flexWrap: 'wrap' }}
        component="ul"
        aria-label="Sample datasets"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {(samples.data ?? []).map((sample) => (
          <Box component="li" key={sample.name}>
            <Button
              size="small"
              variant="outlined"
              disabled={start.isPending}
              onClick={() => start.mutate(sample.name)}
              endIcon={
                start.isPending && start.variables === sample.name ? (
                  <CircularProgress size={14} aria-hidden />
                ) : undefined
              }
            >
              {sample.file_name}{' '}
              <Box component="span" sx={{ ml: 0.75, color: 'text.secondary', fontWeight: 400 }}>
                {fileSize(sample.size_bytes)}
              </Box>
            </Button>
          </Box>
        ))}
      </Stack>
      {start.error != null && (
        <Box sx={{ mt: 1 }}>
          <ErrorMessage error={start.error} />
        </Box>
      )}
    </Paper>
  );
}
