/**
 * The UI reads the core's rules from the generated `bindings/rules.ts`; these
 * checks keep a hand-typed copy from coming back: every picker offers exactly
 * the core's values (in the core's order, or a stated UI order of the same
 * values), every field checks the core's limit, and status moves follow
 * the core's table.
 */
import { describe, expect, it } from "vitest";
import { AREAS } from "./api/empathy";
import { ENUMS, LIMITS, MOVES } from "./bindings/rules";
import type { ActionStatus } from "./bindings/ActionStatus";
import type { Status } from "./bindings/Status";
import { allowedMoves as boardMoves, BOARD_COLUMNS, canMove } from "./features/actions/board/moves";
import {
  ACTION_KINDS as CREATE_KINDS,
  ACTION_LIMITS,
  ACTION_STATUSES as CREATE_STATUSES,
  checkDueDay,
  LATEST_DUE_DAY,
  PRIORITIES,
} from "./features/actions/create/rules";
import { ACTION_KINDS, ACTION_SORTS, ACTION_STATUSES, DUE_FILTERS } from "./features/actions/table/filters";
import { ANALYSIS_LIMITS, ANALYSIS_STATUSES } from "./features/analyses/header/AnalysisFields";
import { TEXT_LIMIT } from "./features/analyses/outline/OutlineRow";
import { nextStatus } from "./features/analyses/outline/structure";
import { STATUSES as ANSWER_STATUSES } from "./features/analyses/session/AnswerCard";
import { SESSION_LIMITS } from "./features/analyses/session/messages";
import { AREA_LIST, COLOURS } from "./features/empathy/board/model";
import { NOTE_LIMIT } from "./features/empathy/board/NoteEditor";
import { VOTES_MAX } from "./features/empathy/workshop/VotingPanel";
import { PERSONA_LIMITS, QUOTE_SOURCES } from "./features/personas/model";
import {
  CHANNELS as LIST_CHANNELS,
  SEVERITIES as LIST_SEVERITIES,
  SORTS,
  STATUSES as LIST_STATUSES,
} from "./features/problems/list/filters";
import {
  allowedMoves,
  canMoveTo,
  CHANNELS,
  checkPastDay,
  EARLIEST_DAY,
  LIMITS as FIELD_LIMITS,
  RANGES,
  SEVERITIES,
  STATUS_ORDER,
} from "./kit/fields";
import { canMove as mockCanMove } from "./test/mock-actions";

describe("pickers offer the core's enumerations", () => {
  it("problems: statuses, severities, channels, sorts", () => {
    expect(STATUS_ORDER).toEqual(ENUMS.problemStatus);
    expect(LIST_STATUSES).toEqual(ENUMS.problemStatus);
    expect(SEVERITIES).toEqual(ENUMS.severity);
    // The list's filter shows the most severe first: the same values, reversed.
    expect(LIST_SEVERITIES).toEqual([...ENUMS.severity].reverse());
    expect(CHANNELS).toEqual(ENUMS.channel);
    expect(LIST_CHANNELS).toEqual(ENUMS.channel);
    // The sort menu has its own order ("relevance" first), over the core's keys.
    expect([...SORTS].sort()).toEqual([...ENUMS.problemSort].sort());
  });

  it("analyses: statuses of an analysis and of a cause", () => {
    expect(ANALYSIS_STATUSES).toEqual(ENUMS.analysisStatus);
    expect(ANSWER_STATUSES).toEqual(ENUMS.whyStatus);
    // The outline's status cycle walks the core's order and wraps around.
    const cycle = ENUMS.whyStatus.map((status) => nextStatus(status));
    expect(cycle).toEqual([...ENUMS.whyStatus.slice(1), ENUMS.whyStatus[0]]);
  });

  it("actions: kinds, priorities, statuses, due filters, sorts, board columns", () => {
    expect(ACTION_KINDS).toEqual(ENUMS.actionKind);
    expect(CREATE_KINDS).toEqual(ENUMS.actionKind);
    expect(PRIORITIES).toEqual(ENUMS.priority);
    expect(ACTION_STATUSES).toEqual(ENUMS.actionStatus);
    expect(CREATE_STATUSES).toEqual(ENUMS.actionStatus);
    expect(BOARD_COLUMNS).toEqual(ENUMS.actionStatus);
    expect(DUE_FILTERS).toEqual(ENUMS.dueFilter);
    expect(ACTION_SORTS).toEqual(ENUMS.actionSort);
  });

  it("personas and empathy maps: quote sources, areas, note colours", () => {
    expect(QUOTE_SOURCES).toEqual(ENUMS.quoteSource);
    expect(AREAS).toEqual(ENUMS.area);
    expect(AREA_LIST).toEqual(ENUMS.area);
    expect(COLOURS).toEqual(ENUMS.noteColour);
  });
});

