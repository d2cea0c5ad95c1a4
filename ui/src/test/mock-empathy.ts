/**
 * The empathy-map commands of the mock backend (component tests only):
 * maps, notes, groups and votes in memory, with the shell's command names,
 * argument shapes and `workspace-changed` events. The rules the core owns
 * are tested in the core; this mock keeps just enough of them for screens
 * to behave.
 */
import { ENUMS, LIMITS } from "../bindings/rules";
import type { MockHandlers } from "./mock-handlers";
import type { Area } from "../bindings/Area";
import type { Board } from "../bindings/Board";
import type { CauseRef } from "../bindings/CauseRef";
import type { ChangeEvent } from "../bindings/ChangeEvent";
import type { EmpathyMap } from "../bindings/EmpathyMap";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { FieldError } from "../bindings/FieldError";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapRef } from "../bindings/MapRef";
import type { NewMap } from "../bindings/NewMap";
import type { NewNote } from "../bindings/NewNote";
import type { Note } from "../bindings/Note";
import type { NoteEdit } from "../bindings/NoteEdit";
import type { NoteGroup } from "../bindings/NoteGroup";
import type { NoteRef } from "../bindings/NoteRef";
import type { Persona } from "../bindings/Persona";
import type { Problem } from "../bindings/Problem";
import type { Rule } from "../bindings/Rule";
import type { VoteCount } from "../bindings/VoteCount";
import type { WhyNode } from "../bindings/WhyNode";
import { makePersona, type MockPersonaState } from "./mock-personas";

/** The empathy part of the mock's state. */
export interface MockEmpathyState {
  maps: (EmpathyMap & { deleted?: boolean })[];
  notes: (Note & { deleted?: boolean })[];
  groups: (NoteGroup & { deleted?: boolean })[];
  /** One entry a dot. */
  votes: { noteId: string; voter: string }[];
}

type Reject = (payload: ErrorPayload) => Promise<never>;

const AREA_ORDER: readonly Area[] = ENUMS.area;
const TITLE_MAX = LIMITS.empathy.title;
const NOTE_MAX = LIMITS.empathy.note;
const LABEL_MAX = LIMITS.empathy.label;
const SHORT_MAX = LIMITS.empathy.author;
const VOTES_MAX = LIMITS.empathy.votes;

let nextId = 1;
const mockId = (prefix: string) => `0190e${prefix}-0000-7000-8000-${String(nextId++).padStart(12, "0")}`;

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A persona as the shell returns it (for tests that need one on a board). */
export const makeBoardPersona = makePersona;

