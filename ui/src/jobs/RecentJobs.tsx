import {
  Box,
  Button,
  Link,
  Paper,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Suspense, lazy, useState } from 'react';
import { inProgress } from '../common/status';
import { useDeleteJob } from './api/deleteJob';
import { useJobs } from './api/getJobs';
import type { JobListItem } from '../lib/types';

import { ErrorMessage } from '../common/ErrorMessage';
import { ago, clock, count, fileSize } from '../common/format';
import { followInPage } from '../common/navigation';
import { StatusChip } from '../common/StatusChip';

/** The confirmation dialog's code is loaded when a delete is first asked for, not with the start page. */
const ConfirmDelete = lazy(() => import('../common/ConfirmDelete').then((m) => ({ default: m.ConfirmDelete })));

/** Columns a phone leaves out (their facts go under the file name there). */
const WIDE = { display: { xs: 'none', sm: 'table-cell' } };

/** The datasets uploaded so far, newest first, each a link to its page. */
export function RecentJobs() {
  const jobs = useJobs();
  const remove = useDeleteJob();
  const [doomed, setDoomed] = useState<JobListItem | null>(null);
  const close = () => {
    setDoomed(null);
    remove.reset();
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="recent-heading">
      <Typography variant="h6" component="h2" id="recent-heading" gutterBottom>
        Recent datasets
      </Typography>
      {jobs.error != null && <ErrorMessage error={jobs.error} onRetry={() => jobs.refetch()} />}
      {jobs.isLoading && (
        <Box aria-label="Loading datasets">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={36} />
          ))}
        </Box>
      )}
      {jobs.data?.length === 0 && (
        <Typography color="text.secondary">Nothing uploaded yet. Your datasets will be listed here.</Typography>
      )}
      {jobs.data && jobs.data.length > 0 && (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Recent datasets">
            <TableHead>
              <TableRow>
                <TableCell>File</TableCell>
                <TableCell sx={WIDE}>Size</TableCell>
                <TableCell>Status</TableCell>
                <TableCell sx={WIDE}>Uploaded</TableCell>
                <TableCell>
                  <Box component="span" sx={{ position: 'absolute', left: -9999 }}>
                    Delete
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {jobs.data.map((job) => (
                <TableRow key={job.job_id} hover>
                  <TableCell sx={{ wordBreak: 'break-word' }}>
                    <Link
                      href={`/jobs/${job.job_id}`}
                      onClick={followInPage(`/jobs/${job.job_id}`)}
                      sx={{ fontWeight: 500 }}
                    >
                      {job.file_name}
                    </Link>
                    <Typography variant="caption" color="text.secondary" sx={{ display: { xs: 'block', sm: 'none' } }}>
                      {job.size_bytes != null ? `${fileSize(job.size_bytes)} · ` : ''}
                      {job.rows != null ? `${count(job.rows)} × ${count(job.columns)} · ` : ''}
                      <time dateTime={job.created_at}>{clock(job.created_at)}</time> ({ago(job.created_at)})
                    </Typography>
                    {job.status === 'failed' && job.error && (
                      <Typography variant="caption" color="error" sx={{ display: 'block' }}>
                        {job.error}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell sx={{ ...WIDE, whiteSpace: 'nowrap' }}>
                    {job.size_bytes != null ? `${fileSize(job.size_bytes)} · ` : ''}
                    {job.rows != null ? `${count(job.rows)} rows × ${count(job.columns)} columns` : '–'}
                  </TableCell>
                  <TableCell>
                    <StatusChip status={job.status} />
                  </TableCell>
                  <TableCell sx={{ ...WIDE, whiteSpace: 'nowrap' }}>
                    <time dateTime={job.created_at}>{clock(job.created_at)}</time>
                    <Typography component="span" variant="body2" color="text.secondary">
                      {' '}
                      ({ago(job.created_at)})
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      color="error"
                      disabled={inProgress(job.status)}
                      onClick={() => setDoomed(job)}
                      aria-label={`Delete ${job.file_name}`}
                    >
                      Delete
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {doomed != null && (
        <Suspense fallback={null}>
          <ConfirmDelete
            open
            title={`Delete ${doomed?.file_name ?? 'this dataset'}?`}
            consequence="The dataset, its report, its cleaned CSV and every run with its results and model are removed for good."
            pending={remove.isPending}
            error={remove.error}
            onConfirm={() => doomed && remove.mutate(doomed.job_id, { onSuccess: close })}
            onClose={close}
          />
        </Suspense>
      )}
    </Paper>
  );
}
