import { useEffect, useState } from 'react';
import type { MouseEvent } from 'react';

/**
 * The two pages: the start page and a dataset's page, with real URLs (/jobs/{id}) that can be bookmarked.
 * The api answers index.html for any path that is not an api path, so a deep link opens the right page.
 */
export type Route = { page: 'home' } | { page: 'job'; jobId: string } | { page: 'missing'; path: string };

export function parse(path: string): Route {
  if (path === '/' || path === '' || path === '/index.html') {
    return { page: 'home' };
  }
  const match = /^\/jobs\/([a-z0-9-]{1,64})\/?$/.exec(path);
  return match ? { page: 'job', jobId: match[1] } : { page: 'missing', path };
}

export function navigate(path: string) {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo?.(0, 0);
}

/** For an <a href>: follow in the page on a plain click, let the browser open a new tab on ctrl/cmd/middle click. */
export function followInPage(path: string) {
  return (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(path);
  };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parse(window.location.pathname));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}

/** The tab's title names the page, so history and bookmarks read well. */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Assay` : 'Assay';
  }, [title]);
}
