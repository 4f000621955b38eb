import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Plan } from '../../generated/plan';
import { ApiError, http, timeouts } from '../../lib/client';
import { queryKeys } from '../../lib/queryKeys';
import type { Validation } from '../../lib/types';
import { useDebounced } from '../../common/useDebounced';

/**
 * POST /plans/validate: the server's verdict on a plan for this dataset (the api's PlanValidator is the
 * authority). An unreadable step (a 400 naming the step) counts as an invalid plan, not a failure.
 */
export async function validatePlan(jobId: string, plan: Plan, signal?: AbortSignal): Promise<Validation> {
  try {
    return await http.post<Validation>(
      '/api/v1/plans/validate',
      { job_id: jobId, ...plan },
      { timeout: timeouts.read, what: 'The plan check', signal },
    );
  } catch (e) {
    if (e instanceof ApiError && e.errors.length > 0) {
      return { valid: false, errors: e.errors };
    }
    throw e;
  }
}

/** `planJson`: the plan as JSON, which is also its part of the key. */
export const validationQueryOptions = (jobId: string, planJson: string) =>
  queryOptions({
    queryKey: queryKeys.validation(jobId, planJson),
    queryFn: ({ signal }) => validatePlan(jobId, JSON.parse(planJson) as Plan, signal),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
  });

/** The plan is checked a moment after the last edit, and only as it settled: never an earlier version. */
export function useValidation(jobId: string, plan: Plan, enabled: boolean) {
  const key = JSON.stringify(plan);
  const settledKey = useDebounced(key, 300);
  const settled = JSON.parse(settledKey) as Plan;
  const query = useQuery({
    ...validationQueryOptions(jobId, settledKey),
    // Never an empty plan.
    enabled: enabled && settled.actions.length > 0,
  });
  /** True when the answer shown is about the plan as it is now, not an earlier version. */
  const current = settledKey === key && !query.isPlaceholderData && !query.isFetching;
  return { ...query, current };
}
