/**
 * Calendar days (`YYYY-MM-DD`) for the date field: reading what a person
 * typed in the language's own order and digits, and laying out a month.
 * Days are computed in UTC, where they are parsed, so no time zone moves them.
 */
import { isDay } from "../../i18n/format";

const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
/** Direction marks Intl puts between the parts of an Arabic date. */
const MARKS = /[\u200e\u200f\u061c\u2066-\u2069]/g;

/** `text` with Arabic-Indic and Persian digits written as 0–9. */
export function westernDigits(text: string): string {
  return text.replace(EASTERN_DIGITS, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The day `year-month-day` (month 1–12), or null when there is no such day. */
export function toDay(year: number, month: number, day: number): string | null {
  const text = `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
  return isDay(text) ? text : null;
}

function utc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function fromDate(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, "0")}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** `day` moved by `count` days. */
export function addDays(day: string, count: number): string {
  const date = utc(day);
  date.setUTCDate(date.getUTCDate() + count);
  return fromDate(date);
}

/** `day` moved by `count` months, on the same day of the month or the month's last day. */
export function addMonths(day: string, count: number): string {
  const date = utc(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + count, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), last));
  return fromDate(target);
}

/** The weekday of `day`, 0 Sunday … 6 Saturday. */
export function weekdayOf(day: string): number {
  return utc(day).getUTCDay();
}

/** The first day of the week holding `day`, weeks starting on `firstDay` (0 Sunday … 6 Saturday). */
export function startOfWeek(day: string, firstDay: number): string {
  return addDays(day, -((weekdayOf(day) - firstDay + 7) % 7));
}

/**
 * The weeks a month's grid shows, each seven days from `firstDay`: the
 * first holds the month's first day, the last its last day (neighbouring
 * months' days fill the edges).
 */
export function monthWeeks(year: number, month: number, firstDay: number): string[][] {
  const first = toDay(year, month, 1);
  if (first === null) return [];
  const nextMonth = addMonths(first, 1);
  const weeks: string[][] = [];
  for (let start = startOfWeek(first, firstDay); start < nextMonth; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return weeks;
}

type Part = "year" | "month" | "day";

/** The order `locale` writes a numeric date in (["month", "day", "year"] in English). */
export function dayOrder(locale: string): Part[] {
  const parts = new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "numeric",
    day: "numeric",
    timeZone: "UTC",
  }).formatToParts(new Date(Date.UTC(2026, 10, 22)));
  const order = parts
    .map((p) => p.type)
    .filter((t): t is Part => t === "year" || t === "month" || t === "day");
  return order.length === 3 ? order : ["year", "month", "day"];
}

/** The month (1–12) each of `locale`'s month names and abbreviations stands for, lower-cased. */
function monthNames(locale: string): Map<string, number> {
  const names = new Map<string, number>();
  for (const style of ["long", "short"] as const) {
    const format = new Intl.DateTimeFormat(locale, { month: style, timeZone: "UTC" });
    for (let month = 1; month <= 12; month += 1) {
      const name = format.format(new Date(Date.UTC(2026, month - 1, 15)));
      names.set(name.toLocaleLowerCase(locale).replace(/\.$/, ""), month);
    }
  }
  return names;
}

/**
 * The day `text` names, or null: `YYYY-MM-DD`, three numbers in the
 * language's order (a four-digit first number is always the year), or a day
 * and year around a month's name, as the field shows it ("Dec 6, 2026").
 * Arabic-Indic digits and direction marks are allowed.
 */
export function parseDay(text: string, locale: string): string | null {
  const clean = westernDigits(text).replace(MARKS, "").trim().toLocaleLowerCase(locale);
  if (clean === "") return null;
  const numbers = (clean.match(/\d+/g) ?? []).map((n) => ({ text: n, value: Number(n) }));
  const words = (clean.match(/[^\d\s.,/\-–—،٫]+/gu) ?? []).map((w) => w.replace(/\.$/, ""));
  const year = (n: { text: string; value: number }) => (n.text.length <= 2 ? 2000 + n.value : n.value);
  if (words.length > 0) {
    const names = monthNames(locale);
    const months = words.map((w) => names.get(w)).filter((m): m is number => m !== undefined);
    if (months.length !== 1 || numbers.length !== 2) return null;
    const [a, b] = numbers as [(typeof numbers)[0], (typeof numbers)[0]];
    const yearFirst = a.text.length === 4 || (b.text.length !== 4 && a.value > 31);
    const [y, d] = yearFirst ? [a, b] : [b, a];
    return toDay(year(y), months[0] ?? 0, d.value);
  }
  if (numbers.length !== 3) return null;
  const order: Part[] = numbers[0]?.text.length === 4 ? ["year", "month", "day"] : dayOrder(locale);
  const value = (part: Part) => numbers[order.indexOf(part)] ?? { text: "", value: 0 };
  return toDay(year(value("year")), value("month").value, value("day").value);
}

/**
 * A number as typed, in Western or Arabic-Indic digits, with "." or the
 * Arabic decimal separator and any thousands separators; null when it is
 * not one.
 */
export function parseTypedNumber(text: string): number | null {
  const plain = westernDigits(text.trim())
    .replace(/\u066b/g, ".")
    .replace(/[\u066c,\s]/g, "")
    .replace(/\u2212/g, "-");
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return null;
  return Number(plain);
}
