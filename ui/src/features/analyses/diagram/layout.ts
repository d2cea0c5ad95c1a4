/**
 * The diagram's layout: a pure function from a why-tree to positioned boxes
 * and edges, shared by the on-screen diagram (xyflow) and the SVG/PNG export
 * so both show exactly the same picture.
 *
 * The problem sits at the start side (left in English, right in Arabic) and
 * the causes fan out towards the end side, one column per why. Boxes have a
 * fixed width; their height follows the number of wrapped text lines, and
 * d3-hierarchy's tidy tree (Reingold–Tilford) keeps them apart.
 */
import { hierarchy, tree as d3tree, type HierarchyPointNode } from "d3-hierarchy";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import type { CheckKind } from "../../../bindings/CheckKind";
import type { WhyNode } from "../../../bindings/WhyNode";
import { indexTree } from "../model/tree";
import { textDirection } from "../../../kit/export/scene/scene";

export type Direction = "ltr" | "rtl";

/** Id of the problem node (why-node ids are UUIDs, so it cannot clash). */
export const PROBLEM_ID = "problem";

/** Box geometry, in CSS pixels at zoom 1. Mirrored by diagram.css. */
export const GEOMETRY = {
  nodeWidth: 240,
  problemWidth: 260,
  /** Horizontal room between two columns (edges and AND badges live here). */
  columnGap: 100,
  padBlock: 8,
  padInline: 10,
  /** Border allowance (the thick root-cause border) on each side. */
  border: 3,
  /** The row with the status, root-cause label and badges. */
  header: 18,
  headerGap: 4,
  lineHeight: 18,
  fontSize: 13,
  /** Vertical gap between siblings, and between cousins. */
  siblingGap: 16,
  cousinGap: 32,
} as const;

/** Width available to text inside a box of `width` (2 px spare for kerning between words). */
export function textWidth(width: number): number {
  return width - 2 * (GEOMETRY.padInline + GEOMETRY.border) - 2;
}

/** Measures the width of `text` in pixels, in the regular or bold face at GEOMETRY.fontSize. */
export type Measure = (text: string, bold: boolean) => number;

/** Advance widths (px at 13 px) of Noto Sans, roughly, by character class. */
function charWidth(code: number): number {
  if (code === 32) return 3.6;
  // Arabic and its presentation forms
  if ((code >= 0x0590 && code <= 0x08ff) || (code >= 0xfb1d && code <= 0xfefc)) return 6.6;
  // i l j . , : ; ' | !
  if (
    code === 105 ||
    code === 108 ||
    code === 106 ||
    code === 46 ||
    code === 44 ||
    code === 58 ||
    code === 59 ||
    code === 39 ||
    code === 124 ||
    code === 33
  )
    return 3.8;
  // capitals, m and w
  if ((code >= 65 && code <= 90) || code === 109 || code === 119) return 9.4;
  return 7.4;
}

/**
 * A measure that needs no DOM (tests, benchmarks, and before the canvas is
 * available): average advance widths of Noto Sans at 13 px, a little generous
 * so the real text never overflows its box.
 */
export const estimateWidth: Measure = (text, bold) => {
  let width = 0;
  for (let i = 0; i < text.length; i++) width += charWidth(text.charCodeAt(i));
  return bold ? width * 1.06 : width;
};

/**
 * Greedy word wrap of `text` into lines no wider than `maxWidth`; over-long
 * words are cut. Words are measured once each and summed with the width of a
 * space, which keeps a 1,000-node layout fast.
 */
