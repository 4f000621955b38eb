import { useEffect } from 'react';
import type { MouseEvent } from 'react';

/**
 * How features move between pages. The pages themselves and which URL shows which are declared in one place,
 * src/app/routes.tsx; features only build paths here and follow them.
 */
export const paths = {
  home: '/',
  job: (jobId: string) => `/jobs/${jobId}`,
  run: (jobId: string, runId: string) => `/jobs/${jobId}/runs/${runId}`,
};

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

/** The tab's title names the page, so history and bookmarks read well. */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Assay` : 'Assay';
  }, [title]);
}

/**
 * Moves keyboard focus to an element by id (a skip link's target, a heading after a page change), so a
 * keyboard or screen-reader user continues from there instead of from the top of the document.
 */
export function focusById(id: string) {
  const target = document.getElementById(id);
  if (target) {
    if (!target.hasAttribute('tabindex') && !/^(INPUT|TEXTAREA|BUTTON|SELECT|A)$/.test(target.tagName)) {
      target.setAttribute('tabindex', '-1');
    }
    target.focus();
    target.scrollIntoView?.({ block: 'start' });
  }
}

/** The plan being written for a dataset, kept per browser tab (the dataset's page reads it when it opens). */
export const planKey = (jobId: string) => `assay.plan.${jobId}`;

/**
 * After a page change (not on the first load), the new page's main heading takes keyboard focus when it appears,
 * so focus does not fall back to <body>; pages put `ref={pageHeading}` on their h1. Pages that load their data
 * show the heading late, which is why this waits for the heading instead of focusing at the change.
 */
let headingWanted = false;
if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    headingWanted = true;
  });
}

export function pageHeading(element: HTMLElement | null) {
  if (element && headingWanted) {
    headingWanted = false;
    element.tabIndex = -1;
    element.focus();
  }
}

/** The id of the assistant's prompt on a dataset's page: the target of the "Skip to Ask" link. */
export const ASK_ID = 'ask';
