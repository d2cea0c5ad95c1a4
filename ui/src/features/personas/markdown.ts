/**
 * A persona as a Markdown document in the language asked for: its quotes
 * (the heart of it) with source, reference and day, every field written in,
 * the problems that hurt it and its empathy maps. Pure, so it is tested
 * without a screen; user text is escaped so it reads back exactly as typed.
 */
import type { TFunction } from "i18next";
import type { Language } from "../../bindings/Language";
import type { PersonaDetail } from "../../bindings/PersonaDetail";
import type { Quote } from "../../bindings/Quote";
import { intlLocale } from "../../i18n/format";
import { escapeMarkdown, exportFileName, withoutIsolates } from "../../kit/markdown";
import { localToday } from "../../kit/fields";
import { formatDay } from "../../i18n/format";
import type { PersonaTextField } from "./PersonaFields";

/** The profile's fields in the order the page shows them (the name is the title). */
export const PROFILE_FIELDS: readonly Exclude<PersonaTextField, "name">[] = [
  "role",
  "segment",
  "goals",
  "painPoints",
  "triggers",
  "fears",
  "story",
  "demographics",
];

/** Escapes user text in the middle of a line: only inline syntax has a meaning there. */
function escapeInline(text: string): string {
  return text
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/[\\`*_[\]<>|~&]/g, "\\$&");
}

function dayFormat(language: Language): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "long", timeZone: "UTC" });
}

/** A block quote: every line of the words, then where and when they were heard. */
function quoteLines(t: TFunction, quote: Quote, days: Intl.DateTimeFormat): string[] {
  const words = t("personas.quote.marks", { text: escapeMarkdown(quote.text) });
  const source = [
    t(`personas.source.${quote.source}`),
    ...(quote.reference.trim() === "" ? [] : [escapeInline(quote.reference)]),
    formatDay(days, quote.saidOn),
  ].join(" · ");
  return [...words.split("\n").map((line) => `> ${line}`), ">", `> — ${source}`, ""];
}

/** The persona as Markdown, with headings in `language` (`t` fixed to it). */
export function personaMarkdown(
  detail: PersonaDetail,
  t: TFunction,
  language: Language,
  exportedOn: string = localToday(),
): string {
  const { persona } = detail;
  const days = dayFormat(language);
  const lines: string[] = [
    `# ${escapeMarkdown(persona.name)}`,
    "",
    `*${t("personas.markdown.persona")}*`,
    "",
  ];

  lines.push(`## ${t("personas.markdown.quotes")}`, "");
  if (detail.quotes.length === 0) lines.push(t("personas.markdown.none"), "");
  for (const quote of detail.quotes) lines.push(...quoteLines(t, quote, days));

  lines.push(`## ${t("personas.markdown.profile")}`, "");
  for (const field of PROFILE_FIELDS) {
    const value = persona[field];
    if (value.trim() === "") continue;
    lines.push(`### ${t(`personas.field.${field}`)}`, "", escapeMarkdown(value), "");
  }
  if (persona.channels.length > 0) {
    const list = new Intl.ListFormat(intlLocale(language), { type: "conjunction" });
    lines.push(
      `### ${t("personas.field.channels")}`,
      "",
      list.format(persona.channels.map((c) => t(`problem.channel.${c}`))),
      "",
    );
  }

  lines.push(`## ${t("personas.markdown.problems")}`, "");
  if (detail.problems.length === 0) lines.push(t("personas.markdown.none"), "");
  else {
    for (const p of detail.problems) {
      lines.push(`- ${escapeMarkdown(p.title)} (${t(`problem.status.${p.status}`)})`);
    }
    lines.push("");
  }

  lines.push(`## ${t("personas.markdown.maps")}`, "");
  if (detail.maps.length === 0) lines.push(t("personas.markdown.none"), "");
  else {
    for (const m of detail.maps) {
      lines.push(
        `- ${escapeMarkdown(m.title)} — ${formatDay(days, m.heldOn)} (${t("personas.maps.notes", { count: m.noteCount })})`,
      );
    }
    lines.push("");
  }

  lines.push("---", "", `*${t("personas.markdown.exported", { date: formatDay(days, exportedOn) })}*`, "");
  return withoutIsolates(lines.join("\n"));
}

/** The file name an export of `name` is offered under. */
export function personaFileName(name: string, fallback: string): string {
  return exportFileName(name, fallback);
}
