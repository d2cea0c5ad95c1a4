/** Line breaking for pictures drawn by hand (canvas, SVG), which have no text layout of their own. */

/** Breaks `text` into at most `max` lines that fit `width`, the last one cut with an ellipsis. */
export function wrapText(measure: (s: string) => number, text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const candidate = line === "" ? word : `${line} ${word}`;
      if (measure(candidate) <= width || line === "") {
        line = candidate;
      } else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = `${kept[max - 1] ?? ""}…`;
  while (last.length > 1 && measure(last) > width) last = `${last.slice(0, -2)}…`;
  kept[max - 1] = last;
  return kept;
}
