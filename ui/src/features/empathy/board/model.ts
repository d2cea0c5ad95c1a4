/**
 * The board's pure rules: the areas and their neighbours on screen, the
 * order of notes and groups inside an area, and the optimistic updates the
 * board applies before the core answers (they follow the core's rules: a
 * note moved before another joins that note's group, one moved last leaves
 * its group).
 */
import type { Area } from "../../../bindings/Area";
import { ENUMS } from "../../../bindings/rules";
import type { Board } from "../../../bindings/Board";
import type { Note } from "../../../bindings/Note";
import type { NoteColour } from "../../../bindings/NoteColour";
import type { NoteEdit } from "../../../bindings/NoteEdit";
import type { NoteGroup } from "../../../bindings/NoteGroup";

/** The six areas in reading order: the quadrants, then pains and gains (the core's order). */
export const AREA_LIST: readonly Area[] = ENUMS.area;

export const COLOURS: readonly NoteColour[] = ENUMS.noteColour;

/** How many prompt questions each area shows. */
export const PROMPT_COUNT = 3;

export function isArea(value: unknown): value is Area {
  return typeof value === "string" && (AREA_LIST as readonly string[]).includes(value);
}

/** A direction on screen in logical terms: along the reading direction, or up and down. */
export type Step = "inlineEnd" | "inlineStart" | "up" | "down";

/**
 * Which area lies next to which, as the board is drawn (logical, so the
 * same table holds in Arabic where "inline end" is on the left):
 *   says   | thinks
 *   does   | feels
 *   pains  | gains
 */
const NEIGHBOURS: Record<Area, Partial<Record<Step, Area>>> = {
  says: { inlineEnd: "thinks", down: "does" },
  thinks: { inlineStart: "says", down: "feels" },
  does: { inlineEnd: "feels", up: "says", down: "pains" },
  feels: { inlineStart: "does", up: "thinks", down: "gains" },
  pains: { inlineEnd: "gains", up: "does" },
  gains: { inlineStart: "pains", up: "feels" },
};

/** The area next to `area` in direction `step`, or null at the board's edge. */
export function neighbourArea(area: Area, step: Step): Area | null {
  return NEIGHBOURS[area][step] ?? null;
}

/** The logical step of an arrow key pressed with Alt, mirrored in right-to-left. */
export function stepOfArrow(key: string, rtl: boolean): Step | null {
  switch (key) {
    case "ArrowRight":
      return rtl ? "inlineStart" : "inlineEnd";
    case "ArrowLeft":
      return rtl ? "inlineEnd" : "inlineStart";
    case "ArrowUp":
      return "up";
    case "ArrowDown":
      return "down";
    default:
      return null;
  }
}

