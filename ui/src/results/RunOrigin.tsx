import { Typography } from '@mui/material';
import type { RunView } from '../lib/types';

/**
 * Who started a run, in words. For runs created outside Assay (an AssistantRun applied with kubectl) the api gives
 * the program Kubernetes recorded as their maker and, when the operator's admission webhook recorded one, the
 * Kubernetes user who created it; without that record the person is said to be unknown, never guessed.
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
        `Created outside Assay with ${origin.tool ?? 'a Kubernetes client'}` +
        (origin.user ? ` by Kubernetes user ${origin.user}. ` : '; creator not recorded. ') +
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
