/** Dot-voting arithmetic: dots used, what each participant has left, the ranked results. */
import { AREAS } from "../../../api/empathy";
import type { Board } from "../../../bindings/Board";
import type { Note } from "../../../bindings/Note";
import type { VoteCount } from "../../../bindings/VoteCount";

/** The dots `voter` has placed on the board. */
export function dotsUsed(votes: readonly VoteCount[], voter: string): number {
  return votes.reduce((sum, v) => (v.voter === voter ? sum + v.count : sum), 0);
}

/** The dots `voter` may still place (never below zero). */
export function dotsLeft(board: Board, voter: string): number {
  return Math.max(0, board.map.votesPerPerson - dotsUsed(board.votes, voter));
}

/**
 * Who can vote, with their dots used: the map's participants, in their
 * order, then anyone else who placed dots (a name typed when the map had
 * no participants).
 */
export function voterUsage(board: Board, current: string | null = null): { voter: string; used: number }[] {
  const names = [...board.map.participants];
  for (const v of board.votes) if (!names.includes(v.voter)) names.push(v.voter);
  if (current !== null && current !== "" && !names.includes(current)) names.push(current);
  return names.map((voter) => ({ voter, used: dotsUsed(board.votes, voter) }));
}

/**
 * The notes that received dots, most first; ties by area (in board order),
 * then by text in the reader's collation, then by id so the order is stable.
 */
export function rankNotes(notes: readonly Note[], collator: Intl.Collator): Note[] {
  return notes
    .filter((n) => !n.hidden && n.votes > 0)
    .sort(
      (a, b) =>
        b.votes - a.votes ||
        AREAS.indexOf(a.area) - AREAS.indexOf(b.area) ||
        collator.compare(a.text, b.text) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}
