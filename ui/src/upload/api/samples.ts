import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../lib/client';
import type { MutationConfig } from '../../lib/mutation';
import { queryKeys } from '../../lib/queryKeys';
import type { Accepted, Sample } from '../../lib/types';

/** GET /samples: the datasets packaged with Assay. */
export const getSamples = (signal?: AbortSignal) => http.get<Sample[]>('/api/v1/samples', signal);

/** The samples do not change while the api runs. */
export const samplesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.samples, queryFn: ({ signal }) => getSamples(signal), staleTime: Infinity });

export const useSamples = () => useQuery(samplesQueryOptions());

/** POST /samples/{name}/jobs: a copy of the sample, profiled as if it had been uploaded. */
export const startSample = (name: string) =>
  http.post<Accepted>(`/api/v1/samples/${encodeURIComponent(name)}/jobs`, {});

/** Starts a sample's profile; the list of datasets gains it. */
export function useStartSample(config: MutationConfig<Accepted, string> = {}) {
  const client = useQueryClient();
  const { onSuccess, ...rest } = config;
  return useMutation({
    ...rest,
    mutationFn: startSample,
    onSuccess: async (...args) => {
      void client.invalidateQueries({ queryKey: queryKeys.jobs });
      await onSuccess?.(...args);
    },
  });
}
