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

/** A grid item that is dragged by pointer and takes others dropped on it (not while `disabled`). */
export function useGridItem(
  item: DragItem,
  target: Omit<DropTarget, "accepts" | "itemId" | "name">,
  disabled = false,
) {
  const key = `${item.kind}:${item.id}`;
  const drag = useDraggable({ id: key, data: item, disabled });
  const drop = useDroppable({
    id: key,
    data: { ...target, accepts: item.kind, itemId: item.id, name: item.name },
  });
  const style: CSSProperties | undefined =
    drag.transform === null ? undefined : { transform: CSS.Translate.toString(drag.transform), zIndex: 3 };
  return {
    /** Gives the item its element (a callback, not a ref object). */
    attach: (node: HTMLElement | null) => {
      drag.setNodeRef(node);
      drop.setNodeRef(node);
    },
    // Pointer only: the keyboard moves items by their own buttons and keys.
    onPointerDown: (event: ReactPointerEvent<HTMLElement>) => {
      if (event.target instanceof Element && event.target.closest(FIELD) !== null) return;
      (drag.listeners?.onPointerDown as ((e: ReactPointerEvent<HTMLElement>) => void) | undefined)?.(event);
    },
    style,
    className: drag.isDragging ? "is-dragging" : drop.isOver ? "is-drop-target" : "",
  };
}

/** A container items are dropped at the end of (a stage's touchpoints, a cell's cards). */
export function useGridDrop(target: Omit<DropTarget, "itemId">) {
  const drop = useDroppable({
    id: `end:${target.accepts}:${target.container}`,
    data: { ...target, itemId: null },
  });
  return { attach: drop.setNodeRef, className: drop.isOver ? "is-drop-target" : "" };
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
    const place = placeOf(item, target);
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
