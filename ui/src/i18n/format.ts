import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../bindings/Language";
import type { Numerals } from "../bindings/Numerals";
import type { WeekStart } from "../bindings/WeekStart";
import i18n, { isLanguage } from ".";

let numerals: Numerals = "latin";

/** The digits Arabic is written with (the user's setting); English always uses Western digits. */
export function currentNumerals(): Numerals {
  return numerals;
}

/**
 * Follows the user's digits setting. Components re-render through
 * i18next's "formatsChanged" event (digits or week start), which
 * react-i18next listens to.
 */
export function setNumerals(next: Numerals): void {
  if (next === numerals) return;
  numerals = next;
  i18n.emit("formatsChanged");
}

let weekStart: WeekStart = "auto";

/** Where calendars start their weeks (the user's setting). */
export function setWeekStart(next: WeekStart): void {
  if (next === weekStart) return;
  weekStart = next;
  i18n.emit("formatsChanged");
}

const WEEKDAY: Record<Exclude<WeekStart, "auto">, number> = { sunday: 0, monday: 1, saturday: 6 };

/**
 * The first day of a calendar week in `language` (0 Sunday … 6 Saturday):
 * the setting, or the language's custom (Monday in English, Saturday in Arabic).
 */
export function firstDayOfWeek(language: Language): number {
  if (weekStart !== "auto") return WEEKDAY[weekStart];
  return language === "ar" ? 6 : 1;
}

/**
 * The Intl locale of `language`: in Arabic with the digits the user chose
 * (Western by default), so dates, numbers and the counts i18next
 * interpolates (see the interpolation format in `index.ts`) all agree.
 */
export function intlLocale(language: Language): string {
  if (language === "en") return "en";
  return numerals === "arabic" ? "ar-u-nu-arab" : "ar-u-nu-latn";
}

/**
 * Embeds a file path left to right (LRE … PDF) inside a sentence of either
 * direction. Paths are always left to right, and WebKitGTK does not apply
 * the first-strong isolate to a leading "/", which then jumps to the far
 * end of the path in an Arabic sentence.
 */
export function leftToRight(text: string): string {
  return `\u202A${text}\u202C`;
}

/** The Intl locale of the current UI language (re-rendering when the language or digits change). */
export function useIntlLocale(): string {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "en";
  return intlLocale(language);
}

/** A date-and-time formatter for the current UI language. */
export function useDateTimeFormat(): Intl.DateTimeFormat {
  const locale = useIntlLocale();
  return useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }),
    [locale],
  );
}

/** Formats an RFC 3339 timestamp; shows it as-is if it cannot be parsed, rather than failing. */
export function formatTimestamp(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day written `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A formatter for calendar days (`YYYY-MM-DD`, no time of day) in the current UI language. */
export function useDayFormat(
  options: Intl.DateTimeFormatOptions = { dateStyle: "medium" },
): Intl.DateTimeFormat {
  const locale = useIntlLocale();
  const key = JSON.stringify(options);
  return useMemo(
    // A day is the same day everywhere: format it in UTC, where it was parsed.
    () => new Intl.DateTimeFormat(locale, { ...(JSON.parse(key) as object), timeZone: "UTC" }),
    [locale, key],
  );
}

/** Formats a `YYYY-MM-DD` day; anything else is shown as it is. */
export function formatDay(format: Intl.DateTimeFormat, day: string): string {
  if (!isDay(day)) return day;
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return format.format(new Date(Date.UTC(year, month - 1, date)));
}

/** Whole numbers with the language's grouping ("1,234"), in the digits the user chose. */
export function useNumberFormat(): Intl.NumberFormat {
  const locale = useIntlLocale();
  return useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }), [locale]);
}

/**
 * Isolates user text (a title, a name) inside a translated sentence, so an
 * Arabic title in an English sentence, or the reverse, keeps its own order
 * and does not pull the punctuation around it. `t()` already does this for
 * every user-text variable (`USER_TEXT_VARIABLES` in index.ts); this is for
 * text put together outside `t()`. Isolating twice changes nothing.
 */
export function isolate(text: string): string {
  return text.startsWith("\u2068") && text.endsWith("\u2069") ? text : `\u2068${text}\u2069`;
}
