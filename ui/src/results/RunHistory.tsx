import { Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Plan } from '../generated/plan';
import type { RunView } from '../api/types';
import { ago, metricName, number } from '../common/format';
import { StatusChip } from '../jobs/StatusChip';

/** Every run of this dataset, newest first: pick one to see its results, or take its plan up again. */
export function RunHistory({ runs, selected, onSelect, onReuse }: {
  runs: RunView[];
  selected?: string;
  onSelect: (runId: string) => void;
  onReuse: (plan: Plan) => void;
}) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="runs-heading">
      <Typography variant="h6" component="h2" id="runs-heading" gutterBottom>Runs of this dataset ({runs.length})</Typography>
      <Stack sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="Run history">
          <TableHead>
            <TableRow>
              <TableCell>Run</TableCell><TableCell>Status</TableCell><TableCell>Started</TableCell>
              <TableCell align="right">Actions</TableCell><TableCell>Score</TableCell><TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {runs.map((run) => {
              const model = run.result?.model;
              const isSelected = run.run_id === selected;
              return (
                <TableRow key={run.run_id} selected={isSelected} aria-current={isSelected ? 'true' : undefined}>
                  <TableCell sx={{ fontWeight: 500 }}>{run.run_name}</TableCell>
                  <TableCell><StatusChip status={run.status} /></TableCell>
                  <TableCell title={new Date(run.created_at).toLocaleString()} sx={{ whiteSpace: 'nowrap' }}>{ago(run.created_at)}</TableCell>
                  <TableCell align="right">{run.plan?.actions.length ?? '–'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {model ? `${metricName(model.primary_metric)} ${number(model.holdout.scores[model.primary_metric])}` : '–'}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" onClick={() => onSelect(run.run_id)} disabled={isSelected}
                      aria-label={`Show the results of ${run.run_name}`}>{isSelected ? 'Shown' : 'Show'}</Button>
                    {run.plan && (
                      <Button size="small" onClick={() => onReuse(run.plan!)} aria-label={`Use the plan of ${run.run_name} again`}>
                        Reuse plan
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Stack>
    </Paper>
  );
}