describe("fields check the core's limits", () => {
  it("problems", () => {
    expect(FIELD_LIMITS).toMatchObject({
      title: LIMITS.problem.title,
      description: LIMITS.problem.description,
      customer: LIMITS.problem.customer,
      segment: LIMITS.problem.segment,
      journeyStage: LIMITS.problem.journeyStage,
      owner: LIMITS.problem.owner,
      tag: LIMITS.problem.tag,
      tags: LIMITS.problem.tags,
      reference: LIMITS.problem.reference,
      references: LIMITS.problem.references,
      note: LIMITS.problem.occurrenceNote,
      ticketRef: LIMITS.problem.occurrenceTicketRef,
      earliestYear: LIMITS.problem.earliestYear,
    });
    expect(RANGES).toEqual({
      csat: LIMITS.problem.csat,
      nps: LIMITS.problem.nps,
      ces: LIMITS.problem.ces,
      customersAffected: { min: 0, max: LIMITS.problem.customersAffected },
    });
    expect(EARLIEST_DAY).toBe(`${String(LIMITS.shared.earliestYear)}-01-01`);
    const year = LIMITS.shared.earliestYear;
    expect(checkPastDay("reportedOn", `${String(year)}-01-01`, "2030-01-01")).toBeNull();
    expect(checkPastDay("reportedOn", `${String(year - 1)}-12-31`, "2030-01-01")).toMatchObject({
      rule: "out_of_range",
    });
  });

  it("analyses", () => {
    expect(ANALYSIS_LIMITS).toMatchObject({
      title: LIMITS.analysis.title,
      facilitator: LIMITS.analysis.facilitator,
      participant: LIMITS.analysis.participant,
      participants: LIMITS.analysis.participants,
      summary: LIMITS.analysis.summary,
    });
    expect(TEXT_LIMIT).toBe(LIMITS.analysis.whyText);
    expect(SESSION_LIMITS).toEqual({
      text: LIMITS.analysis.whyText,
      note: LIMITS.analysis.evidenceNote,
      reference: LIMITS.analysis.evidenceReference,
      actionIntent: LIMITS.analysis.actionIntent,
    });
  });

  it("actions", () => {
    expect(ACTION_LIMITS).toMatchObject({
      title: LIMITS.action.title,
      description: LIMITS.action.description,
      owner: LIMITS.action.owner,
      checkText: LIMITS.action.checkMethod,
      comment: LIMITS.action.comment,
      latestYear: LIMITS.action.latestYear,
    });
    const last = LIMITS.action.latestYear;
    expect(LATEST_DUE_DAY).toBe(`${String(last)}-12-31`);
    expect(checkDueDay("dueOn", `${String(last)}-12-31`, "2026-01-01")).toBeNull();
    expect(checkDueDay("dueOn", `${String(last + 1)}-01-01`, "2026-01-01")).toMatchObject({
      rule: "out_of_range",
    });
  });

  it("personas and empathy maps", () => {
    expect(PERSONA_LIMITS).toEqual(LIMITS.persona);
    expect(NOTE_LIMIT).toBe(LIMITS.empathy.note);
    expect(VOTES_MAX).toBe(LIMITS.empathy.votes);
  });
});

describe("status moves follow the core's table", () => {
  it("problems", () => {
    for (const from of ENUMS.problemStatus) {
      expect(allowedMoves(from)).toEqual(MOVES.problem[from]);
      for (const to of ENUMS.problemStatus) {
        const moves: readonly Status[] = MOVES.problem[from];
        expect({ from, to, ok: canMoveTo(from, to) }).toEqual({
          from,
          to,
          ok: from === to || moves.includes(to),
        });
      }
    }
  });

  it("actions: the board and the test stand-in", () => {
    for (const from of ENUMS.actionStatus) {
      const moves: readonly ActionStatus[] = MOVES.action[from];
      expect(boardMoves(from)).toEqual(moves);
      for (const to of ENUMS.actionStatus) {
        expect({ from, to, ok: canMove(from, to) }).toEqual({
          from,
          to,
          ok: from !== to && moves.includes(to),
        });
        expect({ from, to, ok: mockCanMove(from, to) }).toEqual({
          from,
          to,
          ok: from === to || moves.includes(to),
        });
      }
    }
  });
});
