import { flattenProblems, useProblems } from "../../../api/problems";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type Ref,
} from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import type { Problem } from "../../../bindings/Problem";
import { observeRect, rootFontSize, scrollParent } from "../../../kit/virtualScroll";
import { describeError } from "../../../i18n/errors";
import type { ProblemListAction } from "../../../shortcuts/registry";
import { useProblemListShortcuts } from "../../../shortcuts/useProblemListShortcuts";
import { filtersToQuery, hasActiveFilters, type ListFilters } from "./filters";
import { formatDay, isolate, useDayFormat, useNumberFormat } from "../../../i18n/format";
import { rememberListScroll, savedListScroll } from "./lastSearch";

/** Height of one row, in rem (two lines: title and badges, then the details). */
const ROW_REM = 4.5;
/** Start loading the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 30;

export interface ProblemListHandle {
  /** Moves the keyboard selection (to the first row when there is none) and focuses that row. */
  moveSelection: (by: 1 | -1) => void;
}

/** Clicks on these inside a row do their own thing instead of opening the problem. */
const OWN_CLICK_SELECTOR = "a, button, input, label, select, textarea";

interface RowProps {
  problem: Problem;
  checked: boolean;
  selected: boolean;
  onToggle: (problem: Problem) => void;
}

function ProblemRowContent({ problem, checked, selected, onToggle }: RowProps) {
  const { t } = useTranslation();
  const dayFormat = useDayFormat();
  const lastSeen = formatDay(dayFormat, problem.lastSeen);
  return (
    <>
      <input
        type="checkbox"
        className="problem-check"
        checked={checked}
        aria-label={t("problemList.row.select", { title: isolate(problem.title) })}
        data-testid="problem-select"
        onChange={() => {
          onToggle(problem);
        }}
      />
      <div className="problem-row-body">
        <div className="problem-row-line">
          <Link
            to={`/problems/${problem.id}`}
            className="problem-title problem-open"
            data-testid="problem-title"
            aria-current={selected ? "true" : undefined}
          >
            {/* Isolated so an Arabic title in an English list (or the reverse) keeps its own order. */}
            <bdi>{problem.title}</bdi>
          </Link>
          {problem.sample && <span className="badge badge--muted">{t("problemList.row.sample")}</span>}
          <span
            className={`status-badge status-badge--${problem.status}`}
            title={t("problem.field.status")}
            data-testid="problem-status"
          >
            {t(`problem.status.${problem.status}`)}
          </span>
          <span
            className={`severity-badge severity-badge--${problem.severity}`}
            title={t("problem.field.severity")}
            data-testid="problem-severity"
          >
            {t(`problem.severity.${problem.severity}`)}
          </span>
        </div>
        <div className="problem-row-meta">
          {problem.channel !== null && (
            <span title={t("problem.field.channel")} data-testid="problem-channel">
              {t(`problem.channel.${problem.channel}`)}
            </span>
          )}
          <span title={t("problem.field.owner")} data-testid="problem-owner">
            {problem.owner === "" ? t("problemList.row.noOwner") : <bdi>{problem.owner}</bdi>}
          </span>
          {problem.tags.length > 0 && (
            <span className="problem-tags" title={t("problem.field.tags")}>
              {problem.tags.map((tag) => (
                <span key={tag} className="tag" data-testid="problem-tag">
                  <bdi>{tag}</bdi>
                </span>
              ))}
            </span>
          )}
          <span data-testid="problem-occurrences">
            {t("problemList.row.occurrences", { count: problem.occurrenceCount })}
          </span>
          <time className="problem-date" dateTime={problem.lastSeen} data-testid="problem-last-seen">
            {t("problemList.row.lastSeen", { date: lastSeen })}
          </time>
        </div>
      </div>
    </>
  );
}

interface ProblemListProps {
  filters: ListFilters;
  /** Problems ticked for merging, by id. */
  checked: ReadonlyMap<string, Problem>;
  onToggle: (problem: Problem) => void;
  onFocusSearch: () => void;
  /** Search, sort and filters: shown above the list unless the workspace is empty. */
  controls: React.ReactNode;
  /** The list's header extras (selection, merge), shown beside the count. */
  toolbar: React.ReactNode;
  /** What an empty workspace shows (no problems, no filters). */
  emptyWorkspace: React.ReactNode;
  onClearFilters: () => void;
  handleRef: Ref<ProblemListHandle>;
}

