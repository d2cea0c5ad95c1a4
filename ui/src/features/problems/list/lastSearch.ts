import { useSyncExternalStore } from "react";

/**
 * The search part (`?status=new&q=…`) of the problem list's URL the last time
 * it was shown, so links back to the list (the sidebar, the detail screen)
 * bring the user back to the same filtered view.
 */
let lastSearch = "";
const listeners = new Set<() => void>();

export function rememberListSearch(search: string): void {
  if (search === lastSearch) return;
  lastSearch = search;
  for (const listener of listeners) listener();
}

export function lastListSearch(): string {
  return lastSearch;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The path of the problem list with its last filters, e.g. `/problems?status=new`. */
export function problemListHref(search: string = lastSearch): string {
  return `/problems${search}`;
}

/** `lastListSearch()`, re-rendering when it changes. */
export function useLastListSearch(): string {
  return useSyncExternalStore(subscribe, lastListSearch, lastListSearch);
}

/** Where the list was scrolled when it was last left, for the filters it had then. */
let lastScroll = { search: "", top: 0 };

export function rememberListScroll(search: string, top: number): void {
  lastScroll = { search, top };
}

/** The scroll position to return to for `search`, or 0 when the list was left with other filters. */
export function savedListScroll(search: string): number {
  return lastScroll.search === search ? lastScroll.top : 0;
}
