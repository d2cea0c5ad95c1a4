/** What the persona screens share: the quote sources, the core's limits, initials and text matching. */
import type { QuoteSource } from "../../bindings/QuoteSource";
import { ENUMS, LIMITS } from "../../bindings/rules";

/** Where a customer's words can come from, in the order the form offers them (the core's). */
export const QUOTE_SOURCES: readonly QuoteSource[] = ENUMS.quoteSource;

export function isQuoteSource(value: string): value is QuoteSource {
  return (QUOTE_SOURCES as readonly string[]).includes(value);
}

/** The lengths the core accepts (code points, after trimming), by field. */
export const PERSONA_LIMITS = LIMITS.persona;

/**
 * Folds text for matching as the core's search does: Arabic with or without
 * diacritics, tatweel or another form of alef matches; case and accents fold.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .toLowerCase();
}

/** True when every word of `query` appears in one of `texts`. */
export function matchesAll(query: string, texts: readonly string[]): boolean {
  const words = foldText(query)
    .split(/\s+/u)
    .filter((w) => w !== "");
  if (words.length === 0) return true;
  const haystack = texts.map(foldText).join("\n");
  return words.every((w) => haystack.includes(w));
}

/** A short form of a long text, for messages that name it. */
export function shorten(text: string, max = 60): string {
  const chars = Array.from(text.trim().replace(/\s+/gu, " "));
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}
