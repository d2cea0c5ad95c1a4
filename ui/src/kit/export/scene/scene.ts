/**
 * A picture as a flat list of shapes (boxes, paths, text lines) for the
 * exports: the SVG export serialises it, the PNG export draws it. Features
 * build their scene (a 5-Whys diagram, a journey map) in their own layout;
 * exports always use a light palette, as they end up in documents.
 */
import { CANVAS_FONT_FAMILY } from "../../pageFonts";

/** Which way a line of text runs. */
export type TextDir = "ltr" | "rtl";

export type Shape =
  | {
      kind: "rect";
      x: number;
      y: number;
      w: number;
      h: number;
      rx: number;
      fill: string;
      stroke: string;
      strokeWidth: number;
      dash: number[];
    }
  | { kind: "path"; d: string; stroke: string; strokeWidth: number; fill: string; dash?: number[] }
  | {
      kind: "text";
      x: number;
      y: number;
      text: string;
      dir: TextDir;
      anchor: "start" | "middle";
      size: number;
      weight: 400 | 600;
      fill: string;
      strike: boolean;
    };

export interface Scene {
  width: number;
  height: number;
  background: string;
  shapes: Shape[];
}

export const SCENE_FONT = CANVAS_FONT_FAMILY;

/** A text shape; `anchor` "start" is the side the text begins on (the right in RTL). */
export function textShape(
  x: number,
  y: number,
  value: string,
  dir: TextDir,
  anchor: "start" | "middle",
  size: number,
  weight: 400 | 600,
  fill: string,
  strike = false,
): Shape {
  return { kind: "text", x, y, text: value, dir, anchor, size, weight, fill, strike };
}

/** A rectangle with no dash. */
export function rectShape(
  x: number,
  y: number,
  w: number,
  h: number,
  fill: string,
  stroke: string,
  strokeWidth = 1,
  rx = 0,
): Shape {
  return { kind: "rect", x, y, w, h, rx, fill, stroke, strokeWidth, dash: [] };
}

const ARABIC = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const STRONG = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefcA-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/;

/** Direction of `text` from its first strong character (as `dir="auto"` does), else `fallback`. */
export function textDirection(text: string, fallback: TextDir): TextDir {
  const first = STRONG.exec(text)?.[0];
  if (first === undefined) return fallback;
  return ARABIC.test(first) ? "rtl" : "ltr";
}
