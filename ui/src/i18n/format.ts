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

/**
 * Embeds a file path left to right (LRE … PDF) inside a sentence of either
 * direction. Paths are always left to right, and WebKitGTK does not apply
 * the first-strong isolate to a leading "/", which then jumps to the far
 * end of the path in an Arabic sentence.
 */
export function leftToRight(text: string): string {
  return `\u202A${text}\u202C`;
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
