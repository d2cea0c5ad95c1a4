import { describe, expect, it } from "vitest";

/** Our own stylesheets, as text (fontsource's files are not ours and hold only @font-face). */
const stylesheets = import.meta.glob<string>("/src/**/*.css", {
  query: "?raw",
  import: "default",
  eager: true,
});

/** Shorthands whose 4-value form sets left and right separately. */
const BOX_SHORTHANDS = new Set([
  "margin",
  "padding",
  "inset",
  "border-width",
  "border-style",
  "border-color",
  "border-radius",
  "scroll-margin",
  "scroll-padding",
]);

export interface Violation {
  line: number;
  declaration: string;
}

/** Count of top-level (not parenthesised) space-separated values. */
function valueCount(value: string): number {
  let depth = 0;
  let count = 0;
  let inToken = false;
  for (const ch of value) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    const space = /\s/.test(ch) && depth === 0;
    if (!space && !inToken) count++;
    inToken = !space;
  }
  return count;
}

/**
 * Declarations that name a physical side: `left`/`right` in a property name
 * (margin-left, border-top-right-radius, left:) or value (text-align: left,
 * float: right), or a 4-value box shorthand (margin: 0 1rem 0 2rem).
 */
export function findPhysicalDeclarations(css: string): Violation[] {
  // Blank out comments but keep line numbers.
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "));
  const violations: Violation[] = [];
  const declaration = /([-\w]+)\s*:\s*([^;{}]+?)\s*(?=;|})/g;
  for (const match of text.matchAll(declaration)) {
    const property = (match[1] ?? "").toLowerCase();
    const value = (match[2] ?? "")
      .toLowerCase()
      .replace(/!important$/, "")
      .trim();
    const physical =
      /(^|-)(left|right)(-|$)/.test(property) ||
      /(^|[^-\w])(left|right)([^-\w]|$)/.test(value) ||
      (BOX_SHORTHANDS.has(property) && valueCount(value) === 4);
    if (physical) {
      const line = text.slice(0, match.index).split("\n").length;
      violations.push({ line, declaration: `${property}: ${value}` });
    }
  }
  return violations;
}

describe("CSS uses logical properties only", () => {
  it("finds our stylesheets", () => {
    expect(Object.keys(stylesheets).length).toBeGreaterThanOrEqual(4);
  });

  it.each(Object.entries(stylesheets))("%s has no physical left/right", (_file, css) => {
    // An empty string would mean the test runner did not load the file: fail rather than pass vacuously.
    expect(css.trim()).not.toBe("");
    expect(findPhysicalDeclarations(css)).toEqual([]);
  });

  it("catches physical declarations", () => {
    const bad = `
      .a { margin-left: 1px; }
      .b { padding-right: 2px; border-top-left-radius: 3px }
      .c { text-align: right; float: left; }
      .d { left: 0; }
      .e { margin: 0 1px 0 2px; }
      .f:hover { color: red; }`;
    expect(findPhysicalDeclarations(bad).map((v) => v.declaration)).toEqual([
      "margin-left: 1px",
      "padding-right: 2px",
      "border-top-left-radius: 3px",
      "text-align: right",
      "float: left",
      "left: 0",
      "margin: 0 1px 0 2px",
    ]);
  });

  it("accepts logical declarations", () => {
    const good = `
      /* margin-left would be wrong here */
      .a { margin-inline-start: 1px; padding-inline: 2px 3px; inset-inline-start: 0; }
      .b { text-align: start; border-inline-end: 1px solid; border-start-end-radius: 2px; }
      .c:has(input:checked) { margin: 0 auto; }`;
    expect(findPhysicalDeclarations(good)).toEqual([]);
  });
});
