/**
 * A stand-in for the Rust shell, for component tests only. It mocks the IPC
 * with `mockIPC`, so components run unchanged against it: the same command
 * names, argument shapes and `workspace-changed` events as the real shell.
 * Never imported by application code.
 */
import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { ChangeEvent } from "../bindings/ChangeEvent";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { NewOccurrence } from "../bindings/NewOccurrence";
import type { NewProblem } from "../bindings/NewProblem";
import type { Occurrence } from "../bindings/Occurrence";
import type { Problem } from "../bindings/Problem";
import type { ProblemDetail } from "../bindings/ProblemDetail";
import type { ProblemEdit } from "../bindings/ProblemEdit";
import type { ProblemPage } from "../bindings/ProblemPage";
import type { ProblemQuery } from "../bindings/ProblemQuery";
import type { Settings } from "../bindings/Settings";
import type { Severity } from "../bindings/Severity";
import type { Status } from "../bindings/Status";
import type { SuggestField } from "../bindings/SuggestField";
import type { TrashItem } from "../bindings/TrashItem";
import type { WorkspaceStatus } from "../bindings/WorkspaceStatus";
import type { CommandName } from "../bindings/shell/commands";
import { WORKSPACE_CHANGED_EVENT } from "../api/freshness";
import { actionHandlers, type MockActionState } from "./mock-actions";
import { analysisHandlers, type MockAnalysisState } from "./mock-analysis";
import { empathyHandlers, type MockEmpathyState } from "./mock-empathy";
import { personaHandlers, type MockPersonaState } from "./mock-personas";
import { changesHandlers, defaultChangesState, type MockChangesState } from "./mock-changes";
import { defaultHubState, hubHandlers, type MockHubState } from "./mock-hub";
import { defaultMetricsState, metricsHandlers, type MockMetricsState } from "./mock-metrics";
import { defaultHelpdeskState, helpdeskHandlers, type MockHelpdeskState } from "./mock-helpdesk";
import { defaultJourneyState, journeyHandlers, type MockJourneyState } from "./mock-journeys";

/** The shell's commands that write nothing: every other command writes. */
const READS = new Set<CommandName>([
  "notify",
  "export_save",
  "action_export",
  "workspace_status",
  "workspace_dialog_start",
  "problem_list",
  "problem_get",
  "problem_suggestions",
  "sample_count",
  "analysis_list",
  "analysis_get",
  "analysis_search",
  "persona_list",
  "persona_get",
  "persona_picture",
  "problem_personas",
  "problem_maps",
  "problem_notes",
  "map_list",
  "map_board",
  "note_causes",
  "why_notes",
  "action_list",
  "action_for_problem",
  "action_get",
  "action_owners",
  "action_problems",
  "action_overview",
  "action_effect",
  "action_root_causes",
  "reminder_check",
  "trash_list",
  "history_list",
  "settings_get",
  "copies_status",
  "merge_review_list",
  "hub_status",
  "hub_workspaces",
  "report_preview",
  "report_period_preview",
  "report_save",
  "report_period_save",
  "changes_export",
  "metrics_dashboard",
  "metrics_fix_effects",
  "response_recent",
  "period_list",
  "survey_import_pick",
  "survey_import_check",
  "survey_import_cancel",
  "metrics_export_csv",
  "touchpoint_choices",
  "journey_list",
  "journey_grid",
  "journey_pain",
  "touchpoint_problems",
  "journey_markdown",
  "journey_reviews_due",
  "journey_match_preview",
  "helpdesk_import_pick",
  "helpdesk_import_check",
  "helpdesk_import_cancel",
  "helpdesk_mapping_list",
]);

