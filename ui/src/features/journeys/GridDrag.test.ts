import { describe, expect, it } from "vitest";
import { cardPlace, placeOf, type DragItem, type DropTarget } from "./GridDrag";

const card = (id: string, container = "s1|obstacles"): DragItem => ({
  kind: "card",
  id,
  name: id,
  container,
});
const onCard = (itemId: string | null, siblings: string[], container = "s1|obstacles"): DropTarget => ({
  accepts: "card",
  container,
  siblings,
  itemId,
  name: itemId ?? container,
  stageId: container.split("|")[0] ?? "",
  lane: "obstacles",
});

describe("where a dropped grid item goes", () => {
  it("takes the place of the sibling it is dropped on, after it when moving forward", () => {
    const siblings = ["a", "b", "c", "d"];
    // Backward: before the target.
    expect(placeOf(card("c"), onCard("a", siblings))).toEqual({ before: "a" });
    // Forward: after the target (before the one after it), or last.
    expect(placeOf(card("a"), onCard("c", siblings))).toEqual({ before: "d" });
    expect(placeOf(card("a"), onCard("d", siblings))).toEqual({ before: null });
  });

  it("goes before the card it is dropped on in another cell, or last on the cell itself", () => {
    expect(placeOf(card("a"), onCard("x", ["x", "y"], "s2|obstacles"))).toEqual({ before: "x" });
    expect(placeOf(card("a"), onCard(null, ["x", "y"], "s2|obstacles"))).toEqual({ before: null });
  });

  it("stays where it is when dropped on itself or at the end it already holds, and never lands on another kind", () => {
    expect(placeOf(card("b"), onCard("b", ["a", "b"]))).toBeNull();
    expect(placeOf(card("b"), onCard(null, ["a", "b"]))).toBeNull();
    expect(placeOf(card("a"), onCard(null, ["a", "b"]))).toEqual({ before: null });
    const touchpoints: DropTarget = { ...onCard("t1", ["t1"]), accepts: "touchpoint" };
    expect(placeOf(card("a"), touchpoints)).toBeNull();
  });

  it("places a card dropped on a cell by where the pointer left it among the cell's cards", () => {
    const cards = [
      { id: "a", middle: 100 },
      { id: "b", middle: 150 },
      { id: "c", middle: 200 },
    ];
    // Into another cell: before the first card drawn below it, or last.
    expect(cardPlace(card("x", "s2|obstacles"), "s1|obstacles", cards, 120)).toEqual({ before: "b" });
    expect(cardPlace(card("x", "s2|obstacles"), "s1|obstacles", cards, 20)).toEqual({ before: "a" });
    expect(cardPlace(card("x", "s2|obstacles"), "s1|obstacles", cards, 300)).toEqual({ before: null });
    expect(cardPlace(card("x", "s2|obstacles"), "s1|obstacles", [], 300)).toEqual({ before: null });
    // Within its cell: a over c goes after c; c dragged above a goes first.
    expect(cardPlace(card("a"), "s1|obstacles", cards, 210)).toEqual({ before: null });
    expect(cardPlace(card("c"), "s1|obstacles", cards, 90)).toEqual({ before: "a" });
    // Left where it was: nothing moves.
    expect(cardPlace(card("b"), "s1|obstacles", cards, 155)).toBeNull();
    expect(cardPlace(card("c"), "s1|obstacles", cards, 260)).toBeNull();
  });
});
