import { useLayoutEffect } from "react";
import type { Settings } from "../bindings/Settings";
import i18n, { applyDocumentLanguage, effectiveLanguage } from "../i18n";
import { setNumerals, setWeekStart } from "../i18n/format";

const DARK_QUERY = "(prefers-color-scheme: dark)";

function systemTheme(): "light" | "dark" {
  return typeof window.matchMedia === "function" && window.matchMedia(DARK_QUERY).matches ? "dark" : "light";
}

/** Before the settings arrive, follow the system so a dark desktop gets no light flash. */
export function applyInitialTheme(): void {
  document.documentElement.dataset.theme = systemTheme();
}

/**
 * Applies the language, digits, week start and theme settings: i18next's language
 * and `<html lang dir>`, and `<html data-theme>` ("system" follows the OS
 * live). Layout effects, so the first painted frame is already right.
 */
export function usePreferencesSync(settings: Settings | undefined): void {
  const language = effectiveLanguage(settings?.language);
  useLayoutEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    applyDocumentLanguage(language);
  }, [language]);

  const numerals = settings?.numerals ?? "latin";
  const weekStart = settings?.weekStart ?? "auto";
  useLayoutEffect(() => {
    setNumerals(numerals);
    setWeekStart(weekStart);
  }, [numerals, weekStart]);

  const theme = settings?.theme ?? "system";
  useLayoutEffect(() => {
    const html = document.documentElement;
    if (theme !== "system") {
      html.dataset.theme = theme;
      return;
    }
    const media = typeof window.matchMedia === "function" ? window.matchMedia(DARK_QUERY) : null;
    const apply = () => {
      html.dataset.theme = media?.matches ? "dark" : "light";
    };
    apply();
    media?.addEventListener("change", apply);
    return () => {
      media?.removeEventListener("change", apply);
    };
  }, [theme]);
}
