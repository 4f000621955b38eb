import type { UseMutationOptions } from '@tanstack/react-query';

/**
 * What a component may add to a feature's mutation hook: its own reaction to the outcome (navigate, keep the
 * errors beside the steps). The request and the cache invalidation stay in the hook.
 */
export type MutationConfig<TData, TVariables> = Omit<
  UseMutationOptions<TData, Error, TVariables>,
  'mutationFn' | 'mutationKey'
>;
