import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, http, jobPath } from '../../lib/client';
import { queryKeys } from '../../lib/queryKeys';
import type { JobStatusView } from '../../lib/types';
import { inProgress } from '../../common/status';

/** The seed's pace: a dataset's page asks for news every 2 s while something is in progress. */
export const POLL_MS = 2000;
/** After a failed poll of a page that has data, keep trying, more gently. */
const RETRY_MS = 5000;

export function busy(job: JobStatusView | undefined): boolean {
  return job != null && (inProgress(job.status) || job.runs.some((run) => inProgress(run.status)));
}

const notFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/** GET /jobs/{id}/status: a dataset with its profile and its runs. */
export const getJob = (jobId: string, signal?: AbortSignal) =>
  http.get<JobStatusView>(`${jobPath(jobId)}/status`, signal);

/**
 * A job's status, polled every 2 s while it or one of its runs is in progress, and not after it is done or
 * failed. A poll that fails while the page has data keeps trying every 5 s (the work goes on on the server);
 * a dataset that does not exist is not asked for again.
 */
export const jobQueryOptions = (jobId: string) =>
  queryOptions({
    queryKey: queryKeys.job(jobId),
    queryFn: ({ signal }) => getJob(jobId, signal),
    refetchInterval: (query) => {
      const { data, error } = query.state;
      if (notFound(error) || data == null) {
        return false;
      }
      if (error != null) {
        return busy(data) ? RETRY_MS : false;
      }
      return busy(data) ? POLL_MS : false;
    },
    refetchIntervalInBackground: true,
    retry: (failures, error) => failures < 2 && !notFound(error) && !(error instanceof ApiError && error.status >= 400),
  });

export const useJob = (jobId: string) => useQuery(jobQueryOptions(jobId));
