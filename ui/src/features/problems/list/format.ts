import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { isLanguage } from "../../../i18n";
import { INTL_LOCALES } from "../../../i18n/format";

function useIntlLocale(): string {
  const { i18n } = useTranslation();
  return INTL_LOCALES[isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "en"];
}

/** A formatter for calendar days (`YYYY-MM-DD`, no time of day) in the current UI language. */
export function useDayFormat(): Intl.DateTimeFormat {
  const locale = useIntlLocale();
  // A day is not an instant: format it in UTC so no time zone shifts it to the day before.
  return useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }), [locale]);
}

/** Formats a `YYYY-MM-DD` day; shows it as-is if it cannot be parsed. */
export function formatDay(format: Intl.DateTimeFormat, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : format.format(date);
}

/** Whole numbers with the language's grouping ("1,234"), in Latin digits like the rest of the UI. */
export function useNumberFormat(): Intl.NumberFormat {
  const locale = useIntlLocale();
  return useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }), [locale]);
}

/**
 * Isolates user text (a title, a name) inside a translated sentence, so an
 * Arabic title in an English sentence, or the reverse, keeps its own order
 * and does not pull the punctuation around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