/** A map as the shell returns it. */
export function makeMap(
  persona: Pick<Persona, "id" | "name">,
  title: string,
  fields: Partial<EmpathyMap> = {},
): EmpathyMap {
  const now = new Date().toISOString();
  return {
    id: mockId("m00"),
    personaId: persona.id,
    personaName: persona.name,
    problemId: null,
    problemTitle: null,
    title,
    heldOn: today(),
    participants: [],
    votesPerPerson: 3,
    phase: "open",
    sample: false,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** A note as the shell returns it. */
export function makeNote(mapId: string, area: Area, text: string, fields: Partial<Note> = {}): Note {
  const now = new Date().toISOString();
  return {
    id: mockId("n00"),
    mapId,
    area,
    position: nextId,
    text,
    colour: "yellow",
    author: "",
    groupId: null,
    problemId: null,
    hidden: false,
    causeIds: [],
    votes: 0,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** A group as the shell returns it. */
export function makeGroup(mapId: string, area: Area, label: string): NoteGroup {
  return { id: mockId("g00"), mapId, area, label };
}

function strip<T extends { deleted?: boolean }>(value: T): Omit<T, "deleted"> {
  const copy = { ...value };
  delete copy.deleted;
  return copy;
}

/** The empathy command handlers, over `state`, the personas, problems and causes. */
export function empathyHandlers(
  state: MockEmpathyState,
  personas: MockPersonaState,
  problems: () => Problem[],
  nodes: () => WhyNode[],
  changed: (event: ChangeEvent) => Promise<void>,
  reject: Reject,
): MockHandlers {
  const invalidAll = (errors: FieldError[]) => {
    const first = errors[0] ?? { field: "", rule: "invalid" as Rule, limit: null };
    return reject({
      code: "invalid_input",
      message: `${first.field}: ${first.rule}`,
      details: {
        field: first.field,
        rule: first.rule,
        ...(first.limit === null ? {} : { limit: first.limit }),
        fields: errors,
        errors,
      },
    } as ErrorPayload);
  };
  const invalid = (field: string, rule: Rule, limit: number | null = null) =>
    invalidAll([{ field, rule, limit }]);
  const notFound = (entity: string, id: unknown) =>
    reject({ code: "not_found", message: `${entity} ${String(id)}`, details: { entity, id: String(id) } });
  const conflict = (message: string) => reject({ code: "conflict", message, details: {} });
  const textIssue = (field: string, raw: unknown, max: number, required: boolean): FieldError | null => {
    const value = typeof raw === "string" ? raw.trim() : "";
    if (required && value === "") return { field, rule: "required", limit: null };
    if (Array.from(value).length > max) return { field, rule: "too_long", limit: max };
    return null;
  };

  const livePersona = (id: string) => personas.personas.find((p) => p.id === id && p.deleted !== true);
  const liveMap = (id: unknown) =>
    state.maps.find((m) => m.id === id && m.deleted !== true && livePersona(m.personaId) !== undefined);
  const liveNotes = (mapId: string) => state.notes.filter((n) => n.mapId === mapId && n.deleted !== true);
  const liveNote = (id: unknown) => {
    const n = state.notes.find((x) => x.id === id && x.deleted !== true);
    return n !== undefined && liveMap(n.mapId) !== undefined ? n : undefined;
  };
  const liveGroup = (mapId: string, id: unknown) =>
    state.groups.find((g) => g.id === id && g.mapId === mapId && g.deleted !== true);
  const problemTitle = (id: string | null) =>
    id === null ? null : (problems().find((p) => p.id === id)?.title ?? null);
  const votesOf = (noteId: string) => state.votes.filter((v) => v.noteId === noteId).length;
  const outMap = (m: EmpathyMap & { deleted?: boolean }): EmpathyMap => ({
    ...strip(m),
    personaName: livePersona(m.personaId)?.name ?? m.personaName,
    problemTitle: problemTitle(m.problemId),
  });
  const outNote = (n: Note & { deleted?: boolean }): Note => ({ ...strip(n), votes: votesOf(n.id) });
  const now = () => new Date().toISOString();
  const touchMap = (mapId: string) => {
    const m = state.maps.find((x) => x.id === mapId);
    if (m !== undefined) m.updatedAt = now();
  };
  const mapEvent = (id: string, op: ChangeEvent["op"] = "update") => {
    void changed({ entity: "empathy_map", id, op });
  };
  const noteEvent = (n: Note, op: ChangeEvent["op"] = "update") => {
    n.updatedAt = now();
    touchMap(n.mapId);
    void changed({ entity: "empathy_note", id: n.id, op });
  };
  const groupEvent = (id: string, op: ChangeEvent["op"] = "update") => {
    void changed({ entity: "empathy_group", id, op });
  };
  const problemIssue = (field: string, raw: unknown): FieldError | null => {
    if (raw === null || raw === undefined || raw === "") return null;
    return problems().some((p) => p.id === raw) ? null : { field, rule: "invalid", limit: null };
  };
  const cleanParticipants = (list: unknown): string[] => {
    const out: string[] = [];
    for (const raw of Array.isArray(list) ? list : []) {
      const name = String(raw).trim();
      if (name !== "" && !out.includes(name)) out.push(name);
    }
    return out;
  };
  /** Where a note lands in `area` of `mapId`: before `before`, or last. */
  const positionFor = (mapId: string, area: Area, before: Note | undefined, moving?: string): number => {
    const inArea = liveNotes(mapId).filter((n) => n.area === area && n.id !== moving);
    if (before === undefined) {
      return inArea.length === 0 ? 1 : Math.max(...inArea.map((n) => n.position)) + 1;
    }
    const earlier = inArea.filter((n) => n.position < before.position).map((n) => n.position);
    return earlier.length === 0 ? before.position - 1 : (Math.max(...earlier) + before.position) / 2;
  };
  const usedVotes = (mapId: string, voter: string) =>
    state.votes.filter((v) => v.voter === voter && liveNotes(mapId).some((n) => n.id === v.noteId)).length;
  const noteRef = (n: Note): NoteRef => {
    const m = state.maps.find((x) => x.id === n.mapId);
    return {
      id: n.id,
      text: n.text,
      area: n.area,
      author: n.author,
      mapId: n.mapId,
      mapTitle: m?.title ?? "",
      personaName: m === undefined ? "" : (livePersona(m.personaId)?.name ?? m.personaName),
    };
  };

  const editNote = (n: Note & { deleted?: boolean }, edit: NoteEdit): Note | Promise<never> => {
    switch (edit.field) {
      case "text": {
        const issue = textIssue("text", edit.value, NOTE_MAX, true);
        if (issue !== null) return invalidAll([issue]);
        n.text = edit.value.trim();
        break;
      }
      case "colour":
        n.colour = edit.value;
        break;
      case "author": {
        const issue = textIssue("author", edit.value, SHORT_MAX, false);
        if (issue !== null) return invalidAll([issue]);
        n.author = edit.value.trim();
        break;
      }
      case "move": {
        const { area, before } = edit.value;
        let next: Note | undefined;
        if (before !== undefined) {
          if (before === n.id) return outNote(n);
          next = liveNote(before);
          if (next?.mapId !== n.mapId || next.area !== area) return invalid("before", "invalid");
        }
        n.position = positionFor(n.mapId, area, next, n.id);
        n.area = area;
        n.groupId = next?.groupId ?? null;
        break;
      }
      case "group": {
        if (edit.value === null) {
          n.groupId = null;
          break;
        }
        const g = liveGroup(n.mapId, edit.value);
        if (g === undefined) return invalid("groupId", "invalid");
        if (g.area !== n.area) {
          n.position = positionFor(n.mapId, g.area, undefined, n.id);
          n.area = g.area;
        }
        n.groupId = g.id;
        break;
      }
      case "problem": {
        const issue = problemIssue("problemId", edit.value);
        if (issue !== null) return invalidAll([issue]);
        n.problemId = edit.value === "" ? null : edit.value;
        break;
      }
      case "causeIds": {
        const live = nodes();
        const ids: string[] = [];
        for (const id of edit.value) {
          if (!live.some((x) => x.id === id)) return invalid("causeIds", "invalid");
          if (!ids.includes(id)) ids.push(id);
        }
        if (ids.length > 50) return invalid("causeIds", "too_many", 50);
        n.causeIds = ids;
        break;
      }
    }
    noteEvent(n);
    return outNote(n);
  };

  return {
    map_list: (): MapRef[] =>
      state.maps
        .filter((m) => liveMap(m.id) !== undefined)
        .sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.createdAt.localeCompare(a.createdAt))
        .map((m) => ({
          id: m.id,
          title: m.title,
          heldOn: m.heldOn,
          personaId: m.personaId,
          personaName: livePersona(m.personaId)?.name ?? m.personaName,
          noteCount: liveNotes(m.id).length,
        })),
    map_board: (args): Board | Promise<never> => {
      const m = liveMap(args.id);
      if (m === undefined) return notFound("empathy_map", args.id);
      const persona = livePersona(m.personaId);
      if (persona === undefined) return notFound("persona", m.personaId);
      const notes = liveNotes(m.id)
        .sort(
          (a, b) =>
            AREA_ORDER.indexOf(a.area) - AREA_ORDER.indexOf(b.area) ||
            a.position - b.position ||
            a.id.localeCompare(b.id),
        )
        .map(outNote);
      const counts = new Map<string, VoteCount>();
      for (const v of state.votes) {
        if (!notes.some((n) => n.id === v.noteId)) continue;
        const key = `${v.noteId}\u0000${v.voter}`;
        const entry = counts.get(key) ?? { noteId: v.noteId, voter: v.voter, count: 0 };
        entry.count += 1;
        counts.set(key, entry);
      }
      return {
        map: outMap(m),
        persona: strip(persona),
        notes,
        groups: state.groups.filter((g) => g.mapId === m.id && g.deleted !== true).map(strip),
        votes: [...counts.values()],
      };
    },
    map_create: (args) => {
      const input = args.input as NewMap;
      const issues: FieldError[] = [];
      if (livePersona(input.personaId) === undefined)
        issues.push({ field: "personaId", rule: "required", limit: null });
      const title = textIssue("title", input.title, TITLE_MAX, true);
      if (title !== null) issues.push(title);
      const problem = problemIssue("problemId", input.problemId);
      if (problem !== null) issues.push(problem);
      if (input.heldOn !== undefined && input.heldOn > today())
        issues.push({ field: "heldOn", rule: "in_future", limit: null });
      const votes = input.votesPerPerson ?? 3;
      if (!Number.isInteger(votes) || votes < 1 || votes > VOTES_MAX)
        issues.push({ field: "votesPerPerson", rule: "out_of_range", limit: VOTES_MAX });
      if (issues.length > 0) return invalidAll(issues);
      const persona = livePersona(input.personaId);
      const map = makeMap(persona ?? { id: input.personaId, name: "" }, input.title.trim(), {
        problemId: input.problemId ?? null,
        heldOn: input.heldOn ?? today(),
        participants: cleanParticipants(input.participants),
        votesPerPerson: votes,
      });
      state.maps = [map, ...state.maps];
      mapEvent(map.id, "create");
      return outMap(map);
    },
    map_edit: (args) => {
      const m = liveMap(args.id);
      if (m === undefined) return notFound("empathy_map", args.id);
      const edit = args.edit as MapEdit;
      switch (edit.field) {
        case "title": {
          const issue = textIssue("title", edit.value, TITLE_MAX, true);
          if (issue !== null) return invalidAll([issue]);
          m.title = edit.value.trim();
          break;
        }
        case "heldOn":
          if (edit.value > today()) return invalid("heldOn", "in_future");
          m.heldOn = edit.value;
          break;
        case "participants":
          m.participants = cleanParticipants(edit.value);
          break;
        case "problem": {
          const issue = problemIssue("problemId", edit.value);
          if (issue !== null) return invalidAll([issue]);
          m.problemId = edit.value === "" ? null : edit.value;
          break;
        }
        case "votesPerPerson":
          if (!Number.isInteger(edit.value) || edit.value < 1 || edit.value > VOTES_MAX)
            return invalid("votesPerPerson", "out_of_range", VOTES_MAX);
          m.votesPerPerson = edit.value;
          break;
        case "phase":
          if (m.phase !== edit.value && edit.value === "open") {
            for (const n of liveNotes(m.id).filter((x) => x.hidden)) {
              n.hidden = false;
              noteEvent(n);
            }
          }
          m.phase = edit.value;
          break;
      }
      m.updatedAt = now();
      mapEvent(m.id);
      return outMap(m);
    },
    map_delete: (args) => {
      const m = liveMap(args.id);
      if (m === undefined) return notFound("empathy_map", args.id);
      m.deleted = true;
      mapEvent(m.id, "delete");
      return null;
    },
    note_add: (args) => {
      const input = args.input as NewNote;
      const m = liveMap(input.mapId);
      if (m === undefined) return invalid("mapId", "required");
      const issues = [
        textIssue("text", input.text, NOTE_MAX, true),
        textIssue("author", input.author ?? "", SHORT_MAX, false),
      ].filter((i): i is FieldError => i !== null);
      const group = input.groupId === undefined ? undefined : liveGroup(m.id, input.groupId);
      if (input.groupId !== undefined && group === undefined)
        issues.push({ field: "groupId", rule: "invalid", limit: null });
      if (issues.length > 0) return invalidAll(issues);
      const area = group?.area ?? input.area;
      const note = makeNote(m.id, area, input.text.trim(), {
        position: positionFor(m.id, area, undefined),
        colour: input.colour ?? "yellow",
        author: (input.author ?? "").trim(),
        groupId: group?.id ?? null,
        hidden: m.phase === "private",
      });
      state.notes = [...state.notes, note];
      noteEvent(note, "create");
      return outNote(note);
    },
    note_edit: (args) => {
      const n = liveNote(args.id);
      if (n === undefined) return notFound("empathy_note", args.id);
      return editNote(n, args.edit as NoteEdit);
    },
    note_delete: (args) => {
      const n = state.notes.find((x) => x.id === args.id);
      if (n === undefined) return notFound("empathy_note", args.id);
      n.deleted = true;
      noteEvent(n, "delete");
      return null;
    },
    note_restore: (args) => {
      const n = state.notes.find((x) => x.id === args.id);
      if (n === undefined) return notFound("empathy_note", args.id);
      if (liveMap(n.mapId) === undefined) return conflict(`map ${n.mapId} is in the trash`);
      n.deleted = false;
      if (n.groupId !== null && liveGroup(n.mapId, n.groupId) === undefined) n.groupId = null;
      noteEvent(n, "restore");
      return outNote(n);
    },
    note_causes: (args): CauseRef[] | Promise<never> => {
      const n = state.notes.find((x) => x.id === args.id);
      if (n === undefined) return notFound("empathy_note", args.id);
      const live = nodes();
      return n.causeIds.map((id) => {
        const why = live.find((x) => x.id === id);
        return {
          id,
          text: why?.text ?? "",
          analysisId: why?.analysisId ?? "",
          analysisTitle: "",
          rootCause: why?.rootCause ?? false,
          deleted: why === undefined,
        };
      });
    },
    why_notes: (args): NoteRef[] =>
      state.notes
        .filter(
          (n) =>
            n.deleted !== true &&
            !n.hidden &&
            liveMap(n.mapId) !== undefined &&
            n.causeIds.includes(String(args.whyId)),
        )
        .map(noteRef),
    group_create: (args) => {
      const mapId = String(args.mapId);
      const m = liveMap(mapId);
      if (m === undefined) return notFound("empathy_map", mapId);
      const issue = textIssue("label", args.label, LABEL_MAX, true);
      if (issue !== null) return invalidAll([issue]);
      const group = makeGroup(m.id, args.area as Area, String(args.label).trim());
      state.groups = [...state.groups, group];
      for (const id of (args.noteIds as string[] | undefined) ?? []) {
        const n = liveNote(id);
        if (n?.mapId !== m.id) return invalid("notes", "invalid");
        const result = editNote(n, { field: "group", value: group.id });
        if (result instanceof Promise) return result;
      }
      groupEvent(group.id, "create");
      return group;
    },
    group_rename: (args) => {
      const g = state.groups.find((x) => x.id === args.id && x.deleted !== true);
      if (g === undefined) return notFound("empathy_group", args.id);
      const issue = textIssue("label", args.label, LABEL_MAX, true);
      if (issue !== null) return invalidAll([issue]);
      g.label = String(args.label).trim();
      groupEvent(g.id);
      return strip(g);
    },
    group_dissolve: (args) => {
      const g = state.groups.find((x) => x.id === args.id && x.deleted !== true);
      if (g === undefined) return notFound("empathy_group", args.id);
      for (const n of state.notes.filter((x) => x.groupId === g.id)) {
        n.groupId = null;
        noteEvent(n);
      }
      g.deleted = true;
      groupEvent(g.id, "delete");
      return null;
    },
    note_vote: (args) => {
      const n = liveNote(args.id);
      if (n === undefined) return notFound("empathy_note", args.id);
      const m = liveMap(n.mapId);
      if (m === undefined) return notFound("empathy_map", n.mapId);
      const voter = typeof args.voter === "string" ? args.voter.trim() : "";
      if (voter === "") return invalid("voter", "required");
      if (m.participants.length > 0 && !m.participants.includes(voter))
        return invalid("voter", "not_participant");
      if (n.hidden) return conflict(`note ${n.id} is hidden until revealed`);
      if (usedVotes(m.id, voter) >= m.votesPerPerson)
        return invalid("voter", "no_votes_left", m.votesPerPerson);
      state.votes = [...state.votes, { noteId: n.id, voter }];
      noteEvent(n);
      return outNote(n);
    },
    note_unvote: (args) => {
      const n = liveNote(args.id);
      if (n === undefined) return notFound("empathy_note", args.id);
      const voter = typeof args.voter === "string" ? args.voter.trim() : "";
      let index = -1;
      state.votes.forEach((v, i) => {
        if (v.noteId === n.id && v.voter === voter) index = i;
      });
      if (index >= 0) {
        state.votes = state.votes.filter((_, i) => i !== index);
        noteEvent(n);
      }
      return outNote(n);
    },
  };
}
