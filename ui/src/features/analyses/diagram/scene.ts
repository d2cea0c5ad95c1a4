/**
 * The diagram as a flat list of shapes (boxes, curves, text lines) for the
 * exports. The SVG export serialises it; the PNG fallback paints it on a
 * canvas. Both therefore draw the same picture as the layout on screen.
 * Exports always use the light palette: they end up in documents and slides.
 */
import type { WhyStatus } from "../../../bindings/WhyStatus";
import { type Scene, type Shape, textShape as text } from "../../../kit/export/scene/scene";

import { type Direction, GEOMETRY, type LaidOutNode, type Layout, edgeEnds, edgePath } from "./layout";

export interface SceneLabels {
  /** The analysis title (the SVG's <title>). */
  title: string;
  problem: string;
  rootCause: string;
  joint: string;
  status: Record<WhyStatus, string>;
}

const MARGIN = 24;
const C = {
  background: "#ffffff",
  text: "#1b1b1f",
  muted: "#5c5c66",
  faint: "#8a8a94",
  box: "#ffffff",
  border: "#8f8f9b",
  confirmed: "#067647",
  ruledOutBox: "#f3f3f5",
  ruledOutBorder: "#c4c4cc",
  accent: "#4f46e5",
  accentSoft: "#eef0ff",
  edge: "#9a9aa6",
  joint: "#b45309",
  jointSoft: "#fff7ed",
  danger: "#b42318",
  dangerSoft: "#fef3f2",
};

/** The shapes of `layout`, offset by a margin. */
export function buildScene(layout: Layout, labels: SceneLabels): Scene {
  const shapes: Shape[] = [];
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const rtl = layout.direction === "rtl";
  const dx = MARGIN;
  const dy = MARGIN;

  // Edges first, under the boxes.
  for (const edge of layout.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (source === undefined || target === undefined) continue;
    const { sx, sy, tx, ty } = edgeEnds(layout.direction, source, target);
    const color = edge.joint ? C.joint : C.edge;
    // Stop the curve at the arrow's base; the arrow head points at the cause.
    const head = 8;
    const baseX = rtl ? tx + head : tx - head;
    shapes.push({
      kind: "path",
      d: edgePath(sx + dx, sy + dy, baseX + dx, ty + dy),
      stroke: color,
      strokeWidth: edge.joint ? 2 : 1.5,
      fill: "none",
    });
    shapes.push({
      kind: "path",
      d: `M${tx + dx},${ty + dy} L${baseX + dx},${ty + dy - 4.5} L${baseX + dx},${ty + dy + 4.5} Z`,
      stroke: "none",
      strokeWidth: 0,
      fill: color,
    });
    if (edge.joint) {
      const w = Math.max(28, labels.joint.length * 8 + 14);
      const cx = (sx + baseX) / 2 + dx;
      const cy = (sy + ty) / 2 + dy;
      shapes.push({
        kind: "rect",
        x: cx - w / 2,
        y: cy - 9,
        w,
        h: 18,
        rx: 9,
        fill: C.jointSoft,
        stroke: C.joint,
        strokeWidth: 1,
        dash: [],
      });
      shapes.push(text(cx, cy + 4, labels.joint, layout.direction, "middle", 11, 600, C.joint, false));
    }
  }

  for (const node of layout.nodes) shapes.push(...nodeShapes(node, layout.direction, labels, dx, dy));

  return {
    width: Math.ceil(layout.width + 2 * MARGIN),
    height: Math.ceil(layout.height + 2 * MARGIN),
    background: C.background,
    shapes,
  };
}

function nodeShapes(
  node: LaidOutNode,
  direction: Direction,
  labels: SceneLabels,
  dx: number,
  dy: number,
): Shape[] {
  const g = GEOMETRY;
  const out: Shape[] = [];
  const why = node.why;
  const x = node.x + dx;
  const y = node.y + dy;
  const status = why?.status ?? "confirmed";
  const ruledOut = why !== null && status === "ruled_out";
  const root = why?.rootCause === true;

  let stroke = C.border;
  let strokeWidth = 1.5;
  let dash: number[] = [];
  let fill = C.box;
  if (why === null) {
    stroke = C.accent;
    strokeWidth = 2;
    fill = C.accentSoft;
  } else if (ruledOut) {
    stroke = C.ruledOutBorder;
    fill = C.ruledOutBox;
  } else if (status === "hypothesis") {
    dash = [5, 3];
  } else {
    stroke = C.confirmed;
  }
  if (root) {
    stroke = C.accent;
    strokeWidth = 3;
  }
  const inset = strokeWidth / 2;
  out.push({
    kind: "rect",
    x: x + inset,
    y: y + inset,
    w: node.width - strokeWidth,
    h: node.height - strokeWidth,
    rx: 6,
    fill,
    stroke,
    strokeWidth,
    dash,
  });

  const rtl = direction === "rtl";
  const pad = g.border + g.padInline;
  const startX = rtl ? x + node.width - pad : x + pad;
  const endX = rtl ? x + pad : x + node.width - pad;
  const headerBaseline = y + g.border + g.padBlock + 13;

  // Header: what the node is, at the start side; badges at the end side.
  let header: string;
  let headerColor = C.muted;
  if (why === null) {
    header = labels.problem;
    headerColor = C.accent;
  } else if (root) {
    header = `${labels.rootCause} · ${labels.status[status]}`;
    headerColor = C.accent;
  } else {
    header = labels.status[status];
  }
  out.push(text(startX, headerBaseline, header, direction, "start", 11, 600, headerColor, false));

  let badgeEdge = endX;
  const badge = (value: string, color: string, soft: string, icon: boolean) => {
    const iconRoom = icon ? 10 : 0;
    const w = value.length * 7 + 12 + iconRoom;
    const bx = rtl ? badgeEdge : badgeEdge - w;
    out.push({
      kind: "rect",
      x: bx,
      y: headerBaseline - 12,
      w,
      h: 16,
      rx: 8,
      fill: soft,
      stroke: color,
      strokeWidth: 1,
      dash: [],
    });
    if (icon) {
      // A small sheet of paper: the evidence.
      out.push({
        kind: "rect",
        x: bx + 6,
        y: headerBaseline - 9,
        w: 7,
        h: 9,
        rx: 1,
        fill: "none",
        stroke: color,
        strokeWidth: 1,
        dash: [],
      });
    }
    out.push(text(bx + (w + iconRoom) / 2, headerBaseline, value, "ltr", "middle", 11, 600, color, false));
    badgeEdge = rtl ? bx + w + 4 : bx - 4;
  };
  if (node.checks.length > 0) badge(`! ${node.checks.length}`, C.danger, C.dangerSoft, false);
  if (why !== null && why.evidence.length > 0) badge(String(why.evidence.length), C.muted, C.box, true);

  // The text, one <text> per wrapped line, aligned to its own start.
  const textRtl = node.textDir === "rtl";
  const lineX = textRtl ? x + node.width - pad : x + pad;
  const firstBaseline = y + g.border + g.padBlock + g.header + g.headerGap + 13.5;
  node.lines.forEach((line, i) => {
    out.push(
      text(
        lineX,
        firstBaseline + i * g.lineHeight,
        line,
        node.textDir,
        "start",
        g.fontSize,
        why === null ? 600 : 400,
        ruledOut ? C.faint : C.text,
        ruledOut,
      ),
    );
  });
  return out;
}
