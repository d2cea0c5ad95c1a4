import {
  DndContext,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
} from "@dnd-kit/core";
import { CSS } from "@dnd-kit/utilities";

import type { CSSProperties, PointerEvent as ReactPointerEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/errors";
import { useMoveCard, useMoveStage, useMoveTouchpoint } from "../../api/journeys";
import type { Lane } from "../../bindings/Lane";

/** What can be dragged on the grid. */
export type DragKind = "card" | "touchpoint" | "stage";

/** A dragged item: where it sits and among which siblings. */
export interface DragItem {
  kind: DragKind;
  id: string;
  /** What the user calls it (announced). */
  name: string;
  /** Its container: the map (stages), a stage (touchpoints), a stage's lane (cards). */
  container: string;
}

/** Where an item may land: on a sibling (its place) or on a container (its end). */
export interface DropTarget {
  accepts: DragKind;
  container: string;
  /** The container's items, in order. */
  siblings: readonly string[];
  /** The item dropped on; null for the container itself. */
  itemId: string | null;
  /** What the user calls it (announced). */
  name: string;
  stageId: string;
  lane?: Lane;
}

/**
 * Where a dropped item goes, as the core's moves take it: before which
 * sibling (null: last). Dropped on a sibling it takes that sibling's
 * place (after it when moving forward in the same container); on a
 * container, it goes last. Null when it stays where it is.
 */
export function placeOf(item: DragItem, target: DropTarget): { before: string | null } | null {
  if (target.accepts !== item.kind || target.itemId === item.id) return null;
  if (target.itemId === null) {
    const same = target.container === item.container;
    return same && target.siblings.at(-1) === item.id ? null : { before: null };
  }
  if (target.container === item.container) {
    const from = target.siblings.indexOf(item.id);
    const to = target.siblings.indexOf(target.itemId);
    if (from >= 0 && from < to) return { before: target.siblings[to + 1] ?? null };
  }
  return { before: target.itemId };
}

const dragged = (data: { current?: Record<string, unknown> }): DragItem | null =>
  (data.current as DragItem | undefined) ?? null;
const dropped = (data: { current?: Record<string, unknown> } | undefined): DropTarget | null =>
  (data?.current as DropTarget | undefined) ?? null;

/** The smallest place under the pointer that takes what is dragged (a card over a cell: the card). */
const collision: CollisionDetection = ({
  active,
  droppableContainers,
  droppableRects,
  pointerCoordinates,
}) => {
  const item = dragged(active.data);
  if (pointerCoordinates === null || item === null) return [];
  const { x, y } = pointerCoordinates;
  return droppableContainers
    .flatMap((container) => {
      const rect = droppableRects.get(container.id);
      const target = dropped(container.data);
      if (rect === undefined || target?.accepts !== item.kind) return [];
      const inside = x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
      return inside
        ? [{ id: container.id, data: { droppableContainer: container, value: rect.width * rect.height } }]
        : [];
    })
    .sort((a, b) => a.data.value - b.data.value);
};

/** Fields keep the pointer: a press in one selects text or opens its list, never drags. */
const FIELD = "input, textarea, select, [contenteditable='true']";

/**
 * Where a card dropped on a cell goes: before the first of the cell's other
 * cards whose middle is below the dragged card's middle, else last. Null
 * when that is where it already is.
 */
export function cardPlace(
  item: DragItem,
  targetContainer: string,
  cards: readonly { id: string; middle: number }[],
  draggedMiddle: number,
): { before: string | null } | null {
  const others = cards.filter((c) => c.id !== item.id);
  const before = others.find((c) => c.middle > draggedMiddle)?.id ?? null;
  if (targetContainer === item.container) {
    const at = cards.findIndex((c) => c.id === item.id);
    const next = at < 0 ? undefined : (cards[at + 1]?.id ?? null);
    if (next === before) return null;
  }
  return { before };
}

/** An item dragged by pointer (not while `disabled`); fields never start a drag. */
export function useGridDraggable(item: DragItem, disabled = false) {
  const drag = useDraggable({ id: `${item.kind}:${item.id}`, data: item, disabled });
  const style: CSSProperties | undefined =
    drag.transform === null ? undefined : { transform: CSS.Translate.toString(drag.transform), zIndex: 3 };
  return {
    /** Gives the item its element (a callback, not a ref object). */
    attach: drag.setNodeRef,
    // Pointer only: the keyboard moves items by their own buttons and keys.
    onPointerDown: (event: ReactPointerEvent<HTMLElement>) => {
      if (event.target instanceof Element && event.target.closest(FIELD) !== null) return;
      (drag.listeners?.onPointerDown as ((e: ReactPointerEvent<HTMLElement>) => void) | undefined)?.(event);
    },
    style,
    className: drag.isDragging ? "is-dragging" : "",
  };
}

/**
 * A grid item that is dragged by pointer and takes others dropped on it
 * (stages and touchpoints; cards land on their cell instead, placed by the
 * pointer, so a map's thousand cards register no drop target).
 */
export function useGridItem(
  item: DragItem,
  target: Omit<DropTarget, "accepts" | "itemId" | "name">,
  disabled = false,
) {
  const draggable = useGridDraggable(item, disabled);
  const drop = useDroppable({
    id: `${item.kind}:${item.id}`,
    data: { ...target, accepts: item.kind, itemId: item.id, name: item.name },
  });
  return {
    attach: (node: HTMLElement | null) => {
      draggable.attach(node);
      drop.setNodeRef(node);
    },
    onPointerDown: draggable.onPointerDown,
    style: draggable.style,
    className: draggable.className || (drop.isOver ? "is-drop-target" : ""),
  };
}

/** A container items are dropped at the end of (a stage's touchpoints, a cell's cards). */
export function useGridDrop(target: Omit<DropTarget, "itemId">) {
  const drop = useDroppable({
    id: `end:${target.accepts}:${target.container}`,
    data: { ...target, itemId: null },
  });
  return {
    attach: drop.setNodeRef,
    className: drop.isOver ? "is-drop-target" : "",
    /** Marks the container's element, where a dropped card finds its place among the cards. */
    dropContainer: target.container,
  };
}

/** The place of a card dropped on a cell, from where the cell's cards are drawn now. */
function cardDrop(item: DragItem, target: DropTarget, rect: { top: number; height: number } | null) {
  if (rect === null) return null;
  const cell = [...document.querySelectorAll<HTMLElement>("[data-drop-container]")].find(
    (el) => el.dataset.dropContainer === target.container,
  );
  const cards = [...(cell?.querySelectorAll<HTMLElement>("[data-card-id]") ?? [])].map((el) => {
    const box = el.getBoundingClientRect();
    return { id: el.dataset.cardId ?? "", middle: box.top + box.height / 2 };
  });
  return cardPlace(item, target.container, cards, rect.top + rect.height / 2);
}

/**
 * The grid's pointer dragging: stages across, touchpoints within and
 * between stages, cards within and between cells; each drop is one move
 * in the core, announced for screen readers.
 */
export function GridDrag({ children, report }: { children: ReactNode; report: (error: AppError) => void }) {
  const { t } = useTranslation();
  const moveCard = useMoveCard();
  const moveTouchpoint = useMoveTouchpoint();
  const moveStage = useMoveStage();
  // A few pixels before a drag starts, so a click on a card or button still clicks.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const item = dragged(active.data);
    const target = dropped(over?.data);
    if (item === null || target === null) return;
    const place =
      item.kind === "card" ? cardDrop(item, target, active.rect.current.translated) : placeOf(item, target);
    if (place === null) return;
    const options = { onError: report };
    if (item.kind === "card" && target.lane !== undefined)
      moveCard.mutate(
        { id: item.id, stageId: target.stageId, lane: target.lane, before: place.before },
        options,
      );
    else if (item.kind === "touchpoint")
      moveTouchpoint.mutate({ id: item.id, stageId: target.stageId, before: place.before }, options);
    else if (item.kind === "stage") moveStage.mutate({ id: item.id, before: place.before }, options);
  };
  const name = (data: { current?: Record<string, unknown> }) => dragged(data)?.name ?? "";
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("journeys.drag.start", { name: name(active.data) }),
    onDragOver: ({ active, over }) =>
      over === null
        ? t("journeys.drag.outside", { name: name(active.data) })
        : t("journeys.drag.over", { name: name(active.data), target: dropped(over.data)?.name ?? "" }),
    onDragEnd: ({ active, over }) =>
      over === null
        ? t("journeys.drag.cancelled", { name: name(active.data) })
        : t("journeys.drag.dropped", { name: name(active.data), target: dropped(over.data)?.name ?? "" }),
    onDragCancel: ({ active }) => t("journeys.drag.cancelled", { name: name(active.data) }),
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      // The grid scrolls sideways near its edges; the page only at the very top and bottom.
      autoScroll={{ threshold: { x: 0.2, y: 0.08 } }}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t("journeys.drag.instructions") },
      }}
      onDragEnd={onDragEnd}
    >
      {children}
    </DndContext>
  );
}
