/**
 * The history of any entity (an action, a cause, an analysis…): every
 * recorded change, oldest first, as the core's `history_list` returns it.
 */
import { useQuery } from "@tanstack/react-query";
import type { HistoryEntry } from "../bindings/HistoryEntry";
import type { AppError } from "./errors";
import { invoke } from "./invoke";
import { queryKeys } from "./freshness";

/** Every recorded change of one entity, oldest first. */
export function entityHistory(entity: string, id: string): Promise<HistoryEntry[]> {
  return invoke<HistoryEntry[]>("history_list", { entity, id });
}

/** Every recorded change of one action, oldest first. */
export function actionHistory(id: string): Promise<HistoryEntry[]> {
  return entityHistory("action", id);
}

/**
 * An action's history. Kept under the actions' key, so every action write
 * (which invalidates the actions) refreshes it.
 */
export function useActionHistory(id: string) {
  return useQuery<HistoryEntry[], AppError>({
    queryKey: [...queryKeys.actions, "history", id],
    queryFn: () => actionHistory(id),
  });
}

/**
 * Where each entity's history is cached: under its area's key, so every
 * write that refreshes the area (see `keysForChange`) refreshes it too.
 */
const HISTORY_AREA = {
  persona: queryKeys.personas,
  empathy_map: queryKeys.empathy,
  analysis: queryKeys.analyses,
} as const;

/** The history of a persona, an empathy map or an analysis. */
export function useEntityHistory(entity: keyof typeof HISTORY_AREA, id: string, enabled = true) {
  return useQuery<HistoryEntry[], AppError>({
    queryKey: [...HISTORY_AREA[entity], "history", entity, id],
    queryFn: () => entityHistory(entity, id),
    enabled,
  });
}
