/**
 * The actions table as CSV (RFC 4180) for a spreadsheet: UTF-8 with a byte
 * order mark (so Excel reads Arabic as UTF-8), CRLF line ends, fields quoted
 * when they hold a comma, a quote or a line break, and text that a
 * spreadsheet would run as a formula made inert.
 */
import type { ActionKind } from "../../../bindings/ActionKind";
import type { ActionRow } from "../../../bindings/ActionRow";
import type { ActionStatus } from "../../../bindings/ActionStatus";
import type { CheckResult } from "../../../bindings/CheckResult";
import type { Priority } from "../../../bindings/Priority";

/** The byte order mark that tells Excel the file is UTF-8. */
export const BOM = "\uFEFF";

/** The CSV columns, in file order. */
export const CSV_COLUMNS = [
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
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Header labels and enum values in the user's language. */
export interface CsvLabels {
  column: Record<CsvColumn, string>;
  kind: Record<ActionKind, string>;
  status: Record<ActionStatus, string>;
  priority: Record<Priority, string>;
  checkResult: Record<CheckResult, string>;
}

/** Characters that make a spreadsheet treat a cell as a formula (or a DDE call). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes text inert in a spreadsheet: a leading `'` keeps `=HYPERLINK(…)`,
 * `+1`, `-2`, `@SUM` and the like as plain text (OWASP's advice).
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted (quotes doubled) when it holds a comma, a quote, CR or LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A whole file: BOM, records joined by CRLF, and a CRLF after the last one. */
export function csvDocument(records: readonly (readonly string[])[]): string {
  return BOM + records.map((record) => record.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** An RFC 3339 timestamp as ISO 8601 in UTC; kept as is if it cannot be read. */
function isoInstant(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** One action as a CSV record (text from people neutralised, days as YYYY-MM-DD). */
export function actionRecord(row: ActionRow, labels: CsvLabels): string[] {
  const a = row.action;
  const text = neutralizeFormula;
  return [
    a.id,
    text(a.title),
    text(a.problemTitle),
    labels.kind[a.kind],
    labels.status[a.status],
    labels.priority[a.priority],
    text(a.owner),
    a.dueOn ?? "",
    a.checkDueOn ?? "",
    a.checkResult === null ? "" : labels.checkResult[a.checkResult],
    a.doneOn ?? "",
    a.recurredOn ?? "",
    isoInstant(a.createdAt),
  ];
}

/** The CSV file for `rows`, with a header line. */
export function actionsCsv(rows: readonly ActionRow[], labels: CsvLabels): string {
  const header = CSV_COLUMNS.map((column) => neutralizeFormula(labels.column[column]));
  return csvDocument([header, ...rows.map((row) => actionRecord(row, labels))]);
}
