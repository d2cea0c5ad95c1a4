import { useDroppable } from "@dnd-kit/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useActionPage, type ActionFilters } from "../../../api/actions";
import type { ActionRow } from "../../../bindings/ActionRow";
import type { ActionStatus } from "../../../bindings/ActionStatus";
import { describeError } from "../../../i18n/errors";
import { useNumberFormat } from "../../../i18n/format";
import { BoardCard } from "./BoardCard";

/** Cards loaded per column; the rest are a link away, in the table. */
export const COLUMN_LIMIT = 200;

/** What the board sends back to focus: this card, once it shows in this column. */
export interface FocusTarget {
  id: string;
  status: ActionStatus;
}

interface BoardColumnProps {
  status: ActionStatus;
  filters: Pick<ActionFilters, "kinds" | "owner">;
  /** A card is being dragged that may not come here. */
  refused: boolean;
  /** A card is being dragged that may come here. */
  accepts: boolean;
  /** The table with this column's filter ("+N more"). */
  moreHref: string;
  movingId: string | null;
  focusTarget: FocusTarget | null;
  onFocused: () => void;
  onMove: (row: ActionRow, to: ActionStatus) => void;
  onStep: (row: ActionRow, direction: 1 | -1) => void;
}

/** One status: its cards, soonest due first, and a drop target. */
export function BoardColumn({
  status,
  filters,
  refused,
  accepts,
  moreHref,
  movingId,
  focusTarget,
  onFocused,
  onMove,
  onStep,
}: BoardColumnProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const numbers = useNumberFormat();
  const page = useActionPage(
    { statuses: [status], kinds: filters.kinds, owner: filters.owner, sort: "due", descending: false },
    0,
    COLUMN_LIMIT,
  );
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const total = page.data?.total ?? 0;
  const items = page.data?.items ?? [];
  const more = total - items.length;
  const statusName = t(`actions.status.${status}`);

  const classes = ["board-column"];
  if (refused) classes.push("board-column--refused");
  if (accepts) classes.push("board-column--accepts");
  if (isOver) classes.push(refused ? "board-column--over-refused" : "board-column--over");

  return (
    <section
      ref={setNodeRef}
      className={classes.join(" ")}
      aria-labelledby={headingId}
      aria-disabled={refused || undefined}
      data-testid={`board-column-${status}`}
    >
      <header className="board-column-header">
        <h2 id={headingId} className="board-column-title">
          <span className={`board-column-dot board-column-dot--${status}`} aria-hidden="true" />
          {statusName}
        </h2>
        {page.data !== undefined && (
          <span className="count" data-testid="board-column-count">
            <span aria-hidden="true">{numbers.format(total)}</span>
            <span className="visually-hidden">
              {t("actionBoard.count", { count: total, formatted: numbers.format(total) })}
            </span>
          </span>
        )}
      </header>
      {status === "done" && <p className="board-column-hint">{t("actionBoard.columnHint.done")}</p>}
      {page.isPending ? (
        <p className="status-line board-column-status" role="status">
          {t("actionBoard.loading")}
        </p>
      ) : page.isError ? (
        <div className="alert board-column-status" role="alert">
          <p>{t("actionBoard.loadError", { reason: describeError(t, page.error) })}</p>
          <button type="button" className="button" onClick={() => void page.refetch()}>
            {t("actionBoard.retry")}
          </button>
        </div>
      ) : items.length === 0 ? (
        <p className="board-column-empty">{t("actionBoard.empty")}</p>
      ) : (
        <ul className="board-cards" aria-labelledby={headingId}>
          {items.map((row) => (
            <BoardCard
              key={row.action.id}
              row={row}
              moving={movingId === row.action.id}
              focusOnMount={focusTarget?.id === row.action.id && focusTarget.status === row.action.status}
              onFocused={onFocused}
              onMove={(to) => {
                onMove(row, to);
              }}
              onStep={(direction) => {
                onStep(row, direction);
              }}
            />
          ))}
        </ul>
      )}
      {more > 0 && (
        <Link
          to={moreHref}
          className="board-more"
          title={t("actionBoard.moreLabel", { status: statusName })}
          data-testid="board-column-more"
        >
          {t("actionBoard.more", { count: more, formatted: numbers.format(more) })}
          <span className="visually-hidden"> {t("actionBoard.moreLabel", { status: statusName })}</span>
        </Link>
      )}
    </section>
  );
}
