/**
 * The journey commands of the mock backend (component tests only): maps,
 * stages, touchpoints and cards kept in memory, in order, with the core's
 * refusal of a stage deleted with its touchpoints unless asked; the grid
 * and list built from them; the pain overlay as the test sets it.
 */
import type { Card } from "../bindings/Card";
import type { ChangeEvent } from "../bindings/ChangeEvent";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { JourneyCard } from "../bindings/JourneyCard";
import type { JourneyEdit } from "../bindings/JourneyEdit";
import type { JourneyGrid } from "../bindings/JourneyGrid";
import type { JourneyMap } from "../bindings/JourneyMap";
import type { Lane } from "../bindings/Lane";
import type { MatchOutcome } from "../bindings/MatchOutcome";
import type { NewAction } from "../bindings/NewAction";
import type { NewJourney } from "../bindings/NewJourney";
import type { NewTouchpoint } from "../bindings/NewTouchpoint";
import type { Stage } from "../bindings/Stage";
import type { Touchpoint } from "../bindings/Touchpoint";
import type { TouchpointEdit } from "../bindings/TouchpointEdit";
import type { TouchpointPain } from "../bindings/TouchpointPain";
import type { TouchpointProblem } from "../bindings/TouchpointProblem";
import type { Problem } from "../bindings/Problem";
import { ENUMS } from "../bindings/rules";
import type { MockHandlers } from "./mock-handlers";

/** The journeys part of the mock's state. */
export interface MockJourneyState {
  maps: JourneyMap[];
  stages: Stage[];
  touchpoints: Touchpoint[];
  cards: Card[];
  /** What the pain overlay answers, per touchpoint id. */
  pain: TouchpointPain[];
  /** Linked problems by touchpoint id. */
  links: Record<string, string[]>;
  /** What the reminder hears: maps due for review. */
  reviewsDue: number;
  /** Persona ids by map id. */
  personaIds: Record<string, string[]>;
  /** What matching the problems' journey stage texts finds, per map id. */
  match: Record<string, MatchOutcome>;
  /** Pinned note and quote ids by touchpoint id. */
  pins: Record<string, { notes: string[]; quotes: string[] }>;
}

export function defaultJourneyState(): MockJourneyState {
  return {
    maps: [],
    stages: [],
    touchpoints: [],
    cards: [],
    pain: [],
    links: {},
    reviewsDue: 0,
    personaIds: {},
    match: {},
    pins: {},
  };
}

/** The stages a new map starts with, as the core names them in English. */
const STARTING_EN = [
  "Awareness",
  "Consideration",
  "Purchase",
  "Onboarding",
  "Use and service",
  "Loyalty and advocacy",
];

type Reject = (payload: ErrorPayload) => Promise<never>;

