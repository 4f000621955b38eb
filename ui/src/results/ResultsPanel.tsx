import CheckCircle from '@mui/icons-material/CheckCircle';
import Download from '@mui/icons-material/Download';
import OpenInNew from '@mui/icons-material/OpenInNew';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Chip,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { RunView, StepLog } from '../lib/types';
import { StallNotice } from '../common/StallNotice';
import { count, duration } from '../common/format';
import { PlanChips } from '../common/PlanChips';
import { actionStyle, ink } from '../common/actionStyle';
import { PlanWarnings } from '../common/PlanWarnings';
import { ModelCard } from './ModelCard';

/** A run: its progress while it works, its error if it failed, and when done the green box with everything it made. */
export function ResultsPanel({ run }: { run: RunView }) {
  if (run.status === 'queued' || run.status === 'running') {
    return (
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Run in progress">
        <Typography variant="h6" component="h2">
          Applying “{run.run_name}”
        </Typography>
        <Box aria-live="polite">
          <Typography variant="body2" color="text.secondary">
            {run.status === 'queued' ? 'Waiting for a free worker…' : `${run.stage} · ${run.progress} %`}
          </Typography>
        </Box>
        <LinearProgress
          variant={run.status === 'queued' ? 'indeterminate' : 'determinate'}
          value={run.progress}
          sx={{ mt: 1 }}
          aria-label="Run progress"
        />
        {run.plan && (
          <Box sx={{ mt: 1.5 }}>
            <PlanChips actions={run.plan.actions} label="Actions of this run" />
          </Box>
        )}
        <StallNotice updatedAt={run.updated_at} what="This run" />
      </Paper>
    );
  }
  if (run.status === 'failed') {
    return (
      <Alert severity="error" role="alert" component="section">
        <AlertTitle>The run “{run.run_name}” failed</AlertTitle>
        {run.error ?? 'No reason was given.'}
        <Typography variant="body2" sx={{ mt: 1 }}>
          Nothing was changed: the dataset, its profile and earlier runs are as they were. Edit the plan and apply it
          again.
        </Typography>
      </Alert>
    );
  }
  const result = run.result;
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label="Results"
      data-testid="results"
      sx={{ p: { xs: 1.5, sm: 2.5 }, borderColor: 'success.main', borderWidth: 2, bgcolor: 'background.paper' }}
    >
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start', mb: 2 }}>
        <CheckCircle color="success" sx={{ fontSize: 36 }} aria-hidden />
        <Box>
          <Typography variant="h6" component="h2" sx={{ color: 'success.dark', lineHeight: 1.3 }}>
            Done: {run.actions_applied} action{run.actions_applied === 1 ? '' : 's'} applied
            {result ? (
              <Typography component="span" color="text.secondary">
                {' '}
                in {duration(result.millis)}
              </Typography>
            ) : null}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            “{run.run_name}”
          </Typography>
          {run.plan?.explanation && (
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              {run.plan.explanation}
            </Typography>
          )}
        </Box>
      </Stack>

      <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }} useFlexGap>
        {run.report_url && (
          <Button
            variant="contained"
            color="success"
            startIcon={<OpenInNew />}
            href={run.report_url}
            target="_blank"
            rel="noopener"
          >
            New report (opens a new tab)
          </Button>
        )}
        {run.cleaned_csv_url && (
          <Button variant="outlined" color="success" startIcon={<Download />} href={run.cleaned_csv_url} download>
            Processed CSV
          </Button>
        )}
        {run.model_url && (
          <Button variant="outlined" color="success" startIcon={<Download />} href={run.model_url} download>
            Model
          </Button>
        )}
        {run.plan_url && (
          <Button variant="text" color="success" href={run.plan_url} target="_blank" rel="noopener">
            Plan (JSON)
          </Button>
        )}
      </Stack>

      {result && result.warnings.length > 0 && (
        <Box
          sx={{
            bgcolor: 'background.paper',
            border: 1,
            borderColor: 'divider',
            borderRadius: 2,
            p: { xs: 1.5, sm: 2 },
            mb: 2,
          }}
        >
          <PlanWarnings
            warnings={result.warnings}
            title="The plan ran as written; these steps were judged likely to mislead"
          />
        </Box>
      )}

      {result?.model && (
        <Box
          sx={{
            bgcolor: 'background.paper',
            border: 1,
            borderColor: 'divider',
            borderRadius: 2,
            p: { xs: 1.5, sm: 2 },
            mb: 2,
          }}
        >
          <ModelCard model={result.model} />
        </Box>
      )}

      {result && (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(260px, 1fr) 2fr' }, gap: 2 }}>
          <Box sx={{ bgcolor: 'background.paper', border: 1, borderColor: 'divider', borderRadius: 2, p: 2 }}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              Before and after
            </Typography>
            <Table size="small" aria-label="Before and after">
              <TableHead>
                <TableRow>
                  <TableCell />
                  <TableCell align="right">Before</TableCell>
                  <TableCell align="right">After</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {(
                  [
                    ['rows', 'Rows'],
                    ['columns', 'Columns'],
                    ['missing_cells', 'Missing cells'],
                    ['alerts', 'Alerts'],
                  ] as const
                ).map(([key, label]) => {
                  const before = result.comparison.before[key];
                  const after = result.comparison.after[key];
                  return (
                    <TableRow key={key}>
                      <TableCell>{label}</TableCell>
                      <TableCell align="right">{count(before)}</TableCell>
                      <TableCell align="right" sx={{ fontWeight: before !== after ? 700 : 400 }}>
                        {count(after)}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            {result.comparison.alerts_hidden.length > 0 && (
              <Box sx={{ mt: 1.5 }}>
                <Typography variant="body2" sx={{ fontWeight: 600, color: 'warning.dark' }}>
                  Hidden by filling ({result.comparison.alerts_hidden.length})
                </Typography>
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                  {result.comparison.alerts_hidden.map((a, i) => (
                    <Typography key={i} component="li" variant="body2">
                      hidden by filling ({count(a.cells_invented)} {a.cells_invented === 1 ? 'cell' : 'cells'}{' '}
                      invented): {a.message}
                    </Typography>
                  ))}
                </Box>
              </Box>
            )}
            {result.comparison.alerts_cleared.length > 0 && (
              <Box sx={{ mt: 1.5 }}>
                <Typography variant="body2" sx={{ fontWeight: 600, color: 'success.dark' }}>
                  Cleared ({result.comparison.alerts_cleared.length})
                </Typography>
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                  {result.comparison.alerts_cleared.map((a, i) => (
                    <Typography key={i} component="li" variant="body2">
                      {a}
                    </Typography>
                  ))}
                </Box>
              </Box>
            )}
            {result.comparison.alerts_added.length > 0 && (
              <Box sx={{ mt: 1.5 }}>
                <Typography variant="body2" sx={{ fontWeight: 600, color: 'warning.dark' }}>
                  New ({result.comparison.alerts_added.length})
                </Typography>
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                  {result.comparison.alerts_added.map((a, i) => (
                    <Typography key={i} component="li" variant="body2">
                      {a}
                    </Typography>
                  ))}
                </Box>
              </Box>
            )}
          </Box>
          <Box
            sx={{ bgcolor: 'background.paper', border: 1, borderColor: 'divider', borderRadius: 2, p: 2, minWidth: 0 }}
          >
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
              Each step
            </Typography>
            <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label="Step log">
              {result.steps.map((step) => (
                <StepEntry key={step.index} step={step} />
              ))}
            </Box>
          </Box>
        </Box>
      )}
    </Paper>
  );
}

function value(v: unknown): string {
  if (v == null) return '–';
  if (Array.isArray(v)) return v.length === 0 ? 'all applicable' : v.map(value).join(', ');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${value(x)}`)
      .join(' · ');
  }
  return String(v);
}

/** One step's log: what it changed, in numbers, and what it actually did (the parameters as resolved). */
function StepEntry({ step }: { step: StepLog }) {
  const { color, label } = actionStyle(step.type);
  const changes = [
    step.rows_before !== step.rows_after ? `rows ${count(step.rows_before)} → ${count(step.rows_after)}` : null,
    step.columns_before !== step.columns_after ? `columns ${step.columns_before} → ${step.columns_after}` : null,
    step.missing_before !== step.missing_after
      ? `missing ${count(step.missing_before)} → ${count(step.missing_after)}`
      : null,
    step.cells_changed > 0 ? `${count(step.cells_changed)} cells changed` : null,
  ].filter(Boolean);
  const byColumn = Object.entries(step.cells_changed_by_column);
  return (
    <Box component="li" sx={{ borderLeft: 3, borderColor: color, pl: 1.25, py: 0.5, mb: 1 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip
          size="small"
          variant="outlined"
          label={`${step.index + 1}. ${label}`}
          sx={{ bgcolor: `${color}14`, color: ink(color), borderColor: `${color}66`, fontWeight: 600 }}
        />
        <Typography variant="body2">{changes.length > 0 ? changes.join(' · ') : 'no change to the data'}</Typography>
        <Typography variant="caption" color="text.secondary">
          {duration(step.millis)}
        </Typography>
      </Stack>
      <Box
        component="dl"
        sx={{ m: 0, mt: 0.5, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 1, fontSize: 13 }}
      >
        {Object.entries(step.params).map(([k, v]) => (
          <Box key={k} sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ color: 'text.secondary' }}>
              {k.replace(/_/g, ' ')}
            </Box>
            <Box component="dd" sx={{ m: 0, wordBreak: 'break-word' }}>
              {value(v)}
            </Box>
          </Box>
        ))}
      </Box>
      {byColumn.length > 0 && (
        <Typography variant="body2" aria-label="Cells changed per column">
          Cells changed per column: {byColumn.map(([c, n]) => `${c} ${count(n)}`).join(' · ')}
        </Typography>
      )}
      {step.columns_added.length > 0 && <Typography variant="body2">Added: {step.columns_added.join(', ')}</Typography>}
      {step.columns_removed.length > 0 && (
        <Typography variant="body2">Removed: {step.columns_removed.join(', ')}</Typography>
      )}
      {step.warnings.map((w, i) => (
        <Alert key={i} severity="warning" sx={{ mt: 0.5, py: 0 }}>
          {w}
        </Alert>
      ))}
    </Box>
  );
}
