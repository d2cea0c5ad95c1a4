import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../bindings/Language";
import { isLanguage } from ".";

/**
 * Locales used for Intl formatting. Arabic keeps Latin digits so dates agree
 * with the counts i18next interpolates (which are always Latin digits).
 */
export const INTL_LOCALES: Record<Language, string> = {
  en: "en",
  ar: "ar-u-nu-latn",
};

/** Wraps text in Unicode first-strong isolates so a path or name never reorders the sentence around it. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** A date-and-time formatter for the current UI language. */
export function useDateTimeFormat(): Intl.DateTimeFormat {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "en";
  return useMemo(
    () => new Intl.DateTimeFormat(INTL_LOCALES[language], { dateStyle: "medium", timeStyle: "short" }),
    [language],
  );
}

/** Formats an RFC 3339 timestamp; shows it as-is if it cannot be parsed, rather than failing. */
export function formatTimestamp(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}
