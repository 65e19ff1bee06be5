import { useSyncExternalStore } from 'react';

// pushState does not fire popstate, so in-app navigation announces itself with this event.
const NAVIGATE_EVENT = 'suocha:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const pathname = () => window.location.pathname;
const currentSearch = () => window.location.search;

/** The current pathname, re-rendering on back/forward and on `navigate`. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, pathname, () => '/');
}

/**
 * The current query string, re-rendering when `navigate` or back/forward change it (a link to the same
 * page with another `?run=` changes only the query, which `usePathname` does not see).
 */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch, () => '');
}

/** History-API navigation (the server answers every non-API path with index.html). */
export function navigate(to: string): void {
  if (to === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  window.scrollTo(0, 0);
}

/** Updates the query string in place (no new history entry), e.g. to make page state shareable. */
export function replaceSearch(params: URLSearchParams): void {
  const search = params.toString();
  const url = `${window.location.pathname}${search === '' ? '' : `?${search}`}${window.location.hash}`;
  window.history.replaceState(window.history.state, '', url);
}

/** Navigation that replaces the current history entry (redirects: to the login page and back). */
export function redirect(to: string): void {
  if (to === window.location.pathname + window.location.search) return;
  window.history.replaceState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
