import type { ProblemFilters } from "../../../api/problems";
import type { Channel } from "../../../bindings/Channel";
import type { ProblemSort } from "../../../bindings/ProblemSort";
import { ENUMS } from "../../../bindings/rules";
import type { Severity } from "../../../bindings/Severity";
import type { Status } from "../../../bindings/Status";

export const STATUSES: readonly Status[] = ENUMS.problemStatus;

/** Most severe first: the core's order, reversed. */
export const SEVERITIES: readonly Severity[] = [...ENUMS.severity].reverse();

export const CHANNELS: readonly Channel[] = ENUMS.channel;

/**
 * Sort keys offered in the list, in menu order ("relevance" only while
 * searching): a UI order of the core's `ENUMS.problemSort` (a test checks
 * that it holds the same keys).
 */
export const SORTS: readonly ProblemSort[] = [
  "relevance",
  "reported",
  "updated",
  "last_seen",
  "severity",
  "status",
  "occurrences",
  "title",
];

/**
 * What the list shows, as kept in the URL (`#/problems?status=new,investigating&sort=severity&q=…`).
 * Empty strings and empty lists mean "no filter"; `sort` and `descending` are null when the user
 * did not choose them, so the defaults (relevance while searching, largest first) apply.
 */
export interface ListFilters {
  statuses: Status[];
  severities: Severity[];
  channels: Channel[];
  owner: string;
  tag: string;
  /** YYYY-MM-DD. */
  from: string;
  /** YYYY-MM-DD. */
  to: string;
  text: string;
  sort: ProblemSort | null;
  descending: boolean | null;
}

export const EMPTY_FILTERS: ListFilters = {
  statuses: [],
  severities: [],
  channels: [],
  owner: "",
  tag: "",
  from: "",
  to: "",
  text: "",
  sort: null,
  descending: null,
};

/** URL parameter names. */
const PARAM = {
  status: "status",
  severity: "severity",
  channel: "channel",
  owner: "owner",
  tag: "tag",
  from: "from",
  to: "to",
  text: "q",
  sort: "sort",
  direction: "dir",
} as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written `YYYY-MM-DD` (not 2025-02-30). */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The known values of a comma-separated parameter, in canonical order, without repeats. */
function listParam<T extends string>(params: URLSearchParams, name: string, known: readonly T[]): T[] {
  const raw = params.get(name);
  if (raw === null || raw === "") return [];
  const wanted = new Set(raw.split(","));
  return known.filter((value) => wanted.has(value));
}

export function parseFilters(params: URLSearchParams): ListFilters {
  const sortParam = params.get(PARAM.sort);
  const direction = params.get(PARAM.direction);
  const from = params.get(PARAM.from) ?? "";
  const to = params.get(PARAM.to) ?? "";
  return {
    statuses: listParam(params, PARAM.status, STATUSES),
    severities: listParam(params, PARAM.severity, SEVERITIES),
    channels: listParam(params, PARAM.channel, CHANNELS),
    owner: params.get(PARAM.owner) ?? "",
    tag: params.get(PARAM.tag) ?? "",
    from: isDay(from) ? from : "",
    to: isDay(to) ? to : "",
    text: params.get(PARAM.text) ?? "",
    sort: SORTS.find((s) => s === sortParam) ?? null,
    descending: direction === "asc" ? false : direction === "desc" ? true : null,
  };
}

/** The URL parameters for `filters`; what is left at its default is left out. */
export function filtersToParams(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams();
  // Canonical order, so the same filters always give the same URL.
  const list = (name: string, values: readonly string[]) => {
    if (values.length > 0) params.set(name, values.join(","));
  };
  const text = (name: string, value: string) => {
    if (value !== "") params.set(name, value);
  };
  text(PARAM.text, filters.text);
  list(PARAM.status, filters.statuses);
  list(PARAM.severity, filters.severities);
  list(PARAM.channel, filters.channels);
  text(PARAM.owner, filters.owner);
  text(PARAM.tag, filters.tag);
  text(PARAM.from, filters.from);
  text(PARAM.to, filters.to);
  if (filters.sort !== null) params.set(PARAM.sort, filters.sort);
  if (filters.descending !== null) params.set(PARAM.direction, filters.descending ? "desc" : "asc");
  return params;
}

/** True when the search text has something the core can search for. */
export function isSearching(filters: ListFilters): boolean {
  return filters.text.trim() !== "";
}

/** The sort in effect: the user's choice, else relevance while searching, else the reported date. */
export function effectiveSort(filters: ListFilters): ProblemSort {
  const searching = isSearching(filters);
  if (filters.sort === null) return searching ? "relevance" : "reported";
  // Without search text there is no relevance; the core falls back to the reported date too.
  if (filters.sort === "relevance" && !searching) return "reported";
  return filters.sort;
}

/**
 * The direction a sort starts in: A to Z for titles, workflow order (new first) for status,
 * largest (newest, most severe, most reported, best match) first otherwise.
 */
export function defaultDescending(sort: ProblemSort): boolean {
  return sort !== "title" && sort !== "status";
}

export function effectiveDescending(filters: ListFilters): boolean {
  return filters.descending ?? defaultDescending(effectiveSort(filters));
}

/** True when anything narrows the list (sorting does not). */
export function hasActiveFilters(filters: ListFilters): boolean {
  return (
    filters.statuses.length > 0 ||
    filters.severities.length > 0 ||
    filters.channels.length > 0 ||
    filters.owner.trim() !== "" ||
    filters.tag.trim() !== "" ||
    filters.from !== "" ||
    filters.to !== "" ||
    isSearching(filters)
  );
}

/** How many kinds of filter are on, for the "Clear filters" button. */
export function activeFilterCount(filters: ListFilters): number {
  return [
    filters.statuses.length > 0,
    filters.severities.length > 0,
    filters.channels.length > 0,
    filters.owner.trim() !== "",
    filters.tag.trim() !== "",
    filters.from !== "" || filters.to !== "",
    isSearching(filters),
  ].filter(Boolean).length;
}

/** The problem query (without its page) that `filters` stand for. */
export function filtersToQuery(filters: ListFilters): ProblemFilters {
  const query: ProblemFilters = {
    statuses: filters.statuses,
    severities: filters.severities,
    channels: filters.channels,
    sort: effectiveSort(filters),
    descending: effectiveDescending(filters),
  };
  const owner = filters.owner.trim();
  const tag = filters.tag.trim();
  const text = filters.text.trim();
  if (owner !== "") query.owner = owner;
  if (tag !== "") query.tag = tag;
  if (filters.from !== "") query.reportedFrom = filters.from;
  if (filters.to !== "") query.reportedTo = filters.to;
  if (text !== "") query.text = text;
  return query;
}
