import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { isLanguage } from "../../../i18n";
import { INTL_LOCALES } from "../../../i18n/format";
import { isDay } from "./rules";

/** A formatter for calendar days (YYYY-MM-DD, no time of day) in the current UI language. */
export function useDayFormat(
  options: Intl.DateTimeFormatOptions = { dateStyle: "medium" },
): Intl.DateTimeFormat {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "en";
  const key = JSON.stringify(options);
  return useMemo(
    // A day is the same day everywhere: format it in UTC, where it was parsed.
    () =>
      new Intl.DateTimeFormat(INTL_LOCALES[language], { ...(JSON.parse(key) as object), timeZone: "UTC" }),
    [language, key],
  );
}

/** Formats a YYYY-MM-DD day; anything else is shown as it is. */
export function formatDay(format: Intl.DateTimeFormat, day: string): string {
  if (!isDay(day)) return day;
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return format.format(new Date(Date.UTC(year, month - 1, date)));
}