/** The entity whose change a write command announces, by its name; null for reads and plugins. */
function writtenEntity(command: MockedCommand): string | null {
  if (command.startsWith("plugin:") || READS.has(command as CommandName)) return null;
  const prefixes: [string, string][] = [
    ["trash_", "workspace"],
    ["problem_close", "action"],
    ["problem_", "problem"],
    ["occurrence_", "problem"],
    ["sample_", "problem"],
    ["analysis_", "analysis"],
    ["why_", "why"],
    ["evidence_", "why"],
    ["action_", "action"],
    ["persona_", "persona"],
    ["quote_", "quote"],
    ["map_", "empathy_map"],
    ["note_", "empathy_note"],
    ["group_", "empathy_group"],
    ["settings_", "settings"],
    ["workspace_copy", "copies"],
    ["copy_", "copies"],
    ["hub_", "hub"],
    ["response_", "survey_response"],
    ["survey_", "survey_response"],
    ["period_", "period"],
    ["journey_", "journey_map"],
    ["stage_", "journey_stage"],
    ["touchpoint_", "touchpoint"],
    ["card_", "journey_card"],
    ["helpdesk_import_", "problem"],
    ["helpdesk_mapping_", "import_mapping"],
    ["workspace_", "workspace"],
  ];
  const match = prefixes.find(([prefix]) => command.startsWith(prefix));
  // Anything else that writes (a restore from the trash) may touch any area.
  return match?.[1] ?? "workspace";
}

export interface MockCall {
  command: string;
  args: Record<string, unknown>;
}

/** A problem in the mock's trash. */
export interface TrashedProblem {
  problem: Problem;
  deletedAt: string;
  deletedBy: string;
}

export interface MockState {
  status: WorkspaceStatus;
  settings: Settings;
  /** The live problems, newest first, as the shell keeps them. */
  problems: Problem[];
  /** Deleted (or merged-away) problems, restorable. */
  trash: TrashedProblem[];
  /** Occurrence notes by problem id: searched like the core's full-text index. */
  notes: Record<string, string[]>;
  /** What the next open/save dialog returns (null = the user cancelled). */
  dialogPath: string | null;
  /** Analyses, their causes, the checks to report, and saved exports. */
  analysis: MockAnalysisState;
  /** Corrective actions, comments, notifications shown. */
  actions: MockActionState;
  /** Personas, quotes, pictures, links to problems. */
  personas: MockPersonaState;
  /** Empathy maps, notes, groups, votes. */
  empathy: MockEmpathyState;
  /** This copy, the copies it knows, the merge review. */
  changes: MockChangesState;
  /** The team hub: where syncing stands, the hubs the mock can reach. */
  hub: MockHubState;
  /** Survey answers, periods, the dashboard and the import's steps. */
  metrics: MockMetricsState;
  /** Journey maps, their stages, touchpoints, cards and pain figures. */
  journeys: MockJourneyState;
  /** The help-desk import's file, check and outcome; saved mappings. */
  helpdesk: MockHelpdeskState;
}

type Handler = (args: Record<string, unknown>, state: MockState) => unknown;

/** A plugin's command, such as the dialog's `plugin:dialog|open`. */
type PluginCommand = `plugin:${string}|${string}`;

/** What the stand-in answers: the shell's own commands (typed) and plugins' commands. */
export type MockedCommand = CommandName | PluginCommand;

/** Stand-ins keyed by what they answer. */
type Handlers = Partial<Record<MockedCommand, Handler>>;

export interface MockBackendOptions {
  status?: WorkspaceStatus;
  problems?: Problem[];
  trash?: TrashedProblem[];
  notes?: Record<string, string[]>;
  settings?: Partial<Settings>;
  dialogPath?: string | null;
  /** Analyses and causes to start with. */
  analysis?: Partial<MockAnalysisState>;
  actions?: Partial<MockActionState>;
  personas?: Partial<MockPersonaState>;
  empathy?: Partial<MockEmpathyState>;
  changes?: Partial<MockChangesState>;
  hub?: Partial<MockHubState>;
  metrics?: Partial<MockMetricsState>;
  journeys?: Partial<MockJourneyState>;
  helpdesk?: Partial<MockHelpdeskState>;
  /** Replace the built-in behaviour of some commands. */
  handlers?: Handlers;
}

export interface MockBackend {
  state: MockState;
  calls: MockCall[];
  /** Arguments of every call to `command`, in order. */
  callsTo(command: MockedCommand): Record<string, unknown>[];
  /** Whether the stand-in answers `command` without a test's own handler. */
  answers(command: MockedCommand): boolean;
  /** Emits `workspace-changed` as the shell would after a write. */
  emitChange(event: ChangeEvent): Promise<void>;
}

