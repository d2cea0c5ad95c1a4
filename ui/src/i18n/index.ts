import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "../bindings/Language";
import arBase from "./ar.json";
import empathyAr from "./areas/empathy.ar.json";
import empathyEn from "./areas/empathy.en.json";
import personasAr from "./areas/personas.ar.json";
import personasEn from "./areas/personas.en.json";
import workshopAr from "./areas/workshop.ar.json";
import workshopEn from "./areas/workshop.en.json";
import enBase from "./en.json";
import { currentNumerals, intlLocale } from "./format";

/**
 * The English resource: the base file plus one file per area (personas,
 * empathy maps, workshop), each owning its own top-level key.
 */
export const en = { ...enBase, ...personasEn, ...empathyEn, ...workshopEn };
/** The Arabic resource, built the same way. */
export const ar = { ...arBase, ...personasAr, ...empathyAr, ...workshopAr };

export const LANGUAGES: readonly Language[] = ["en", "ar"];

export const resources = {
  en: { translation: en },
  ar: { translation: ar },
} as const;

export function isLanguage(value: unknown): value is Language {
  return value === "en" || value === "ar";
}

/** The language to use when the user never chose one: Arabic if the system is Arabic. */
export function languageFromNavigator(tag: string = globalThis.navigator.language): Language {
  return tag.toLowerCase().startsWith("ar") ? "ar" : "en";
}

/** The setting if there is one, else the system's language. */
export function effectiveLanguage(setting: Language | null | undefined): Language {
  return setting ?? languageFromNavigator();
}

export function directionOf(language: Language): "ltr" | "rtl" {
  return language === "ar" ? "rtl" : "ltr";
}

/** Keeps `<html lang dir>` in step with the UI language. */
export function applyDocumentLanguage(language: Language): void {
  const html = document.documentElement;
  html.lang = language;
  html.dir = directionOf(language);
}

/** The current UI language, narrowed to the ones Rootwise ships. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "en";
}

i18n.on("languageChanged", (lng) => {
  applyDocumentLanguage(isLanguage(lng) ? lng : "en");
});

void i18n.use(initReactI18next).init({
  resources,
  lng: languageFromNavigator(),
  fallbackLng: "en",
  supportedLngs: LANGUAGES,
  // Resources are bundled, so initialisation is synchronous.
  initAsync: false,
  interpolation: {
    // React escapes text nodes; translations are never rendered as HTML.
    escapeValue: false,
    // With Arabic digits chosen, numbers (counts) come out in them, like the
    // dates and numbers the UI formats itself; text (titles, names) as it is.
    alwaysFormat: true,
    format: (value: unknown, _format?: string, lng?: string): string =>
      typeof value === "number" && currentNumerals() === "arabic"
        ? new Intl.NumberFormat(intlLocale(isLanguage(lng) ? lng : "en"), { useGrouping: false }).format(
            value,
          )
        : (value as string),
  },
  returnNull: false,
  // Re-render on a change of digits as on a change of language.
  react: { useSuspense: false, bindI18n: "languageChanged formatsChanged" },
  showSupportNotice: false,
});

export default i18n;
