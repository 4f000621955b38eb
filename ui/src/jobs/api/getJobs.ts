import { queryOptions, useQuery } from '@tanstack/react-query';
import { http } from '../../lib/client';
import { queryKeys } from '../../lib/queryKeys';
import type { JobListItem } from '../../lib/types';
import { inProgress } from '../../common/status';
import { POLL_MS } from './getJob';

/** GET /jobs: the recent datasets, newest first. */
export const getJobs = (signal?: AbortSignal) => http.get<JobListItem[]>('/api/v1/jobs?limit=20', signal);

/** Asked every 2 s while a dataset is being profiled, else every 15 s (another tab may upload). */
export const jobsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.jobs,
    queryFn: ({ signal }) => getJobs(signal),
    refetchInterval: (query) => (query.state.data?.some((j) => inProgress(j.status)) ? POLL_MS : 15_000),
  });

export const useJobs = () => useQuery(jobsQueryOptions());
