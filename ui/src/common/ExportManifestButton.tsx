import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import { Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { useId, useState } from 'react';
import type { DownloadedFile } from '../lib/client';
import { ErrorMessage } from './ErrorMessage';

/** Saves a file the page holds, as a download under its name (the browser's own save, no new page). */
export function saveFile({ blob, fileName }: DownloadedFile) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * "Export as manifest": the plan as an AssistantRun resource (YAML) to apply with kubectl, made and checked by the
 * api. The hint under it says what the file is for; a refusal (an invalid plan, a dataset gone) shows beside it.
 */
export function ExportManifestButton({
  load,
  disabled = false,
}: {
  load: () => Promise<DownloadedFile>;
  disabled?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const hint = useId();
  const exportIt = async () => {
    setBusy(true);
    setError(null);
    try {
      saveFile(await load());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Box>
        <Button
          variant="outlined"
          onClick={exportIt}
          disabled={disabled || busy}
          aria-describedby={hint}
          startIcon={busy ? <CircularProgress size={16} color="inherit" aria-hidden /> : <FileDownloadOutlined />}
        >
          Export as manifest
        </Button>
        <Typography id={hint} variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
          An AssistantRun (YAML) to run this plan on a cluster with kubectl apply -f.
        </Typography>
      </Box>
      {error != null && <ErrorMessage error={error} title="The manifest could not be made" />}
    </Stack>
  );
}
