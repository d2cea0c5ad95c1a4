/**
 * Corrective actions: the commands and their queries. "Today" is the user's
 * own calendar day, sent with every read that judges overdue or due.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Action } from "../bindings/Action";
import type { ActionDetail } from "../bindings/ActionDetail";
import type { ActionEdit } from "../bindings/ActionEdit";
import type { ActionPage } from "../bindings/ActionPage";
import type { ActionProblem } from "../bindings/ActionProblem";
import type { ActionQuery } from "../bindings/ActionQuery";
import type { ActionRow } from "../bindings/ActionRow";
import type { CauseRef } from "../bindings/CauseRef";
import type { ExportFormat } from "../bindings/ExportFormat";
import type { ExportOutcome } from "../bindings/ExportOutcome";
import type { ExportWords } from "../bindings/ExportWords";
import type { ImportOutcome } from "../bindings/ImportOutcome";
import type { Comment } from "../bindings/Comment";
import type { NewAction } from "../bindings/NewAction";
import type { Overview } from "../bindings/Overview";
import type { Problem } from "../bindings/Problem";
import type { ProblemEffect } from "../bindings/ProblemEffect";
import type { Reminder } from "../bindings/Reminder";
import { LIMITS } from "../bindings/rules";
import type { AppError } from "./errors";
import { invoke } from "./invoke";
import { queryKeys, useWrite } from "./freshness";

/** The user's calendar day as `YYYY-MM-DD` (local clock, not UTC). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Rows per page of the actions table. */
export const ACTION_PAGE_SIZE: number = LIMITS.action.pageSize;

/** One page of the actions table (filters, sort and page). */
export function listActions(query: ActionQuery): Promise<ActionPage> {
  return invoke<ActionPage>("action_list", { query: { today: localToday(), ...query } });
}

/** A problem's live actions, unfinished first. */
export function problemActions(problemId: string): Promise<ActionRow[]> {
  return invoke<ActionRow[]>("action_for_problem", { problemId, today: localToday() });
}

/** One action with its causes and comments. */
export function getAction(id: string): Promise<ActionDetail> {
  return invoke<ActionDetail>("action_get", { id, today: localToday() });
}

/** Creates an action; rejects with invalid_input listing every broken rule. */
export function createAction(input: NewAction): Promise<Action> {
  return invoke<Action>("action_create", { input });
}

/** Changes one field of an action, or moves its status (a check's result, a cancel reason). */
export function editAction(id: string, edit: ActionEdit): Promise<Action> {
  return invoke<Action>("action_edit", { id, edit });
}

/** Moves an action to the trash (restorable). */
export async function deleteAction(id: string): Promise<void> {
  await invoke<null>("action_delete", { id });
}

/** Adds a comment to an action. */
export function commentOnAction(id: string, body: string): Promise<Comment> {
  return invoke<Comment>("action_comment", { id, body });
}

/** The people who own actions, most first. */
export function actionOwners(): Promise<string[]> {
  return invoke<string[]>("action_owners");
}

/** The problems that have actions, by title: the table's problem filter. */
export function actionProblems(): Promise<ActionProblem[]> {
  return invoke<ActionProblem[]>("action_problems");
}

/** The overview's figures. */
export function actionOverview(): Promise<Overview> {
  return invoke<Overview>("action_overview", { today: localToday() });
}

/** Reports per week before and after each of a problem's done actions. */
export function actionEffect(problemId: string): Promise<ProblemEffect> {
  return invoke<ProblemEffect>("action_effect", { problemId, today: localToday() });
}

/** The root causes found for a problem: what its actions can address. */
export function problemRootCauses(problemId: string): Promise<CauseRef[]> {
  return invoke<CauseRef[]>("action_root_causes", { problemId });
}

/** Closes a problem with a reason (needed while it has unfinished actions). */
export function closeProblem(id: string, reason: string): Promise<Problem> {
  return invoke<Problem>("problem_close", { id, reason });
}

/** What a reminder says today: overdue actions and checks due. */
export function checkReminder(): Promise<Reminder> {
  return invoke<Reminder>("reminder_check", { today: localToday() });
}

/** Shows one desktop notification. */
export async function notify(title: string, body: string): Promise<void> {
  await invoke<null>("notify", { title, body });
}

