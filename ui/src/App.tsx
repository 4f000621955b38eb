import { AppBar, Box, Button, Container, Link, Stack, Toolbar, Typography } from '@mui/material';
import { followInPage, useRoute, useTitle } from './common/navigation';
import { JobPage } from './jobs/JobPage';
import { RecentJobs } from './jobs/RecentJobs';
import { UploadPanel } from './upload/UploadPanel';
import { ActivityPage } from './activity/ActivityPage';
import { ACTIVITY_PATH, isActivityPath } from './activity/route';
import { SignedInAs } from './auth/SignedInAs';

const STEPS = [
  ['1', 'Upload', 'a CSV: you get its profile and a report at once.'],
  ['2', 'Ask', 'in plain words: the assistant answers with a plan of safe, whitelisted actions — never code.'],
  ['3', 'Apply', 'and get a cleaned CSV, a new report and, when asked, a model with honest scores.'],
];

export function App() {
  const route = useRoute();
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <Link href="#main" sx={{ position: 'absolute', left: -9999, '&:focus': { left: 8, top: 8, zIndex: 2000, bgcolor: 'background.paper', p: 1 } }}>
        Skip to the content
      </Link>
      <AppBar position="static" elevation={0} sx={{ bgcolor: '#101828' }}>
        <Toolbar variant="dense" sx={{ minHeight: 56 }}>
          <Typography variant="h6" component="a" href="/" onClick={followInPage('/')}
            sx={{ color: 'inherit', textDecoration: 'none', fontWeight: 800, letterSpacing: 0.5 }}>
            Assay
          </Typography>
          <Typography variant="body2" sx={{ ml: 2, opacity: 0.7, display: { xs: 'none', sm: 'block' } }}>
            profile · plan · apply
          </Typography>
          <Box sx={{ flexGrow: 1 }} />
          <Button color="inherit" size="small" href="/" onClick={followInPage('/')}>Datasets</Button>
          <Button color="inherit" size="small" href={ACTIVITY_PATH} onClick={followInPage(ACTIVITY_PATH)}>Activity</Button>
          <Button color="inherit" size="small" href="/swagger-ui.html" target="_blank" rel="noopener">API</Button>
          <SignedInAs />
        </Toolbar>
      </AppBar>
      <Container maxWidth="xl" sx={{ py: { xs: 2, sm: 3 } }} component="main" id="main" tabIndex={-1}>
        {route.page === 'job' && <JobPage key={route.jobId} jobId={route.jobId} />}
        {route.page === 'home' && <Home />}
        {route.page === 'missing' && (isActivityPath(route.path) ? <ActivityPage /> : <Missing path={route.path} />)}
      </Container>
    </Box>
  );
}

function Home() {
  useTitle('');
  return (
    <Box sx={{ maxWidth: 1100, mx: 'auto' }}>
      <Typography variant="h4" component="h1" sx={{ fontWeight: 600 }}>Analyse a CSV</Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>From a raw file to a clean dataset and an honest model, without writing code.</Typography>
      <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, mb: 2, display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' } }}>
        {STEPS.map(([n, title, text]) => (
          <Stack key={n} component="li" direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
            <Box aria-hidden sx={{ flexShrink: 0, width: 28, height: 28, borderRadius: '50%', bgcolor: 'primary.main', color: 'white',
              display: 'grid', placeItems: 'center', fontWeight: 700, fontSize: 14 }}>{n}</Box>
            <Typography variant="body2"><strong>{title}</strong> {text}</Typography>
          </Stack>
        ))}
      </Box>
      <Stack spacing={2}>
        <UploadPanel />
        <RecentJobs />
      </Stack>
    </Box>
  );
}

function Missing({ path }: { path: string }) {
  useTitle('Not found');
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Typography variant="h4" component="h1">Nothing here</Typography>
      <Typography color="text.secondary">There is no page at {path}. Datasets live at /jobs/…; the start page lists the recent ones.</Typography>
      <Box><Button variant="contained" href="/" onClick={followInPage('/')}>Go to the start page</Button></Box>
    </Stack>
  );
}
