/**
 * The root-cause report of a problem, or of every problem closed in a
 * period: an HTML preview, and saving it as PDF or HTML where the user
 * picks (a native dialog).
 */
import { useQuery } from "@tanstack/react-query";
import type { Language } from "../bindings/Language";
import type { Format } from "../bindings/report/Format";
import type { Paper } from "../bindings/report/Paper";
import type { AppError } from "./errors";
import { queryKeys, useWrite } from "./freshness";
import { invoke } from "./invoke";

/** A saved report: where. */
export interface SavedReport {
  path: string;
}

/** What to report on: one problem, or the problems closed from `from` to `to` (days). */
export type ReportSubject = { kind: "problem"; id: string } | { kind: "period"; from: string; to: string };

export interface ReportChoice {
  subject: ReportSubject;
  language: Language;
  paper: Paper;
}

export function previewReport({ subject, language, paper }: ReportChoice): Promise<string> {
  return subject.kind === "problem"
    ? invoke<string>("report_preview", { id: subject.id, language, paper })
    : invoke<string>("report_period_preview", { from: subject.from, to: subject.to, language, paper });
}

/** Asks where, then saves; null when the user cancels. */
export function saveReport({ subject, language, paper }: ReportChoice, format: Format): Promise<SavedReport | null> {
  return subject.kind === "problem"
    ? invoke<SavedReport | null>("report_save", { id: subject.id, language, paper, format })
    : invoke<SavedReport | null>("report_period_save", {
        from: subject.from,
        to: subject.to,
        language,
        paper,
        format,
      });
}

/** The preview, made again when the choice or the workspace changes. */
export function useReportPreview(choice: ReportChoice, enabled: boolean) {
  return useQuery<string, AppError>({
    // Under problems: any change to the workspace's problems makes it stale.
    queryKey: [...queryKeys.problems, "report", choice],
    queryFn: () => previewReport(choice),
    enabled,
    // Personas and notes feed it too: made afresh each time the dialog opens.
    refetchOnMount: "always",
  });
}

export function useSaveReport() {
  return useWrite<SavedReport | null, { choice: ReportChoice; format: Format }>(
    ({ choice, format }) => saveReport(choice, format),
    { awaitRefresh: false },
  );
}
