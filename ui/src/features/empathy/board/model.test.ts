import { describe, expect, it } from "vitest";
import { makeBoardPersona, makeGroup, makeMap, makeNote } from "../../../test/mock-empathy";
import type { Board } from "../../../bindings/Board";
import {
  applyNoteEdit,
  areaItems,
  ITEMS_AT_FIRST,
  itemsToDraw,
  neighbourArea,
  notesOf,
  reorder,
  stepOfArrow,
  type AreaItem,
} from "./model";

function board(): Board {
  const persona = makeBoardPersona("P");
  const map = makeMap(persona, "M");
  const group = makeGroup(map.id, "says", "G");
  return {
    map,
    persona,
    groups: [group],
    votes: [],
    notes: [
      makeNote(map.id, "says", "a", { position: 1 }),
      makeNote(map.id, "says", "b", { position: 2, groupId: group.id }),
      makeNote(map.id, "says", "c", { position: 3 }),
      makeNote(map.id, "does", "d", { position: 1 }),
    ],
  };
}

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`nothing at ${String(index)}`);
  return item;
}

const texts = (b: Board, area: "says" | "does" | "thinks") => notesOf(b.notes, area).map((n) => n.text);

describe("board model", () => {
  it("mirrors the arrows in right-to-left and knows each area's neighbours", () => {
    expect(stepOfArrow("ArrowRight", false)).toBe("inlineEnd");
    expect(stepOfArrow("ArrowRight", true)).toBe("inlineStart");
    expect(neighbourArea("says", "inlineEnd")).toBe("thinks");
    expect(neighbourArea("says", "inlineStart")).toBeNull();
    expect(neighbourArea("feels", "down")).toBe("gains");
  });

  it("moves a note before another (joining its group) or last (leaving it), as the core does", () => {
    const b = board();
    const says = notesOf(b.notes, "says");
    const [a, bNote, c] = [at(says, 0), at(says, 1), at(says, 2)];
    const before = applyNoteEdit(b, c.id, { field: "move", value: { area: "says", before: bNote.id } });
    expect(texts(before, "says")).toEqual(["a", "c", "b"]);
    expect(before.notes.find((n) => n.id === c.id)?.groupId).toBe(bNote.groupId);
    const last = applyNoteEdit(b, a.id, { field: "move", value: { area: "does" } });
    expect(texts(last, "does")).toEqual(["d", "a"]);
    expect(last.notes.find((n) => n.id === a.id)?.groupId).toBeNull();
  });

  it("clusters a group where its first note sits and reorders in the order shown", () => {
    const b = board();
    const items = areaItems(notesOf(b.notes, "says"), b.groups, "says");
    expect(items.map((i) => i.kind)).toEqual(["note", "group", "note"]);
    const c = at(notesOf(b.notes, "says"), 2);
    expect(reorder(b, c, "up")).toEqual({ area: "says", before: at(notesOf(b.notes, "says"), 1).id });
    expect(reorder(b, c, "down")).toEqual({ area: "does", before: at(notesOf(b.notes, "does"), 0).id });
  });
});

describe("itemsToDraw", () => {
  const note = (id: string): AreaItem => ({ kind: "note", note: makeNote("m1", "says", id, { id }) });
  const items = Array.from({ length: 60 }, (_, i) => note(`n${String(i)}`));

  it("draws the first items of a full area, then what it was asked for", () => {
    expect(itemsToDraw(items, ITEMS_AT_FIRST, null, null)).toBe(ITEMS_AT_FIRST);
    expect(itemsToDraw(items, 48, null, null)).toBe(48);
    expect(itemsToDraw(items.slice(0, 10), ITEMS_AT_FIRST, null, null)).toBe(10);
  });

  it("always draws a note just added or moved in, and the note being edited", () => {
    const before = new Set(items.slice(0, 59).map((i) => (i.kind === "note" ? i.note.id : "")));
    expect(itemsToDraw(items, ITEMS_AT_FIRST, before, null)).toBe(60);
    expect(itemsToDraw(items, ITEMS_AT_FIRST, null, "n40")).toBe(41);
  });
});
