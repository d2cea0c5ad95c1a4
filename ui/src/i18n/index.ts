import i18n, { type FormatFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "../bindings/Language";
import arBase from "./ar.json";
import empathyAr from "./areas/empathy.ar.json";
import empathyEn from "./areas/empathy.en.json";
import personasAr from "./areas/personas.ar.json";
import personasEn from "./areas/personas.en.json";
import workshopAr from "./areas/workshop.ar.json";
import workshopEn from "./areas/workshop.en.json";
import helpdeskAr from "./areas/helpdesk.ar.json";
import helpdeskEn from "./areas/helpdesk.en.json";
import journeysAr from "./areas/journeys.ar.json";
import journeysEn from "./areas/journeys.en.json";
import metricsAr from "./areas/metrics.ar.json";
import metricsEn from "./areas/metrics.en.json";
import enBase from "./en.json";
import { currentNumerals, intlLocale } from "./format";

/**
 * The English resource: the base file plus one file per area (personas,
 * empathy maps, workshop, metrics, journeys, help-desk import), each owning its own top-level key.
 */
export const en = { ...enBase, ...personasEn, ...empathyEn, ...workshopEn, ...metricsEn, ...journeysEn, ...helpdeskEn };
/** The Arabic resource, built the same way. */
export const ar = { ...arBase, ...personasAr, ...empathyAr, ...workshopAr, ...metricsAr, ...journeysAr, ...helpdeskAr };

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

/**
 * The variables that carry user text (a title, a name, a note…) into a
 * translated sentence. Whatever language it is written in, such a value is
 * isolated (U+2068 … U+2069), so an Arabic title in an English sentence, or
 * "Why: …" in an Arabic one, keeps its own order and does not pull the
 * label's punctuation ("… :Why"). This is the one place it happens: no call
 * needs `isolate`. A translation that builds stored text (a prefilled title)
 * opts out with `{{title, raw}}`.
 */
export const USER_TEXT_VARIABLES: ReadonlySet<string> = new Set([
  "title",
  "text",
  "name",
  "label",
  "cause",
  "effect",
  "author",
  "voter",
  "problem",
  "analysis",
  "tag",
  "segment",
  "reference",
  "owner",
  "value",
  "column",
  "action",
  "method",
  "deleter",
  "editor",
  "parent",
  "ticket",
  "list",
]);

/** Isolates `value` if it is user text passed as `variable` (see `USER_TEXT_VARIABLES`). */
export function isolateUserText(
  value: unknown,
  format: string | undefined,
  variable: string | undefined,
): unknown {
  if (format === "raw" || typeof value !== "string" || variable === undefined) return value;
  if (!USER_TEXT_VARIABLES.has(variable)) return value;
  // Already isolated (by `isolate` in format.ts): leave it.
  return value.startsWith("\u2068") && value.endsWith("\u2069") ? value : `\u2068${value}\u2069`;
}

/** A count in the digits the user chose for `lng` (Western unless Arabic-Indic was chosen for Arabic). */
function localDigits(value: number, lng: string | undefined): string | number {
  if (currentNumerals() !== "arabic" || lng !== "ar") return value;
  return new Intl.NumberFormat(intlLocale("ar"), { useGrouping: false }).format(value);
}

/**
 * i18next's format hook: every interpolated value passes here
 * (`alwaysFormat`). User text is isolated; numbers come out in the
 * language's digits; anything else goes through unchanged.
 */
const interpolatedValue: FormatFunction = (value, format, lng, options) => {
  if (typeof value === "number") return localDigits(value, lng) as string;
  const variable: unknown = options?.interpolationkey;
  return isolateUserText(value, format, typeof variable === "string" ? variable : undefined) as string;
};

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
    // Every value goes through `interpolatedValue`: user text is isolated,
    // counts follow the digits the user chose.
    alwaysFormat: true,
    format: interpolatedValue,
  },
  returnNull: false,
  // Re-render on a change of digits as on a change of language.
  react: { useSuspense: false, bindI18n: "languageChanged formatsChanged" },
  showSupportNotice: false,
});

export default i18n;
