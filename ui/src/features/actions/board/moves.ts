/**
 * The board's columns and the status moves the core allows between them
 * (the core's own table, `MOVES.action` in `bindings/rules.ts`). The core
 * stays the real guard; the table lets the board say "no" before a round
 * trip and grey out the columns a dragged card cannot go to.
 */
import type { ActionEdit } from "../../../bindings/ActionEdit";
import type { ActionStatus } from "../../../bindings/ActionStatus";
import { ENUMS, MOVES } from "../../../bindings/rules";

/** The columns, in workflow order (start to end of the line; mirrored in Arabic). */
export const BOARD_COLUMNS: readonly ActionStatus[] = ENUMS.actionStatus;

/** Whether an action in `from` may move to the different status `to`. */
export function canMove(from: ActionStatus, to: ActionStatus): boolean {
  const moves: readonly ActionStatus[] = MOVES.action[from];
  return from !== to && moves.includes(to);
}

/** The statuses an action in `from` may move to, in column order. */
export function allowedMoves(from: ActionStatus): ActionStatus[] {
  return BOARD_COLUMNS.filter((to) => canMove(from, to));
}

/**
 * The nearest column an action in `from` may move to, going forward (+1,
 * towards the end of the workflow) or back (-1); null when there is none.
 */
export function nearestMove(from: ActionStatus, direction: 1 | -1): ActionStatus | null {
  const start = BOARD_COLUMNS.indexOf(from);
  for (let i = start + direction; i >= 0 && i < BOARD_COLUMNS.length; i += direction) {
    const to = BOARD_COLUMNS[i];
    if (to !== undefined && canMove(from, to)) return to;
  }
  return null;
}

/** What a move needs from the user before it can be sent. */
export type MoveNeed = "check" | "reason" | "nothing";

/** A check's result for the two check columns, a reason for Cancelled, nothing otherwise. */
export function moveNeeds(to: ActionStatus): MoveNeed {
  if (to === "verified_effective" || to === "not_effective") return "check";
  if (to === "cancelled") return "reason";
  return "nothing";
}

/** The edit that moves an action to `to`, with the notes or reason the move needs. */
export function moveEdit(to: ActionStatus, text = ""): ActionEdit {
  switch (to) {
    case "verified_effective":
      return { field: "check", value: { result: "effective", notes: text } };
    case "not_effective":
      return { field: "check", value: { result: "not_effective", notes: text } };
    case "cancelled":
      return { field: "cancel", value: { reason: text } };
    default:
      return { field: "status", value: to };
  }
}