/**
 * Asks for a CSV file (native dialog) and imports its actions: every row,
 * or none with each broken rule by row and column. Null when cancelled.
 */
export function importActions(): Promise<ImportOutcome | null> {
  return invoke<ImportOutcome | null>("action_import");
}

/**
 * Every action matching `filters` as a CSV or calendar file, written by the
 * core in `words` and saved where the user picks (`name` suggested).
 */
export function exportActions(
  filters: ActionFilters,
  format: ExportFormat,
  words: ExportWords,
  name: string,
): Promise<ExportOutcome> {
  return invoke<ExportOutcome>("action_export", {
    filters: { today: localToday(), ...filters },
    format,
    words,
    name,
  });
}

/** The actions table's filters without the page and the day. */
export type ActionFilters = Omit<ActionQuery, "offset" | "limit" | "today">;

export const actionKeys = {
  all: queryKeys.actions,
  list: (filters: ActionFilters, offset: number, limit: number) =>
    [...queryKeys.actions, "list", filters, offset, limit] as const,
  problem: (problemId: string) => [...queryKeys.actions, "problem", problemId] as const,
  detail: (id: string) => [...queryKeys.actions, "detail", id] as const,
  owners: [...queryKeys.actions, "owners"] as const,
  problems: [...queryKeys.actions, "problems"] as const,
  overview: [...queryKeys.actions, "overview"] as const,
  effect: (problemId: string) => [...queryKeys.actions, "effect", problemId] as const,
  causes: (problemId: string) => [...queryKeys.actions, "causes", problemId] as const,
};

/** One page of the actions table. */
export function useActionPage(filters: ActionFilters, offset = 0, limit = ACTION_PAGE_SIZE) {
  return useQuery<ActionPage, AppError>({
    queryKey: actionKeys.list(filters, offset, limit),
    queryFn: () => listActions({ ...filters, offset, limit }),
    placeholderData: keepPreviousData,
  });
}

/** A problem's actions. */
export function useProblemActions(problemId: string) {
  return useQuery<ActionRow[], AppError>({
    queryKey: actionKeys.problem(problemId),
    queryFn: () => problemActions(problemId),
  });
}

/** One action's page. */
export function useAction(id: string) {
  return useQuery<ActionDetail, AppError>({
    queryKey: actionKeys.detail(id),
    queryFn: () => getAction(id),
  });
}

/** Owner suggestions. */
export function useActionOwners() {
  return useQuery<string[], AppError>({ queryKey: actionKeys.owners, queryFn: actionOwners });
}

/** The problems that have actions. */
export function useActionProblems() {
  return useQuery<ActionProblem[], AppError>({ queryKey: actionKeys.problems, queryFn: actionProblems });
}

/** The overview. */
export function useActionOverview() {
  return useQuery<Overview, AppError>({ queryKey: actionKeys.overview, queryFn: actionOverview });
}

/** A problem's before/after chart. */
export function useActionEffect(problemId: string) {
  return useQuery<ProblemEffect, AppError>({
    queryKey: actionKeys.effect(problemId),
    queryFn: () => actionEffect(problemId),
  });
}

/** The root causes a problem's actions can address. */
export function useProblemRootCauses(problemId: string) {
  return useQuery<CauseRef[], AppError>({
    queryKey: actionKeys.causes(problemId),
    queryFn: () => problemRootCauses(problemId),
  });
}

/** Creates an action. */
export function useCreateAction() {
  return useWrite<Action, NewAction>(createAction);
}

/** Edits one field of an action, or moves its status. */
export function useEditAction() {
  return useWrite<Action, { id: string; edit: ActionEdit }>(({ id, edit }) => editAction(id, edit));
}

/** Moves an action to the trash. */
export function useDeleteAction() {
  return useWrite(deleteAction, { awaitRefresh: false });
}

/** Comments on an action. */
export function useCommentOnAction() {
  return useWrite<Comment, { id: string; body: string }>(({ id, body }) => commentOnAction(id, body));
}

/** Imports actions from a CSV file the user picks. */
export function useImportActions() {
  return useWrite<ImportOutcome | null, undefined>(() => importActions());
}

/** Closes a problem with a reason. */
export function useCloseProblem() {
  return useWrite<Problem, { id: string; reason: string }>(({ id, reason }) => closeProblem(id, reason));
}
