import { listen } from "@tauri-apps/api/event";
import { open, save } from "@tauri-apps/plugin-dialog";
import type { ChangeEvent } from "../bindings/ChangeEvent";
import type { NewProblem } from "../bindings/NewProblem";
import type { Problem } from "../bindings/Problem";
import type { ProblemPage } from "../bindings/ProblemPage";
import type { Settings } from "../bindings/Settings";
import type { WorkspaceStatus } from "../bindings/WorkspaceStatus";
import { toAppError } from "./errors";
import { invoke } from "./invoke";

/** Name of the event the shell emits after every committed write. */
export const WORKSPACE_CHANGED_EVENT = "workspace-changed";

const WORKSPACE_FILTERS = [{ name: "Rootwise workspace", extensions: ["db", "rootwise"] }];

/** The workspace the shell has open, or why it could not open it. Never rejects. */
export function getWorkspaceStatus(): Promise<WorkspaceStatus> {
  return invoke<WorkspaceStatus>("workspace_status");
}

/** Opens the workspace at `path`, creating a new one if no file is there. */
export function openWorkspace(path: string): Promise<WorkspaceStatus> {
  return invoke<WorkspaceStatus>("workspace_open", { path });
}

/** Native "open file" dialog for an existing workspace; null when cancelled. */
export async function chooseWorkspaceFile(): Promise<string | null> {
  try {
    const picked = await open({ multiple: false, directory: false, filters: WORKSPACE_FILTERS });
    return typeof picked === "string" ? picked : null;
  } catch (reason) {
    throw toAppError(reason);
  }
}

/** Native "save file" dialog for where a new workspace goes; null when cancelled. */
export async function chooseNewWorkspaceFile(): Promise<string | null> {
  try {
    return await save({ defaultPath: "workspace.db", filters: WORKSPACE_FILTERS });
  } catch (reason) {
    throw toAppError(reason);
  }
}

/** Where a page of a list starts and how long it is (the shell caps `limit` at 1,000). */
export interface PageRequest {
  offset?: number;
  limit?: number;
}

/** One page of the live problems, newest first, with the total count. */
export function listProblems(page: PageRequest = {}): Promise<ProblemPage> {
  return invoke<ProblemPage>("problem_list", {
    offset: page.offset ?? 0,
    limit: page.limit ?? PROBLEM_PAGE_SIZE,
  });
}

/** How many problems one page of the list holds. */
export const PROBLEM_PAGE_SIZE = 200;

/** Creates a problem; rejects with invalid_input when the title breaks a rule. */
export function createProblem(input: NewProblem): Promise<Problem> {
  return invoke<Problem>("problem_create", { input });
}

export function getSettings(): Promise<Settings> {
  return invoke<Settings>("settings_get");
}

/** Saves the whole settings object and returns what was stored. */
export function updateSettings(settings: Settings): Promise<Settings> {
  return invoke<Settings>("settings_update", { settings });
}

/** Subscribes to `workspace-changed`; resolves to the function that unsubscribes. */
export async function onWorkspaceChanged(handler: (event: ChangeEvent) => void): Promise<() => void> {
  try {
    return await listen<ChangeEvent>(WORKSPACE_CHANGED_EVENT, (event) => {
      handler(event.payload);
    });
  } catch (reason) {
    throw toAppError(reason);
  }
}
