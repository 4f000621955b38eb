import ArrowBack from '@mui/icons-material/ArrowBack';
import { Box, Button, LinearProgress, Paper, Skeleton, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { Plan } from '../generated/plan';
import { ApiError } from '../lib/client';
import { useJob } from '../jobs/api/getJob';
import { getRunManifest } from '../results/api/runManifest';
import { ErrorMessage } from '../common/ErrorMessage';
import { ExportManifestButton } from '../common/ExportManifestButton';
import { ago } from '../common/format';
import { followInPage, navigate, pageHeading, paths, planKey, useTitle } from '../common/navigation';
import { ResultsPanel } from '../results/ResultsPanel';
import { RunOriginNote } from '../results/RunOrigin';

/** A run the api has accepted may take a moment to appear in the dataset's status: ask again this often, this many times. */
const LOOK_AGAIN_MS = 1000;
const LOOKS = 10;

/**
 * One run's results on their own page (/jobs/{id}/runs/{run}), so they are where the eye is after Apply, can be
 * bookmarked and shared, and are not buried under the dataset's profile. The heading takes focus on arrival.
 */
export function RunPage({ jobId, runId }: { jobId: string; runId: string }) {
  const job = useJob(jobId);
  const data = job.data;
  const run = data?.runs.find((r) => r.run_id === runId);
  const [looks, setLooks] = useState(0);
  useTitle(run ? `${run.run_name} · ${data?.file_name}` : 'Run');

  useEffect(() => {
    if (data && !run && looks < LOOKS) {
      const timer = setTimeout(() => {
        setLooks((n) => n + 1);
        job.refetch();
      }, LOOK_AGAIN_MS);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [data, run, looks, job]);

  const back = (
    <Box>
      <Button startIcon={<ArrowBack />} href={paths.job(jobId)} onClick={followInPage(paths.job(jobId))} size="small">
        {data ? `Back to ${data.file_name}` : 'Back to the dataset'}
      </Button>
    </Box>
  );

  if (job.error && !data) {
    const missing = job.error instanceof ApiError && job.error.status === 404;
    return (
      <Stack spacing={2}>
        {back}
        <ErrorMessage
          error={job.error}
          title={missing ? 'This dataset was not found' : undefined}
          onRetry={missing ? undefined : () => job.refetch()}
        />
      </Stack>
    );
  }
  if (!data || (!run && looks < LOOKS)) {
    return (
      <Stack spacing={2}>
        {back}
        <Paper variant="outlined" sx={{ p: 2 }} aria-live="polite">
          <Typography>Starting the run…</Typography>
          <LinearProgress sx={{ mt: 1 }} aria-label="Run progress" />
        </Paper>
        <Skeleton variant="rounded" height={160} />
      </Stack>
    );
  }
  if (!run) {
    return (
      <Stack spacing={2}>
        {back}
        <Typography variant="h4" component="h1" ref={pageHeading}>
          This run was not found
        </Typography>
        <Typography color="text.secondary">
          It may have been deleted. The dataset's page lists the runs it has.
        </Typography>
      </Stack>
    );
  }

  const reuse = (plan: Plan) => {
    try {
      sessionStorage.setItem(planKey(jobId), JSON.stringify(plan));
    } catch {
      // storage disabled: the dataset's page opens with its own plan
    }
    navigate(paths.job(jobId));
  };

  return (
    <Stack spacing={2}>
      {back}
      <Box component="header">
        <Typography variant="h4" component="h1" ref={pageHeading} sx={{ fontWeight: 600, wordBreak: 'break-word' }}>
          Results of “{run.run_name}”
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {data.file_name} · started {ago(run.created_at)}
        </Typography>
        <RunOriginNote run={run} />
      </Box>
      <ResultsPanel run={run} />
      {run.plan && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Button variant="outlined" onClick={() => reuse(run.plan!)}>
            Reuse this plan
          </Button>
          {(run.status === 'done' || run.status === 'failed') && (
            <ExportManifestButton load={() => getRunManifest(jobId, runId)} />
          )}
        </Stack>
      )}
    </Stack>
  );
}
