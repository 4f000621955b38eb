import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Plan } from '../generated/plan';
import { ApiError, api } from './client';
import type { JobStatusView, TaskState, Validation } from './types';

/** The seed's pace: a dataset's page asks for news every 2 s while something is in progress. */
export const POLL_MS = 2000;
/** After a failed poll of a page that has data, keep trying, more gently. */
const RETRY_MS = 5000;

export const inProgress = (status: TaskState) => status === 'queued' || status === 'running';

export function busy(job: JobStatusView | undefined): boolean {
  return job != null && (inProgress(job.status) || job.runs.some((run) => inProgress(run.status)));
}

const notFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * A job's status, polled every 2 s while it or one of its runs is in progress, and not after it is done or
 * failed. A poll that fails while the page has data keeps trying every 5 s (the work goes on on the server);
 * a dataset that does not exist is not asked for again.
 */
export function useJob(jobId: string) {
  return useQuery({
    queryKey: ['job', jobId],
    queryFn: ({ signal }) => api.job(jobId, signal),
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
}

export function useJobs() {
  return useQuery({
    queryKey: ['jobs'],
    queryFn: ({ signal }) => api.jobs(signal),
    refetchInterval: (query) => (query.state.data?.some((j) => inProgress(j.status)) ? POLL_MS : 15_000),
  });
}

export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The server's verdict on a plan for this dataset (the api's PlanValidator is the authority), asked a moment
 * after the last edit. An unreadable step (a 400 naming the step) counts as an invalid plan, not a failure.
 */
export function useValidation(jobId: string, plan: Plan, enabled: boolean) {
  const key = JSON.stringify(plan);
  const settledKey = useDebounced(key, 300);
  const settled = JSON.parse(settledKey) as Plan;
  const query = useQuery({
    queryKey: ['validate', jobId, settledKey],
    queryFn: async ({ signal }): Promise<Validation> => {
      try {
        return await api.validate(jobId, settled, signal);
      } catch (e) {
        if (e instanceof ApiError && e.errors.length > 0) {
          return { valid: false, errors: e.errors };
        }
        throw e;
      }
    },
    // Only the plan as it settled is checked: never an earlier version, never an empty plan.
    enabled: enabled && settled.actions.length > 0,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
  });
  /** True when the answer shown is about the plan as it is now, not an earlier version. */
  const current = settledKey === key && !query.isPlaceholderData && !query.isFetching;
  return { ...query, current };
}

/** Deletes a dataset with its runs and files; the list and the dataset's page forget it. */
export function useDeleteJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => api.deleteJob(jobId),
    onSuccess: (_, jobId) => {
      client.removeQueries({ queryKey: ['job', jobId] });
      return client.invalidateQueries({ queryKey: ['jobs'] });
    },
  });
}

/** Deletes one run with its files; the dataset's page is asked again. */
export function useDeleteRun(jobId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) => api.deleteRun(jobId, runId),
    onSuccess: () => client.invalidateQueries({ queryKey: ['job', jobId] }),
  });
}
