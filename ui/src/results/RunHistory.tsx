import { Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { Plan } from '../generated/plan';
import { inProgress } from '../common/status';
import { useDeleteRun } from './api/deleteRun';
import type { RunView } from '../lib/types';
import { ConfirmDelete } from '../common/ConfirmDelete';
import { ago, metricName, metricValue } from '../common/format';
import { followInPage, paths } from '../common/navigation';
import { StatusChip } from '../common/StatusChip';
import { RunOriginNote } from './RunOrigin';

/**
 * Every run of this dataset, newest first, with who started it: open one's results (its own page), take its plan up
 * again, or delete it, unless it was made outside Assay (kubectl), which is read-only here.
 */
export function RunHistory({
  jobId,
  runs,
  onReuse,
}: {
  jobId: string;
  runs: RunView[];
  onReuse: (plan: Plan) => void;
}) {
  const remove = useDeleteRun(jobId);
  const [doomed, setDoomed] = useState<RunView | null>(null);
  const close = () => {
    setDoomed(null);
    remove.reset();
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="runs-heading">
      <Typography variant="h6" component="h2" id="runs-heading" gutterBottom>
        Runs of this dataset ({runs.length})
      </Typography>
      <Stack
        sx={{ overflowX: 'auto' }}
        tabIndex={0}
        role="region"
        aria-label="Runs, scrolls sideways on a small screen"
      >
        <Table size="small" aria-label="Run history">
          <TableHead>
            <TableRow>
              <TableCell>Run</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Started</TableCell>
              <TableCell align="right">Actions</TableCell>
              <TableCell>Score</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {runs.map((run) => {
              const model = run.result?.model;
              return (
                <TableRow key={run.run_id}>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontWeight: 500 }}>
                      {run.run_name}
                    </Typography>
                    <RunOriginNote run={run} />
                  </TableCell>
                  <TableCell>
                    <StatusChip status={run.status} />
                  </TableCell>
                  <TableCell title={new Date(run.created_at).toLocaleString()} sx={{ whiteSpace: 'nowrap' }}>
                    {ago(run.created_at)}
                  </TableCell>
                  <TableCell align="right">{run.plan?.actions.length ?? '–'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {model
                      ? `${metricName(model.primary_metric)} ${metricValue(model.primary_metric, model.holdout.scores[model.primary_metric])}`
                      : '–'}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Button
                      size="small"
                      href={paths.run(jobId, run.run_id)}
                      onClick={followInPage(paths.run(jobId, run.run_id))}
                      aria-label={`Results of ${run.run_name}`}
                    >
                      Results
                    </Button>
                    {run.plan && (
                      <Button
                        size="small"
                        onClick={() => onReuse(run.plan!)}
                        aria-label={`Reuse plan of ${run.run_name}`}
                      >
                        Reuse plan
                      </Button>
                    )}
                    {!run.origin.read_only && (
                      <Button
                        size="small"
                        color="error"
                        disabled={inProgress(run.status)}
                        onClick={() => setDoomed(run)}
                        aria-label={`Delete run ${run.run_name}`}
                      >
                        Delete
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Stack>
      <ConfirmDelete
        open={doomed != null}
        title={`Delete the run ${doomed?.run_name ?? ''}?`}
        consequence="Its report, cleaned CSV, model and metrics are removed for good; the dataset and its other runs stay."
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => doomed && remove.mutate(doomed.run_id, { onSuccess: close })}
        onClose={close}
      />
    </Paper>
  );
}