export function openStatus(path = "/home/sam/rootwise/workspace.db"): WorkspaceStatus {
  const fileName = path.split(/[\\/]/).pop() ?? path;
  return { state: "open", path, fileName, schemaVersion: 1, backupPath: null };
}

export function failedStatus(
  path: string,
  error: Omit<ErrorPayload, "message"> & { message?: string },
): WorkspaceStatus {
  return { state: "failed", path, error: { message: `failed: ${error.code}`, ...error } };
}

/** A rejection with the shell's error shape. */
export function rejectWith(payload: Omit<ErrorPayload, "message"> & { message?: string }): Promise<never> {
  // The shell rejects with a plain `{ code, message, details }` object, not an Error.
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  return Promise.reject({ message: `rejected: ${payload.code}`, ...payload });
}

let nextId = 1;

/** A problem as the shell returns it: defaults for every field, `fields` on top. */
export function makeProblem(
  title: string,
  createdAt = new Date().toISOString(),
  fields: Partial<Problem> = {},
): Problem {
  const id = `0190a000-0000-7000-8000-${String(nextId++).padStart(12, "0")}`;
  const day = createdAt.slice(0, 10);
  return {
    id,
    title,
    description: "",
    customer: "",
    segment: "",
    channel: null,
    journeyStage: "",
    severity: "medium",
    status: "new",
    owner: "",
    tags: [],
    references: [],
    reportedOn: day,
    csat: null,
    nps: null,
    ces: null,
    customersAffected: null,
    occurrenceCount: 1,
    firstSeen: day,
    lastSeen: day,
    mergedInto: null,
    sample: false,
    createdAt,
    updatedAt: createdAt,
    ...fields,
  };
}

/** A problem as it sits in the trash. */
export function makeTrashed(
  problem: Problem,
  deletedAt = new Date().toISOString(),
  deletedBy = "",
): TrashedProblem {
  return { problem, deletedAt, deletedBy };
}

/** Sample problems the mock's `sample_load` adds (the core ships its own, richer set). */
const SAMPLE_PROBLEMS: readonly (readonly [string, Partial<Problem>])[] = [
  [
    "لا يصل رمز التحقق برسالة نصية عند تسجيل الدخول",
    {
      severity: "high",
      status: "investigating",
      channel: "phone",
      owner: "ريم الحربي",
      tags: ["تسجيل الدخول"],
    },
  ],
  [
    "Refund shows as issued but never reaches the customer's card",
    {
      severity: "critical",
      status: "root_cause_found",
      channel: "email",
      owner: "Omar Haddad",
      tags: ["refunds"],
    },
  ],
  [
    "Chat agents give a different delivery date than the order page",
    { severity: "medium", status: "new", channel: "chat", owner: "Omar Haddad", tags: ["delivery"] },
  ],
];

/**
 * Normalises text for matching the way the core's search does: Arabic with
 * or without diacritics, tatweel or another form of alef finds the same
 * words; case and Latin accents are folded.
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, "")
    .replace(/[\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ي")
    .toLowerCase();
}

function words(text: string): string[] {
  return normalizeForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const STATUS_RANK: Record<Status, number> = {
  new: 0,
  investigating: 1,
  root_cause_found: 2,
  actions_in_progress: 3,
  monitoring: 4,
  closed: 5,
};

/** How well `problem` matches the search words (0 = not at all): every word must prefix a word of it. */
function relevance(problem: Problem, notes: readonly string[], query: readonly string[]): number {
  const title = words(problem.title);
  const rest = [
    problem.description,
    problem.customer,
    ...problem.tags,
    ...problem.references,
    ...notes,
  ].flatMap(words);
  let score = 0;
  for (const word of query) {
    const inTitle = title.filter((w) => w.startsWith(word)).length;
    const elsewhere = rest.filter((w) => w.startsWith(word)).length;
    if (inTitle + elsewhere === 0) return 0;
    score += inTitle * 3 + elsewhere;
  }
  return score;
}

