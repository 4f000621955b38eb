import {
  Box,
  Button,
  Card,
  CardContent,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { ErrorMessage } from '../common/ErrorMessage';
import { followInPage, useTitle } from '../common/navigation';
import { useMe } from '../lib/me';
import { type AuditEvent, type AuditFilters, exportUrl, NO_FILTERS, useAudit } from './api/audit';

const ACTIONS: [string, string][] = [
  ['', 'Any action'],
  ['sign_in', 'Sign-in'],
  ['upload', 'Upload'],
  ['assistant', 'Assistant request'],
  ['apply', 'Plan applied'],
  ['download', 'Download'],
  ['delete', 'Delete'],
];
const OUTCOMES: [string, string][] = [
  ['', 'Any outcome'],
  ['success', 'Success'],
  ['failure', 'Failure'],
  ['denied', 'Denied'],
];
const PAGE_SIZE = 25;

const LABELS: Record<string, string> = Object.fromEntries(ACTIONS.filter(([value]) => value));

/** What an event was about, in a few words: the file, the prompt, the artifact; never data values (none are kept). */
export function describe(event: AuditEvent): string {
  const d = event.details;
  const text = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : '');
  const parts: string[] = [];
  switch (event.action) {
    case 'upload':
      parts.push(text('file'));
      break;
    case 'assistant':
      parts.push(
        `“${text('prompt')}”`,
        `${text('provider')}${d.model ? ` ${text('model')}` : ''}`,
        `${d.bytes_sent ?? 0} bytes sent`,
      );
      break;
    case 'apply':
      parts.push(Array.isArray(d.actions) ? (d.actions as string[]).join(', ') : '', text('run_name'));
      break;
    case 'download':
      parts.push(text('artifact'));
      break;
    case 'delete':
      parts.push(text('what'), text('run_id'));
      break;
    case 'sign_in':
      parts.push(text('via'), text('reason'));
      break;
  }
  if (event.outcome !== 'success' && d.status) {
    parts.push(`answered ${d.status}${d.refused ? ` (${text('refused')})` : ''}`);
  }
  return parts.filter(Boolean).join(' · ');
}

/** Who did what, newest first: one's own events, everyone's for an admin; filters, pages and a JSON Lines export. */
export function ActivityPage() {
  useTitle('Activity');
  const me = useMe();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [page, setPage] = useState(0);
  const audit = useAudit(filters, page, PAGE_SIZE);
  const change = (key: keyof AuditFilters) => (event: { target: { value: string } }) => {
    setFilters((current) => ({ ...current, [key]: event.target.value }));
    setPage(0);
  };
  const total = audit.data?.total ?? 0;
  const last = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);

  return (
    <Stack spacing={2} sx={{ maxWidth: 1200, mx: 'auto' }}>
      <Box>
        <Typography variant="h4" component="h1" sx={{ fontWeight: 600 }}>
          Activity
        </Typography>
        <Typography color="text.secondary">
          {me.data?.admin
            ? 'Every sign-in, upload, assistant request, applied plan, download and delete, by everyone.'
            : 'Your sign-ins, uploads, assistant requests, applied plans, downloads and deletes.'}
        </Typography>
      </Box>
      <Card variant="outlined">
        <CardContent>
          <Stack
            direction={{ xs: 'column', md: 'row' }}
            spacing={2}
            sx={{ mb: 2 }}
            component="form"
            aria-label="Filters"
            onSubmit={(e) => e.preventDefault()}
          >
            <TextField
              select
              size="small"
              label="Action"
              value={filters.action}
              onChange={change('action')}
              sx={{ minWidth: 180 }}
            >
              {ACTIONS.map(([value, label]) => (
                <MenuItem key={value} value={value}>
                  {label}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              size="small"
              label="Outcome"
              value={filters.outcome}
              onChange={change('outcome')}
              sx={{ minWidth: 150 }}
            >
              {OUTCOMES.map(([value, label]) => (
                <MenuItem key={value} value={value}>
                  {label}
                </MenuItem>
              ))}
            </TextField>
            <TextField size="small" label="Dataset id" value={filters.datasetId} onChange={change('datasetId')} />
            {me.data?.admin && (
              <TextField size="small" label="Person" value={filters.actor} onChange={change('actor')} />
            )}
            <Box sx={{ flexGrow: 1 }} />
            <Button href={exportUrl(filters)} download="assay-audit.jsonl">
              Export (JSON Lines)
            </Button>
          </Stack>
          {audit.error ? (
            <ErrorMessage error={audit.error} onRetry={() => audit.refetch()} />
          ) : (
            <Table size="small" aria-label="Audit events">
              <TableHead>
                <TableRow>
                  <TableCell>When</TableCell>
                  <TableCell>Who</TableCell>
                  <TableCell>Action</TableCell>
                  <TableCell>Outcome</TableCell>
                  <TableCell>Dataset</TableCell>
                  <TableCell>What</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {audit.data?.events.map((event) => (
                  <TableRow key={event.id} title={`request ${event.request_id}`}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{new Date(event.at).toLocaleString()}</TableCell>
                    <TableCell>{event.actor}</TableCell>
                    <TableCell>{LABELS[event.action] ?? event.action}</TableCell>
                    <TableCell sx={{ color: event.outcome === 'success' ? 'success.main' : 'error.main' }}>
                      {event.outcome}
                    </TableCell>
                    <TableCell>
                      {event.dataset_id && (
                        <a href={`/jobs/${event.dataset_id}`} onClick={followInPage(`/jobs/${event.dataset_id}`)}>
                          {event.dataset_id}
                        </a>
                      )}
                    </TableCell>
                    <TableCell>{describe(event)}</TableCell>
                  </TableRow>
                ))}
                {audit.data && audit.data.events.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={6}>No activity matches these filters.</TableCell>
                  </TableRow>
                )}
              </TableBody>
            </Table>
          )}
          <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
            <Button size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Newer
            </Button>
            <Typography variant="body2" color="text.secondary">
              {total === 0
                ? 'No events'
                : `${page * PAGE_SIZE + 1}–${Math.min(total, (page + 1) * PAGE_SIZE)} of ${total}`}
            </Typography>
            <Button size="small" disabled={page >= last} onClick={() => setPage(page + 1)}>
              Older
            </Button>
          </Stack>
        </CardContent>
      </Card>
    </Stack>
  );
}
