/**
 * The rules the core checks on problem input, mirrored here so a message can
 * show beside a field before any round trip. The core stays the real guard:
 * its errors are always shown too (see `messages.ts`).
 */
import type { FieldError } from "../../bindings/FieldError";
import { ENUMS, LIMITS as CORE_LIMITS, MOVES } from "../../bindings/rules";
import type { Status } from "../../bindings/Status";
import { isDay } from "../../i18n/format";

export { isDay };

/** One broken rule, as the core reports it (`limit` is null when there is none). */
export type FieldIssue = FieldError;

/** The core's limits on a problem's fields (from `bindings/rules.ts`), by field. */
export const LIMITS = {
  title: CORE_LIMITS.problem.title,
  description: CORE_LIMITS.problem.description,
  customer: CORE_LIMITS.problem.customer,
  segment: CORE_LIMITS.problem.segment,
  journeyStage: CORE_LIMITS.problem.journeyStage,
  owner: CORE_LIMITS.problem.owner,
  tag: CORE_LIMITS.problem.tag,
  tags: CORE_LIMITS.problem.tags,
  reference: CORE_LIMITS.problem.reference,
  references: CORE_LIMITS.problem.references,
  note: CORE_LIMITS.problem.occurrenceNote,
  ticketRef: CORE_LIMITS.problem.occurrenceTicketRef,
  earliestYear: CORE_LIMITS.shared.earliestYear,
} as const;

/** The first day a date field accepts (`min` of `<input type=date>`). */
export const EARLIEST_DAY = `${String(CORE_LIMITS.shared.earliestYear)}-01-01`;

/** Inclusive ranges of the numeric fields (a count of customers cannot be negative). */
export const RANGES = {
  csat: CORE_LIMITS.problem.csat,
  nps: CORE_LIMITS.problem.nps,
  ces: CORE_LIMITS.problem.ces,
  customersAffected: { min: 0, max: CORE_LIMITS.problem.customersAffected },
} as const;

export type NumberField = keyof typeof RANGES;

export function isNumberField(field: string): field is NumberField {
  return Object.hasOwn(RANGES, field);
}

/** Length as the core counts it: Unicode code points, not UTF-16 units. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

function issue(field: string, rule: FieldIssue["rule"], limit: number | null = null): FieldIssue {
  return { field, rule, limit };
}

/** A free-text field: trimmed by the core, so the trimmed length counts. */
export function checkText(field: string, value: string, max: number, required = false): FieldIssue | null {
  const trimmed = value.trim();
  if (required && trimmed === "") return issue(field, "required");
  if (charCount(trimmed) > max) return issue(field, "too_long", max);
  return null;
}

/** Tags as the core stores them: trimmed, empty ones and case-insensitive duplicates dropped. */
export function normaliseTags(values: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    const tag = value.trim();
    const key = tag.toLowerCase();
    if (tag !== "" && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

/** References as the core stores them: trimmed, empty ones and exact duplicates dropped. */
export function normaliseReferences(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const reference = value.trim();
    if (reference !== "" && !out.includes(reference)) out.push(reference);
  }
  return out;
}

export function checkTags(values: readonly string[]): FieldIssue | null {
  for (const value of values) {
    if (charCount(value.trim()) > LIMITS.tag) return issue("tags", "too_long", LIMITS.tag);
  }
  if (normaliseTags(values).length > LIMITS.tags) return issue("tags", "too_many", LIMITS.tags);
  return null;
}

export function checkReferences(values: readonly string[]): FieldIssue | null {
  for (const value of values) {
    if (charCount(value.trim()) > LIMITS.reference) {
      return issue("references", "too_long", LIMITS.reference);
    }
  }
  if (normaliseReferences(values).length > LIMITS.references) {
    return issue("references", "too_many", LIMITS.references);
  }
  return null;
}

/** Today in the user's own time zone, as YYYY-MM-DD (what `<input type=date>` speaks). */
export function localToday(now: Date = new Date()): string {
  const year = String(now.getFullYear()).padStart(4, "0");
  const month = String(now.getMonth() + 1).padStart(2, "0");
  const day = String(now.getDate()).padStart(2, "0");
  return `${year}-${month}-${day}`;
}

/** A day that is required, real, not in the future and not before the core's earliest year. */
export function checkPastDay(field: string, value: string, today: string = localToday()): FieldIssue | null {
  if (value === "") return issue(field, "required");
  if (!isDay(value)) return issue(field, "invalid");
  if (value > today) return issue(field, "in_future");
  if (Number(value.slice(0, 4)) < LIMITS.earliestYear) return issue(field, "out_of_range");
  return null;
}

/** Arabic-Indic and Persian digits read as the Latin digits they stand for. */
function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

export type ParsedNumber = { ok: true; value: number | null } | { ok: false; issue: FieldIssue };

/**
 * Reads a whole number typed into a score field. Empty means "no value".
 * Accepts Arabic-Indic digits and group separators ("1,200", "١٢٠٠").
 */
export function parseWholeNumber(field: NumberField, text: string): ParsedNumber {
  const cleaned = latinDigits(text).replace(/[\s,\u066c_]/g, "");
  if (cleaned === "") return { ok: true, value: null };
  if (!/^[-+]?\d+$/.test(cleaned)) return { ok: false, issue: issue(field, "invalid") };
  const value = Number(cleaned);
  const { min, max } = RANGES[field];
  if (value < min || value > max) return { ok: false, issue: issue(field, "out_of_range", max) };
  return { ok: true, value };
}

/** The order a problem moves through; later is further along. */
export const STATUS_ORDER: readonly Status[] = ENUMS.problemStatus;

/**
 * Whether the core accepts moving from `from` to `to` (staying put is fine):
 * the core's table (`MOVES.problem`): forward to any later status, back to
 * investigating or actions in progress, and a closed problem only reopens to
 * investigating.
 */
export function canMoveTo(from: Status, to: Status): boolean {
  if (from === to) return true;
  const moves: readonly Status[] = MOVES.problem[from];
  return moves.includes(to);
}

/** The statuses a problem at `from` may move to, in order (without `from` itself). */
export function allowedMoves(from: Status): Status[] {
  return STATUS_ORDER.filter((to) => to !== from && canMoveTo(from, to));
}
