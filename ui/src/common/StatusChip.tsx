import { Chip } from '@mui/material';
import type { TaskState } from '../lib/types';

const LOOK = {
  queued: { color: 'default', label: 'queued' },
  running: { color: 'info', label: 'running' },
  done: { color: 'success', label: 'done' },
  failed: { color: 'error', label: 'failed' },
} as const;

export function StatusChip({ status }: { status: TaskState }) {
  const look = LOOK[status] ?? { color: 'default', label: status };
  return (
    <Chip size="small" label={look.label} color={look.color} variant={status === 'done' ? 'filled' : 'outlined'} />
  );
}
