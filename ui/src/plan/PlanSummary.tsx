import { Box, Typography } from '@mui/material';

/**
 * The plan in plain words, from the server's check of the plan against this dataset: the model's target and
 * features, and for every step the columns it will change by name ("every numeric column: a, b, c" where a step
 * applies to all), so a step wider than intended is seen before it runs.
 */
export function PlanSummary({ lines, stale = false }: { lines: string[]; stale?: boolean }) {
  if (lines.length === 0) {
    return null;
  }
  return (
    <Box component="section" aria-labelledby="plan-summary-heading" sx={{ mt: 1.5, opacity: stale ? 0.6 : 1 }}>
      <Typography variant="subtitle2" component="h3" id="plan-summary-heading">
        In plain words{stale ? ' (updating…)' : ''}
      </Typography>
      <Box component="ul" aria-labelledby="plan-summary-heading" sx={{ mt: 0.5, mb: 0, pl: 2.5 }}>
        {lines.map((line, i) => (
          <li key={i}>
            <Typography variant="body2">{line}</Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
}
