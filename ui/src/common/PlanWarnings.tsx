import { Alert, AlertTitle, Box, Stack } from '@mui/material';
import type { PlanWarning } from '../lib/types';
import { actionStyle } from './actionStyle';

const SEVERITY = { critical: 'error', warning: 'warning', info: 'info' } as const;

/**
 * The validator's judgement of the plan's sense: each step that would likely damage the data or the evaluation,
 * with the column, the number and a better alternative. Warnings never stop a plan; a person decides.
 */
export function PlanWarnings({ warnings, title }: { warnings: PlanWarning[]; title?: string }) {
  if (warnings.length === 0) return null;
  return (
    <Box component="section" aria-label={title ?? 'Warnings about the plan'}>
      {title && <Box sx={{ fontWeight: 600, fontSize: 14, mb: 0.5 }}>{title}</Box>}
      <Stack spacing={0.75}>
        {warnings.map((w, i) => (
          <Alert key={i} severity={SEVERITY[w.severity]} sx={{ py: 0.25 }} data-testid="plan-warning">
            <AlertTitle sx={{ fontSize: 14, mb: 0.25 }}>
              Step {w.action_index + 1} ({actionStyle(w.action).label}) · {w.column}
            </AlertTitle>
            {w.message}
            {w.alternative && (
              <Box sx={{ mt: 0.25 }}>
                <strong>Better:</strong> {w.alternative}
              </Box>
            )}
          </Alert>
        ))}
      </Stack>
    </Box>
  );
}
