import type { PlanError } from './types';

/** An answer other than success, in words a person can act on (from the api's problem+json, or ours). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: PlanError[] = [],
  ) {
    super(detail || title);
    this.name = 'ApiError';
  }
}

/**
 * How long each kind of call may take before the page says so instead of waiting forever. The assistant may
 * call a language model with retries (30 s a call on the server), so it gets longer. Tests shorten these.
 */
export const timeouts = {
  read: 20_000,
  write: 30_000,
  assistant: 150_000,
  /** An upload may take long on a slow link, but not without any progress for this long. */
  uploadStall: 60_000,
};

export const unreachable = () =>
  new ApiError(
    0,
    'Assay cannot be reached',
    'Check your connection and that the Assay server is running, then try again.',
  );

const tooSlow = (ms: number, what: string) =>
  new ApiError(
    0,
    'No answer in time',
    `${what} did not answer within ${Math.max(1, Math.round(ms / 1000))} s. The server may be busy; try again in a moment.`,
  );

/** Words for an answer without a problem body (a proxy's error page, an empty 502). */
function fallbackTitle(status: number): string {
  if (status === 404) return 'Not found';
  if (status === 413) return 'Too large';
  if (status === 429 || status === 503) return 'Assay is busy';
  if (status >= 500) return 'The server had a problem';
  return 'The request was refused';
}

export function problemFrom(status: number, body: Record<string, unknown>, retryAfter: string | null): ApiError {
  const title = typeof body.title === 'string' && body.title ? body.title : fallbackTitle(status);
  let detail = typeof body.detail === 'string' && body.detail ? body.detail : `The server answered ${status}.`;
  if (retryAfter && /^\d+$/.test(retryAfter) && !detail.includes('again')) {
    detail += ` Try again in ${retryAfter} s.`;
  }
  return new ApiError(status, title, detail, Array.isArray(body.errors) ? (body.errors as PlanError[]) : []);
}

async function problem(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy's page): the status says enough
  }
  return problemFrom(response.status, body, response.headers.get('Retry-After'));
}

/** Sends a request; a refusal becomes an {@link ApiError} with the api's words, a silence one that says so. */
async function send(
  path: string,
  init: RequestInit & { timeout: number; what: string; accept: string },
): Promise<Response> {
  const { timeout, what, accept, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(path, {
      ...rest,
      headers: { Accept: accept, ...(rest.headers ?? {}) },
      signal: rest.signal ? AbortSignal.any([rest.signal, AbortSignal.timeout(timeout)]) : AbortSignal.timeout(timeout),
    });
  } catch (e) {
    // Checked by name: a DOMException from another realm (a test's DOM) is not instanceof this one.
    const name = (e as { name?: unknown } | null)?.name;
    if (name === 'TimeoutError') {
      throw tooSlow(timeout, what);
    }
    if (name === 'AbortError') {
      throw e; // the caller cancelled (React Query does when a page goes away)
    }
    throw unreachable();
  }
  if (!response.ok) {
    throw await problem(response);
  }
  return response;
}

async function request<T>(path: string, init: RequestInit & { timeout: number; what: string }): Promise<T> {
  const response = await send(path, { ...init, accept: 'application/json' });
  if (response.status === 204) {
    return undefined as T;
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(response.status, 'Unexpected answer', 'The server answered with something that is not JSON.');
  }
}

/** A file the api answered with, and the name it suggested for it. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** The name in a Content-Disposition header: filename* (RFC 5987) first, then filename. */
export function attachmentName(disposition: string | null, fallback: string): string {
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // a malformed escape: the plain name, if any, follows
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition ?? '');
  const name = (plain?.[1] ?? plain?.[2] ?? '').trim();
  // Only the last path segment: a name is never a place to save to.
  return name.split(/[\\/]/).pop() || fallback;
}

async function file(
  path: string,
  init: RequestInit & { accept: string; fallbackName: string },
): Promise<DownloadedFile> {
  const { fallbackName, ...rest } = init;
  const response = await send(path, { ...rest, timeout: timeouts.read, what: 'Assay' });
  return {
    blob: await response.blob(),
    fileName: attachmentName(response.headers.get('Content-Disposition'), fallbackName),
  };
}

/**
 * The one way the features' api modules speak to the api: every call gets a timeout and every refusal becomes an
 * {@link ApiError}. `what` names who did not answer in time ("The assistant").
 */
export const http = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal, timeout: timeouts.read, what: 'Assay' }),
  post: <T>(
    path: string,
    body: unknown,
    {
      timeout = timeouts.write,
      what = 'Assay',
      signal,
    }: { timeout?: number; what?: string; signal?: AbortSignal } = {},
  ) =>
    request<T>(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      timeout,
      what,
      signal,
    }),
  delete: (path: string) => request<void>(path, { method: 'DELETE', timeout: timeouts.write, what: 'Assay' }),
  /** A file (a manifest), saved under the name the api suggests or `fallbackName`. */
  file,
};

/** A job's address, which most calls start from. */
export const jobPath = (jobId: string) => `/api/v1/jobs/${encodeURIComponent(jobId)}`;
