import type { TFunction } from "i18next";
import { localToday } from "../../../api/actions";
import type { CsvColumns } from "../../../bindings/CsvColumns";
import type { ExportWords } from "../../../bindings/ExportWords";
import { ENUMS } from "../../../bindings/rules";

/** The CSV's columns, in the order the core writes them. */
const COLUMNS = [
  "id",
  "title",
  "problem",
  "kind",
  "status",
  "priority",
  "owner",
  "dueOn",
  "checkDueOn",
  "checkResult",
  "doneOn",
  "recurredOn",
  "createdAt",
] as const satisfies readonly (keyof CsvColumns)[];

/** `rootwise-actions-2026-11-23.csv`. */
export function exportFileName(extension: "csv" | "ics", today: string = localToday()): string {
  return `rootwise-actions-${today}.${extension}`;
}

/** Each value of an enumeration by its name in the language of `t`. */
function names<K extends string>(values: readonly K[], key: (value: K) => string): Record<K, string> {
  return Object.fromEntries(values.map((value) => [value, key(value)])) as Record<K, string>;
}

/**
 * Everything the core's export says, in the language of `t`: the CSV's
 * headers and values, and the calendar's wording, whose `{title}`, `{name}`,
 * `{status}` and `{method}` the core fills in per action.
 */
export function exportWords(t: TFunction): ExportWords {
  return {
    columns: names(COLUMNS, (c) => t(`actionExport.column.${c}`)),
    kinds: names(ENUMS.actionKind, (k) => t(`actions.kind.${k}`)),
    statuses: names(ENUMS.actionStatus, (s) => t(`actions.status.${s}`)),
    priorities: names(ENUMS.priority, (p) => t(`actions.priority.${p}`)),
    checkResults: names(ENUMS.checkResult, (r) => t(`actions.checkResult.${r}`)),
    calendarName: t("actionExport.ics.calendarName"),
    dueSummary: t("actionExport.ics.due", { title: "{title}" }),
    checkSummary: t("actionExport.ics.check", { title: "{title}" }),
    problemLine: t("actionExport.ics.problem", { title: "{title}" }),
    ownerLine: t("actionExport.ics.owner", { name: "{name}" }),
    noOwner: t("actions.noOwner"),
    statusLine: t("actionExport.ics.status", { status: "{status}" }),
    checkMethodLine: t("actionExport.ics.checkMethod", { method: "{method}" }),
  };
}
