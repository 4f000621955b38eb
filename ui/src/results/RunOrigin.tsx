import { Typography } from '@mui/material';
import type { RunView } from '../lib/types';

/**
 * Who started a run, in words. Runs created outside Assay (an AssistantRun applied with kubectl) carry the program
 * Kubernetes recorded as their maker, never a person: Kubernetes does not keep who created an object.
 */
export function originText(run: RunView): string {
  const origin = run.origin;
  switch (origin.via) {
    case 'api':
      return `Applied by ${origin.user ?? 'an unknown person'}`;
    case 'legacy':
      return `From an earlier version of Assay, given to ${origin.user ?? 'no one'}`;
    case 'kubernetes':
      return (
        `Created outside Assay with ${origin.tool ?? 'a Kubernetes client'}; Kubernetes does not record by whom. ` +
        'Read-only here: delete it with kubectl.'
      );
    default:
      return 'Not started through Assay, and its origin is not recorded.';
  }
}

/** The origin as a line under a run's name. */
export function RunOriginNote({ run }: { run: RunView }) {
  return (
    <Typography variant="caption" color="text.secondary" component="div">
      {originText(run)}
    </Typography>
  );
}
