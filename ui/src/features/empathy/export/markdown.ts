/**
 * An empathy map as a Markdown document, in the language asked for: the
 * map's facts, each area's notes (text, author, dots, group) and the notes
 * by votes. Pure, so it is tested without a screen; user text is escaped so
 * it reads back as typed. Hidden notes of a private round are not revealed.
 */
import type { TFunction } from "i18next";
import type { Area } from "../../../bindings/Area";
import type { Board } from "../../../bindings/Board";
import type { Language } from "../../../bindings/Language";
import type { Note } from "../../../bindings/Note";
import { intlLocale } from "../../../i18n/format";
import { escapeMarkdown, exportFileName, withoutIsolates } from "../../../kit/markdown";
import { formatDay } from "../../../i18n/format";
import { AREA_LIST, notesOf } from "../board/model";

/** User text inside a list item: continuation lines are indented to stay in the item. */
function inItem(text: string, indent: string): string {
  return escapeMarkdown(text).replaceAll("\\\n", `\\\n${indent}`);
}

function noteText(t: TFunction, note: Note): string {
  return note.hidden ? `*${t("empathy.markdown.hidden")}*` : inItem(note.text, "  ");
}

function noteDetails(t: TFunction, board: Board, note: Note): string {
  const parts: string[] = [];
  if (note.author.trim() !== "") parts.push(`${t("empathy.markdown.by")} ${escapeMarkdown(note.author)}`);
  parts.push(t("empathy.markdown.voteCount", { count: note.votes }));
  const group = note.groupId === null ? undefined : board.groups.find((g) => g.id === note.groupId);
  if (group !== undefined) parts.push(`${t("empathy.markdown.group")}: ${escapeMarkdown(group.label)}`);
  return parts.join(" · ");
}

/** The map as Markdown, with headings and labels in the language of `t`. */
export function boardMarkdown(board: Board, t: TFunction, language: Language): string {
  const { map } = board;
  const day = new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "long", timeZone: "UTC" });
  const lines: string[] = [`# ${escapeMarkdown(map.title)}`, ""];
  lines.push(`- **${t("empathy.markdown.persona")}:** ${escapeMarkdown(board.persona.name)}`);
  lines.push(`- **${t("empathy.markdown.heldOn")}:** ${formatDay(day, map.heldOn)}`);
  if (map.participants.length > 0) {
    lines.push(
      `- **${t("empathy.markdown.participants")}:** ${map.participants.map(escapeMarkdown).join(t("analyses.export.listSeparator"))}`,
    );
  }
  if (map.problemTitle !== null && map.problemTitle.trim() !== "") {
    lines.push(`- **${t("empathy.markdown.problem")}:** ${escapeMarkdown(map.problemTitle)}`);
  }
  const areaTitle = (area: Area) => t(`empathy.area.${area}.title`);
  for (const area of AREA_LIST) {
    lines.push("", `## ${areaTitle(area)}`, "");
    const notes = notesOf(board.notes, area);
    if (notes.length === 0) lines.push(`*${t("empathy.markdown.noNotes")}*`);
    for (const note of notes) lines.push(`- ${noteText(t, note)} — ${noteDetails(t, board, note)}`);
  }
  lines.push("", `## ${t("empathy.markdown.votes")}`, "");
  const voted = board.notes
    .filter((n) => n.votes > 0 && !n.hidden)
    .sort(
      (a, b) =>
        b.votes - a.votes || AREA_LIST.indexOf(a.area) - AREA_LIST.indexOf(b.area) || a.position - b.position,
    );
  if (voted.length === 0) lines.push(`*${t("empathy.markdown.noVotes")}*`);
  voted.forEach((note, i) => {
    lines.push(
      `${String(i + 1)}. ${inItem(note.text, "   ")} (${areaTitle(note.area)}) — ${t("empathy.markdown.voteCount", { count: note.votes })}`,
    );
  });
  return withoutIsolates(`${lines.join("\n")}\n`);
}

/** A file name from the map's title. */
export function markdownFileName(board: Board, fallback: string): string {
  return exportFileName(board.map.title, fallback);
}
