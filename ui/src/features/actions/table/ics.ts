/**
 * Due dates and effectiveness-check dates as an iCalendar file (RFC 5545):
 * one all-day event per date, text escaped, lines folded at 75 octets of
 * UTF-8 without splitting a character, CRLF line ends.
 */
import type { ActionRow } from "../../../bindings/ActionRow";

/** What the events say, in the user's language. */
export interface IcsText {
  calendarName: string;
  /** The summary of a due-date event. */
  dueSummary: (title: string) => string;
  /** The summary of a check-date event. */
  checkSummary: (title: string) => string;
  /** The description's lines for an action (problem, owner, status…). */
  description: (row: ActionRow, event: "due" | "check") => string[];
}

export const PRODID = "-//Rootwise//Corrective actions//EN";

/** Escapes TEXT values: backslash, semicolon, comma, and line breaks as `\n`. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();
const octets = (text: string) => encoder.encode(text).length;

/**
 * Folds a content line so no physical line exceeds 75 octets (the leading
 * space of a continuation counts), breaking only between characters, never
 * inside a multi-byte one or a surrogate pair.
 */
export function foldLine(line: string): string {
  if (octets(line) <= 75) return line;
  const lines: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const width = octets(char);
    if (size + width > 75) {
      lines.push(current);
      current = " ";
      size = 1;
    }
    current += char;
    size += width;
  }
  lines.push(current);
  return lines.join("\r\n");
}

/** `YYYY-MM-DD` as an iCalendar DATE (`YYYYMMDD`). */
export function icsDate(day: string): string {
  return day.replace(/-/g, "");
}

/** The day after `day` (`YYYY-MM-DD`), for an all-day event's exclusive end. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** An instant as a UTC DATE-TIME (`YYYYMMDDTHHMMSSZ`). */
export function icsStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether an action's due date belongs in a calendar: not for a cancelled action. */
export function duePending(row: ActionRow): boolean {
  const a = row.action;
  return a.dueOn !== null && DAY.test(a.dueOn) && a.status !== "cancelled";
}

/** Whether an action's effectiveness check is still to be recorded on a date. */
export function checkPending(row: ActionRow): boolean {
  const a = row.action;
  return a.checkDueOn !== null && a.checkResult === null && a.status !== "cancelled";
}

function event(uid: string, day: string, stamp: string, summary: string, description: string[]): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icsDate(day)}`,
    `DTEND;VALUE=DATE:${icsDate(nextDay(day))}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description.join("\n"))}`,
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
  ];
}

/** How many events `actionsIcs` would write for `rows`. */
export function icsEventCount(rows: readonly ActionRow[]): number {
  return rows.reduce(
    (n, row) =>
      n + (duePending(row) ? 1 : 0) + (checkPending(row) && DAY.test(row.action.checkDueOn ?? "") ? 1 : 0),
    0,
  );
}

/** The calendar file: a due-date event per dated, uncancelled action and a check event per pending check. */
export function actionsIcs(rows: readonly ActionRow[], text: IcsText, now: Date = new Date()): string {
  const stamp = icsStamp(now);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(text.calendarName)}`,
  ];
  for (const row of rows) {
    const a = row.action;
    if (duePending(row) && a.dueOn !== null) {
      lines.push(
        ...event(
          `${a.id}-due@rootwise`,
          a.dueOn,
          stamp,
          text.dueSummary(a.title),
          text.description(row, "due"),
        ),
      );
    }
    if (checkPending(row) && a.checkDueOn !== null && DAY.test(a.checkDueOn)) {
      lines.push(
        ...event(
          `${a.id}-check@rootwise`,
          a.checkDueOn,
          stamp,
          text.checkSummary(a.title),
          text.description(row, "check"),
        ),
      );
    }
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
