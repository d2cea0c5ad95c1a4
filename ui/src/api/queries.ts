import {
  keepPreviousData,
  QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryKey,
} from "@tanstack/react-query";
import { useEffect } from "react";
import type { Analysis } from "../bindings/Analysis";
import type { AnalysisEdit } from "../bindings/AnalysisEdit";
import type { AnalysisSummary } from "../bindings/AnalysisSummary";
import type { AnalysisTree } from "../bindings/AnalysisTree";
import type { ChangeEvent } from "../bindings/ChangeEvent";
import type { NewAnalysis } from "../bindings/NewAnalysis";
import type { WhyHit } from "../bindings/WhyHit";
import type { NewProblem } from "../bindings/NewProblem";
import type { Problem } from "../bindings/Problem";
import type { ProblemPage } from "../bindings/ProblemPage";
import type { Settings } from "../bindings/Settings";
import type { WorkspaceStatus } from "../bindings/WorkspaceStatus";
import type { NewOccurrence } from "../bindings/NewOccurrence";
import type { Occurrence } from "../bindings/Occurrence";
import type { ProblemDetail } from "../bindings/ProblemDetail";
import type { ProblemEdit } from "../bindings/ProblemEdit";
import type { ProblemQuery } from "../bindings/ProblemQuery";
import type { SuggestField } from "../bindings/SuggestField";
import type { TrashItem } from "../bindings/TrashItem";
import {
  countSamples,
  createAnalysis,
  deleteAnalysis,
  editAnalysis,
  getAnalysis,
  listAnalyses,
  searchCauses,
  createProblem,
  deleteProblem,
  editProblem,
  getProblem,
  getSettings,
  getWorkspaceStatus,
  listProblems,
  listTrash,
  loadSamples,
  logOccurrence,
  mergeProblems,
  onWorkspaceChanged,
  openWorkspace,
  PROBLEM_PAGE_SIZE,
  problemSuggestions,
  removeSamples,
  restoreFromTrash,
  restoreProblem,
  updateSettings,
} from "./commands";
import type { AppError } from "./errors";

/** Every query key starts with `root`, so "invalidate everything" is one call. */
const root = ["rootwise"] as const;

export const queryKeys = {
  all: root,
  workspace: [...root, "workspace"] as const,
  problems: [...root, "problems"] as const,
  problemList: (filters: ProblemFilters) => [...root, "problems", "list", filters] as const,
  problemDetail: (id: string) => [...root, "problems", "detail", id] as const,
  suggestions: (field: SuggestField) => [...root, "problems", "suggestions", field] as const,
  samples: [...root, "problems", "samples"] as const,
  trash: [...root, "trash"] as const,
  analyses: [...root, "analyses"] as const,
  analysisList: (problemId: string | null) => [...root, "analyses", "list", problemId] as const,
  analysisTree: (id: string) => [...root, "analyses", "tree", id] as const,
  causeSearch: (text: string) => [...root, "analyses", "search", text] as const,
  actions: [...root, "actions"] as const,
  personas: [...root, "personas"] as const,
  empathy: [...root, "empathy"] as const,
  settings: [...root, "settings"] as const,
};

/** A problem query without its page: what the list screen filters and sorts by. */
export type ProblemFilters = Omit<ProblemQuery, "offset" | "limit">;

/**
 * Data only changes through commands, and every committed write is announced by
 * `workspace-changed`, so queries stay fresh until that event invalidates them.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** Which cached queries a change to `entity` makes stale. */
export function keysForChange(event: ChangeEvent): QueryKey[] {
  switch (event.entity) {
    case "problem":
      // A new occurrence may flag an action as recurred after its fix.
      return [
        queryKeys.problems,
        queryKeys.analyses,
        queryKeys.actions,
        queryKeys.personas,
        queryKeys.empathy,
        queryKeys.trash,
      ];
    case "analysis":
    case "why":
      // Confirming a root cause may move the problem's status; a merge moves analyses.
      return [queryKeys.analyses, queryKeys.problems, queryKeys.actions, queryKeys.empathy, queryKeys.trash];
    case "action":
      // A failed check reopens root causes and the problem.
      return [queryKeys.actions, queryKeys.problems, queryKeys.analyses, queryKeys.trash];
    case "persona":
    case "quote":
      return [queryKeys.personas, queryKeys.empathy, queryKeys.problems, queryKeys.trash];
    case "empathy_map":
    case "empathy_note":
    case "empathy_group":
      // Notes are evidence on causes and problems too.
      return [queryKeys.empathy, queryKeys.personas, queryKeys.analyses, queryKeys.trash];
    case "settings":
      return [queryKeys.settings];
    case "workspace":
      return [queryKeys.all];
    default:
      // An entity this UI does not know yet may feed any screen: refresh everything.
      return [queryKeys.all];
  }
}

