/** Markdown helpers the exports share: escaping user text and naming the file. */
import { exportFileName as fileNameFor } from "./export/fileName";

/** Characters with a meaning anywhere in a line of Markdown (CommonMark inline syntax, HTML, tables). */
const INLINE_SPECIAL = /[\\`*_[\]<>|~&]/g;

/**
 * Escapes one line of user text so Markdown shows it literally: inline
 * syntax everywhere, and what would start a block (heading, list, quote,
 * rule, numbered item) at the start of the line.
 */
function escapeLine(line: string): string {
  let out = line.replace(INLINE_SPECIAL, "\\$&");
  // Leading spaces would turn the line into a code block or a nested item.
  out = out.replace(/^\s+/, "");
  out = out.replace(/^([#+=-])/, "\\$1");
  out = out.replace(/^(\d+)([.)])/, "$1\\$2");
  return out;
}

/** Escapes user text for a Markdown paragraph; line breaks are kept as hard breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim().split("\n").map(escapeLine).join("\\\n");
}

/** A Markdown export's file name from its title (see `exportFileName` in `export/fileName`). */
export function exportFileName(title: string, fallback: string): string {
  return fileNameFor(title, fallback, "md");
}

/**
 * Exported text without the invisible isolation marks (U+2066–U+2069) that
 * translated sentences put around user text on screen: a file keeps the
 * words as typed.
 */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, "");
}
