import type { TFunction } from "i18next";
import { listActions, localToday, type ActionFilters } from "../../../api/actions";
import type { ActionPage } from "../../../bindings/ActionPage";
import type { ActionQuery } from "../../../bindings/ActionQuery";
import type { ActionRow } from "../../../bindings/ActionRow";
import { CSV_COLUMNS, type CsvColumn, type CsvLabels } from "./csv";
import type { IcsText } from "./ics";

/** The most rows the core returns per call. */
export const EXPORT_PAGE_SIZE = 1000;

/** Every action that matches `filters`, fetched a page of 1,000 at a time. */
export async function fetchAllActions(
  filters: ActionFilters,
  list: (query: ActionQuery) => Promise<ActionPage> = listActions,
): Promise<ActionRow[]> {
  const rows: ActionRow[] = [];
  let total = Number.POSITIVE_INFINITY;
  while (rows.length < total) {
    const page = await list({ ...filters, offset: rows.length, limit: EXPORT_PAGE_SIZE });
    total = page.total;
    // The set shrank while we read: stop rather than loop.
    if (page.items.length === 0) break;
    rows.push(...page.items);
  }
  return rows;
}

/** `rootwise-actions-2026-11-23.csv`. */
export function exportFileName(extension: "csv" | "ics", today: string = localToday()): string {
  return `rootwise-actions-${today}.${extension}`;
}

/** The CSV's header labels and values in the language of `t`. */
export function csvLabels(t: TFunction): CsvLabels {
  const column = Object.fromEntries(CSV_COLUMNS.map((c) => [c, t(`actionExport.column.${c}`)])) as Record<
    CsvColumn,
    string
  >;
  return {
    column,
    kind: {
      containment: t("actions.kind.containment"),
      corrective: t("actions.kind.corrective"),
      preventive: t("actions.kind.preventive"),
    },
    status: {
      open: t("actions.status.open"),
      in_progress: t("actions.status.in_progress"),
      done: t("actions.status.done"),
      verified_effective: t("actions.status.verified_effective"),
      not_effective: t("actions.status.not_effective"),
      cancelled: t("actions.status.cancelled"),
    },
    priority: {
      low: t("actions.priority.low"),
      medium: t("actions.priority.medium"),
      high: t("actions.priority.high"),
      urgent: t("actions.priority.urgent"),
    },
    checkResult: {
      effective: t("actions.checkResult.effective"),
      not_effective: t("actions.checkResult.not_effective"),
    },
  };
}

/** The calendar's wording in the language of `t`. */
export function icsText(t: TFunction): IcsText {
  return {
    calendarName: t("actionExport.ics.calendarName"),
    dueSummary: (title) => t("actionExport.ics.due", { title }),
    checkSummary: (title) => t("actionExport.ics.check", { title }),
    description: (row, event) => {
      const a = row.action;
      const lines = [
        t("actionExport.ics.problem", { title: a.problemTitle }),
        t("actionExport.ics.owner", { name: a.owner === "" ? t("actions.noOwner") : a.owner }),
        t("actionExport.ics.status", { status: t(`actions.status.${a.status}`) }),
      ];
      if (event === "check" && a.checkMethod.trim() !== "") {
        lines.push(t("actionExport.ics.checkMethod", { method: a.checkMethod }));
      }
      return lines;
    },
  };
}