export async function invalidateForChange(queryClient: QueryClient, event: ChangeEvent): Promise<void> {
  await Promise.all(keysForChange(event).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Mount once: the app's single `workspace-changed` listener. */
export function useWorkspaceChangedListener(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let disposed = false;
    let unlisten: (() => void) | undefined;
    onWorkspaceChanged((event) => {
      void invalidateForChange(queryClient, event);
    })
      .then((stop) => {
        if (disposed) stop();
        else unlisten = stop;
      })
      .catch((error: unknown) => {
        console.error("Could not listen to workspace changes", error);
      });
    return () => {
      disposed = true;
      unlisten?.();
    };
  }, [queryClient]);
}

export function useWorkspaceStatus() {
  return useQuery<WorkspaceStatus, AppError>({
    queryKey: queryKeys.workspace,
    queryFn: getWorkspaceStatus,
  });
}

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
    queryKey: queryKeys.problemList(filters),
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

export function useCreateProblem() {
  const queryClient = useQueryClient();
  return useMutation<Problem, AppError, NewProblem>({
    mutationFn: createProblem,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.problems });
    },
  });
}

/** One problem with its occurrences, weekly counts, history and merged duplicates. */
export function useProblemDetail(id: string) {
  return useQuery<ProblemDetail, AppError>({
    queryKey: queryKeys.problemDetail(id),
    queryFn: () => getProblem(id),
  });
}

/** Edits one field of a problem; the error names the field. */
export function useEditProblem(id: string) {
  const queryClient = useQueryClient();
  return useMutation<Problem, AppError, ProblemEdit>({
    mutationFn: (edit) => editProblem(id, edit),
    onSuccess: (problem) => {
      queryClient.setQueryData<ProblemDetail>(queryKeys.problemDetail(id), (detail) =>
        detail === undefined ? detail : { ...detail, problem },
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.problems });
    },
  });
}

/** A command a mutation runs (`Run<R, void>` for one that takes no input). */
type Run<TResult, TInput> = (input: TInput) => Promise<TResult>;

function useProblemsMutation<TResult, TInput>(run: Run<TResult, TInput>) {
  const queryClient = useQueryClient();
  return useMutation<TResult, AppError, TInput>({
    mutationFn: run,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.problems });
      void queryClient.invalidateQueries({ queryKey: queryKeys.trash });
    },
  });
}

/** Moves a problem to the trash. */
export function useDeleteProblem() {
  return useProblemsMutation(deleteProblem);
}

/** Brings a problem back from the trash (Undo, or the trash screen). */
export function useRestoreProblem() {
  return useProblemsMutation<Problem, string>(restoreProblem);
}

/** Merges a duplicate into the problem that survives. */
export function useMergeProblems() {
  return useProblemsMutation<Problem, { duplicate: string; survivor: string }>(({ duplicate, survivor }) =>
    mergeProblems(duplicate, survivor),
  );
}

/** Logs a further customer report of a problem. */
export function useLogOccurrence(problemId: string) {
  return useProblemsMutation<Occurrence, NewOccurrence>((input) => logOccurrence(problemId, input));
}

/** Earlier values of a free-text field, for suggestions. */
export function useSuggestions(field: SuggestField) {
  return useQuery<string[], AppError>({
    queryKey: queryKeys.suggestions(field),
    queryFn: () => problemSuggestions(field),
  });
}

/** How many sample problems the workspace has. */
export function useSampleCount() {
  return useQuery<number, AppError>({ queryKey: queryKeys.samples, queryFn: countSamples });
}

