import ArrowBack from '@mui/icons-material/ArrowBack';
import Download from '@mui/icons-material/Download';
import OpenInNew from '@mui/icons-material/OpenInNew';
import { Alert, AlertTitle, Box, Button, LinearProgress, Paper, Skeleton, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import type { Plan, PlanStep } from '../generated/plan';
import { ApiError } from '../lib/client';
import { inProgress } from '../common/status';
import { useJob } from '../jobs/api/getJob';
import { useApplyPlan } from '../plan/api/applyPlan';
import { getPlanManifest } from '../plan/api/planManifest';
import { useValidation } from '../plan/api/validatePlan';
import type { PlanError } from '../lib/types';
import { AssistantPanel } from '../assistant/AssistantPanel';
import { ErrorMessage } from '../common/ErrorMessage';
import { StallNotice } from '../common/StallNotice';
import { actionStyle } from '../common/actionStyle';
import { ago, count } from '../common/format';
import { followInPage, navigate, pageHeading, paths, planKey, useTitle } from '../common/navigation';
import type { CheckState } from '../plan/PlanCard';
import { PlanCard } from '../plan/PlanCard';
import { RunHistory } from '../results/RunHistory';
import { ProfileSummaryCard } from '../jobs/ProfileSummaryCard';
import { StatusChip } from '../common/StatusChip';

const EMPTY: Plan = { explanation: '', actions: [] };

/** The plan being written survives a reload of the page (per dataset, per browser tab). */
function usePlan(jobId: string) {
  const key = planKey(jobId);
  const [plan, setPlan] = useState<Plan>(() => {
    try {
      const saved = JSON.parse(sessionStorage.getItem(key) ?? 'null');
      return saved && Array.isArray(saved.actions) ? (saved as Plan) : EMPTY;
    } catch {
      return EMPTY;
    }
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(key, JSON.stringify(plan));
    } catch {
      // storage full or disabled: the plan simply does not survive a reload
    }
  }, [key, plan]);
  return [plan, setPlan] as const;
}

/**
 * One dataset: profiling progress, then its profile, the assistant and the plan, and its runs. Applying the plan
 * opens the run's own page, where its results are the first thing on the screen.
 */
