/**
 * What customers say (NPS, CSAT, CES), time to resolution, retention and
 * churn: the dashboard's figures, a problem's before/after per fix, answers
 * one at a time or from a CSV file, and the period figures.
 */
import { Channel as IpcChannel } from "@tauri-apps/api/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnMapping } from "../bindings/ColumnMapping";
import type { Dashboard } from "../bindings/Dashboard";
import type { DashboardQuery } from "../bindings/DashboardQuery";
import type { DashboardWords } from "../bindings/DashboardWords";
import type { FixEffect } from "../bindings/FixEffect";
import type { ImportCheck } from "../bindings/ImportCheck";
import type { ImportProgress } from "../bindings/ImportProgress";
import type { Occurrence } from "../bindings/Occurrence";
import type { PeriodFigures } from "../bindings/PeriodFigures";
import type { PeriodInput } from "../bindings/PeriodInput";
import type { ResponseImport } from "../bindings/ResponseImport";
import type { ResponseInput } from "../bindings/ResponseInput";
import type { SurveyResponse } from "../bindings/SurveyResponse";
import type { TouchpointRef } from "../bindings/TouchpointRef";
import { LIMITS } from "../bindings/rules";
import type { AppError } from "./errors";
import { queryKeys, useWrite } from "./freshness";
import { invoke } from "./invoke";

/** Answers listed under the dashboard's entry form, newest first. */
export const RECENT_ANSWERS = 50;

/** The figures, trend, hurting problems and retention of a period. */
export function metricsDashboard(query: DashboardQuery): Promise<Dashboard> {
  return invoke<Dashboard>("metrics_dashboard", { query });
}

/** A problem's measures in the `weeks` before and after each of its done actions. */
export function fixEffects(problemId: string, weeks: number): Promise<FixEffect[]> {
  return invoke<FixEffect[]>("metrics_fix_effects", { problemId, weeks });
}

/** The latest answers, or a problem's (newest first). */
export function recentResponses(problemId: string | null, limit: number): Promise<SurveyResponse[]> {
  return invoke<SurveyResponse[]>("response_recent", { problemId, limit });
}

/** Adds one answer; rejects with invalid_input listing every broken rule. */
export function addResponse(input: ResponseInput): Promise<SurveyResponse> {
  return invoke<SurveyResponse>("response_add", { input });
}

/** Replaces an answer's fields (its kind and CES scale stay). */
export function editResponse(id: string, input: ResponseInput): Promise<SurveyResponse> {
  return invoke<SurveyResponse>("response_edit", { id, input });
}

/** Moves an answer to the trash (restorable). */
export async function deleteResponse(id: string): Promise<void> {
  await invoke<null>("response_delete", { id });
}

/** Every period's customer figures, latest first. */
export function listPeriods(): Promise<PeriodFigures[]> {
  return invoke<PeriodFigures[]>("period_list");
}

/** Adds a period's customer figures. */
export function addPeriod(input: PeriodInput): Promise<PeriodFigures> {
  return invoke<PeriodFigures>("period_add", { input });
}

/** Replaces a period's figures. */
export function editPeriod(id: string, input: PeriodInput): Promise<PeriodFigures> {
  return invoke<PeriodFigures>("period_edit", { id, input });
}

/** Moves a period to the trash. */
export async function deletePeriod(id: string): Promise<void> {
  await invoke<null>("period_delete", { id });
}

/** The survey file the user picked for the import wizard: its name and header. */
export interface PickedSurveyFile {
  name: string;
  headers: string[];
}

/** Asks for a survey CSV (native dialog); its name and header, or null when cancelled. */
export function pickSurveyFile(): Promise<PickedSurveyFile | null> {
  return invoke<PickedSurveyFile | null>("survey_import_pick");
}

/** Checks every row of the picked file under `mapping`; writes nothing. */
export function checkSurveyImport(mapping: ColumnMapping): Promise<ImportCheck> {
  return invoke<ImportCheck>("survey_import_check", { mapping });
}

/**
 * Imports the picked file's answers in one transaction (all rows, or only
 * the good ones), telling `onProgress` as rows are written.
 */
export function runSurveyImport(
  mapping: ColumnMapping,
  skipBadRows: boolean,
  onProgress: (progress: ImportProgress) => void,
): Promise<ResponseImport> {
  const progress = new IpcChannel<ImportProgress>();
  progress.onmessage = onProgress;
  return invoke<ResponseImport>("survey_import_run", { mapping, skipBadRows, progress });
}

