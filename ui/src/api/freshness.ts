/**
 * How cached data stays fresh: the one place that maps a change to the
 * queries it makes stale.
 *
 * Data changes only through commands, and the shell announces every
 * committed write with one `workspace-changed` event per change. The app's
 * single listener invalidates the queries each change makes stale
 * (`keysForChange`); nothing else invalidates. A write hook (`useWrite`)
 * therefore only runs its command and then waits until the refetches the
 * write's events started have settled, so a caller that navigates or reads
 * right after a write sees fresh data without fetching it twice.
 */
import {
  QueryClient,
  useMutation,
  useQueryClient,
  type QueryKey,
  type UseMutationOptions,
} from "@tanstack/react-query";
import { listen } from "@tauri-apps/api/event";
import { useCallback, useEffect } from "react";
import type { ChangeEvent } from "../bindings/ChangeEvent";
import { toAppError, type AppError } from "./errors";

/** Name of the event the shell emits after every committed write. */
export const WORKSPACE_CHANGED_EVENT = "workspace-changed";

/** Every query key starts with `root`, so "invalidate everything" is one call. */
const root = ["rootwise"] as const;

/** Each area's root key: an area's own keys (in `api/<area>.ts`) start with it. */
export const queryKeys = {
  all: root,
  workspace: [...root, "workspace"] as const,
  problems: [...root, "problems"] as const,
  trash: [...root, "trash"] as const,
  analyses: [...root, "analyses"] as const,
  actions: [...root, "actions"] as const,
  personas: [...root, "personas"] as const,
  empathy: [...root, "empathy"] as const,
  settings: [...root, "settings"] as const,
  copies: [...root, "copies"] as const,
  hub: [...root, "hub"] as const,
  metrics: [...root, "metrics"] as const,
  journeys: [...root, "journeys"] as const,
  importMappings: [...root, "importMappings"] as const,
};

/**
 * Queries stay fresh until a change event invalidates them, so they never
 * go stale by age, refetch on focus or retry.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** Which cached queries a change to `event.entity` makes stale. */
export function keysForChange(event: ChangeEvent): QueryKey[] {
  switch (event.entity) {
    case "problem":
      // A new occurrence may flag an action as recurred after its fix; a
      // problem's title shows on analyses, actions, personas and maps.
      return [
        queryKeys.problems,
        queryKeys.analyses,
        queryKeys.actions,
        queryKeys.personas,
        queryKeys.empathy,
        queryKeys.metrics,
        queryKeys.journeys,
        queryKeys.trash,
      ];
    case "analysis":
    case "why":
      // Confirming a root cause may move the problem's status; a merge moves analyses.
      return [queryKeys.analyses, queryKeys.problems, queryKeys.actions, queryKeys.empathy, queryKeys.trash];
    case "action":
      // A failed check reopens root causes and the problem; a done day moves a fix's before/after.
      return [
        queryKeys.actions,
        queryKeys.problems,
        queryKeys.analyses,
        queryKeys.metrics,
        queryKeys.journeys,
        queryKeys.trash,
      ];
    case "journey_map":
    case "journey_stage":
    case "touchpoint":
    case "journey_card":
      // Touchpoints are dashboard filters; problems list their touchpoints; cards become actions.
      return [queryKeys.journeys, queryKeys.metrics, queryKeys.problems, queryKeys.actions, queryKeys.trash];
    case "survey_response":
    case "period":
      // Answers feed the problems' own measures too.
      return [queryKeys.metrics, queryKeys.problems, queryKeys.trash];
    case "persona":
    case "quote":
      return [queryKeys.personas, queryKeys.empathy, queryKeys.problems, queryKeys.trash];
    case "empathy_map":
    case "empathy_note":
    case "empathy_group":
      // Notes are evidence on causes and problems too.
      return [queryKeys.empathy, queryKeys.personas, queryKeys.analyses, queryKeys.trash];
    case "import_mapping":
      return [queryKeys.importMappings, queryKeys.trash];
    case "settings":
      return [queryKeys.settings];
    case "copies":
      return [queryKeys.copies];
    case "hub":
      // Where syncing stands; what a sync brought comes as a "workspace" change.
      return [queryKeys.hub];
    case "workspace":
      return [queryKeys.all];
    default:
      // An entity this UI does not know yet may feed any screen: refresh everything.
      return [queryKeys.all];
  }
}

/** Refetches what one change made stale; resolves when those refetches have settled. */
export async function invalidateForChange(queryClient: QueryClient, event: ChangeEvent): Promise<void> {
  await Promise.all(keysForChange(event).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Per query client: the refetches that change events have started and not yet finished. */
const inFlight = new WeakMap<QueryClient, Set<Promise<void>>>();

/** Applies one change event to `queryClient`'s cache, tracked until its refetches settle. */
export function applyChange(queryClient: QueryClient, event: ChangeEvent): Promise<void> {
  let running = inFlight.get(queryClient);
  if (running === undefined) {
    running = new Set();
    inFlight.set(queryClient, running);
  }
  const refresh = invalidateForChange(queryClient, event).catch((error: unknown) => {
    console.error("Could not refresh after a change", error);
  });
  running.add(refresh);
  void refresh.finally(() => running.delete(refresh));
  return refresh;
}

/**
 * Resolves once the refetches started by change events received so far,
 * and by any already on their way (one task later), have settled.
 */
export async function changesSettled(queryClient: QueryClient): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (;;) {
    const running = [...(inFlight.get(queryClient) ?? [])];
    if (running.length === 0) return;
    await Promise.all(running);
  }
}

/**
 * For work that runs several commands itself (the why-tree editor's queue):
 * resolves once what their change events made stale has been fetched again.
 */
export function useChangesSettled(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => changesSettled(queryClient), [queryClient]);
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

/** Mount once: the app's single `workspace-changed` listener. */
export function useWorkspaceChangedListener(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let disposed = false;
    let unlisten: (() => void) | undefined;
    onWorkspaceChanged((event) => {
      void applyChange(queryClient, event);
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

/** A command a write runs (`Run<R, void>` for one that takes no input). */
export type Run<TResult, TInput> = (input: TInput) => Promise<TResult>;

/** What a write hook may add: optimistic updates and their rollback, and when it resolves. */
export type WriteOptions<TResult, TInput, TContext> = Omit<
  UseMutationOptions<TResult, AppError, TInput, TContext>,
  "mutationFn"
> & {
  /**
   * Whether to resolve only once the write's refetches have settled (the
   * default). A delete resolves at once instead: the screen showing the
   * deleted thing goes away (or offers Undo) before its refetch finds it gone.
   */
  awaitRefresh?: boolean;
};

/**
 * The one way to write: runs the command, then (unless `awaitRefresh` is
 * false) waits until the refetches its change events started have settled,
 * so `mutateAsync` resolves (and `onSuccess` runs) with fresh data in the
 * cache. It never invalidates by itself: the change events say what is stale.
 */
export function useWrite<TResult, TInput, TContext = unknown>(
  run: Run<TResult, TInput>,
  { awaitRefresh = true, ...options }: WriteOptions<TResult, TInput, TContext> = {},
) {
  const queryClient = useQueryClient();
  return useMutation<TResult, AppError, TInput, TContext>({
    ...options,
    mutationFn: async (input) => {
      const result = await run(input);
      if (awaitRefresh) await changesSettled(queryClient);
      return result;
    },
  });
}
