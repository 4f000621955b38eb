import { Alert, AlertTitle, Button } from '@mui/material';
import { ApiError } from '../lib/client';

/** An error from the api (or the network) as a person reads it: what happened, and what to do. */
export function ErrorMessage({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const apiError = error instanceof ApiError ? error : null;
  const heading = title ?? apiError?.title ?? 'Something went wrong';
  const detail = apiError?.detail ?? (error instanceof Error ? error.message : String(error));
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            Try again
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{heading}</AlertTitle>
      {title && apiError && apiError.title !== title ? `${apiError.title}: ` : ''}
      {detail}
    </Alert>
  );
}
