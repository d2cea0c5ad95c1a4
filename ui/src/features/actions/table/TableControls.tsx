import { useProblemDetail } from "../../../api/problems";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useActionOwners, useActionProblems } from "../../../api/actions";
import type { DueFilter } from "../../../bindings/DueFilter";
import {
  ACTION_KINDS,
  ACTION_SORTS,
  ACTION_STATUSES,
  DUE_FILTERS,
  hasActiveFilters,
  type TableFilters,
} from "./filters";
import { ChoiceGroup, FilterSelect } from "../../../kit/filters/FilterChips";

const ANY = "any";
const NOBODY = "none";
const PERSON = "o:";

/** Anyone, Unassigned, or one of the people who own actions. */
/** Narrows the table to one problem, chosen among those that have actions. */
function ProblemSelect({ onChange }: { onChange: (problemId: string) => void }) {
  const { t } = useTranslation();
  const problems = useActionProblems();
  return (
    <FilterSelect
      label={t("actionTable.filters.problem")}
      value=""
      className="actions-problem-select"
      testId="actions-filter-problem-select"
      onChange={(value) => {
        if (value !== "") onChange(value);
      }}
    >
      <option value="">{t("actionTable.filters.anyProblem")}</option>
      {(problems.data ?? []).map((problem) => (
        <option key={problem.id} value={problem.id} dir="auto">
          {problem.title}
        </option>
      ))}
    </FilterSelect>
  );
}

function OwnerSelect({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (owner: string | null) => void;
}) {
  const { t } = useTranslation();
  const owners = useActionOwners();
  const options = owners.data ?? [];
  // A name from the URL that owns nothing now still shows as chosen.
  const shown = value !== null && value !== "" && !options.includes(value) ? [value, ...options] : options;
  const selected = value === null ? ANY : value === "" ? NOBODY : PERSON + value;
  return (
    <FilterSelect
      label={t("actionTable.filters.owner")}
      value={selected}
      testId="actions-filter-owner"
      onChange={(next) => {
        onChange(next === ANY ? null : next === NOBODY ? "" : next.slice(PERSON.length));
      }}
    >
      <option value={ANY}>{t("actionTable.filters.anyOwner")}</option>
      <option value={NOBODY}>{t("actionTable.filters.unassigned")}</option>
      {shown.map((owner) => (
        <option key={owner} value={PERSON + owner} dir="auto">
          {owner}
        </option>
      ))}
    </FilterSelect>
  );
}

const DUE_LABEL = {
  overdue: "actionTable.filters.dueOverdue",
  this_week: "actionTable.filters.dueThisWeek",
  none: "actionTable.filters.dueNone",
} as const satisfies Record<DueFilter, string>;

function DueSelect({
  value,
  onChange,
}: {
  value: DueFilter | null;
  onChange: (due: DueFilter | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <FilterSelect
      label={t("actionTable.filters.due")}
      value={value ?? ""}
      testId="actions-filter-due"
      onChange={(next) => {
        onChange(DUE_FILTERS.find((d) => d === next) ?? null);
      }}
    >
      <option value="">{t("actionTable.filters.dueAny")}</option>
      {DUE_FILTERS.map((due) => (
        <option key={due} value={due}>
          {t(DUE_LABEL[due])}
        </option>
      ))}
    </FilterSelect>
  );
}

/**
 * The problem the table is narrowed to (`/actions?problem=<id>`, the link
 * from a problem's page), by its title, with a button that drops it.
 */
function ProblemFilter({
  problemId,
  fallbackTitle,
  onClear,
}: {
  problemId: string;
  fallbackTitle: string | undefined;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const problem = useProblemDetail(problemId);
  const title =
    problem.data?.problem.title ??
    fallbackTitle ??
    (problem.isPending ? t("actionTable.filters.problemLoading") : t("actionTable.filters.problemUnknown"));
  return (
    <div className="actions-problem-filter" data-testid="actions-filter-problem">
      <span className="filter-legend">{t("actionTable.filters.problem")}</span>
      <span className="actions-problem-filter-title" data-testid="actions-filter-problem-title">
        <bdi>{title}</bdi>
      </span>
      <button
        type="button"
        className="button button--ghost"
        aria-label={t("actionTable.filters.clearProblem")}
        title={t("actionTable.filters.clearProblem")}
        data-testid="actions-filter-problem-clear"
        onClick={onClear}
      >
        <svg className="actions-sort-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 4 L12 12 M12 4 L4 12" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}

interface TableControlsProps {
  filters: TableFilters;
  update: (change: Partial<TableFilters>) => void;
  clear: () => void;
  /** The problem's title as the rows carry it, while the problem itself loads (or is gone). */
  problemTitle: string | undefined;
}

/** Filters and sort of the actions table; every change goes to the URL. */
export function TableControls({ filters, update, clear, problemTitle }: TableControlsProps) {
  const { t } = useTranslation();
  const sortId = useId();
  const order = (descending: boolean) =>
    t(`actionTable.order.${filters.sort}.${descending ? "desc" : "asc"}`);
  return (
    <section className="actions-controls" aria-label={t("actionTable.filters.label")}>
      {filters.problemId !== "" && (
        <div className="actions-controls-row">
          <ProblemFilter
            problemId={filters.problemId}
            fallbackTitle={problemTitle}
            onClear={() => {
              update({ problemId: "" });
            }}
          />
        </div>
      )}
      <div className="filter-groups">
        <ChoiceGroup
          legend={t("actionTable.filters.status")}
          testIdPrefix="actions-filter-status"
          values={ACTION_STATUSES}
          checked={filters.statuses}
          label={(status) => t(`actions.status.${status}`)}
          onChange={(statuses) => {
            update({ statuses });
          }}
        />
        <ChoiceGroup
          legend={t("actionTable.filters.kind")}
          testIdPrefix="actions-filter-kind"
          values={ACTION_KINDS}
          checked={filters.kinds}
          label={(kind) => t(`actions.kind.${kind}`)}
          hint={(kind) => t(`actions.kindHint.${kind}`)}
          onChange={(kinds) => {
            update({ kinds });
          }}
        />
      </div>
      <div className="actions-controls-row">
        {filters.problemId === "" && (
          <ProblemSelect
            onChange={(problemId) => {
              update({ problemId });
            }}
          />
        )}
        <OwnerSelect
          value={filters.owner}
          onChange={(owner) => {
            update({ owner });
          }}
        />
        <DueSelect
          value={filters.due}
          onChange={(due) => {
            update({ due });
          }}
        />
        <div className="filter-field">
          <label className="filter-legend" htmlFor={sortId}>
            {t("actionTable.sort.label")}
          </label>
          <div className="sort-controls">
            <select
              id={sortId}
              className="select-input"
              value={filters.sort}
              data-testid="actions-sort"
              onChange={(event) => {
                const sort = ACTION_SORTS.find((s) => s === event.target.value) ?? "due";
                update({ sort, descending: false });
              }}
            >
              {ACTION_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`actionTable.sort.${sort}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button"
              aria-label={t("actionTable.sort.toggle", { order: order(filters.descending) })}
              data-testid="actions-sort-direction"
              onClick={() => {
                update({ descending: !filters.descending });
              }}
            >
              {order(filters.descending)}
            </button>
          </div>
        </div>
        {hasActiveFilters(filters) && (
          <button
            type="button"
            className="button filters-clear"
            data-testid="actions-filters-clear"
            onClick={clear}
          >
            {t("actionTable.filters.clear")}
          </button>
        )}
      </div>
    </section>
  );
}
