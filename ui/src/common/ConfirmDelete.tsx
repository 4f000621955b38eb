import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useId } from 'react';
import { ErrorMessage } from './ErrorMessage';

/**
 * Asks before something is deleted for good, naming what goes with it. The dialog stays open on failure and
 * says why (a run still running, the server away).
 */
export function ConfirmDelete({
  open,
  title,
  consequence,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  consequence: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const id = useId();
  return (
    <Dialog
      open={open}
      onClose={pending ? undefined : onClose}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
    >
      <DialogTitle id={`${id}-title`}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText id={`${id}-text`}>{consequence}</DialogContentText>
        {error != null && <ErrorMessage error={error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending} autoFocus>
          Keep it
        </Button>
        <Button onClick={onConfirm} color="error" variant="contained" disabled={pending}>
          {pending ? 'Deleting…' : 'Delete'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
