/**
 * Problems: the log's commands, query keys and hooks, with occurrences,
 * suggestions and the sample workspace.
 */
import {
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  type InfiniteData,
  type QueryKey,
} from "@tanstack/react-query";
import type { NewOccurrence } from "../bindings/NewOccurrence";
import type { NewProblem } from "../bindings/NewProblem";
import type { Occurrence } from "../bindings/Occurrence";
import type { Problem } from "../bindings/Problem";
import type { ProblemDetail } from "../bindings/ProblemDetail";
import type { ProblemEdit } from "../bindings/ProblemEdit";
import type { ProblemPage } from "../bindings/ProblemPage";
import type { ProblemQuery } from "../bindings/ProblemQuery";
import type { SuggestField } from "../bindings/SuggestField";
import { LIMITS } from "../bindings/rules";
import type { AppError } from "./errors";
import { queryKeys, useWrite, type Run } from "./freshness";
import { invoke } from "./invoke";

/** How many problems one page of the list holds. */
export const PROBLEM_PAGE_SIZE: number = LIMITS.problem.pageSize;

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

/** A problem query without its page: what the list screen filters and sorts by. */
export type ProblemFilters = Omit<ProblemQuery, "offset" | "limit">;

export const problemKeys = {
  all: queryKeys.problems,
  list: (filters: ProblemFilters) => [...queryKeys.problems, "list", filters] as const,
  detail: (id: string) => [...queryKeys.problems, "detail", id] as const,
  suggestions: (field: SuggestField) => [...queryKeys.problems, "suggestions", field] as const,
  samples: [...queryKeys.problems, "samples"] as const,
};

/**
 * The problem list for `filters`, a page at a time (`fetchNextPage` loads more).
 * With `keepPrevious`, the list for the previous filters stays shown (with
 * `isPlaceholderData`) while the new one loads, so typing a search does not flash.
 */
export function useProblems(
  filters: ProblemFilters,
  options: { enabled?: boolean; keepPrevious?: boolean } = {},
) {
  return useInfiniteQuery<ProblemPage, AppError, InfiniteData<ProblemPage, number>, QueryKey, number>({
    queryKey: problemKeys.list(filters),
    queryFn: ({ pageParam }) => listProblems({ ...filters, offset: pageParam, limit: PROBLEM_PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, page) => n + page.items.length, 0);
      return last.items.length > 0 && loaded < last.total ? loaded : undefined;
    },
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious === true ? keepPreviousData : undefined,
  });
}

/** The loaded problems as one list (without the duplicates a shifted page may bring). */
export function flattenProblems(data: InfiniteData<ProblemPage> | undefined): {
  items: Problem[];
  total: number;
} {
  if (data === undefined) return { items: [], total: 0 };
  const seen = new Set<string>();
  const items: Problem[] = [];
  for (const page of data.pages) {
    for (const problem of page.items) {
      if (!seen.has(problem.id)) {
        seen.add(problem.id);
        items.push(problem);
      }
    }
  }
  return { items, total: data.pages[0]?.total ?? 0 };
}

/** One problem with its occurrences, weekly counts, history and merged duplicates. */
export function useProblemDetail(id: string) {
  return useQuery<ProblemDetail, AppError>({
    queryKey: problemKeys.detail(id),
    queryFn: () => getProblem(id),
  });
}

/** Earlier values of a free-text field, for suggestions. */
export function useSuggestions(field: SuggestField) {
  return useQuery<string[], AppError>({
    queryKey: problemKeys.suggestions(field),
    queryFn: () => problemSuggestions(field),
  });
}

/** How many sample problems the workspace has. */
export function useSampleCount() {
  return useQuery<number, AppError>({ queryKey: problemKeys.samples, queryFn: countSamples });
}

/** Logs a problem. */
export function useCreateProblem() {
  return useWrite<Problem, NewProblem>(createProblem);
}

/** Edits one field of a problem; the error names the field. */
export function useEditProblem(id: string) {
  return useWrite<Problem, ProblemEdit>((edit) => editProblem(id, edit));
}

/** Moves a problem to the trash. */
export function useDeleteProblem() {
  return useWrite(deleteProblem, { awaitRefresh: false });
}

/** Brings a problem back from the trash (Undo, or the trash screen). */
export function useRestoreProblem() {
  return useWrite<Problem, string>(restoreProblem);
}

/** Merges a duplicate into the problem that survives. */
export function useMergeProblems() {
  return useWrite<Problem, { duplicate: string; survivor: string }>(({ duplicate, survivor }) =>
    mergeProblems(duplicate, survivor),
  );
}

/** Logs a further customer report of a problem. */
export function useLogOccurrence(problemId: string) {
  return useWrite<Occurrence, NewOccurrence>((input) => logOccurrence(problemId, input));
}

/** Loads the sample workspace. */
export function useLoadSamples() {
  const run: Run<number, void> = () => loadSamples();
  return useWrite(run);
}

/** Moves the sample problems to the trash. */
export function useRemoveSamples() {
  const run: Run<number, void> = () => removeSamples();
  return useWrite(run);
}