/** The notes of one area, in their order. */
export function notesOf(notes: readonly Note[], area: Area): Note[] {
  return notes
    .filter((n) => n.area === area)
    .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

/** What an area shows, in order: single notes, and groups where their first note sits. */
export type AreaItem = { kind: "note"; note: Note } | { kind: "group"; group: NoteGroup; notes: Note[] };

export function areaItems(sorted: readonly Note[], groups: readonly NoteGroup[], area: Area): AreaItem[] {
  const byId = new Map(groups.filter((g) => g.area === area).map((g) => [g.id, g]));
  const items: AreaItem[] = [];
  const placed = new Map<string, Note[]>();
  for (const note of sorted) {
    const group = note.groupId === null ? undefined : byId.get(note.groupId);
    if (group === undefined) {
      items.push({ kind: "note", note });
      continue;
    }
    const members = placed.get(group.id);
    if (members === undefined) {
      const list = [note];
      placed.set(group.id, list);
      items.push({ kind: "group", group, notes: list });
    } else {
      members.push(note);
    }
  }
  // Empty groups still show, last, so they can be dropped on or dissolved.
  for (const group of byId.values()) {
    if (!placed.has(group.id)) items.push({ kind: "group", group, notes: [] });
  }
  return items;
}

/** The notes of an area in the order they are shown (groups clustered). */
export function visualOrder(items: readonly AreaItem[]): Note[] {
  return items.flatMap((item) => (item.kind === "note" ? [item.note] : item.notes));
}

/** Where a note lands: before `beforeId` in `area`, or last. */
export function movedNote(board: Board, note: Note, area: Area, beforeId?: string): Note {
  const others = notesOf(board.notes, area).filter((n) => n.id !== note.id);
  const before = beforeId === undefined ? undefined : others.find((n) => n.id === beforeId);
  let position: number;
  if (before === undefined) {
    const last = others.at(-1);
    position = last === undefined ? 1 : last.position + 1;
  } else {
    const earlier = others.filter((n) => n.position < before.position).at(-1);
    position = earlier === undefined ? before.position - 1 : (earlier.position + before.position) / 2;
  }
  return { ...note, area, position, groupId: before?.groupId ?? null };
}

/** The board with one note changed by `edit`, as the core will change it. */
export function applyNoteEdit(board: Board, id: string, edit: NoteEdit): Board {
  const note = board.notes.find((n) => n.id === id);
  if (note === undefined) return board;
  let next: Note;
  switch (edit.field) {
    case "text":
      next = { ...note, text: edit.value.trim() };
      break;
    case "colour":
      next = { ...note, colour: edit.value };
      break;
    case "author":
      next = { ...note, author: edit.value.trim() };
      break;
    case "move":
      next = movedNote(board, note, edit.value.area, edit.value.before);
      break;
    case "group": {
      const group = board.groups.find((g) => g.id === edit.value);
      next =
        group === undefined
          ? { ...note, groupId: null }
          : group.area === note.area
            ? { ...note, groupId: group.id }
            : { ...movedNote(board, note, group.area), groupId: group.id };
      break;
    }
    case "problem":
      next = { ...note, problemId: edit.value };
      break;
    case "causeIds":
      next = { ...note, causeIds: [...edit.value] };
      break;
  }
  return replaceNote(board, next);
}

/** The board with `note` in place of the note of the same id. */
export function replaceNote(board: Board, note: Note): Board {
  return { ...board, notes: board.notes.map((n) => (n.id === note.id ? note : n)) };
}

/** The board without note `id`. */
export function removeNote(board: Board, id: string): Board {
  return { ...board, notes: board.notes.filter((n) => n.id !== id) };
}

/** Places a note would go to with Alt+Up / Alt+Down: the `before` of the move, or a neighbouring area. */
export type Reorder = { area: Area; before?: string } | null;

/**
 * Alt+Up / Alt+Down on `note`: one place earlier or later in its area, in
 * the order shown; past the first or last place, into the area above or
 * below (at its end going up, at its start going down).
 */
export function reorder(board: Board, note: Note, step: "up" | "down"): Reorder {
  const order = visualOrder(areaItems(notesOf(board.notes, note.area), board.groups, note.area));
  const index = order.findIndex((n) => n.id === note.id);
  if (step === "up") {
    if (index > 0) return { area: note.area, before: order[index - 1]?.id };
    const above = neighbourArea(note.area, "up");
    return above === null ? null : { area: above };
  }
  if (index >= 0 && index < order.length - 1) {
    const after = order[index + 2];
    return after === undefined ? { area: note.area } : { area: note.area, before: after.id };
  }
  const below = neighbourArea(note.area, "down");
  if (below === null) return null;
  const first = notesOf(board.notes, below)[0];
  return first === undefined ? { area: below } : { area: below, before: first.id };
}

/** How many of an area's items (notes or groups) a board draws at first; more as the area scrolls. */
export const ITEMS_AT_FIRST = 12;

/** The id an area item is known by: its note's, or its group's. */
export function itemId(item: AreaItem): string {
  return item.kind === "note" ? item.note.id : item.group.id;
}

/** Whether an item is, or holds, the note `id`. */
export function itemHolds(item: AreaItem, id: string): boolean {
  return item.kind === "note" ? item.note.id === id : item.notes.some((n) => n.id === id);
}

/**
 * How many of `items` to draw: at least `shown`, and enough to include every
 * item that is new since `before` (a note just added or moved here goes to
 * the end and must be seen) and the note being edited.
 */
export function itemsToDraw(
  items: readonly AreaItem[],
  shown: number,
  before: ReadonlySet<string> | null,
  editingId: string | null,
): number {
  let needed = shown;
  items.forEach((item, i) => {
    const fresh = before !== null && !before.has(itemId(item));
    const editing = editingId !== null && itemHolds(item, editingId);
    if ((fresh || editing) && i >= needed) needed = i + 1;
  });
  return Math.min(needed, items.length);
}