/** Loads the sample workspace. */
export function useLoadSamples() {
  const run: Run<number, void> = () => loadSamples();
  return useProblemsMutation(run);
}

/** Moves the sample problems to the trash. */
export function useRemoveSamples() {
  const run: Run<number, void> = () => removeSamples();
  return useProblemsMutation(run);
}

/** Everything in the trash. */
export function useTrash() {
  return useQuery<TrashItem[], AppError>({ queryKey: queryKeys.trash, queryFn: listTrash });
}

/** Restores any trashed entity. */
export function useRestoreFromTrash() {
  return useProblemsMutation(({ entity, id }: { entity: string; id: string }) =>
    restoreFromTrash(entity, id),
  );
}

/** Live analyses of one problem, or all of them when `problemId` is null. */
export function useAnalyses(problemId: string | null) {
  return useQuery<AnalysisSummary[], AppError>({
    queryKey: queryKeys.analysisList(problemId),
    queryFn: () => listAnalyses(problemId ?? undefined),
  });
}

/** One analysis with its tree and checks. */
export function useAnalysisTree(id: string) {
  return useQuery<AnalysisTree, AppError>({
    queryKey: queryKeys.analysisTree(id),
    queryFn: () => getAnalysis(id),
  });
}

/** Causes matching a search (disabled while the text is blank). */
export function useCauseSearch(text: string) {
  const trimmed = text.trim();
  return useQuery<WhyHit[], AppError>({
    queryKey: queryKeys.causeSearch(trimmed),
    queryFn: () => searchCauses(trimmed),
    enabled: trimmed !== "",
    placeholderData: keepPreviousData,
  });
}

function useAnalysesMutation<TResult, TInput>(run: Run<TResult, TInput>) {
  const queryClient = useQueryClient();
  return useMutation<TResult, AppError, TInput>({
    mutationFn: run,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.analyses });
      void queryClient.invalidateQueries({ queryKey: queryKeys.trash });
    },
  });
}

/** Starts an analysis. */
export function useCreateAnalysis() {
  return useAnalysesMutation<Analysis, NewAnalysis>(createAnalysis);
}

/** Edits one field of an analysis. */
export function useEditAnalysis(id: string) {
  return useAnalysesMutation<Analysis, AnalysisEdit>((edit) => editAnalysis(id, edit));
}

/** Moves an analysis to the trash. */
export function useDeleteAnalysis() {
  return useAnalysesMutation<undefined, string>(async (id) => {
    await deleteAnalysis(id);
    return undefined;
  });
}

export function useSettings(options: { enabled?: boolean } = {}) {
  return useQuery<Settings, AppError>({
    queryKey: queryKeys.settings,
    queryFn: getSettings,
    enabled: options.enabled ?? true,
  });
}

/** Saves settings optimistically: the UI follows at once and rolls back on failure. */
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation<Settings, AppError, Settings, { previous: Settings | undefined }>({
    mutationFn: updateSettings,
    onMutate: async (next) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.settings });
      const previous = queryClient.getQueryData<Settings>(queryKeys.settings);
      queryClient.setQueryData(queryKeys.settings, next);
      return { previous };
    },
    onError: (_error, _next, context) => {
      if (context?.previous !== undefined) {
        queryClient.setQueryData(queryKeys.settings, context.previous);
      }
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved);
    },
  });
}

/**
 * Opens a workspace. On success the cached data of the previous workspace is
 * dropped, so no screen shows another workspace's problems for a moment.
 */
export function useOpenWorkspace() {
  const queryClient = useQueryClient();
  return useMutation<WorkspaceStatus, AppError, string>({
    mutationFn: openWorkspace,
    onSuccess: (status) => {
      const keep = new Set<unknown>([queryKeys.workspace[1], queryKeys.settings[1]]);
      queryClient.removeQueries({
        queryKey: queryKeys.all,
        predicate: (query) => !keep.has(query.queryKey[1]),
      });
      queryClient.setQueryData(queryKeys.workspace, status);
      // Settings stay on screen (language, theme) while they are read again.
      void queryClient.invalidateQueries({ queryKey: queryKeys.settings });
    },
  });
}
