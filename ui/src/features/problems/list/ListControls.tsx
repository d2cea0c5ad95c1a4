import { useSuggestions } from "../../../api/problems";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from "react";
import { useTranslation } from "react-i18next";
import type { SuggestField } from "../../../bindings/SuggestField";
import {
  activeFilterCount,
  CHANNELS,
  effectiveDescending,
  effectiveSort,
  isDay,
  isSearching,
  SEVERITIES,
  SORTS,
  STATUSES,
  type ListFilters,
} from "./filters";
import type { UpdateOptions } from "./useListFilters";
import { ChoiceGroup, FilterSelect } from "../../../kit/filters/FilterChips";
import { DateField } from "../../../kit/fields";

/** How long typing in the search field pauses before the list is asked again. */
export const SEARCH_DEBOUNCE_MS = 250;

interface SearchFieldProps {
  value: string;
  onCommit: (text: string) => void;
  /** ArrowDown in the field: move into the list. */
  onArrowDown: () => void;
  inputRef: Ref<HTMLInputElement>;
}

/**
 * The search field: what is typed shows at once, and goes to the URL (and so
 * to the core) after a short pause or on Enter. A change of the URL from
 * elsewhere (Back, Clear filters) replaces what is in the field.
 */
function SearchField({ value, onCommit, onArrowDown, inputRef }: SearchFieldProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [committed, setCommitted] = useState(value);
  if (value !== seen) {
    setSeen(value);
    // Our own commit coming back through the URL must not undo what was typed since.
    if (value !== committed) {
      setDraft(value);
      setCommitted(value);
    }
  }

  // The latest callback, so a parent re-render does not restart the pause.
  const onCommitRef = useRef(onCommit);
  useEffect(() => {
    onCommitRef.current = onCommit;
  }, [onCommit]);

  const commit = (text: string) => {
    setCommitted(text);
    if (text !== value) onCommit(text);
  };

  useEffect(() => {
    if (draft === committed) return;
    const timer = setTimeout(() => {
      setCommitted(draft);
      onCommitRef.current(draft);
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [draft, committed]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Enter") {
      event.preventDefault();
      commit(draft);
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      commit(draft);
      onArrowDown();
    } else if (event.key === "Escape" && draft !== "") {
      event.preventDefault();
      setDraft("");
      commit("");
    }
  };

  return (
    <input
      ref={inputRef}
      type="search"
      className="text-input problem-search"
      aria-label={t("problemList.searchLabel")}
      placeholder={t("problemList.searchPlaceholder")}
      autoComplete="off"
      spellCheck={false}
      dir={draft === "" ? undefined : "auto"}
      value={draft}
      data-testid="problem-search"
      onChange={(event) => {
        setDraft(event.target.value);
      }}
      onKeyDown={onKeyDown}
    />
  );
}

interface SuggestionSelectProps {
  field: Extract<SuggestField, "owner" | "tag">;
  label: string;
  anyLabel: string;
  value: string;
  testId: string;
  onChange: (value: string) => void;
}

/** Owner or tag: one of the values used in the workspace so far (the core's suggestions). */
function SuggestionSelect({ field, label, anyLabel, value, testId, onChange }: SuggestionSelectProps) {
  const suggestions = useSuggestions(field);
  const options = suggestions.data ?? [];
  // A value from the URL that is no longer suggested still shows as chosen.
  const shown = value !== "" && !options.includes(value) ? [value, ...options] : options;
  return (
    <FilterSelect label={label} value={value} testId={testId} onChange={onChange}>
      <option value="">{anyLabel}</option>
      {shown.map((option) => (
        <option key={option} value={option} dir="auto">
          {option}
        </option>
      ))}
    </FilterSelect>
  );
}

interface DateFilterProps {
  label: string;
  value: string;
  min?: string;
  max?: string;
  testId: string;
  onChange: (value: string) => void;
}

/** A day; only a complete date (or nothing) reaches the URL, so a half-typed one does not filter. */
function DateFilter({ label, value, min, max, testId, onChange }: DateFilterProps) {
  const id = useId();
  return (
    <div className="filter-field">
      <label className="filter-legend" htmlFor={id}>
        {label}
      </label>
      <DateField
        id={id}
        aria-invalid={false}
        aria-describedby={undefined}
        value={value}
        min={min}
        max={max}
        testId={testId}
        onChange={(next) => {
          if ((next === "" || isDay(next)) && next !== value) onChange(next);
        }}
      />
    </div>
  );
}

interface ListControlsProps {
  filters: ListFilters;
  update: (change: Partial<ListFilters>, options?: UpdateOptions) => void;
  clear: () => void;
  searchRef: Ref<HTMLInputElement>;
  onSearchArrowDown: () => void;
}

/** Search, sort and filters of the problem list; every change goes to the URL. */
export function ListControls({ filters, update, clear, searchRef, onSearchArrowDown }: ListControlsProps) {
  const { t } = useTranslation();
  const sortId = useId();
  const hintId = useId();
  const sort = effectiveSort(filters);
  const descending = effectiveDescending(filters);
  const searching = isSearching(filters);
  const sorts = SORTS.filter((s) => s !== "relevance" || searching);
  const active = activeFilterCount(filters);

  return (
    <div className="list-controls" role="search" aria-label={t("problemList.filtersLabel")}>
      <div className="list-controls-row">
        <SearchField
          value={filters.text}
          inputRef={searchRef}
          onArrowDown={onSearchArrowDown}
          onCommit={(text) => {
            update({ text }, { replace: true });
          }}
        />
        <div className="sort-controls">
          <label className="sort-label" htmlFor={sortId}>
            {t("problemList.sortLabel")}
          </label>
          <select
            id={sortId}
            className="select-input"
            value={sort}
            data-testid="sort-select"
            onChange={(event) => {
              const next = SORTS.find((s) => s === event.target.value);
              if (next !== undefined) update({ sort: next, descending: null });
            }}
          >
            {sorts.map((s) => (
              <option key={s} value={s}>
                {t(`problemList.sort.${s}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button sort-direction"
            aria-describedby={hintId}
            title={t("problemList.directionHint")}
            data-testid="sort-direction"
            data-descending={descending}
            onClick={() => {
              update({ sort, descending: !descending });
            }}
          >
            <svg
              className="sort-direction-icon"
              viewBox="0 0 16 16"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinecap="round"
              strokeLinejoin="round"
              aria-hidden="true"
              focusable="false"
            >
              {descending ? <path d="M8 3v10M4 9l4 4 4-4" /> : <path d="M8 13V3M4 7l4-4 4 4" />}
            </svg>
            <span>{t(`problemList.direction.${sort}.${descending ? "desc" : "asc"}`)}</span>
          </button>
          <span id={hintId} className="visually-hidden">
            {t("problemList.directionHint")}
          </span>
        </div>
      </div>
      <div className="filter-groups">
        <ChoiceGroup
          legend={t("problemList.filter.status")}
          testIdPrefix="filter-status"
          values={STATUSES}
          checked={filters.statuses}
          label={(s) => t(`problem.status.${s}`)}
          onChange={(statuses) => {
            update({ statuses });
          }}
        />
        <ChoiceGroup
          legend={t("problemList.filter.severity")}
          testIdPrefix="filter-severity"
          values={SEVERITIES}
          checked={filters.severities}
          label={(s) => t(`problem.severity.${s}`)}
          onChange={(severities) => {
            update({ severities });
          }}
        />
        <ChoiceGroup
          legend={t("problemList.filter.channel")}
          testIdPrefix="filter-channel"
          values={CHANNELS}
          checked={filters.channels}
          label={(c) => t(`problem.channel.${c}`)}
          onChange={(channels) => {
            update({ channels });
          }}
        />
      </div>
      <div className="list-controls-row list-controls-row--fields">
        <SuggestionSelect
          field="owner"
          label={t("problemList.filter.owner")}
          anyLabel={t("problemList.filter.ownerPlaceholder")}
          value={filters.owner}
          testId="filter-owner"
          onChange={(owner) => {
            update({ owner });
          }}
        />
        <SuggestionSelect
          field="tag"
          label={t("problemList.filter.tag")}
          anyLabel={t("problemList.filter.tagPlaceholder")}
          value={filters.tag}
          testId="filter-tag"
          onChange={(tag) => {
            update({ tag });
          }}
        />
        <DateFilter
          label={t("problemList.filter.from")}
          value={filters.from}
          max={filters.to === "" ? undefined : filters.to}
          testId="filter-from"
          onChange={(from) => {
            update({ from });
          }}
        />
        <DateFilter
          label={t("problemList.filter.to")}
          value={filters.to}
          min={filters.from === "" ? undefined : filters.from}
          testId="filter-to"
          onChange={(to) => {
            update({ to });
          }}
        />
        <button
          type="button"
          className="button button--ghost filters-clear"
          disabled={active === 0}
          data-testid="filters-clear"
          onClick={clear}
        >
          {t("problemList.clearFilters")}
        </button>
      </div>
    </div>
  );
}
