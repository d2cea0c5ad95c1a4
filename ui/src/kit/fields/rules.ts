/**
 * The rules the core checks on problem input, mirrored here so a message can
 * show beside a field before any round trip. The core stays the real guard:
 * its errors are always shown too (see `messages.ts`).
 */
import type { FieldError } from "../../bindings/FieldError";
import type { Status } from "../../bindings/Status";
import { isDay } from "../../i18n/format";

export { isDay };

/** One broken rule, as the core reports it (`limit` is null when there is none). */
export type FieldIssue = FieldError;

export const LIMITS = {
  title: 300,
  description: 20_000,
  shortText: 200,
  tag: 50,
  tags: 30,
  reference: 500,
  references: 50,
  note: 5_000,
  ticketRef: 500,
  earliestYear: 1970,
} as const;

/** Inclusive ranges of the numeric fields. */
export const RANGES = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
  customersAffected: { min: 0, max: 1_000_000_000 },
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

/** A day that is required, real, not in the future and not before 1970. */
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
export const STATUS_ORDER: readonly Status[] = [
  "new",
  "investigating",
  "root_cause_found",
  "actions_in_progress",
  "monitoring",
  "closed",
];

/**
 * Whether the core accepts moving from `from` to `to`: forward to any later
 * status, back to investigating or actions in progress, and a closed problem
 * only reopens to investigating.
 */
export function canMoveTo(from: Status, to: Status): boolean {
  if (from === to) return true;
  if (from === "closed") return to === "investigating";
  if (to === "investigating" || to === "actions_in_progress") return true;
  return STATUS_ORDER.indexOf(to) > STATUS_ORDER.indexOf(from);
}

/** The statuses a problem at `from` may move to, in order (without `from` itself). */
export function allowedMoves(from: Status): Status[] {
  return STATUS_ORDER.filter((to) => to !== from && canMoveTo(from, to));
}
