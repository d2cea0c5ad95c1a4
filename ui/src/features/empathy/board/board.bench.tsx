/**
 * A 500-note board (budgets: opens under 300 ms; a drag stays under 16 ms a
 * frame, DESIGN.md and issue 5). Run with
 * `npx vitest bench --run src/features/empathy`. jsdom has no layout or
 * paint, so these figures are React's work plus DOM updates only.
 */
import { createQueryClient } from "../../../api/freshness";
import { DataProvider } from "../../../api/DataProvider";
import { act, render } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { bench, describe } from "vitest";
import { makeBoardPersona, makeMap, makeNote } from "../../../test/mock-empathy";
import type { Board } from "../../../bindings/Board";
import { EmpathyBoard } from "./EmpathyBoard";
import { AREA_LIST, applyNoteEdit } from "./model";

const persona = makeBoardPersona("Layla");
const map = makeMap(persona, "Bench");
const notes = Array.from({ length: 500 }, (_, i) =>
  makeNote(map.id, AREA_LIST[i % 6] ?? "says", `Note number ${String(i)} with a few words on it`, {
    position: i,
    votes: i % 4,
    author: "Sam",
  }),
);
const board: Board = { map, persona, notes, groups: [], votes: [] };

function view(b: Board) {
  return (
    <DataProvider client={createQueryClient()}>
      <MemoryRouter>
        <EmpathyBoard board={b} />
      </MemoryRouter>
    </DataProvider>
  );
}

describe("board with 500 notes (jsdom)", () => {
  bench(
    "open the board",
    () => {
      const { unmount } = render(view(board));
      unmount();
    },
    { iterations: 10 },
  );

  const mounted = render(view(board));
  let current = board;
  let step = 0;
  bench("move one note to another area (the optimistic update a drop makes)", () => {
    const note = current.notes[step % 50];
    step++;
    if (note === undefined) return;
    const to = AREA_LIST[(AREA_LIST.indexOf(note.area) + 1) % 6] ?? "says";
    current = applyNoteEdit(current, note.id, { field: "move", value: { area: to } });
    act(() => {
      mounted.rerender(view(current));
    });
  });
});
