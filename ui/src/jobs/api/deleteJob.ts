import { useMutation, useQueryClient } from '@tanstack/react-query';
import { http, jobPath } from '../../lib/client';
import type { MutationConfig } from '../../lib/mutation';
import { queryKeys } from '../../lib/queryKeys';

/** DELETE /jobs/{id}: a dataset with its runs and files. */
export const deleteJob = (jobId: string) => http.delete(jobPath(jobId));

/** Deletes a dataset; the list and the dataset's page forget it. */
export function useDeleteJob(config: MutationConfig<void, string> = {}) {
  const client = useQueryClient();
  const { onSuccess, ...rest } = config;
  return useMutation({
    ...rest,
    mutationFn: deleteJob,
    onSuccess: async (...args) => {
      const [, jobId] = args;
      client.removeQueries({ queryKey: queryKeys.job(jobId) });
      await client.invalidateQueries({ queryKey: queryKeys.jobs });
      await onSuccess?.(...args);
    },
  });
}