/** Stops the running import; it leaves nothing behind. */
export async function cancelSurveyImport(): Promise<void> {
  await invoke<null>("survey_import_cancel");
}

/** The dashboard's figures as CSV in `words`, saved where the user picks; null when cancelled. */
export function exportDashboardCsv(
  query: DashboardQuery,
  words: DashboardWords,
  name: string,
): Promise<string | null> {
  return invoke<string | null>("metrics_export_csv", { query, words, name });
}

/** Every journey touchpoint, map by map: what the filter and an answer can name. */
export function touchpointChoices(): Promise<TouchpointRef[]> {
  return invoke<TouchpointRef[]>("touchpoint_choices");
}

/** Sets (or clears) when a report's contact was opened and resolved. */
export function setContactTimes(
  id: string,
  openedAt: string | null,
  resolvedAt: string | null,
): Promise<Occurrence> {
  return invoke<Occurrence>("occurrence_times", { id, openedAt, resolvedAt });
}

export const metricsKeys = {
  all: queryKeys.metrics,
  dashboard: (query: DashboardQuery) => [...queryKeys.metrics, "dashboard", query] as const,
  effects: (problemId: string, weeks: number) => [...queryKeys.metrics, "effects", problemId, weeks] as const,
  recent: (problemId: string | null, limit: number) =>
    [...queryKeys.metrics, "recent", problemId, limit] as const,
  periods: [...queryKeys.metrics, "periods"] as const,
  touchpoints: [...queryKeys.metrics, "touchpoints"] as const,
};

/** Every journey touchpoint, map by map. */
export function useTouchpointChoices() {
  return useQuery<TouchpointRef[], AppError>({
    queryKey: metricsKeys.touchpoints,
    queryFn: touchpointChoices,
  });
}

/** The dashboard of `query` (the last figures stay while new ones load). */
export function useDashboard(query: DashboardQuery) {
  return useQuery<Dashboard, AppError>({
    queryKey: metricsKeys.dashboard(query),
    queryFn: () => metricsDashboard(query),
    placeholderData: keepPreviousData,
  });
}

/** A problem's before/after per fix. */
export function useFixEffects(problemId: string, weeks: number = LIMITS.metrics.fixWeeks) {
  return useQuery<FixEffect[], AppError>({
    queryKey: metricsKeys.effects(problemId, weeks),
    queryFn: () => fixEffects(problemId, weeks),
    placeholderData: keepPreviousData,
  });
}

/** The latest answers, or a problem's. */
export function useRecentResponses(problemId: string | null, limit = RECENT_ANSWERS) {
  return useQuery<SurveyResponse[], AppError>({
    queryKey: metricsKeys.recent(problemId, limit),
    queryFn: () => recentResponses(problemId, limit),
  });
}

/** Every period's figures. */
export function usePeriods() {
  return useQuery<PeriodFigures[], AppError>({ queryKey: metricsKeys.periods, queryFn: listPeriods });
}

/** Adds an answer. */
export function useAddResponse() {
  return useWrite<SurveyResponse, ResponseInput>(addResponse);
}

/** Moves an answer to the trash. */
export function useDeleteResponse() {
  return useWrite(deleteResponse, { awaitRefresh: false });
}

/** Adds a period. */
export function useAddPeriod() {
  return useWrite<PeriodFigures, PeriodInput>(addPeriod);
}

/** Replaces a period's figures. */
export function useEditPeriod() {
  return useWrite<PeriodFigures, { id: string; input: PeriodInput }>(({ id, input }) =>
    editPeriod(id, input),
  );
}

/** Moves a period to the trash. */
export function useDeletePeriod() {
  return useWrite(deletePeriod, { awaitRefresh: false });
}

/** Imports the picked survey file. */
export function useRunSurveyImport() {
  return useWrite<
    ResponseImport,
    { mapping: ColumnMapping; skipBadRows: boolean; onProgress: (progress: ImportProgress) => void }
  >(({ mapping, skipBadRows, onProgress }) => runSurveyImport(mapping, skipBadRows, onProgress));
}

/** Sets a report's contact times. */
export function useSetContactTimes() {
  return useWrite<Occurrence, { id: string; openedAt: string | null; resolvedAt: string | null }>(
    ({ id, openedAt, resolvedAt }) => setContactTimes(id, openedAt, resolvedAt),
  );
}
