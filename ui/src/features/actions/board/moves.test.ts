import { describe, expect, it } from "vitest";
import type { ActionStatus } from "../../../bindings/ActionStatus";
import { MOVES } from "../../../bindings/rules";
import { allowedMoves, BOARD_COLUMNS, canMove, moveEdit, moveNeeds, nearestMove } from "./moves";

describe("board moves", () => {
  it("allows exactly the core's moves", () => {
    const allowed: Record<ActionStatus, readonly ActionStatus[]> = MOVES.action;
    for (const from of BOARD_COLUMNS) {
      for (const to of BOARD_COLUMNS) {
        expect({ from, to, ok: canMove(from, to) }).toEqual({ from, to, ok: allowed[from].includes(to) });
      }
    }
    expect(canMove("open", "open")).toBe(false);
    expect(allowedMoves("verified_effective")).toEqual(["done", "not_effective"]);
    expect(allowedMoves("open")).toEqual(["in_progress", "done", "cancelled"]);
    expect(allowedMoves("cancelled")).toEqual(["open"]);
  });

  it("finds the nearest allowed column each way", () => {
    expect(nearestMove("open", 1)).toBe("in_progress");
    expect(nearestMove("open", -1)).toBeNull();
    expect(nearestMove("done", 1)).toBe("verified_effective");
    expect(nearestMove("done", -1)).toBe("in_progress");
    expect(nearestMove("verified_effective", -1)).toBe("done");
    expect(nearestMove("cancelled", -1)).toBe("open");
    expect(nearestMove("cancelled", 1)).toBeNull();
    expect(nearestMove("not_effective", -1)).toBe("done");
  });

  it("builds the edit each move needs", () => {
    expect(moveNeeds("verified_effective")).toBe("check");
    expect(moveNeeds("not_effective")).toBe("check");
    expect(moveNeeds("cancelled")).toBe("reason");
    expect(moveNeeds("done")).toBe("nothing");
    expect(moveEdit("in_progress")).toEqual({ field: "status", value: "in_progress" });
    expect(moveEdit("verified_effective", "No reports")).toEqual({
      field: "check",
      value: { result: "effective", notes: "No reports" },
    });
    expect(moveEdit("not_effective", "Still failing")).toEqual({
      field: "check",
      value: { result: "not_effective", notes: "Still failing" },
    });
    expect(moveEdit("cancelled", "Duplicate")).toEqual({ field: "cancel", value: { reason: "Duplicate" } });
  });
});
