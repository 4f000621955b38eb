import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { http } from '../../lib/client';
import { queryKeys } from '../../lib/queryKeys';

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

/** GET /audit: one page of the events the filters select, newest first. */
export function getAudit(filters: AuditFilters, page: number, size: number, signal?: AbortSignal): Promise<AuditPage> {
  const query = filterQuery(filters);
  query.set('page', String(page));
  query.set('size', String(size));
  return http.get<AuditPage>(`/api/v1/audit?${query}`, signal);
}

/** The page shown stays while the next one loads; new events appear within 15 s. */
export const auditQueryOptions = (filters: AuditFilters, page: number, size: number) =>
  queryOptions({
    queryKey: queryKeys.audit(filters, page, size),
    queryFn: ({ signal }) => getAudit(filters, page, size, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });

export const useAudit = (filters: AuditFilters, page: number, size = 25) =>
  useQuery(auditQueryOptions(filters, page, size));
