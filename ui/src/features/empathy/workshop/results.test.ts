import { describe, expect, it } from "vitest";
import type { Note } from "../../../bindings/Note";
import { rankNotes } from "./results";

let next = 1;
function note(text: string, area: Note["area"], votes: number, hidden = false): Note {
  return {
    id: `n${String(next++).padStart(3, "0")}`,
    mapId: "m",
    area,
    position: next,
    text,
    colour: "yellow",
    author: "",
    groupId: null,
    problemId: null,
    hidden,
    causeIds: [],
    votes,
    createdAt: "2024-01-01T00:00:00Z",
    updatedAt: "2024-01-01T00:00:00Z",
  };
}

describe("rankNotes", () => {
  it("sorts by dots, then area order, then text; leaves out notes without dots and hidden ones", () => {
    const notes = [
      note("Angry at hold music", "feels", 1),
      note("Calls twice", "does", 0),
      note("Wants a refund", "says", 3),
      note("Beta", "says", 1),
      note("Thinks it is broken", "thinks", 1),
      note("alpha", "says", 1),
      note("Secret", "pains", 5, true),
    ];
    const ranked = rankNotes(notes, new Intl.Collator("en"));
    expect(ranked.map((n) => n.text)).toEqual([
      "Wants a refund",
      "alpha",
      "Beta",
      "Thinks it is broken",
      "Angry at hold music",
    ]);
  });

  it("orders Arabic text by the Arabic collation", () => {
    const ranked = rankNotes(
      [note("ياء", "gains", 2), note("باء", "gains", 2), note("ألف", "gains", 2)],
      new Intl.Collator("ar"),
    );
    expect(ranked.map((n) => n.text)).toEqual(["ألف", "باء", "ياء"]);
  });
});
