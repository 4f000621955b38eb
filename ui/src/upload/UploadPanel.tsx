import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import { Box, Button, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { type Upload, uploadFile } from './api/upload';
import { ErrorMessage } from '../common/ErrorMessage';
import { fileSize } from '../common/format';
import { navigate } from '../common/navigation';
import { noChoices, readingOptions, ReadingOptionsFields } from './ReadingOptionsFields';

/** Drop or pick a CSV, .xlsx or .parquet; the upload shows its progress and can be cancelled; a refused file says why. */
export function UploadPanel() {
  const input = useRef<HTMLInputElement>(null);
  const current = useRef<Upload | null>(null);
  const [sending, setSending] = useState<{ name: string; bytes: number; percent: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [choices, setChoices] = useState(noChoices);

  const send = async (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (!file || current.current) {
      return;
    }
    setNote(files && files.length > 1 ? `One file at a time: uploading ${file.name}.` : null);
    setError(null);
    setSending({ name: file.name, bytes: file.size, percent: 0 });
    const upload = uploadFile(
      file,
      (percent) => setSending((s) => (s ? { ...s, percent } : s)),
      readingOptions(choices),
    );
    current.current = upload;
    try {
      const accepted = await upload.done;
      navigate(`/jobs/${accepted.job_id}`);
    } catch (e) {
      setError(e);
    } finally {
      current.current = null;
      setSending(null);
      if (input.current) {
        input.current.value = ''; // choosing the same file again after a refusal must send it again
      }
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }} component="section" aria-labelledby="upload-heading">
      <Box
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          send(event.dataTransfer.files);
        }}
        data-testid="drop-zone"
        sx={{
          border: '2px dashed',
          borderColor: dragging ? 'primary.main' : '#c8cdd8',
          bgcolor: dragging ? '#eef2ff' : '#fafbfd',
          borderRadius: 3,
          p: { xs: 3, sm: 5 },
          textAlign: 'center',
          transition: 'background-color 120ms, border-color 120ms',
        }}
      >
        <CloudUploadOutlined color="primary" sx={{ fontSize: 52 }} aria-hidden />
        <Typography variant="h6" component="h2" id="upload-heading" gutterBottom>
          Drop a CSV, Excel or Parquet file here
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2, maxWidth: 560, mx: 'auto' }}>
          Assay profiles it in seconds: types, missing values, distributions, correlations and alerts, with a suggested
          fix for each. CSV (comma, semicolon, tab or pipe separated, in UTF-8, UTF-16, Latin-1 or Windows-1252; also
          compressed as .gz or alone in a .zip) or an Excel workbook (.xlsx, its first sheet), with a header row; or a
          Parquet file with flat columns (.parquet).
        </Typography>
        <input
          ref={input}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.gz,.zip,.parquet"
          hidden
          aria-label="CSV file"
          onChange={(event) => send(event.target.files)}
        />
        <Button variant="contained" size="large" onClick={() => input.current?.click()} disabled={sending != null}>
          Choose a CSV file
        </Button>
      </Box>
      <ReadingOptionsFields value={choices} onChange={setChoices} disabled={sending != null} />
      {sending != null && (
        <Stack spacing={1} sx={{ mt: 2 }}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography variant="body2" aria-live="polite">
              Uploading <strong>{sending.name}</strong> ({fileSize(sending.bytes)})… {sending.percent} %
              {sending.percent === 100 && ' — checking the file'}
            </Typography>
            <Button size="small" color="inherit" onClick={() => current.current?.cancel()}>
              Cancel
            </Button>
          </Stack>
          <LinearProgress variant="determinate" value={sending.percent} aria-label="Upload progress" />
        </Stack>
      )}
      {note && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {note}
        </Typography>
      )}
      {error != null && (
        <Box sx={{ mt: 2 }}>
          <ErrorMessage error={error} />
        </Box>
      )}
    </Paper>
  );
}
