import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
} from "@dnd-kit/core";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useActionOwners, useEditAction } from "../../../api/actions";
import type { Action } from "../../../bindings/Action";
import type { ActionKind } from "../../../bindings/ActionKind";
import type { ActionRow } from "../../../bindings/ActionRow";
import type { ActionStatus } from "../../../bindings/ActionStatus";
import { ENUMS } from "../../../bindings/rules";
import { ActionsTabs } from "../ActionsTabs";
import { CardPreview } from "./BoardCard";
import { BoardColumn, type FocusTarget } from "./BoardColumn";
import { describeMoveError, refusedMessage } from "./moveMessages";
import { BOARD_COLUMNS, canMove, moveEdit, moveNeeds, nearestMove } from "./moves";
import { MoveDialog, type PendingMove } from "./MoveDialog";

const KINDS: readonly ActionKind[] = ENUMS.actionKind;

function isKind(value: string | null): value is ActionKind {
  return value !== null && (KINDS as readonly string[]).includes(value);
}

function isStatus(value: unknown): value is ActionStatus {
  return typeof value === "string" && (BOARD_COLUMNS as readonly string[]).includes(value);
}

/** The row a draggable carries (see BoardCard). */
function rowOf(data: { current?: Record<string, unknown> | undefined }): ActionRow | null {
  const row = data.current?.row;
  return row === undefined ? null : (row as ActionRow);
}

/** Focuses the card of action `id` inside `board`. */
function focusCard(board: HTMLElement | null, id: string) {
  board
    ?.querySelector<HTMLElement>(`[data-testid="board-card"][data-action-id="${CSS.escape(id)}"]`)
    ?.focus();
}

/** The pointer's column; with the keyboard (no pointer), the column the card overlaps most. */
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

/**
 * Keyboard dragging (Space or Enter to pick up): Right and Left jump a whole
 * column on screen (the next column in Arabic is to the left, as it is drawn).
 */
const columnCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  if (event.code !== "ArrowRight" && event.code !== "ArrowLeft") return undefined;
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (collisionRect === null) return undefined;
  const columns = droppableContainers
    .getEnabled()
    .map((container) => droppableRects.get(container.id))
    .filter((rect) => rect !== undefined)
    .sort((a, b) => a.left - b.left);
  const centre = collisionRect.left + collisionRect.width / 2;
  const right = event.code === "ArrowRight";
  const current = columns.findIndex((rect) => centre >= rect.left && centre <= rect.left + rect.width);
  const target =
    current >= 0
      ? columns[current + (right ? 1 : -1)]
      : right
        ? columns.find((rect) => rect.left > centre)
        : columns.filter((rect) => rect.left + rect.width < centre).at(-1);
  if (target === undefined) return undefined;
  event.preventDefault();
  return { x: target.left + (target.width - collisionRect.width) / 2, y: collisionRect.top };
};

type Notice = { tone: "info" | "error"; text: string } | null;

/**
 * The actions board: a column per status in workflow order. A card moves by
 * pointer drag, by keyboard drag, by Alt+arrow or by its "Move to…" menu;
 * only the moves the core allows are offered, and a move that needs a
 * check's result or a reason asks for it first.
 */
