import { Chip, Stack } from '@mui/material';
import type { PlanStep } from '../generated/plan';
import { actionStyle, ink, summary } from './actionStyle';

/** Actions as coloured chips (colour by kind of action), numbered in the order they run. */
export function PlanChips({ actions, label = 'Actions' }: { actions: PlanStep[]; label?: string }) {
  return (
    <Stack direction="row" useFlexGap spacing={1} aria-label={label} role="list" sx={{ flexWrap: 'wrap' }}>
      {actions.map((step, index) => {
        const { color } = actionStyle(step.type);
        return (
          <Chip
            role="listitem"
            key={`${index}-${step.type}`}
            label={`${index + 1}. ${summary(step)}`}
            data-chip-type={step.type}
            sx={{
              bgcolor: `${color}14`,
              color: ink(color),
              borderColor: `${color}55`,
              fontWeight: 500,
              maxWidth: '100%',
            }}
            variant="outlined"
          />
        );
      })}
    </Stack>
  );
}
