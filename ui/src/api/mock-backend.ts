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
import type { NewProblem } from "../bindings/NewProblem";
import type { Problem } from "../bindings/Problem";
import type { ProblemQuery } from "../bindings/ProblemQuery";
import type { Settings } from "../bindings/Settings";
import type { WorkspaceStatus } from "../bindings/WorkspaceStatus";
import { WORKSPACE_CHANGED_EVENT } from "./commands";

export interface MockCall {
  command: string;
  args: Record<string, unknown>;
}

export interface MockState {
  status: WorkspaceStatus;
  settings: Settings;
  /** Newest first, as the shell keeps them. */
  problems: Problem[];
  /** What the next open/save dialog returns (null = the user cancelled). */
  dialogPath: string | null;
}

type Handler = (args: Record<string, unknown>, state: MockState) => unknown;

export interface MockBackendOptions {
  status?: WorkspaceStatus;
  problems?: Problem[];
  settings?: Partial<Settings>;
  dialogPath?: string | null;
  /** Replace the built-in behaviour of some commands. */
  handlers?: Record<string, Handler>;
}

export interface MockBackend {
  state: MockState;
  calls: MockCall[];
  /** Arguments of every call to `command`, in order. */
  callsTo(command: string): Record<string, unknown>[];
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

export function installMockBackend(options: MockBackendOptions = {}): MockBackend {
  clearMocks();
  const state: MockState = {
    status: options.status ?? openStatus(),
    problems: [...(options.problems ?? [])],
    settings: { displayName: "", language: "en", theme: "light", ...options.settings },
    dialogPath: options.dialogPath ?? null,
  };
  const calls: MockCall[] = [];

  const changed = (event: ChangeEvent): Promise<void> => emit(WORKSPACE_CHANGED_EVENT, event);

  const builtIn: Record<string, Handler> = {
    workspace_status: () => state.status,
    workspace_open: (args) => {
      const path = String(args.path);
      state.status = openStatus(path);
      state.problems = [];
      void changed({ entity: "workspace", id: path, op: "update" });
      return state.status;
    },
    problem_list: (args) => {
      const query = (args.query ?? {}) as Partial<ProblemQuery>;
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 100;
      return { items: state.problems.slice(offset, offset + limit), total: state.problems.length };
    },
    problem_create: (args) => {
      const input = args.input as NewProblem;
      const { title, ...rest } = input;
      const problem = makeProblem(title.trim(), undefined, {
        ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
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
    "plugin:dialog|open": () => state.dialogPath,
    "plugin:dialog|save": () => state.dialogPath,
  };

  mockIPC(
    (command, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push({ command, args });
      const handler = options.handlers?.[command] ?? builtIn[command];
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
    callsTo: (command) => calls.filter((c) => c.command === command).map((c) => c.args),
    emitChange: changed,
  };
}

export { clearMocks as uninstallMockBackend };
