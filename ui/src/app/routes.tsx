import { lazy, useEffect, useState } from 'react';
import { isActivityPath } from '../activity/route';

/**
 * Every page of the UI and the URL that shows it — the one place to add a page. The api answers index.html
 * for any path that is not an api path, so a deep link (a dataset, a run's results) opens the right page after
 * a reload. Pages other than the start page are loaded when first opened, so the first screen downloads only
 * what it shows.
 */
export type Route =
  | { page: 'home' }
  | { page: 'job'; jobId: string }
  | { page: 'run'; jobId: string; runId: string }
  | { page: 'activity' }
  | { page: 'missing'; path: string };

const ID = '[a-z0-9-]{1,64}';

export function parse(path: string): Route {
  if (path === '/' || path === '' || path === '/index.html') {
    return { page: 'home' };
  }
  if (isActivityPath(path)) {
    return { page: 'activity' };
  }
  const run = new RegExp(`^/jobs/(${ID})/runs/(${ID})/?$`).exec(path);
  if (run) {
    return { page: 'run', jobId: run[1], runId: run[2] };
  }
  const job = new RegExp(`^/jobs/(${ID})/?$`).exec(path);
  return job ? { page: 'job', jobId: job[1] } : { page: 'missing', path };
}

export const DatasetPage = lazy(() => import('./DatasetPage').then((m) => ({ default: m.DatasetPage })));
export const ActivityPage = lazy(() => import('../activity/ActivityPage').then((m) => ({ default: m.ActivityPage })));
export const RunPage = lazy(() => import('./RunPage').then((m) => ({ default: m.RunPage })));

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parse(window.location.pathname));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