export function BoardScreen() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const ownerId = useId();
  const kindId = useId();
  const boardRef = useRef<HTMLDivElement>(null);
  const owners = useActionOwners();
  const edit = useEditAction();
  const [notice, setNotice] = useState<Notice>(null);
  const [movingId, setMovingId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<PendingMove | null>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const [dragging, setDragging] = useState<ActionRow | null>(null);

  // Filters kept in the URL: ?owner= (empty for nobody) and ?kind=.
  const owner = params.has("owner") ? (params.get("owner") ?? "") : undefined;
  const kindParam = params.get("kind");
  const kind = isKind(kindParam) ? kindParam : null;
  const filters = useMemo(() => ({ kinds: kind === null ? [] : [kind], owner }), [kind, owner]);

  const setFilter = (key: "owner" | "kind", value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  const moreHref = (status: ActionStatus) => {
    const query = new URLSearchParams({ status });
    if (owner !== undefined) query.set("owner", owner);
    if (kind !== null) query.set("kind", kind);
    return `/actions?${query.toString()}`;
  };

  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on the card's link or menu still clicks.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }),
  );

  const moved = useCallback(
    (action: Pick<Action, "id" | "title">, to: ActionStatus) => {
      setNotice({
        tone: "info",
        text: t("actionBoard.moved", { title: action.title, status: t(`actions.status.${to}`) }),
      });
      setFocusTarget({ id: action.id, status: to });
    },
    [t],
  );

  const clearFocusTarget = useCallback(() => {
    setFocusTarget(null);
  }, []);

  const startMove = (row: ActionRow, to: ActionStatus) => {
    const { action } = row;
    const from = action.status;
    if (from === to) return;
    setFocusTarget(null);
    if (!canMove(from, to)) {
      setNotice({ tone: "error", text: refusedMessage(t, action.title, from, to) });
      return;
    }
    if (moveNeeds(to) !== "nothing") {
      setNotice(null);
      setDialog({ action, to: to as PendingMove["to"] });
      return;
    }
    setMovingId(action.id);
    setNotice({ tone: "info", text: t("actionBoard.moving", { title: action.title }) });
    edit.mutate(
      { id: action.id, edit: moveEdit(to) },
      {
        onSuccess: () => {
          moved(action, to);
        },
        onError: (error) => {
          setNotice({ tone: "error", text: describeMoveError(t, error, from, to, action.title) });
        },
        onSettled: () => {
          setMovingId(null);
        },
      },
    );
  };

  const step = (row: ActionRow, direction: 1 | -1) => {
    const to = nearestMove(row.action.status, direction);
    if (to === null) {
      const key = direction === 1 ? "actionBoard.noFurther" : "actionBoard.noEarlier";
      setNotice({ tone: "error", text: t(key, { title: row.action.title }) });
      return;
    }
    startMove(row, to);
  };

  // Once a dialog closed without moving, focus goes back to the card it was about.
  const returnFocus = useRef<string | null>(null);
  useEffect(() => {
    if (dialog !== null || returnFocus.current === null) return;
    focusCard(boardRef.current, returnFocus.current);
    returnFocus.current = null;
  }, [dialog]);

  const onDragStart = ({ active }: DragStartEvent) => {
    setDragging(rowOf(active.data));
    setNotice(null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const row = rowOf(active.data);
    if (row === null || over === null || !isStatus(over.id)) return;
    startMove(row, over.id);
  };

  const statusName = (id: unknown) => (isStatus(id) ? t(`actions.status.${id}`) : "");
  const titleOf = (data: { current?: Record<string, unknown> | undefined }) =>
    rowOf(data)?.action.title ?? "";
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t("actionBoard.drag.start", {
        title: titleOf(active.data),
        status: statusName(rowOf(active.data)?.action.status),
      }),
    onDragOver: ({ active, over }) => {
      const row = rowOf(active.data);
      if (over === null || row === null)
        return t("actionBoard.drag.outside", { title: titleOf(active.data) });
      const refused =
        isStatus(over.id) && over.id !== row.action.status && !canMove(row.action.status, over.id);
      return t(refused ? "actionBoard.drag.overRefused" : "actionBoard.drag.over", {
        title: row.action.title,
        status: statusName(over.id),
      });
    },
    onDragEnd: ({ active, over }) =>
      over === null
        ? t("actionBoard.drag.cancelled", {
            title: titleOf(active.data),
            status: statusName(rowOf(active.data)?.action.status),
          })
        : t("actionBoard.drag.dropped", { title: titleOf(active.data), status: statusName(over.id) }),
    onDragCancel: ({ active }) =>
      t("actionBoard.drag.cancelled", {
        title: titleOf(active.data),
        status: statusName(rowOf(active.data)?.action.status),
      }),
  };

  const ownerValue = owner === undefined ? "all" : owner === "" ? "none" : `o:${owner}`;
  const ownerNames = owners.data ?? [];
  const filtered = owner !== undefined || kind !== null;

  return (
    <div className="actions-wide board-screen">
      <ActionsTabs />
      <p className="page-subtitle board-hint">{t("actionBoard.hint")}</p>
      <div className="board-filters" role="group" aria-label={t("actionBoard.filters")}>
        <div className="board-filter">
          <label className="field-label" htmlFor={ownerId}>
            {t("actions.field.owner")}
          </label>
          <select
            id={ownerId}
            className="text-input board-select"
            value={ownerValue}
            data-testid="board-filter-owner"
            onChange={(event) => {
              const value = event.target.value;
              setFilter("owner", value === "all" ? null : value === "none" ? "" : value.slice(2));
            }}
          >
            <option value="all">{t("actionBoard.allOwners")}</option>
            <option value="none">{t("actions.noOwner")}</option>
            {owner !== undefined && owner !== "" && !ownerNames.includes(owner) && (
              <option value={`o:${owner}`}>{owner}</option>
            )}
            {ownerNames.map((name) => (
              <option key={name} value={`o:${name}`}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="board-filter">
          <label className="field-label" htmlFor={kindId}>
            {t("actions.field.kind")}
          </label>
          <select
            id={kindId}
            className="text-input board-select"
            value={kind ?? "all"}
            data-testid="board-filter-kind"
            onChange={(event) => {
              setFilter("kind", event.target.value === "all" ? null : event.target.value);
            }}
          >
            <option value="all">{t("actionBoard.allKinds")}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`actions.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {filtered && (
          <button
            type="button"
            className="button button--ghost"
            data-testid="board-clear-filters"
            onClick={() => {
              const next = new URLSearchParams(params);
              next.delete("owner");
              next.delete("kind");
              setParams(next, { replace: true });
            }}
          >
            {t("actionBoard.clearFilters")}
          </button>
        )}
      </div>

      <p className="board-notice" role="status" data-testid="board-notice">
        {notice?.tone === "info" ? notice.text : ""}
      </p>
      {notice?.tone === "error" && (
        <div className="alert board-error" role="alert" data-testid="board-error">
          <p>{notice.text}</p>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setNotice(null);
            }}
          >
            {t("actionBoard.dismiss")}
          </button>
        </div>
      )}

      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t("actionBoard.drag.instructions") },
        }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          setDragging(null);
        }}
      >
        <div
          ref={boardRef}
          className="board"
          aria-label={t("actionBoard.label")}
          role="region"
          data-testid="board"
        >
          {BOARD_COLUMNS.map((status) => {
            const draggingFrom = dragging?.action.status;
            const refused =
              draggingFrom !== undefined && draggingFrom !== status && !canMove(draggingFrom, status);
            const accepts = draggingFrom !== undefined && canMove(draggingFrom, status);
            return (
              <BoardColumn
                key={status}
                status={status}
                filters={filters}
                refused={refused}
                accepts={accepts}
                moreHref={moreHref(status)}
                movingId={movingId}
                focusTarget={focusTarget}
                onFocused={clearFocusTarget}
                onMove={startMove}
                onStep={step}
              />
            );
          })}
        </div>
        <DragOverlay dropAnimation={null}>{dragging !== null && <CardPreview row={dragging} />}</DragOverlay>
      </DndContext>

      {dialog !== null && (
        <MoveDialog
          move={dialog}
          onClose={() => {
            returnFocus.current = dialog.action.id;
            setDialog(null);
          }}
          onMoved={(saved) => {
            setDialog(null);
            moved(saved, saved.status);
          }}
        />
      )}
    </div>
  );
}