function compare(a: string | number, b: string | number): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** The live problems matching `query`, sorted and paged, roughly as the core does it. */
export function queryProblems(
  problems: readonly Problem[],
  notes: Record<string, string[]>,
  query: Partial<ProblemQuery>,
): ProblemPage {
  const statuses = query.statuses ?? [];
  const severities = query.severities ?? [];
  const channels = query.channels ?? [];
  const owner = query.owner?.trim() ?? "";
  const tag = query.tag?.trim() ?? "";
  const textWords = words(query.text ?? "");
  const scores = new Map<string, number>();
  const matching = problems.filter((p) => {
    if (statuses.length > 0 && !statuses.includes(p.status)) return false;
    if (severities.length > 0 && !severities.includes(p.severity)) return false;
    if (channels.length > 0 && (p.channel === null || !channels.includes(p.channel))) return false;
    if (owner !== "" && p.owner !== owner) return false;
    if (tag !== "" && !p.tags.includes(tag)) return false;
    if (query.reportedFrom !== undefined && p.reportedOn < query.reportedFrom) return false;
    if (query.reportedTo !== undefined && p.reportedOn > query.reportedTo) return false;
    if (textWords.length > 0) {
      const score = relevance(p, notes[p.id] ?? [], textWords);
      if (score === 0) return false;
      scores.set(p.id, score);
    }
    return true;
  });

  const sort = query.sort ?? "reported";
  const descending = query.descending ?? true;
  const dir = descending ? -1 : 1;
  const byReported = (a: Problem, b: Problem) =>
    dir * (compare(a.reportedOn, b.reportedOn) || compare(a.id, b.id));
  const newestReported = (a: Problem, b: Problem) =>
    compare(b.reportedOn, a.reportedOn) || compare(b.id, a.id);
  const order: (a: Problem, b: Problem) => number = (() => {
    switch (sort) {
      case "relevance":
        return textWords.length === 0
          ? byReported
          : (a, b) => dir * ((scores.get(a.id) ?? 0) - (scores.get(b.id) ?? 0)) || newestReported(a, b);
      case "reported":
        return byReported;
      case "updated":
        return (a, b) => dir * (compare(a.updatedAt, b.updatedAt) || compare(a.id, b.id));
      case "last_seen":
        return (a, b) => dir * (compare(a.lastSeen, b.lastSeen) || compare(a.id, b.id));
      case "severity":
        return (a, b) =>
          dir * (SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]) || newestReported(a, b);
      case "status":
        return (a, b) => dir * (STATUS_RANK[a.status] - STATUS_RANK[b.status]) || newestReported(a, b);
      case "title":
        return (a, b) => dir * (compare(a.title.toLowerCase(), b.title.toLowerCase()) || compare(a.id, b.id));
      case "occurrences":
        return (a, b) =>
          dir * (a.occurrenceCount - b.occurrenceCount) ||
          compare(b.lastSeen, a.lastSeen) ||
          compare(b.id, a.id);
    }
  })();
  const sorted = [...matching].sort(order);
  const offset = query.offset ?? 0;
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
  return { items: sorted.slice(offset, offset + limit), total: sorted.length };
}

function notFound(entity: string, id: string): Promise<never> {
  return rejectWith({ code: "not_found", details: { entity, id } });
}

