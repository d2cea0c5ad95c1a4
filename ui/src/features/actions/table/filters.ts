import type { ActionFilters } from "../../../api/actions";
import type { ActionKind } from "../../../bindings/ActionKind";
import type { ActionSort } from "../../../bindings/ActionSort";
import type { ActionStatus } from "../../../bindings/ActionStatus";
import type { DueFilter } from "../../../bindings/DueFilter";
import { ENUMS } from "../../../bindings/rules";

export const ACTION_STATUSES: readonly ActionStatus[] = ENUMS.actionStatus;

export const ACTION_KINDS: readonly ActionKind[] = ENUMS.actionKind;

export const DUE_FILTERS: readonly DueFilter[] = ENUMS.dueFilter;

export const ACTION_SORTS: readonly ActionSort[] = ENUMS.actionSort;

/**
 * What the actions table shows, as kept in the URL
 * (`#/actions?status=open,in_progress&owner=Reem&sort=priority&dir=desc&page=2`).
 * `owner` is null for "anyone" and "" for actions nobody owns (`owner=` in the URL).
 * `descending` follows the core: false is the natural order (earliest due,
 * most urgent, newest change first).
 */
export interface TableFilters {
  statuses: ActionStatus[];
  kinds: ActionKind[];
  owner: string | null;
  problemId: string;
  due: DueFilter | null;
  sort: ActionSort;
  descending: boolean;
  /** Zero-based page. */
  page: number;
}

export const DEFAULT_TABLE_FILTERS: TableFilters = {
  statuses: [],
  kinds: [],
  owner: null,
  problemId: "",
  due: null,
  sort: "due",
  descending: false,
  page: 0,
};

const PARAM = {
  status: "status",
  kind: "kind",
  owner: "owner",
  problem: "problem",
  due: "due",
  sort: "sort",
  direction: "dir",
  page: "page",
} as const;

/** The known values of a comma-separated parameter, in canonical order, without repeats. */
function listParam<T extends string>(params: URLSearchParams, name: string, known: readonly T[]): T[] {
  const raw = params.get(name);
  if (raw === null || raw === "") return [];
  const wanted = new Set(raw.split(","));
  return known.filter((value) => wanted.has(value));
}

export function parseTableFilters(params: URLSearchParams): TableFilters {
  const sort = params.get(PARAM.sort);
  const due = params.get(PARAM.due);
  const page = Number(params.get(PARAM.page) ?? "1");
  return {
    statuses: listParam(params, PARAM.status, ACTION_STATUSES),
    kinds: listParam(params, PARAM.kind, ACTION_KINDS),
    owner: params.get(PARAM.owner),
    problemId: params.get(PARAM.problem) ?? "",
    due: DUE_FILTERS.find((d) => d === due) ?? null,
    sort: ACTION_SORTS.find((s) => s === sort) ?? "due",
    descending: params.get(PARAM.direction) === "desc",
    // The URL counts pages from 1, as people do.
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
  };
}

/** The URL parameters for `filters`, in a canonical order; defaults are left out. */
export function tableFiltersToParams(filters: TableFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.statuses.length > 0) params.set(PARAM.status, filters.statuses.join(","));
  if (filters.kinds.length > 0) params.set(PARAM.kind, filters.kinds.join(","));
  if (filters.owner !== null) params.set(PARAM.owner, filters.owner);
  if (filters.problemId !== "") params.set(PARAM.problem, filters.problemId);
  if (filters.due !== null) params.set(PARAM.due, filters.due);
  if (filters.sort !== "due") params.set(PARAM.sort, filters.sort);
  if (filters.descending) params.set(PARAM.direction, "desc");
  if (filters.page > 0) params.set(PARAM.page, String(filters.page + 1));
  return params;
}

/** True when anything narrows the table (sorting and paging do not). */
export function hasActiveFilters(filters: TableFilters): boolean {
  return (
    filters.statuses.length > 0 ||
    filters.kinds.length > 0 ||
    filters.owner !== null ||
    filters.problemId !== "" ||
    filters.due !== null
  );
}

/** The core query (without its page) that `filters` stand for. */
export function tableFiltersToQuery(filters: TableFilters): ActionFilters {
  const query: ActionFilters = {
    statuses: filters.statuses,
    kinds: filters.kinds,
    sort: filters.sort,
    descending: filters.descending,
  };
  if (filters.owner !== null) query.owner = filters.owner;
  if (filters.problemId !== "") query.problemId = filters.problemId;
  if (filters.due !== null) query.due = filters.due;
  return query;
}

/**
 * How a sort key's order reads to a screen reader on its column header:
 * the natural order is ascending for due dates but descending for priority
 * (most urgent first) and for the last change (newest first).
 */
export function ariaSortOf(sort: ActionSort, descending: boolean): "ascending" | "descending" {
  const naturalAscending = sort === "due";
  return naturalAscending !== descending ? "ascending" : "descending";
}
