/**
 * 5-Whys analyses: the commands for analyses, their causes and evidence,
 * their query keys and hooks.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Analysis } from "../bindings/Analysis";
import type { AnalysisEdit } from "../bindings/AnalysisEdit";
import type { AnalysisSummary } from "../bindings/AnalysisSummary";
import type { AnalysisTree } from "../bindings/AnalysisTree";
import type { Evidence } from "../bindings/Evidence";
import type { NewAnalysis } from "../bindings/NewAnalysis";
import type { NewEvidence } from "../bindings/NewEvidence";
import type { NewWhy } from "../bindings/NewWhy";
import type { WhyEdit } from "../bindings/WhyEdit";
import type { WhyHit } from "../bindings/WhyHit";
import type { WhyNode } from "../bindings/WhyNode";
import type { AppError } from "./errors";
import { queryKeys, useWrite } from "./freshness";
import { invoke } from "./invoke";

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

export const analysisKeys = {
  all: queryKeys.analyses,
  list: (problemId: string | null) => [...queryKeys.analyses, "list", problemId] as const,
  tree: (id: string) => [...queryKeys.analyses, "tree", id] as const,
  search: (text: string) => [...queryKeys.analyses, "search", text] as const,
};

/** Live analyses of one problem, or all of them when `problemId` is null. */
export function useAnalyses(problemId: string | null) {
  return useQuery<AnalysisSummary[], AppError>({
    queryKey: analysisKeys.list(problemId),
    queryFn: () => listAnalyses(problemId ?? undefined),
  });
}

/** One analysis with its tree and checks. */
export function useAnalysisTree(id: string) {
  return useQuery<AnalysisTree, AppError>({
    queryKey: analysisKeys.tree(id),
    queryFn: () => getAnalysis(id),
  });
}

/** Causes matching a search (disabled while the text is blank). */
export function useCauseSearch(text: string) {
  const trimmed = text.trim();
  return useQuery<WhyHit[], AppError>({
    queryKey: analysisKeys.search(trimmed),
    queryFn: () => searchCauses(trimmed),
    enabled: trimmed !== "",
    placeholderData: keepPreviousData,
  });
}

/** Starts an analysis. */
export function useCreateAnalysis() {
  return useWrite<Analysis, NewAnalysis>(createAnalysis);
}

/** Edits one field of an analysis. */
export function useEditAnalysis(id: string) {
  return useWrite<Analysis, AnalysisEdit>((edit) => editAnalysis(id, edit));
}

/** Moves an analysis to the trash. */
export function useDeleteAnalysis() {
  return useWrite(deleteAnalysis, { awaitRefresh: false });
}
