import { AppBar, Box, Button, Container, LinearProgress, Link, Stack, Toolbar, Typography } from '@mui/material';
import { Suspense } from 'react';
import type { MouseEvent } from 'react';
import { ASK_ID, focusById, followInPage, pageHeading, useTitle } from '../common/navigation';
import { RecentJobs } from '../jobs/RecentJobs';
import { SamplePicker } from '../upload/SamplePicker';
import { UploadPanel } from '../upload/UploadPanel';
import { ActivityPage, DatasetPage, RunPage, useRoute } from './routes';
import { ACTIVITY_PATH } from '../activity/route';
import { SignedInAs } from '../auth/SignedInAs';

const STEPS = [
  ['1', 'Upload', 'a CSV: you get its profile and a report at once.'],
  ['2', 'Ask', 'in plain words: the assistant answers with a plan of safe, whitelisted actions — never code.'],
  ['3', 'Apply', 'and get a cleaned CSV, a new report and, when asked, a model with honest scores.'],
];

const skip = (id: string) => (event: MouseEvent) => {
  event.preventDefault();
  focusById(id);
};

const SKIP_LINK = {
  position: 'absolute',
  left: -9999,
  top: 8,
  zIndex: 2000,
  bgcolor: 'background.paper',
  color: 'primary.main',
  p: 1,
  borderRadius: 1,
  '&:focus': { left: 8 },
} as const;

export function App() {
  const route = useRoute();
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      {route.page === 'job' && (
        <Link href={`#${ASK_ID}`} onClick={skip(ASK_ID)} sx={SKIP_LINK}>
          Skip to Ask the assistant
        </Link>
      )}
      <Link href="#main" onClick={skip('main')} sx={SKIP_LINK}>
        Skip to the content
      </Link>
      <AppBar position="static" elevation={0} enableColorOnDark sx={{ bgcolor: '#101828', color: '#fff' }}>
        <Toolbar variant="dense" sx={{ minHeight: 56 }}>
          <Typography
            variant="h6"
            component="a"
            href="/"
            onClick={followInPage('/')}
            sx={{ color: 'inherit', textDecoration: 'none', fontWeight: 800, letterSpacing: 0.5 }}
          >
            Assay
          </Typography>
          <Typography variant="body2" sx={{ ml: 2, color: '#d0d5dd', display: { xs: 'none', sm: 'block' } }}>
            profile · plan · apply
          </Typography>
          {/* At phone width the links and the user chip fill the bar: keep a gap after the name. */}
          <Box sx={{ flexGrow: 1, minWidth: 12 }} />
          <Button color="inherit" size="small" href="/" onClick={followInPage('/')}>
            Datasets
          </Button>
          <Button color="inherit" size="small" href={ACTIVITY_PATH} onClick={followInPage(ACTIVITY_PATH)}>
            Activity
          </Button>
          <Button
            color="inherit"
            size="small"
            href="/swagger-ui.html"
            target="_blank"
            rel="noopener"
            sx={{ display: { xs: 'none', sm: 'inline-flex' } }}
          >
            API
          </Button>
          <SignedInAs />
        </Toolbar>
      </AppBar>
      <Container maxWidth="xl" sx={{ py: { xs: 2, sm: 3 } }} component="main" id="main" tabIndex={-1}>
        <Suspense fallback={<LinearProgress aria-label="Loading the page" />}>
          {route.page === 'job' && <DatasetPage key={route.jobId} jobId={route.jobId} />}
          {route.page === 'run' && (
            <RunPage key={`${route.jobId}/${route.runId}`} jobId={route.jobId} runId={route.runId} />
          )}
          {route.page === 'home' && <Home />}
          {route.page === 'activity' && <ActivityPage />}
          {route.page === 'missing' && <Missing />}
        </Suspense>
      </Container>
    </Box>
  );
}

function Home() {
  useTitle('');
  return (
    <Box sx={{ maxWidth: 1100, mx: 'auto' }}>
      <Typography variant="h4" component="h1" ref={pageHeading} sx={{ fontWeight: 600 }}>
        Analyse a CSV
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        From a raw file to a clean dataset and an honest model, without writing code.
      </Typography>
      <Box
        component="ol"
        sx={{
          listStyle: 'none',
          p: 0,
          m: 0,
          mb: 2,
          display: 'grid',
          gap: 1.5,
          gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' },
        }}
      >
        {STEPS.map(([n, title, text]) => (
          <Stack key={n} component="li" direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
            <Box
              aria-hidden
              sx={{
                flexShrink: 0,
                width: 28,
                height: 28,
                borderRadius: '50%',
                bgcolor: 'primary.main',
                color: 'primary.contrastText',
                display: 'grid',
                placeItems: 'center',
                fontWeight: 700,
                fontSize: 14,
              }}
            >
              {n}
            </Box>
            <Typography variant="body2">
              <strong>{title}</strong> {text}
            </Typography>
          </Stack>
        ))}
      </Box>
      <Stack spacing={2}>
        <UploadPanel />
        <SamplePicker />
        <RecentJobs />
      </Stack>
    </Box>
  );
}

function Missing() {
  useTitle('Not found');
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Typography variant="h4" component="h1" ref={pageHeading}>
        Nothing here
      </Typography>
      <Typography color="text.secondary">
        This address does not lead to a page of Assay: the link may be mistyped or cut short. The start page lists the
        datasets uploaded recently.
      </Typography>
      <Box>
        <Button variant="contained" href="/" onClick={followInPage('/')}>
          Go to the start page
        </Button>
      </Box>
    </Stack>
  );
}
