import Download from '@mui/icons-material/Download';
import OpenInNew from '@mui/icons-material/OpenInNew';
import { Box, Button, Paper, Stack, Typography } from '@mui/material';

/**
 * The HTML report in a sandboxed frame (the api serves it with a CSP that forbids scripts; the frame forbids them
 * too), in a new tab, and the CSV beside it.
 */
export function ReportFrame({ title, url, height = { xs: 480, md: 760 } }: {
  title: string;
  url: string;
  height?: number | Record<string, number>;
}) {
  return (
    <Box
      component="iframe"
      title={title}
      src={url}
      sandbox="allow-popups"
      sx={{ width: '100%', height, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'white', display: 'block' }}
    />
  );
}

export function ReportCard({ title, reportUrl, csvUrl }: { title: string; reportUrl: string; csvUrl: string | null }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={title}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mb: 1, justifyContent: 'space-between', alignItems: { sm: 'center' } }}>
        <Typography variant="h6" component="h2">{title}</Typography>
        <Stack direction="row" spacing={1}>
          <Button size="small" startIcon={<OpenInNew />} href={reportUrl} target="_blank" rel="noopener">Open in a new tab</Button>
          {csvUrl && <Button size="small" startIcon={<Download />} href={csvUrl} download>Cleaned CSV</Button>}
        </Stack>
      </Stack>
      <ReportFrame title={title} url={reportUrl} />
    </Paper>
  );
}
