import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { DEFAULT_TABLE_FILTERS, parseTableFilters, tableFiltersToParams, type TableFilters } from "./filters";

/**
 * The table's filters, sort and page, read from and written to the URL's
 * search parameters, so reload and Back/Forward restore them and a link
 * shows the same view. Changing a filter or the sort goes back to page 1.
 */
export function useTableFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseTableFilters(params), [params]);

  const update = useCallback(
    (change: Partial<TableFilters>, options: { replace?: boolean } = {}) => {
      setParams((current) => tableFiltersToParams({ ...parseTableFilters(current), page: 0, ...change }), {
        replace: options.replace ?? false,
        preventScrollReset: true,
      });
    },
    [setParams],
  );

  /** Drops every filter (the problem too); the sort stays. */
  const clear = useCallback(() => {
    setParams(
      (current) => {
        const { sort, descending } = parseTableFilters(current);
        return tableFiltersToParams({ ...DEFAULT_TABLE_FILTERS, sort, descending });
      },
      { preventScrollReset: true },
    );
  }, [setParams]);

  return { filters, update, clear };
}
