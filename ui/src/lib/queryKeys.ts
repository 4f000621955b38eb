/**
 * Every query key, declared once. A feature invalidates what another feature shows (applying a plan refreshes the
 * dataset's page and the list) through these keys, never by importing the other feature.
 */
export const queryKeys = {
  me: ['me'] as const,
  jobs: ['jobs'] as const,
  job: (jobId: string) => ['job', jobId] as const,
  /** `plan`: the plan as JSON, so an edit that changes nothing asks nothing. */
  validation: (jobId: string, plan: string) => ['validate', jobId, plan] as const,
  samples: ['samples'] as const,
  audit: (filters: unknown, page: number, size: number) => ['audit', filters, page, size] as const,
};
