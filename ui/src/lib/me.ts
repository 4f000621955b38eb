import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from './client';
import { queryKeys } from './queryKeys';

/** GET /api/v1/me: who is signed in. On a laptop the one local user, with no sign-out. */
export interface Me {
  name: string;
  teams: string[];
  admin: boolean;
  sign_out: boolean;
}

/** Where the browser signs in on a cluster (the api runs the authorization-code flow and keeps the session). */
export const SIGN_IN_URL = '/oauth2/authorization/assay';

export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  const response = await fetch('/api/v1/me', { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) {
    let detail = `The server answered ${response.status}.`;
    try {
      const body = await response.json();
      if (typeof body.detail === 'string') detail = body.detail;
    } catch {
      // not JSON: the status says enough
    }
    throw new ApiError(response.status, response.status === 401 ? 'Not signed in' : 'Unknown user', detail);
  }
  return (await response.json()) as Me;
}

/** Shared by the sign-in line and the activity page (which asks whether the user is an admin). */
export const meQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
    retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status === 401),
  });

export const useMe = () => useQuery(meQueryOptions());