export function DatasetPage({ jobId }: { jobId: string }) {
  const job = useJob(jobId);
  const [plan, setPlanState] = usePlan(jobId);
  const [prompt, setPrompt] = useState<string | undefined>();
  const [applyErrors, setApplyErrors] = useState<PlanError[] | null>(null);
  const data = job.data;
  useTitle(data?.file_name ?? 'Dataset');

  const setPlan = (next: Plan) => {
    setApplyErrors(null);
    setPlanState(next);
  };
  const validation = useValidation(jobId, plan, data?.status === 'done');
  const errors = applyErrors ?? validation.data?.errors ?? [];
  const check: CheckState =
    plan.actions.length === 0
      ? 'idle'
      : applyErrors
        ? 'invalid'
        : validation.isError
          ? 'unchecked'
          : !validation.current
            ? 'checking'
            : validation.data?.valid
              ? 'valid'
              : 'invalid';

  const apply = useApplyPlan({
    onSuccess: (accepted) => navigate(paths.run(jobId, accepted.run_id)),
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length > 0) {
        setApplyErrors(e.errors);
      }
    },
  });

  const addStep = (step: PlanStep) => {
    const actions = [...plan.actions];
    // Training must come last: anything else goes before it.
    const train = actions.findIndex((a) => a.type === 'train_model');
    actions.splice(step.type !== 'train_model' && train >= 0 ? train : actions.length, 0, step);
    setPlan({ explanation: plan.explanation || 'Suggested by the profile.', actions });
  };

  const columns = useMemo(() => data?.summary?.variables.map((v) => v.name) ?? [], [data?.summary]);

  if (!data) {
    if (job.error) {
      const missing = job.error instanceof ApiError && job.error.status === 404;
      return (
        <Stack spacing={2}>
          <Back />
          <ErrorMessage
            error={job.error}
            title={missing ? 'This dataset was not found' : undefined}
            onRetry={missing ? undefined : () => job.refetch()}
          />
          {missing && (
            <Typography color="text.secondary">
              It may have been removed or expired, or the link is mistyped. Upload the file again from the start page.
            </Typography>
          )}
        </Stack>
      );
    }
    return (
      <Stack spacing={2}>
        <Back />
        <LinearProgress aria-label="Loading the dataset" />
        <Skeleton variant="rounded" height={160} />
      </Stack>
    );
  }

  return (
    <Stack spacing={2}>
      <Back />
      <Box component="header">
        <Stack
          direction={{ xs: 'column', md: 'row' }}
          spacing={1}
          sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}
        >
          <Box sx={{ minWidth: 0 }}>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography
                variant="h4"
                component="h1"
                ref={pageHeading}
                sx={{ wordBreak: 'break-word', fontWeight: 600 }}
              >
                {data.file_name}
              </Typography>
              <StatusChip status={data.status} />
            </Stack>
            <Typography variant="body2" color="text.secondary">
              {data.summary ? `${count(data.summary.rows)} rows × ${count(data.summary.columns)} columns · ` : ''}
              uploaded {ago(data.created_at)}
              {data.runs.length > 0 ? ` · ${data.runs.length} run${data.runs.length === 1 ? '' : 's'}` : ''}
            </Typography>
          </Box>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {data.report_url && (
              <Button
                size="small"
                variant="outlined"
                startIcon={<OpenInNew />}
                href={data.report_url}
                target="_blank"
                rel="noopener"
              >
                Profile report (opens a new tab)
              </Button>
            )}
            {data.cleaned_csv_url && data.status === 'done' && (
              <Button size="small" variant="outlined" startIcon={<Download />} href={data.cleaned_csv_url} download>
                Cleaned CSV
              </Button>
            )}
            {data.source_url && (
              <Button size="small" startIcon={<Download />} href={data.source_url} download>
                Original
              </Button>
            )}
          </Stack>
        </Stack>
      </Box>

      {job.error != null && (
        <Alert severity="warning">
          <AlertTitle>Lost contact with Assay</AlertTitle>
          {job.error instanceof Error ? job.error.message : String(job.error)}{' '}
          {inProgress(data.status) || data.runs.some((r) => inProgress(r.status))
            ? 'The work goes on on the server; this page keeps trying every few seconds.'
            : ''}
          <Button size="small" color="inherit" onClick={() => job.refetch()} sx={{ ml: 1 }}>
            Try now
          </Button>
        </Alert>
      )}

      {inProgress(data.status) && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography aria-live="polite">
            {data.status === 'queued'
              ? 'Waiting for a free worker to profile this file…'
              : `Profiling: ${data.stage} (${data.progress} %)`}
          </Typography>
          <LinearProgress
            variant={data.status === 'queued' ? 'indeterminate' : 'determinate'}
            value={data.progress}
            sx={{ mt: 1 }}
            aria-label="Profiling progress"
          />
          <StallNotice updatedAt={data.updated_at} what="Profiling" />
        </Paper>
      )}
      {data.status === 'failed' && (
        <Alert
          severity="error"
          role="alert"
          action={
            <Button color="inherit" size="small" href="/" onClick={followInPage('/')}>
              Upload another file
            </Button>
          }
        >
          <AlertTitle>This file could not be profiled</AlertTitle>
          {data.error ?? 'No reason was given.'}
        </Alert>
      )}

      {data.status === 'done' && data.summary && (
        <>
          {/* On a phone the assistant and the plan come first: the profile's alerts follow, not the other way round. */}
          <Box
            sx={{
              display: 'grid',
              gap: 2,
              alignItems: 'start',
              gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) 460px' },
              gridTemplateAreas: { xs: '"plan" "profile"', lg: '"profile plan"' },
            }}
          >
            <Box sx={{ gridArea: 'profile', minWidth: 0 }}>
              <ProfileSummaryCard profile={data.summary} planned={plan.actions} onAdd={addStep} />
            </Box>
            <Stack spacing={2} sx={{ gridArea: 'plan', minWidth: 0 }}>
              <AssistantPanel
                jobId={jobId}
                plan={plan}
                profile={data.summary}
                onPlan={(next, asked) => {
                  setPlan(next);
                  setPrompt(asked);
                }}
              />
              <PlanCard
                plan={plan}
                errors={errors}
                warnings={validation.data?.warnings ?? []}
                summary={validation.data?.summary ?? []}
                check={check}
                checkError={validation.error}
                columns={columns}
                onChange={setPlan}
                onApply={() => apply.mutate({ jobId, plan, runName: runName(plan), prompt })}
                applying={apply.isPending}
                applyError={apply.error instanceof ApiError && apply.error.errors.length > 0 ? null : apply.error}
                onExport={() => getPlanManifest({ jobId, plan, runName: runName(plan), prompt })}
              />
            </Stack>
          </Box>
          {data.runs.length > 0 && (
            <RunHistory
              jobId={jobId}
              runs={data.runs}
              onReuse={(reused) => {
                setPlan(reused);
                window.scrollTo?.({ top: 0, behavior: 'smooth' });
              }}
            />
          )}
        </>
      )}
    </Stack>
  );
}

/** The run named by what it does, in the labels the plan shows: "Fill missing, Train model". */
function runName(plan: Plan): string {
  return [...new Set(plan.actions.map((a) => actionStyle(a.type).label))].join(', ');
}

function Back() {
  return (
    <Box>
      <Button startIcon={<ArrowBack />} href="/" onClick={followInPage('/')} size="small">
        All datasets
      </Button>
    </Box>
  );
}