export function journeyHandlers(
  state: MockJourneyState,
  problems: () => Problem[],
  changed: (event: ChangeEvent) => Promise<void>,
  reject: Reject,
  dialogPath: () => string | null,
  personas: () => { id: string; name: string }[],
  createAction: (input: NewAction) => unknown,
  quotes: () => { id: string; text: string; personaId: string }[],
  notes: () => { id: string; text: string }[],
): MockHandlers {
  let next = 0;
  const id = (prefix: string) => {
    next += 1;
    return `${prefix}-${String(next)}`;
  };
  const now = () => new Date().toISOString();
  const notFound = (entity: string, key: string) =>
    reject({ code: "not_found", message: `${entity} ${key}`, details: { entity, id: key } });
  const byPosition = <T extends { position: number }>(list: T[]) =>
    [...list].sort((a, b) => a.position - b.position);
  const stagesOf = (mapId: string) => byPosition(state.stages.filter((s) => s.mapId === mapId));
  const positionBefore = (list: { id: string; position: number }[], before: unknown) => {
    const sorted = byPosition(list);
    const at = sorted.findIndex((x) => x.id === before);
    const target = sorted[at];
    if (target === undefined) return (sorted.at(-1)?.position ?? 0) + 1;
    return ((sorted[at - 1]?.position ?? target.position - 1) + target.position) / 2;
  };
  const blank = (text: unknown, field: string) =>
    typeof text !== "string" || text.trim() === ""
      ? reject({
          code: "invalid_input",
          message: "invalid",
          details: { field, rule: "required", fields: [{ field, rule: "required", limit: null }] },
        })
      : null;

  const grid = (mapId: string): JourneyGrid | Promise<never> => {
    const map = state.maps.find((m) => m.id === mapId);
    if (map === undefined) return notFound("journey_map", mapId);
    const stages = stagesOf(mapId);
    return {
      map,
      personas: (state.personaIds[mapId] ?? []).flatMap((pid) => {
        const p = personas().find((x) => x.id === pid);
        return p === undefined ? [] : [{ id: p.id, name: p.name }];
      }),
      lanes: [...ENUMS.lane],
      stages: stages.map((stage) => ({
        stage,
        touchpoints: byPosition(state.touchpoints.filter((t) => t.stageId === stage.id)).map(
          (touchpoint) => ({
            // A copy, as the shell sends: the page sees an edit as a change.
            touchpoint: { ...touchpoint },
            problemIds: state.links[touchpoint.id] ?? [],
            notes: (state.pins[touchpoint.id]?.notes ?? []).flatMap((nid) => {
              const n = notes().find((x) => x.id === nid);
              return n === undefined ? [] : [{ id: n.id, text: n.text }];
            }),
            quotes: (state.pins[touchpoint.id]?.quotes ?? []).flatMap((qid) => {
              const q = quotes().find((x) => x.id === qid);
              const who = personas().find((p) => p.id === q?.personaId);
              return q === undefined ? [] : [{ id: q.id, text: q.text, personaName: who?.name ?? "" }];
            }),
          }),
        ),
        cells: ENUMS.lane.map((lane: Lane) => ({
          lane,
          cards: byPosition(state.cards.filter((c) => c.stageId === stage.id && c.lane === lane)).map(
            (c) => ({
              ...c,
            }),
          ),
        })),
      })),
      curve: stages.flatMap((stage) =>
        byPosition(state.touchpoints.filter((t) => t.stageId === stage.id)).map((t) => ({
          touchpointId: t.id,
          current: t.emotionCurrent,
          target: t.emotionTarget,
        })),
      ),
    };
  };

  return {
    journey_list: (): JourneyCard[] =>
      state.maps.map((map) => ({
        map,
        personas: [],
        stageCount: state.stages.filter((s) => s.mapId === map.id).length,
        touchpointCount: state.touchpoints.filter((t) => t.mapId === map.id).length,
        reviewDueOn: "2027-04-01",
        reviewDue: false,
      })),
    journey_grid: (args) => grid(String(args.id)),
    journey_pain: () => state.pain,
    journey_reviews_due: () => state.reviewsDue,
    journey_markdown: (args) => {
      const path = dialogPath();
      return path === null ? null : `${path}/${String(args.name)}`;
    },
    touchpoint_problems: (args): TouchpointProblem[] =>
      (state.links[String(args.id)] ?? []).flatMap((pid) => {
        const p = problems().find((x) => x.id === pid);
        return p === undefined ? [] : [{ id: p.id, title: p.title, status: p.status, severity: p.severity }];
      }),
    journey_create: async (args) => {
      const input = args.input as NewJourney;
      const refused = blank(input.name, "name");
      if (refused !== null) return refused;
      const map: JourneyMap = {
        id: id("map"),
        name: input.name.trim(),
        state: input.state ?? "current",
        madeFrom: null,
        reviewMonths: input.reviewMonths ?? 4,
        reviewedAt: null,
        createdAt: now(),
        updatedAt: now(),
      };
      state.maps.push(map);
      if (input.startingStages !== undefined)
        STARTING_EN.forEach((name, i) => {
          state.stages.push({ id: id("stage"), mapId: map.id, name, position: i + 1 });
        });
      await changed({ entity: "journey_map", id: map.id, op: "create" });
      return map;
    },
    journey_edit: async (args) => {
      const map = state.maps.find((m) => m.id === args.id);
      if (map === undefined) return notFound("journey_map", String(args.id));
      const edit = args.edit as JourneyEdit;
      if (edit.field === "name") map.name = edit.value;
      else if (edit.field === "reviewMonths") map.reviewMonths = edit.value;
      else if (edit.field === "personaIds") state.personaIds[map.id] = [...edit.value];
      await changed({ entity: "journey_map", id: map.id, op: "update" });
      return map;
    },
    journey_reviewed: async (args) => {
      const map = state.maps.find((m) => m.id === args.id);
      if (map === undefined) return notFound("journey_map", String(args.id));
      map.reviewedAt = now();
      await changed({ entity: "journey_map", id: map.id, op: "update" });
      return map;
    },
    journey_future: async (args) => {
      const from = state.maps.find((m) => m.id === args.id);
      if (from === undefined) return notFound("journey_map", String(args.id));
      if (from.state !== "current")
        return reject({ code: "journey_not_current", message: "not current", details: {} });
      const refused = blank(args.name, "name");
      if (refused !== null) return refused;
      const map: JourneyMap = {
        ...from,
        id: id("map"),
        name: String(args.name).trim(),
        state: "future",
        madeFrom: from.id,
        reviewedAt: null,
        createdAt: now(),
        updatedAt: now(),
      };
      state.maps.push(map);
      state.personaIds[map.id] = [...(state.personaIds[from.id] ?? [])];
      for (const stage of stagesOf(from.id)) {
        const copy: Stage = { ...stage, id: id("stage"), mapId: map.id };
        state.stages.push(copy);
        for (const t of state.touchpoints.filter((x) => x.stageId === stage.id))
          state.touchpoints.push({ ...t, id: id("tp"), mapId: map.id, stageId: copy.id });
        for (const c of state.cards.filter((x) => x.stageId === stage.id))
          state.cards.push({ ...c, id: id("card"), mapId: map.id, stageId: copy.id, actionIds: [] });
      }
      await changed({ entity: "journey_map", id: map.id, op: "create" });
      return map;
    },
    journey_match_preview: (args) => state.match[String(args.id)] ?? { linked: 0, unmatched: 0 },
    journey_match_link: async (args) => {
      const outcome = state.match[String(args.id)] ?? { linked: 0, unmatched: 0 };
      state.match[String(args.id)] = { linked: 0, unmatched: outcome.unmatched };
      await changed({ entity: "journey_map", id: String(args.id), op: "update" });
      return outcome;
    },
    card_make_action: async (args) => {
      const card = state.cards.find((c) => c.id === args.id);
      if (card === undefined) return notFound("journey_card", String(args.id));
      if (card.lane !== "opportunities")
        return reject({ code: "not_an_opportunity", message: "not an opportunity", details: {} });
      const action = (await createAction(args.input as NewAction)) as { id: string };
      card.actionIds = [...card.actionIds, action.id];
      await changed({ entity: "journey_card", id: card.id, op: "update" });
      return action;
    },
    journey_delete: async (args) => {
      state.maps = state.maps.filter((m) => m.id !== args.id);
      await changed({ entity: "journey_map", id: String(args.id), op: "delete" });
      return null;
    },
    stage_add: async (args) => {
      const refused = blank(args.name, "name");
      if (refused !== null) return refused;
      const mapId = String(args.mapId);
      const stage: Stage = {
        id: id("stage"),
        mapId,
        name: String(args.name).trim(),
        position: positionBefore(stagesOf(mapId), args.before),
      };
      state.stages.push(stage);
      await changed({ entity: "journey_stage", id: stage.id, op: "create" });
      return stage;
    },
    stage_rename: async (args) => {
      const stage = state.stages.find((s) => s.id === args.id);
      if (stage === undefined) return notFound("journey_stage", String(args.id));
      const refused = blank(args.name, "name");
      if (refused !== null) return refused;
      stage.name = String(args.name).trim();
      await changed({ entity: "journey_stage", id: stage.id, op: "update" });
      return stage;
    },
    stage_move: async (args) => {
      const stage = state.stages.find((s) => s.id === args.id);
      if (stage === undefined) return notFound("journey_stage", String(args.id));
      stage.position = positionBefore(
        stagesOf(stage.mapId).filter((s) => s.id !== stage.id),
        args.before,
      );
      await changed({ entity: "journey_stage", id: stage.id, op: "update" });
      return stage;
    },
    stage_delete: async (args) => {
      const count = state.touchpoints.filter((t) => t.stageId === args.id).length;
      if (count > 0 && args.withTouchpoints !== true)
        return reject({ code: "stage_has_touchpoints", message: "has touchpoints", details: { count } });
      state.stages = state.stages.filter((s) => s.id !== args.id);
      state.touchpoints = state.touchpoints.filter((t) => t.stageId !== args.id);
      await changed({ entity: "journey_stage", id: String(args.id), op: "delete" });
      return null;
    },
    touchpoint_add: async (args) => {
      const input = args.input as NewTouchpoint;
      const refused = blank(input.name, "name");
      if (refused !== null) return refused;
      const stage = state.stages.find((s) => s.id === input.stageId);
      if (stage === undefined) return notFound("journey_stage", input.stageId);
      const touchpoint: Touchpoint = {
        id: id("tp"),
        mapId: stage.mapId,
        stageId: stage.id,
        name: input.name.trim(),
        position: positionBefore(
          state.touchpoints.filter((t) => t.stageId === stage.id),
          null,
        ),
        channel: input.channel ?? null,
        direct: input.direct ?? true,
        ownerTeam: input.ownerTeam ?? "",
        emotionCurrent: input.emotionCurrent ?? null,
        emotionTarget: input.emotionTarget ?? null,
      };
      state.touchpoints.push(touchpoint);
      await changed({ entity: "touchpoint", id: touchpoint.id, op: "create" });
      return touchpoint;
    },
    touchpoint_edit: async (args) => {
      const touchpoint = state.touchpoints.find((t) => t.id === args.id);
      if (touchpoint === undefined) return notFound("touchpoint", String(args.id));
      const edit = args.edit as TouchpointEdit;
      if (edit.field === "emotionCurrent" || edit.field === "emotionTarget") {
        if (edit.value !== null && (edit.value < -2 || edit.value > 2))
          return reject({
            code: "emotion_out_of_range",
            message: "out of range",
            details: { field: edit.field, limit: 2 },
          });
        touchpoint[edit.field] = edit.value;
      } else if (edit.field === "name") touchpoint.name = edit.value;
      await changed({ entity: "touchpoint", id: touchpoint.id, op: "update" });
      return touchpoint;
    },
    touchpoint_move: async (args) => {
      const touchpoint = state.touchpoints.find((t) => t.id === args.id);
      if (touchpoint === undefined) return notFound("touchpoint", String(args.id));
      touchpoint.stageId = String(args.stageId);
      touchpoint.position = positionBefore(
        state.touchpoints.filter((t) => t.stageId === touchpoint.stageId && t.id !== touchpoint.id),
        args.before,
      );
      await changed({ entity: "touchpoint", id: touchpoint.id, op: "update" });
      return touchpoint;
    },
    touchpoint_delete: async (args) => {
      state.touchpoints = state.touchpoints.filter((t) => t.id !== args.id);
      await changed({ entity: "touchpoint", id: String(args.id), op: "delete" });
      return null;
    },
    touchpoint_link_problem: async (args) => {
      const key = String(args.id);
      const list = (state.links[key] ?? []).filter((p) => p !== args.problemId);
      state.links[key] = args.linked === true ? [...list, String(args.problemId)] : list;
      await changed({ entity: "touchpoint", id: String(args.id), op: "update" });
      return null;
    },
    touchpoint_pin_note: async (args) => {
      const key = String(args.id);
      const pins = state.pins[key] ?? { notes: [], quotes: [] };
      const rest = pins.notes.filter((n) => n !== args.noteId);
      state.pins[key] = { ...pins, notes: args.pinned === true ? [...rest, String(args.noteId)] : rest };
      await changed({ entity: "touchpoint", id: key, op: "update" });
      return null;
    },
    touchpoint_pin_quote: async (args) => {
      const key = String(args.id);
      const pins = state.pins[key] ?? { notes: [], quotes: [] };
      const rest = pins.quotes.filter((q) => q !== args.quoteId);
      state.pins[key] = { ...pins, quotes: args.pinned === true ? [...rest, String(args.quoteId)] : rest };
      await changed({ entity: "touchpoint", id: key, op: "update" });
      return null;
    },
    card_add: async (args) => {
      const refused = blank(args.text, "text");
      if (refused !== null) return refused;
      const stage = state.stages.find((s) => s.id === args.stageId);
      if (stage === undefined) return notFound("journey_stage", String(args.stageId));
      const lane = args.lane as Lane;
      const card: Card = {
        id: id("card"),
        mapId: stage.mapId,
        stageId: stage.id,
        lane,
        position: positionBefore(
          state.cards.filter((c) => c.stageId === stage.id && c.lane === lane),
          null,
        ),
        text: String(args.text).trim(),
        actionIds: [],
      };
      state.cards.push(card);
      await changed({ entity: "journey_card", id: card.id, op: "create" });
      return card;
    },
    card_edit: async (args) => {
      const card = state.cards.find((c) => c.id === args.id);
      if (card === undefined) return notFound("journey_card", String(args.id));
      const refused = blank(String(args.text), "text");
      if (refused !== null) return refused;
      card.text = String(args.text).trim();
      await changed({ entity: "journey_card", id: card.id, op: "update" });
      return card;
    },
    card_move: async (args) => {
      const card = state.cards.find((c) => c.id === args.id);
      if (card === undefined) return notFound("journey_card", String(args.id));
      card.stageId = String(args.stageId);
      card.lane = args.lane as Lane;
      card.position = positionBefore(
        state.cards.filter((c) => c.stageId === card.stageId && c.lane === card.lane && c.id !== card.id),
        args.before,
      );
      await changed({ entity: "journey_card", id: card.id, op: "update" });
      return { ...card };
    },
    card_delete: async (args) => {
      state.cards = state.cards.filter((c) => c.id !== args.id);
      await changed({ entity: "journey_card", id: String(args.id), op: "delete" });
      return null;
    },
  };
}
