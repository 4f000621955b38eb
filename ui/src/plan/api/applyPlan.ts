import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Plan, PlanStep } from '../../generated/plan';
import { http } from '../../lib/client';
import type { MutationConfig } from '../../lib/mutation';
import { queryKeys } from '../../lib/queryKeys';
import type { RunAccepted } from '../../lib/types';

/** A plan to run on a dataset: `runName` names the run, `prompt` is what the assistant was asked, if anything. */
export interface ApplyPlan {
  jobId: string;
  plan: Plan;
  runName: string;
  prompt?: string;
}

/** The plan as the api takes it in the body of apply and of a plan's manifest. */
export const planBody = ({ plan, runName, prompt }: ApplyPlan) => ({
  explanation: plan.explanation,
  actions: plan.actions as PlanStep[],
  run_name: runName,
  prompt,
});

/** POST /assistant/apply: starts a run of the plan. */
export const applyPlan = (request: ApplyPlan) =>
  http.post<RunAccepted>('/api/v1/assistant/apply', { job_id: request.jobId, ...planBody(request) });

/** Applies a plan; the dataset's page (which lists the new run) and the list of datasets are asked again. */
export function useApplyPlan(config: MutationConfig<RunAccepted, ApplyPlan> = {}) {
  const client = useQueryClient();
  const { onSuccess, ...rest } = config;
  return useMutation({
    ...rest,
    mutationFn: applyPlan,
    onSuccess: async (...args) => {
      const [, { jobId }] = args;
      await client.invalidateQueries({ queryKey: queryKeys.job(jobId) });
      void client.invalidateQueries({ queryKey: queryKeys.jobs });
      await onSuccess?.(...args);
    },
  });
}
