import { listen } from "@tauri-apps/api/event";
import { open, save } from "@tauri-apps/plugin-dialog";
import type { Analysis } from "../bindings/Analysis";
import type { AnalysisEdit } from "../bindings/AnalysisEdit";
import type { AnalysisSummary } from "../bindings/AnalysisSummary";
import type { AnalysisTree } from "../bindings/AnalysisTree";
import type { ChangeEvent } from "../bindings/ChangeEvent";
import type { Evidence } from "../bindings/Evidence";
import type { NewAnalysis } from "../bindings/NewAnalysis";
import type { NewEvidence } from "../bindings/NewEvidence";
import type { NewWhy } from "../bindings/NewWhy";
import type { WhyEdit } from "../bindings/WhyEdit";
import type { WhyHit } from "../bindings/WhyHit";
import type { WhyNode } from "../bindings/WhyNode";
import type { NewProblem } from "../bindings/NewProblem";
import type { Problem } from "../bindings/Problem";
import type { NewOccurrence } from "../bindings/NewOccurrence";
import type { Occurrence } from "../bindings/Occurrence";
import type { ProblemDetail } from "../bindings/ProblemDetail";
import type { ProblemEdit } from "../bindings/ProblemEdit";
import type { ProblemPage } from "../bindings/ProblemPage";
import type { ProblemQuery } from "../bindings/ProblemQuery";
import type { SuggestField } from "../bindings/SuggestField";
import type { TrashItem } from "../bindings/TrashItem";
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

/** How many problems one page of the list holds. */
export const PROBLEM_PAGE_SIZE = 100;

/** The live problems matching `query`: filtered, sorted, one page (the shell caps `limit` at 1,000). */
export function listProblems(query: ProblemQuery): Promise<ProblemPage> {
  return invoke<ProblemPage>("problem_list", { query });
}

/** One problem with its occurrences, weekly counts, history and merged duplicates. */
export function getProblem(id: string): Promise<ProblemDetail> {
  return invoke<ProblemDetail>("problem_get", { id });
}

/** Creates a problem; rejects with invalid_input listing every broken rule in `details.fields`. */
export function createProblem(input: NewProblem): Promise<Problem> {
  return invoke<Problem>("problem_create", { input });
}

/** Changes one field; rejects with invalid_input (that field) or not_found. */
export function editProblem(id: string, edit: ProblemEdit): Promise<Problem> {
  return invoke<Problem>("problem_edit", { id, edit });
}

/** Moves a problem to the trash (restorable). */
export async function deleteProblem(id: string): Promise<void> {
  await invoke<null>("problem_delete", { id });
}

/** Brings a problem back from the trash. */
export function restoreProblem(id: string): Promise<Problem> {
  return invoke<Problem>("problem_restore", { id });
}

/** Merges `duplicate` into `survivor`; the duplicate goes to the trash. */
export function mergeProblems(duplicate: string, survivor: string): Promise<Problem> {
  return invoke<Problem>("problem_merge", { duplicate, survivor });
}

/** Earlier values of a free-text field, most used first. */
export function problemSuggestions(field: SuggestField): Promise<string[]> {
  return invoke<string[]>("problem_suggestions", { field });
}

/** Logs a further customer report of a problem. */
export function logOccurrence(problemId: string, input: NewOccurrence): Promise<Occurrence> {
  return invoke<Occurrence>("occurrence_log", { problemId, input });
}

/** Loads the sample problems; resolves to how many were added. */
export function loadSamples(): Promise<number> {
  return invoke<number>("sample_load");
}

/** Moves every sample problem to the trash; resolves to how many. */
export function removeSamples(): Promise<number> {
  return invoke<number>("sample_remove");
}

/** How many sample problems the workspace has. */
export function countSamples(): Promise<number> {
  return invoke<number>("sample_count");
}

/** Everything in the trash, most recently deleted first. */
export function listTrash(): Promise<TrashItem[]> {
  return invoke<TrashItem[]>("trash_list");
}

/** Restores any trashed entity by kind and id. */
export async function restoreFromTrash(entity: string, id: string): Promise<void> {
  await invoke<null>("trash_restore", { entity, id });
}

/** Live analyses: those of one problem (latest session first), or all (latest change first). */
export function listAnalyses(problemId?: string): Promise<AnalysisSummary[]> {
  return invoke<AnalysisSummary[]>("analysis_list", { problemId: problemId ?? null });
}

/** One analysis with its problem, its causes depth first, and the push-back checks. */
export function getAnalysis(id: string): Promise<AnalysisTree> {
  return invoke<AnalysisTree>("analysis_get", { id });
}

/** Starts an analysis of a problem; rejects with invalid_input listing every broken rule. */
export function createAnalysis(input: NewAnalysis): Promise<Analysis> {
  return invoke<Analysis>("analysis_create", { input });
}

/** Changes one field of an analysis. */
export function editAnalysis(id: string, edit: AnalysisEdit): Promise<Analysis> {
  return invoke<Analysis>("analysis_edit", { id, edit });
}

/** Moves an analysis and its tree to the trash (restorable). */
export async function deleteAnalysis(id: string): Promise<void> {
  await invoke<null>("analysis_delete", { id });
}

/** Causes whose text or evidence match every word typed, best first. */
export function searchCauses(text: string, limit = 50): Promise<WhyHit[]> {
  return invoke<WhyHit[]>("analysis_search", { text, limit });
}

/** Adds a cause under `input.parentId` (or the problem statement) at `input.position`. */
export function addWhy(analysisId: string, input: NewWhy): Promise<WhyNode> {
  return invoke<WhyNode>("why_add", { analysisId, input });
}

/** Changes one field of a cause. */
export function editWhy(id: string, edit: WhyEdit): Promise<WhyNode> {
  return invoke<WhyNode>("why_edit", { id, edit });
}

/** Moves a cause and its subtree; rejects (invalid_input on parentId) under its own descendant. */
export function moveWhy(id: string, parentId: string | null, position: number): Promise<WhyNode> {
  return invoke<WhyNode>("why_move", { id, parentId, position });
}

/** Moves a cause and its subtree to the trash; `undo` (undoing its creation) keeps it out of the trash list. */
export async function deleteWhy(id: string, undo = false): Promise<void> {
  await invoke<null>("why_delete", { id, undo });
}

/** Brings a cause back with its subtree, at its old place. */
export function restoreWhy(id: string): Promise<WhyNode> {
  return invoke<WhyNode>("why_restore", { id });
}

/** Adds evidence (a note, a reference, or both) to a cause. */
export function addEvidence(whyId: string, input: NewEvidence): Promise<Evidence> {
  return invoke<Evidence>("evidence_add", { whyId, input });
}

/** Changes a piece of evidence. */
export function editEvidence(id: string, input: NewEvidence): Promise<Evidence> {
  return invoke<Evidence>("evidence_edit", { id, input });
}

/** Removes a piece of evidence; resolves to its cause. */
export function removeEvidence(id: string): Promise<WhyNode> {
  return invoke<WhyNode>("evidence_remove", { id });
}

/**
 * Saves an export: the shell asks where in the native save dialog and writes
 * the file. Text is sent as is; binary (a PNG) as base64. Resolves to the path
 * written, or null when the user cancelled.
 */
export function saveExport(name: string, contents: string, base64 = false): Promise<string | null> {
  return invoke<string | null>("export_save", { name, contents, base64 });
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
