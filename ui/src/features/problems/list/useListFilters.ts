import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { EMPTY_FILTERS, filtersToParams, parseFilters, type ListFilters } from "./filters";

export interface UpdateOptions {
  /** Replace the history entry instead of adding one (search typing does, so Back skips keystrokes). */
  replace?: boolean;
}

/**
 * The list's filters, sort and search, read from and written to the URL's
 * search parameters, so they survive navigation and Back/Forward.
 */
export function useListFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);

  const update = useCallback(
    (change: Partial<ListFilters>, options: UpdateOptions = {}) => {
      setParams((current) => filtersToParams({ ...parseFilters(current), ...change }), {
        replace: options.replace ?? false,
        preventScrollReset: true,
      });
    },
    [setParams],
  );

  /** Drops every filter and the search; the sort the user chose stays. */
  const clear = useCallback(() => {
    setParams(
      (current) => {
        const { sort, descending } = parseFilters(current);
        return filtersToParams({ ...EMPTY_FILTERS, sort: sort === "relevance" ? null : sort, descending });
      },
      { preventScrollReset: true },
    );
  }, [setParams]);

  return { filters, update, clear };
}
