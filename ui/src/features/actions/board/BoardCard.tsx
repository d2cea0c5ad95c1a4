import { useDraggable } from "@dnd-kit/core";
import { useEffect, useId, useRef, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ActionRow } from "../../../bindings/ActionRow";
import type { ActionStatus } from "../../../bindings/ActionStatus";
import { currentLanguage, directionOf } from "../../../i18n";
import { formatDay, useDayFormat } from "../../../i18n/format";
import { FlagBadges, PriorityBadge } from "../../../kit/ActionBadges";
import { MoveMenu } from "./MoveMenu";

/** What a card shows: title, problem, owner, due day, priority and flags. */
function CardBody({ row, titleId, preview }: { row: ActionRow; titleId?: string; preview: boolean }) {
  const { t } = useTranslation();
  const dayFormat = useDayFormat();
  const { action, flags } = row;
  const title = <bdi>{action.title}</bdi>;
  return (
    <>
      <h3 className="board-card-title" id={titleId}>
        {preview ? (
          title
        ) : (
          <Link to={`/actions/${action.id}`} className="board-card-link">
            {title}
          </Link>
        )}
      </h3>
      {action.problemTitle !== "" && (
        <p className="board-card-problem">
          <span className="visually-hidden">{t("actionBoard.card.problem")} </span>
          <bdi>{action.problemTitle}</bdi>
        </p>
      )}
      <p className="board-card-meta">
        <span
          className={action.owner === "" ? "board-card-owner board-card-owner--none" : "board-card-owner"}
        >
          <span className="visually-hidden">{t("actions.field.owner")}: </span>
          {action.owner === "" ? t("actions.noOwner") : <bdi>{action.owner}</bdi>}
        </span>
        <span className="board-card-due">
          {action.dueOn === null
            ? t("actions.noDue")
            : t("actionBoard.card.due", { date: formatDay(dayFormat, action.dueOn) })}
        </span>
        <PriorityBadge priority={action.priority} />
      </p>
      {action.status === "done" && action.checkDueOn !== null && (
        <p className="board-card-check">
          {t("actionBoard.card.checkOn", { date: formatDay(dayFormat, action.checkDueOn) })}
        </p>
      )}
      <FlagBadges flags={flags} />
    </>
  );
}

/** The copy of a card that follows the pointer while it is dragged. */
export function CardPreview({ row }: { row: ActionRow }) {
  return (
    <div className="board-card board-card--preview" aria-hidden="true" data-testid="board-card-preview">
      <CardBody row={row} preview />
    </div>
  );
}

interface BoardCardProps {
  row: ActionRow;
  /** Its move is being sent. */
  moving: boolean;
  /** Take the keyboard focus once shown (after a move brought it here). */
  focusOnMount: boolean;
  onFocused: () => void;
  /** Move to a chosen status (the menu). */
  onMove: (to: ActionStatus) => void;
  /** Move to the nearest allowed column forward (+1) or back (-1) (Alt+arrow). */
  onStep: (direction: 1 | -1) => void;
}

/**
 * One action on the board: focusable, dragged with the pointer (from
 * anywhere on it, after a few pixels so its link still clicks), picked up
 * with Space or Enter, moved with Alt+arrow or its "Move to…" menu.
 */
export function BoardCard({ row, moving, focusOnMount, onFocused, onMove, onStep }: BoardCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const { action } = row;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: action.id,
    data: { row },
    disabled: moving,
  });
  const cardRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (focusOnMount) {
      cardRef.current?.focus();
      onFocused();
    }
  }, [focusOnMount, onFocused]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    (listeners?.onKeyDown as ((e: KeyboardEvent<HTMLElement>) => void) | undefined)?.(event);
    if (event.defaultPrevented || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    // Columns run with the reading direction: in Arabic the next one is to the left.
    const rtl = directionOf(currentLanguage()) === "rtl";
    const forward = (event.key === "ArrowRight") !== rtl;
    onStep(forward ? 1 : -1);
  };

  return (
    <li className="board-card-item">
      <article
        ref={(node) => {
          cardRef.current = node;
          setNodeRef(node);
          setActivatorNodeRef(node);
        }}
        className={`board-card${isDragging ? " board-card--dragging" : ""}`}
        tabIndex={0}
        aria-roledescription={t("actionBoard.card.roleDescription")}
        aria-labelledby={titleId}
        aria-describedby={attributes["aria-describedby"]}
        aria-busy={moving}
        data-testid="board-card"
        data-action-id={action.id}
        data-status={action.status}
        {...listeners}
        onKeyDown={onKeyDown}
      >
        <CardBody row={row} titleId={titleId} preview={false} />
        <MoveMenu title={action.title} status={action.status} disabled={moving} onMove={onMove} />
      </article>
    </li>
  );
}