/** Earlier values of a field, most used first. */
function suggestions(problems: readonly Problem[], field: SuggestField): string[] {
  const counts = new Map<string, number>();
  const add = (value: string) => {
    if (value.trim() !== "") counts.set(value, (counts.get(value) ?? 0) + 1);
  };
  for (const p of problems) {
    switch (field) {
      case "tag":
        p.tags.forEach(add);
        break;
      case "journey_stage":
        add(p.journeyStage);
        break;
      default:
        add(p[field]);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).map(([v]) => v);
}

export function installMockBackend(options: MockBackendOptions = {}): MockBackend {
  clearMocks();
  const state: MockState = {
    status: options.status ?? openStatus(),
    problems: [...(options.problems ?? [])],
    trash: [...(options.trash ?? [])],
    notes: { ...options.notes },
    settings: {
      displayName: "",
      language: "en",
      theme: "light",
      reminders: true,
      weekStart: "auto",
      numerals: "latin",
      ...options.settings,
    },
    dialogPath: options.dialogPath ?? null,
    analysis: { analyses: [], nodes: [], checks: [], exports: {}, ...options.analysis },
    actions: { actions: [], comments: [], notifications: [], closeReasons: {}, ...options.actions },
    personas: { personas: [], quotes: [], links: {}, pictures: {}, ...options.personas },
    empathy: { maps: [], notes: [], groups: [], votes: [], ...options.empathy },
    changes: { ...defaultChangesState(), ...options.changes },
    hub: { ...defaultHubState(), ...options.hub },
    metrics: { ...defaultMetricsState(), ...options.metrics },
    helpdesk: { ...defaultHelpdeskState(), ...options.helpdesk },
    journeys: { ...defaultJourneyState(), ...options.journeys },
  };
  const calls: MockCall[] = [];

  const changed = (event: ChangeEvent): Promise<void> => emit(WORKSPACE_CHANGED_EVENT, event);
  const author = () => state.settings.displayName;

  const findLive = (id: string) => state.problems.find((p) => p.id === id);
  /** Moves a live problem to the trash; false when it is not live. */
  const trashProblem = (id: string, fields: Partial<Problem> = {}): boolean => {
    const problem = findLive(id);
    if (problem === undefined) return false;
    state.problems = state.problems.filter((p) => p.id !== id);
    state.trash = [
      makeTrashed({ ...problem, ...fields }, new Date().toISOString(), author()),
      ...state.trash,
    ];
    return true;
  };
  /** Brings a trashed problem back; false when it is not in the trash. */
  const untrashProblem = (id: string): Problem | null => {
    const entry = state.trash.find((t) => t.problem.id === id);
    if (entry === undefined) return null;
    state.trash = state.trash.filter((t) => t !== entry);
    const problem = { ...entry.problem, mergedInto: null };
    state.problems = [problem, ...state.problems];
    return problem;
  };

  const builtIn: Handlers = {
    workspace_status: () => state.status,
    // The dialogs start in the documents folder (the stand-in's dialogs return `dialogPath`).
    workspace_dialog_start: () => ["/home/test/Documents", "/home/test/Documents/workspace.db"],
    workspace_open: (args) => {
      const path = String(args.path);
      state.status = openStatus(path);
      state.problems = [];
      state.trash = [];
      state.notes = {};
      void changed({ entity: "workspace", id: path, op: "update" });
      return state.status;
    },
    problem_list: (args) => queryProblems(state.problems, state.notes, args.query ?? {}),
    problem_get: (args) => {
      const id = String(args.id);
      const problem = findLive(id);
      if (problem === undefined) return notFound("problem", id);
      const detail: ProblemDetail = {
        problem,
        occurrences: [],
        weekly: [],
        history: [],
        mergedFrom: state.trash
          .filter((t) => t.problem.mergedInto === id)
          .map((t) => ({ id: t.problem.id, title: t.problem.title })),
      };
      return detail;
    },
    problem_delete: (args) => {
      const id = String(args.id);
      if (!trashProblem(id)) return notFound("problem", id);
      void changed({ entity: "problem", id, op: "delete" });
      return null;
    },
    problem_restore: (args) => {
      const id = String(args.id);
      const problem = untrashProblem(id);
      if (problem === null) return notFound("problem", id);
      void changed({ entity: "problem", id, op: "restore" });
      return problem;
    },
    problem_merge: (args) => {
      const duplicate = String(args.duplicate);
      const survivor = String(args.survivor);
      if (duplicate === survivor) {
        return rejectWith({ code: "conflict", details: {} });
      }
      const dup = findLive(duplicate);
      const keep = findLive(survivor);
      if (dup === undefined) return notFound("problem", duplicate);
      if (keep === undefined) return notFound("problem", survivor);
      const merged: Problem = {
        ...keep,
        tags: [...new Set([...keep.tags, ...dup.tags])],
        references: [...new Set([...keep.references, ...dup.references])],
        occurrenceCount: keep.occurrenceCount + dup.occurrenceCount,
        firstSeen: dup.firstSeen < keep.firstSeen ? dup.firstSeen : keep.firstSeen,
        lastSeen: dup.lastSeen > keep.lastSeen ? dup.lastSeen : keep.lastSeen,
        updatedAt: new Date().toISOString(),
      };
      state.problems = state.problems.map((p) => (p.id === survivor ? merged : p));
      state.notes[survivor] = [...(state.notes[survivor] ?? []), ...(state.notes[duplicate] ?? [])];
      trashProblem(duplicate, { mergedInto: survivor });
      void changed({ entity: "problem", id: survivor, op: "update" });
      return merged;
    },
    problem_edit: (args) => {
      const id = String(args.id);
      const problem = findLive(id);
      if (problem === undefined) return notFound("problem", id);
      const edit = args.edit as ProblemEdit;
      const edited: Problem = {
        ...problem,
        [edit.field]: edit.value,
        updatedAt: new Date().toISOString(),
      };
      state.problems = state.problems.map((p) => (p.id === id ? edited : p));
      void changed({ entity: "problem", id, op: "update" });
      return edited;
    },
    occurrence_log: (args) => {
      const problemId = String(args.problemId);
      const problem = findLive(problemId);
      if (problem === undefined) return notFound("problem", problemId);
      const input = args.input as NewOccurrence;
      const occurrence: Occurrence = {
        id: `occ-${problemId}-${problem.occurrenceCount + 1}`,
        problemId,
        occurredOn: input.occurredOn ?? new Date().toISOString().slice(0, 10),
        channel: input.channel ?? null,
        ticketRef: input.ticketRef ?? "",
        note: input.note ?? "",
        author: author(),
        createdAt: new Date().toISOString(),
      };
      const counted = { ...problem, occurrenceCount: problem.occurrenceCount + 1 };
      state.problems = state.problems.map((p) => (p.id === problemId ? counted : p));
      if (occurrence.note !== "") {
        state.notes[problemId] = [...(state.notes[problemId] ?? []), occurrence.note];
      }
      void changed({ entity: "problem", id: problemId, op: "update" });
      return occurrence;
    },
    // The stand-in records no history; tests that read it give their own entries.
    history_list: () => [],
    problem_suggestions: (args) => suggestions(state.problems, args.field as SuggestField),
    sample_count: () => state.problems.filter((p) => p.sample).length,
    sample_load: () => {
      const today = new Date();
      const added = SAMPLE_PROBLEMS.map(([title, fields], i) => {
        const day = new Date(today.getTime() - (i + 1) * 86_400_000).toISOString();
        return makeProblem(title, day, { ...fields, sample: true });
      });
      state.problems = [...added, ...state.problems];
      void changed({ entity: "problem", id: "", op: "create" });
      return added.length;
    },
    sample_remove: () => {
      const samples = state.problems.filter((p) => p.sample);
      for (const p of samples) trashProblem(p.id);
      void changed({ entity: "problem", id: "", op: "delete" });
      return samples.length;
    },
    trash_list: (): TrashItem[] =>
      [...state.trash]
        .sort((a, b) => compare(b.deletedAt, a.deletedAt) || compare(b.problem.id, a.problem.id))
        .map((t) => ({
          entity: "problem",
          id: t.problem.id,
          label: t.problem.title,
          deletedAt: t.deletedAt,
          deletedBy: t.deletedBy,
        })),
    trash_restore: (args) => {
      const entity = String(args.entity);
      const id = String(args.id);
      if (entity !== "problem") return notFound("trash kind", entity);
      if (untrashProblem(id) === null) return notFound(entity, id);
      void changed({ entity, id, op: "restore" });
      return null;
    },
    problem_create: (args) => {
      const input = args.input as NewProblem;
      const { title, ...rest } = input;
      const problem = makeProblem(title.trim(), undefined, {
        // A caller may still pass `undefined` for a field it left empty.
        ...Object.fromEntries(
          Object.entries(rest as Record<string, unknown>).filter(([, v]) => v !== undefined),
        ),
      });
      state.problems = [problem, ...state.problems];
      void changed({ entity: "problem", id: problem.id, op: "create" });
      return problem;
    },
    settings_get: () => state.settings,
    settings_update: (args) => {
      state.settings = { ...(args.settings as Settings) };
      void changed({ entity: "settings", id: "settings", op: "update" });
      return state.settings;
    },
    ...analysisHandlers(
      state.analysis,
      () => state.problems,
      changed,
      (code, entity, id) =>
        rejectWith({
          code,
          message: `${entity} ${id}`,
          details: code === "invalid_input" ? { field: entity, rule: "invalid" } : { entity, id },
        }),
    ),
    ...actionHandlers(
      state.actions,
      () => state.problems,
      () => state.analysis.nodes.filter((n) => n.deleted !== true),
      changed,
      rejectWith,
    ),
    ...personaHandlers(state.personas, () => state.problems, changed, rejectWith),
    ...empathyHandlers(
      state.empathy,
      state.personas,
      () => state.problems,
      () => state.analysis.nodes.filter((n) => n.deleted !== true),
      changed,
      rejectWith,
    ),
    ...changesHandlers(state.changes, changed, rejectWith),
    ...metricsHandlers(state.metrics, changed, rejectWith, () => state.dialogPath),
    ...helpdeskHandlers(state.helpdesk, changed, rejectWith),
    ...journeyHandlers(
      state.journeys,
      () => state.problems,
      changed,
      rejectWith,
      () => state.dialogPath,
      () => state.personas.personas.filter((p) => p.deleted !== true),
      // The shell's card_make_action creates the action as action_create does.
      (input) => builtIn.action_create?.({ input }, state),
      () => state.personas.quotes.filter((q) => q.deleted !== true),
      () => state.empathy.notes.filter((n) => n.deleted !== true),
    ),
    ...hubHandlers(
      state.hub,
      changed,
      rejectWith,
      () => state.dialogPath,
      (status) => {
        state.status = status;
      },
    ),
    // The report's own content is tested in rootwise-report; here, what the dialog asked for.
    report_preview: (args) => {
      const problem = state.problems.find((p) => p.id === args.id);
      if (problem === undefined) return rejectWith({ code: "not_found", message: "problem", details: {} });
      return `<!doctype html><html lang="${String(args.language)}"><body><h1>${problem.title.replace(/</g, "&lt;")}</h1><p>${String(args.paper)}</p></body></html>`;
    },
    report_period_preview: (args) =>
      `<!doctype html><html lang="${String(args.language)}"><body><h1>${String(args.from)} – ${String(args.to)}</h1></body></html>`,
    report_save: (args) =>
      state.dialogPath === null ? null : { path: `${state.dialogPath}.${String(args.format)}` },
    report_period_save: (args) =>
      state.dialogPath === null ? null : { path: `${state.dialogPath}.${String(args.format)}` },
    "plugin:dialog|open": () => state.dialogPath,
    "plugin:dialog|save": () => state.dialogPath,
  };

  /**
   * A test's own handler for a write stands in for the shell's command, so
   * once it succeeds the change is announced as the shell would (the
   * built-in handlers announce their own, more precise changes).
   */
  const announced = (command: MockedCommand, args: Record<string, unknown>, result: unknown): unknown => {
    const entity = writtenEntity(command);
    if (entity === null) return result;
    const id = typeof args.id === "string" ? args.id : "";
    return Promise.resolve(result).then(async (value) => {
      await changed({ entity, id, op: "update" });
      return value;
    });
  };

  mockIPC(
    (command, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push({ command, args });
      const name = command as MockedCommand;
      const own = options.handlers?.[name];
      if (own !== undefined) return announced(name, args, own(args, state));
      const handler = builtIn[name];
      if (handler === undefined) {
        return rejectWith({ code: "internal", message: `unknown command ${command}`, details: {} });
      }
      return handler(args, state);
    },
    { shouldMockEvents: true },
  );

  return {
    state,
    calls,
    answers: (command) => builtIn[command] !== undefined,
    callsTo: (command) => calls.filter((c) => c.command === command).map((c) => c.args),
    emitChange: changed,
  };
}

export { clearMocks as uninstallMockBackend };