export function wrapLines(text: string, maxWidth: number, measure: Measure, bold = false): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const space = measure(" ", bold);
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  const push = (word: string, width: number) => {
    if (line === "") {
      line = word;
      lineWidth = width;
    } else if (lineWidth + space + width <= maxWidth) {
      line = `${line} ${word}`;
      lineWidth += space + width;
    } else {
      lines.push(line);
      line = word;
      lineWidth = width;
    }
  };
  for (const word of words) {
    const width = measure(word, bold);
    if (width <= maxWidth) {
      push(word, width);
      continue;
    }
    // A word wider than the box (a URL, a long identifier): cut it.
    let piece = "";
    for (const ch of word) {
      if (piece !== "" && measure(piece + ch, bold) > maxWidth) {
        push(piece, measure(piece, bold));
        piece = "";
      }
      piece += ch;
    }
    if (piece !== "") push(piece, measure(piece, bold));
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** One positioned box. `x`/`y` are the top-left corner. */
export interface LaidOutNode {
  id: string;
  kind: "problem" | "why";
  x: number;
  y: number;
  width: number;
  height: number;
  /** 0 for the problem, 1 for its direct causes, ... */
  depth: number;
  /** The text, wrapped. */
  lines: string[];
  /** Direction of the text itself (first strong character). */
  textDir: Direction;
  /** The cause; null for the problem node. */
  why: WhyNode | null;
  /** What the checks found on this node. */
  checks: CheckKind[];
}

/** An edge from an effect to one of its causes. */
export interface LaidOutEdge {
  id: string;
  source: string;
  target: string;
  /** The cause is marked AND (needed together with its AND-marked siblings). */
  joint: boolean;
}

export interface Layout {
  direction: Direction;
  /** The problem first, then the causes depth first. */
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  width: number;
  height: number;
}

export interface LayoutOptions {
  measure?: Measure;
  /** Shown for a cause with no text yet. */
  emptyText?: string;
}

interface Item {
  id: string;
  height: number;
  children: Item[];
}

/** Lays out `tree` with the problem at the start side of `direction`. */
export function layout(tree: AnalysisTree, direction: Direction, options: LayoutOptions = {}): Layout {
  const measure = options.measure ?? estimateWidth;
  const emptyText = options.emptyText ?? "…";
  const g = GEOMETRY;
  const index = indexTree(tree);
  const chrome = 2 * (g.padBlock + g.border) + g.header + g.headerGap;

  const problemText = tree.problem.title.trim() === "" ? emptyText : tree.problem.title;
  const problemLines = wrapLines(problemText, textWidth(g.problemWidth), measure, true);
  const boxes = new Map<string, LaidOutNode>();
  boxes.set(PROBLEM_ID, {
    id: PROBLEM_ID,
    kind: "problem",
    x: 0,
    y: 0,
    width: g.problemWidth,
    height: chrome + Math.max(1, problemLines.length) * g.lineHeight,
    depth: 0,
    lines: problemLines,
    textDir: textDirection(problemText, direction),
    why: null,
    checks: [],
  });
  for (const why of tree.nodes) {
    const text = why.text.trim() === "" ? emptyText : why.text;
    const lines = wrapLines(text, textWidth(g.nodeWidth), measure);
    boxes.set(why.id, {
      id: why.id,
      kind: "why",
      x: 0,
      y: 0,
      width: g.nodeWidth,
      height: chrome + Math.max(1, lines.length) * g.lineHeight,
      depth: 0,
      lines,
      textDir: textDirection(text, direction),
      why,
      checks: index.checks.get(why.id) ?? [],
    });
  }

  // The hierarchy: the problem is the root; a cause whose parent is missing
  // (should not happen) hangs off the problem rather than vanishing.
  const items = new Map<string, Item>();
  const itemOf = (id: string): Item => {
    let item = items.get(id);
    if (item === undefined) {
      item = { id, height: boxes.get(id)?.height ?? 0, children: [] };
      items.set(id, item);
    }
    return item;
  };
  const root = itemOf(PROBLEM_ID);
  for (const [parentId, children] of index.children) {
    const parent = parentId === null || !index.byId.has(parentId) ? root : itemOf(parentId);
    for (const child of children) parent.children.push(itemOf(child.id));
  }
  const edges: LaidOutEdge[] = tree.nodes.map((why) => {
    const source = why.parentId !== null && index.byId.has(why.parentId) ? why.parentId : PROBLEM_ID;
    return { id: `${source}->${why.id}`, source, target: why.id, joint: why.joint };
  });

  const heightOf = (n: HierarchyPointNode<Item>) => n.data.height;
  const points = d3tree<Item>()
    .nodeSize([1, g.nodeWidth + g.columnGap])
    .separation(
      (a, b) => (heightOf(a) + heightOf(b)) / 2 + (a.parent === b.parent ? g.siblingGap : g.cousinGap),
    )(hierarchy(root, (d) => d.children));

  // Column start of depth d (LTR): causes at d × column, the problem ends one gap before column 1.
  const column = g.nodeWidth + g.columnGap;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  points.each((p) => {
    const box = boxes.get(p.data.id);
    if (box === undefined) return;
    box.depth = p.depth;
    box.x = p.depth === 0 ? column - g.columnGap - box.width : p.depth * column;
    box.y = p.x - box.height / 2;
    minX = Math.min(minX, box.x);
    minY = Math.min(minY, box.y);
    maxX = Math.max(maxX, box.x + box.width);
    maxY = Math.max(maxY, box.y + box.height);
  });
  const width = maxX - minX;
  const height = maxY - minY;
  const nodes = [...boxes.values()];
  for (const box of nodes) {
    const x = box.x - minX;
    // RTL mirrors the picture: the problem at the right, causes flowing leftwards.
    box.x = direction === "rtl" ? width - x - box.width : x;
    box.y -= minY;
  }
  return { direction, nodes, edges, width, height };
}

/** Anchor points of an edge: the effect's end side and the cause's start side, mid-height. */
export function edgeEnds(
  layoutDirection: Direction,
  source: LaidOutNode,
  target: LaidOutNode,
): { sx: number; sy: number; tx: number; ty: number } {
  const rtl = layoutDirection === "rtl";
  return {
    sx: rtl ? source.x : source.x + source.width,
    sy: source.y + source.height / 2,
    tx: rtl ? target.x + target.width : target.x,
    ty: target.y + target.height / 2,
  };
}

/** The cubic Bézier between two anchors, as an SVG path (the same curve xyflow draws). */
export function edgePath(sx: number, sy: number, tx: number, ty: number): string {
  const mid = (sx + tx) / 2;
  return `M${r(sx)},${r(sy)} C${r(mid)},${r(sy)} ${r(mid)},${r(ty)} ${r(tx)},${r(ty)}`;
}

function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}
