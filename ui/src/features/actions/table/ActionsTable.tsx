import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ActionRow } from "../../../bindings/ActionRow";
import type { ActionSort } from "../../../bindings/ActionSort";
import { formatDay, useDayFormat } from "../../../i18n/format";
import { FlagBadges, KindBadge, PriorityBadge, StatusBadge } from "../../../kit/ActionBadges";
import { ariaSortOf } from "./filters";

export interface TableSorting {
  sort: ActionSort;
  descending: boolean;
  /** A sortable header was pressed: sort by it, or reverse it when it is already the sort. */
  onSort: (sort: ActionSort) => void;
}

interface ActionsTableProps {
  rows: readonly ActionRow[];
  /** The table's accessible name (visually hidden caption). */
  caption: string;
  /** Sortable due and priority headers; plain headers without it. */
  sorting?: TableSorting;
  /** Hide the problem column (a table of one problem's actions). */
  hideProblem?: boolean;
  busy?: boolean;
  testId?: string;
}

function SortIcon({ direction }: { direction: "ascending" | "descending" | null }) {
  return (
    <svg className="actions-sort-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {direction !== "descending" && (
        <path d="M8 3 L12 7 H4 Z" fill="currentColor" opacity={direction === null ? 0.35 : 1} />
      )}
      {direction !== "ascending" && (
        <path d="M8 13 L4 9 H12 Z" fill="currentColor" opacity={direction === null ? 0.35 : 1} />
      )}
    </svg>
  );
}

function SortableHeader({
  sort,
  label,
  sorting,
}: {
  sort: ActionSort;
  label: string;
  sorting: TableSorting;
}) {
  const active = sorting.sort === sort;
  const direction = active ? ariaSortOf(sort, sorting.descending) : null;
  return (
    <th scope="col" aria-sort={direction ?? undefined}>
      <button
        type="button"
        className="actions-sort-button"
        data-testid={`actions-sort-${sort}`}
        onClick={() => {
          sorting.onSort(sort);
        }}
      >
        {label}
        <SortIcon direction={direction} />
      </button>
    </th>
  );
}

/** One action as a table row: the same in the actions table and My actions. */
export function ActionTableRow({ row, hideProblem = false }: { row: ActionRow; hideProblem?: boolean }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const { action, flags } = row;
  return (
    <tr data-testid="action-row" data-action-id={action.id}>
      <td className="actions-row-title-cell">
        <Link to={`/actions/${action.id}`} className="actions-row-title" data-testid="action-row-title">
          <bdi>{action.title}</bdi>
        </Link>
        {(flags.overdue || flags.checkDue || flags.recurred || flags.noRootCause) && (
          <div className="actions-row-flags">
            <FlagBadges flags={flags} />
          </div>
        )}
      </td>
      {!hideProblem && (
        <td>
          <Link
            to={`/problems/${action.problemId}`}
            className="actions-row-problem"
            data-testid="action-row-problem"
          >
            <bdi>{action.problemTitle}</bdi>
          </Link>
        </td>
      )}
      <td>
        <KindBadge kind={action.kind} />
      </td>
      <td data-testid="action-row-owner">
        {action.owner === "" ? (
          <span className="actions-row-muted">{t("actions.noOwner")}</span>
        ) : (
          <bdi>{action.owner}</bdi>
        )}
      </td>
      <td
        className={flags.overdue ? "actions-row-due actions-row-due--overdue" : "actions-row-due"}
        data-testid="action-row-due"
      >
        {action.dueOn === null ? (
          <span className="actions-row-muted">{t("actions.noDue")}</span>
        ) : (
          <time dateTime={action.dueOn}>{formatDay(day, action.dueOn)}</time>
        )}
      </td>
      <td>
        <PriorityBadge priority={action.priority} />
      </td>
      <td>
        <StatusBadge status={action.status} />
      </td>
    </tr>
  );
}

/** Actions as a real table, with column headers; due and priority sort when `sorting` is given. */
export function ActionsTable({
  rows,
  caption,
  sorting,
  hideProblem = false,
  busy = false,
  testId,
}: ActionsTableProps) {
  const { t } = useTranslation();
  const plain = (label: string) => <th scope="col">{label}</th>;
  return (
    <div className="actions-table-wrap">
      <table className="actions-table" aria-busy={busy || undefined} data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {plain(t("actions.field.title"))}
            {!hideProblem && plain(t("actions.field.problem"))}
            {plain(t("actions.field.kind"))}
            {plain(t("actions.field.owner"))}
            {sorting === undefined ? (
              plain(t("actions.field.dueOn"))
            ) : (
              <SortableHeader sort="due" label={t("actions.field.dueOn")} sorting={sorting} />
            )}
            {sorting === undefined ? (
              plain(t("actions.field.priority"))
            ) : (
              <SortableHeader sort="priority" label={t("actions.field.priority")} sorting={sorting} />
            )}
            {plain(t("actions.field.status"))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ActionTableRow key={row.action.id} row={row} hideProblem={hideProblem} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
