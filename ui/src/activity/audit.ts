import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/client';

/** One audit event, as GET /api/v1/audit answers it (docs/rest-api.md, "Audit trail"). */
export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  team: string;
  action: 'sign_in' | 'upload' | 'assistant' | 'apply' | 'download' | 'delete';
  outcome: 'success' | 'failure' | 'denied';
  request_id: string;
  dataset_id: string | null;
  run_id: string | null;
  details: Record<string, unknown>;
}

export interface AuditPage {
  events: AuditEvent[];
  page: number;
  size: number;
  total: number;
}

export interface AuditFilters {
  action: string;
  outcome: string;
  datasetId: string;
  actor: string;
}

export const NO_FILTERS: AuditFilters = { action: '', outcome: '', datasetId: '', actor: '' };

/** The query string of the filters; empty ones are left out. */
export function filterQuery(filters: AuditFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.action) query.set('action', filters.action);
  if (filters.outcome) query.set('outcome', filters.outcome);
  if (filters.datasetId.trim()) query.set('dataset_id', filters.datasetId.trim());
  if (filters.actor.trim()) query.set('actor', filters.actor.trim());
  return query;
}

export function exportUrl(filters: AuditFilters): string {
  const query = filterQuery(filters).toString();
  return `/api/v1/audit/export${query ? `?${query}` : ''}`;
}

export async function fetchAudit(
  filters: AuditFilters,
  page: number,
  size: number,
  signal?: AbortSignal,
): Promise<AuditPage> {
  const query = filterQuery(filters);
  query.set('page', String(page));
  query.set('size', String(size));
  const response = await fetch(`/api/v1/audit?${query}`, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) {
    let title = 'The activity could not be read';
    let detail = `The server answered ${response.status}.`;
    try {
      const body = await response.json();
      if (typeof body.title === 'string') title = body.title;
      if (typeof body.detail === 'string') detail = body.detail;
    } catch {
      // not JSON
    }
    throw new ApiError(response.status, title, detail);
  }
  return (await response.json()) as AuditPage;
}

export function useAudit(filters: AuditFilters, page: number, size = 25) {
  return useQuery({
    queryKey: ['audit', filters, page, size],
    queryFn: ({ signal }) => fetchAudit(filters, page, size, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
}