/**
 * The problem list: virtualised (only the rows in view are in the page) and
 * loaded a page at a time as the user scrolls. The keyboard selection moves
 * focus from row to row; Enter or a click opens a problem.
 */
export function ProblemList({
  filters,
  checked,
  onToggle,
  onFocusSearch,
  controls,
  toolbar,
  emptyWorkspace,
  onClearFilters,
  handleRef,
}: ProblemListProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const numbers = useNumberFormat();
  const headingId = useId();
  const query = useMemo(() => filtersToQuery(filters), [filters]);
  const problems = useProblems(query, { keepPrevious: true });
  const { items, total } = useMemo(() => flattenProblems(problems.data), [problems.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = problems;

  const [rowSize] = useState(() => Math.round(ROW_REM * rootFontSize()));
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [listElement, setListElement] = useState<HTMLUListElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [stickyHeight, setStickyHeight] = useState(0);
  const headerRef = useRef<HTMLDivElement>(null);

  const listRef = useCallback((element: HTMLUListElement | null) => {
    setListElement(element);
    setScroller(element === null ? null : scrollParent(element));
  }, []);

  // Where the list starts inside the scrolling area, and how much the sticky header covers.
  useEffect(() => {
    if (listElement === null || scroller === null || typeof ResizeObserver === "undefined") return;
    const measure = () => {
      const margin =
        listElement.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      setScrollMargin((current) => (Math.abs(current - margin) < 1 ? current : margin));
      setStickyHeight(headerRef.current?.offsetHeight ?? 0);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(scroller.firstElementChild ?? scroller);
    observer.observe(listElement);
    return () => {
      observer.disconnect();
    };
  }, [listElement, scroller]);

  const { search } = useLocation();
  const searchRef = useRef(search);
  // Other filters: show their first results rather than some row far down.
  useEffect(() => {
    if (searchRef.current === search) return;
    searchRef.current = search;
    if (scroller !== null && scroller.scrollTop > scrollMargin) scroller.scrollTop = scrollMargin;
  }, [search, scroller, scrollMargin]);

  const rowCount = items.length + (hasNextPage ? 1 : 0);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself; nothing memoises its functions.
  const virtualizer = useVirtualizer<HTMLElement, HTMLLIElement>({
    count: rowCount,
    getScrollElement: () => scroller,
    estimateSize: () => rowSize,
    getItemKey: (index) => items[index]?.id ?? "more",
    overscan: 10,
    scrollMargin,
    scrollPaddingStart: stickyHeight,
    observeElementRect: observeRect,
  });
  // Coming back (from a problem, say) returns to where the list was; leaving it starts the next
  // screen at the top, since the scrolling area is shared by all screens. The list is only in the
  // page once it has rows, so their height is already there to scroll over.
  useLayoutEffect(() => {
    if (scroller === null) return;
    const top = savedListScroll(searchRef.current);
    if (top > 0) {
      scroller.scrollTop = top;
      // Tell the virtualizer now (it listens for scroll events), so the first frame shows the right rows.
      scroller.dispatchEvent(new Event("scroll"));
    }
    return () => {
      rememberListScroll(searchRef.current, scroller.scrollTop);
      scroller.scrollTop = 0;
    };
  }, [scroller]);

  const virtualRows = virtualizer.getVirtualItems();
  const lastRendered = virtualRows.at(-1)?.index ?? -1;

  // Load the next page when the rows in view come near the end of what is loaded.
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastRendered >= items.length - PREFETCH_ROWS) {
      void fetchNextPage();
    }
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastRendered, items.length]);

  // The keyboard selection, by id so it survives a refresh of the list.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const focusPending = useRef<string | null>(null);
  const selectedIndex = selectedId === null ? -1 : items.findIndex((p) => p.id === selectedId);

  const moveSelection = useCallback(
    (by: 1 | -1) => {
      if (items.length === 0) return;
      const next = selectedIndex < 0 ? 0 : Math.min(Math.max(selectedIndex + by, 0), items.length - 1);
      const problem = items[next];
      if (problem === undefined) return;
      setSelectedId(problem.id);
      focusPending.current = problem.id;
      virtualizer.scrollToIndex(next, { align: "auto" });
    },
    [items, selectedIndex, virtualizer],
  );
  useImperativeHandle(handleRef, () => ({ moveSelection }), [moveSelection]);

  // Focus follows the selection once its row is rendered (it may first have to scroll into view).
  useEffect(() => {
    const id = focusPending.current;
    if (id === null || listElement === null) return;
    for (const row of listElement.querySelectorAll<HTMLElement>("[data-problem-id]")) {
      if (row.dataset.problemId === id) {
        row.querySelector<HTMLElement>(".problem-open")?.focus({ preventScroll: true });
        focusPending.current = null;
        return;
      }
    }
  });

  const open = useCallback(
    (id: string) => {
      void navigate(`/problems/${id}`);
    },
    [navigate],
  );

  const onAction = useCallback(
    (action: ProblemListAction) => {
      switch (action.type) {
        case "focusSearch":
          onFocusSearch();
          break;
        case "moveSelection":
          moveSelection(action.by);
          break;
        case "openSelected":
          if (selectedIndex >= 0 && selectedId !== null) open(selectedId);
          break;
      }
    },
    [onFocusSearch, moveSelection, selectedIndex, selectedId, open],
  );
  useProblemListShortcuts(onAction);

  if (problems.isPending) {
    return (
      <>
        {controls}
        <p className="status-line" role="status" data-testid="problems-loading">
          {t("problems.loading")}
        </p>
      </>
    );
  }
  if (problems.isError) {
    return (
      <>
        {controls}
        <div className="alert" role="alert" data-testid="problems-error">
          <p>{t("problems.loadError", { reason: describeError(t, problems.error) })}</p>
          <button type="button" className="button" onClick={() => void problems.refetch()}>
            {t("problems.retry")}
          </button>
        </div>
      </>
    );
  }
  if (total === 0 && !hasActiveFilters(filters) && !problems.isPlaceholderData) {
    return emptyWorkspace;
  }

  const onRowClick = (event: MouseEvent<HTMLLIElement>, id: string) => {
    if (event.target instanceof Element && event.target.closest(OWN_CLICK_SELECTOR)) return;
    open(id);
  };

  return (
    <>
      {controls}
      <section className="problem-list-section" aria-labelledby={headingId}>
        <div ref={headerRef} className="list-header problem-list-header">
          <h2 id={headingId} className="visually-hidden">
            {t("problemList.listLabel")}
          </h2>
          <span className="count" data-testid="problem-count" aria-live="polite">
            {t("problemList.count", { count: total, formatted: numbers.format(total) })}
          </span>
          {toolbar}
        </div>
        {total === 0 ? (
          <div className="empty-state" data-testid="problems-no-results">
            <p className="empty-state-title">{t("problemList.noResults.title")}</p>
            <p className="empty-state-body">{t("problemList.noResults.body")}</p>
            <button type="button" className="button" onClick={onClearFilters}>
              {t("problemList.clearFilters")}
            </button>
          </div>
        ) : (
          <ul
            ref={listRef}
            className="problem-list problem-list--virtual"
            role="list"
            aria-labelledby={headingId}
            aria-busy={problems.isFetching}
            style={{ blockSize: virtualizer.getTotalSize() }}
          >
            {virtualRows.map((row) => {
              const problem = items[row.index];
              const style = {
                blockSize: row.size,
                transform: `translateY(${String(row.start - virtualizer.options.scrollMargin)}px)`,
              };
              if (problem === undefined) {
                return (
                  <li
                    key={row.key}
                    className="problem-row problem-row--more"
                    style={style}
                    data-index={row.index}
                  >
                    <span className="status-line" role="status">
                      {t("problemList.loadingMore")}
                    </span>
                  </li>
                );
              }
              const selected = problem.id === selectedId;
              return (
                <li
                  key={row.key}
                  className={selected ? "problem-row is-selected" : "problem-row"}
                  style={style}
                  data-index={row.index}
                  data-problem-id={problem.id}
                  data-testid="problem-row"
                  aria-setsize={total}
                  aria-posinset={row.index + 1}
                  onClick={(event) => {
                    onRowClick(event, problem.id);
                  }}
                  onFocus={() => {
                    if (!selected) setSelectedId(problem.id);
                  }}
                >
                  <ProblemRowContent
                    problem={problem}
                    checked={checked.has(problem.id)}
                    selected={selected}
                    onToggle={onToggle}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
