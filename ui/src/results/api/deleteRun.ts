import { useMutation, useQueryClient } from '@tanstack/react-query';
import { http, jobPath } from '../../lib/client';
import type { MutationConfig } from '../../lib/mutation';
import { queryKeys } from '../../lib/queryKeys';

/** DELETE /jobs/{id}/runs/{run}: one run with its files. */
export const deleteRun = (jobId: string, runId: string) =>
  http.delete(`${jobPath(jobId)}/runs/${encodeURIComponent(runId)}`);

/** Deletes one run of a dataset; the dataset's page is asked again. */
export function useDeleteRun(jobId: string, config: MutationConfig<void, string> = {}) {
  const client = useQueryClient();
  const { onSuccess, ...rest } = config;
  return useMutation({
    ...rest,
    mutationFn: (runId: string) => deleteRun(jobId, runId),
    onSuccess: async (...args) => {
      await client.invalidateQueries({ queryKey: queryKeys.job(jobId) });
      await onSuccess?.(...args);
    },
  });
}
