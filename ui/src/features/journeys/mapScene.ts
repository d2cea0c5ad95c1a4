/**
 * The journey map as a picture, for the PNG and SVG exports and for print:
 * the title, then the grid as on screen (stages across, the touchpoints of
 * each with their pain, the emotion curve, one row per lane of cards). It is
 * laid out left to right, then mirrored as a whole in Arabic, so the journey
 * runs from right to left there, curve and all. Each text runs in its own
 * direction. Light palette: exports end up in documents and on walls.
 */
import type { Channel } from "../../bindings/Channel";
import type { JourneyGrid } from "../../bindings/JourneyGrid";
import type { Lane } from "../../bindings/Lane";
import type { Severity } from "../../bindings/Severity";
import type { TouchpointPain } from "../../bindings/TouchpointPain";
import { LIMITS } from "../../bindings/rules";
import type { SceneMeasure } from "../../kit/export/scene/measure";
import {
  type Scene,
  type Shape,
  type TextDir,
  rectShape,
  textDirection,
  textShape,
} from "../../kit/export/scene/scene";
import { wrapText } from "../../kit/export/scene/wrap";

/** The words of the picture, in the reader's language. */
export interface MapSceneLabels {
  /** The map's name. */
  title: string;
  /** One line under the title: state, personas, the pain period. */
  subtitle: string;
  touchpoints: string;
  curve: string;
  current: string;
  target: string;
  lanes: Record<Lane, string>;
  channel: (channel: Channel) => string;
  direct: string;
  indirect: string;
  problems: (count: number) => string;
  reports: (count: number) => string;
  severity: (severity: Severity) => string;
  allFixed: string;
}

export interface MapSceneInput {
  grid: JourneyGrid;
  /** The pain of each touchpoint in the chosen period, by touchpoint id. */
  pain: ReadonlyMap<string, TouchpointPain>;
  labels: MapSceneLabels;
  rtl: boolean;
  measure: SceneMeasure;
}

export const MAP_GEOMETRY = {
  margin: 32,
  labelWidth: 150,
  touchpointWidth: 170,
  stageMin: 230,
  gap: 10,
  pad: 8,
  headHeight: 36,
  curveHeight: 150,
  cardGap: 6,
  cardLines: 10,
  nameLines: 3,
} as const;

const C = {
  background: "#ffffff",
  text: "#1b1b1f",
  muted: "#5c5c66",
  rule: "#e4e4e7",
  border: "#c9c9d2",
  labelFill: "#f7f7f8",
  stageFill: "#eef0ff",
  stageText: "#3730a3",
  current: "#4f46e5",
  target: "#067647",
  fixed: "#067647",
};

/** Card fills by lane, soft enough for dark text. */
const LANE_FILL: Record<Lane, string> = {
  actions: "#eef4ff",
  expectations: "#eaf6fb",
  thoughts: "#f3f3f5",
  emotions: "#fff1f3",
  motivations: "#ecfdf3",
  obstacles: "#fef3f2",
  opportunities: "#fffaeb",
};

/** The heat scale: white without pain, then from a pale to a deeper coral as reports grow (dark text stays readable). */
export function heatFill(pain: TouchpointPain | undefined): string {
  if (pain === undefined || pain.problems === 0) return "#ffffff";
  const from = [0xff, 0xf4, 0xed];
  const to = [0xfd, 0xa2, 0x9b];
  const k = Math.min(1, Math.max(0, pain.heat));
  const hex = from.map((f, i) =>
    Math.round(f + ((to[i] ?? f) - f) * k)
      .toString(16)
      .padStart(2, "0"),
  );
  return `#${hex.join("")}`;
}

const TITLE = 22;
const SUBTITLE = 13;
const NAME = 13;
const NAME_LINE = 17;
const META = 11;
const META_LINE = 15;
const CARD = 12;
const CARD_LINE = 16;
const { min: EMOTION_MIN, max: EMOTION_MAX } = LIMITS.journey.emotion;

interface Column {
  x: number;
  w: number;
  /** The touchpoints' slots: their left edge and width. */
  slots: { x: number; w: number }[];
}

/** A line of text laid out in left-to-right terms: where its box starts and how wide it is. */
interface Line {
  box: { x: number; w: number };
  y: number;
  text: string;
  size: number;
  weight: 400 | 600;
  fill: string;
  /** The UI's words run in the UI's direction; user text in its own. */
  user: boolean;
  /** A direction of its own (a signed number). */
  dir?: TextDir;
}

/** The map as shapes. */
export function mapScene({ grid, pain, labels, rtl, measure }: MapSceneInput): Scene {
  const g = MAP_GEOMETRY;
  const ui: TextDir = rtl ? "rtl" : "ltr";
  const wrap = (text: string, width: number, size: number, weight: 400 | 600, max: number) =>
    wrapText((s) => measure(s, size, weight), text, width, max);

  // Columns, left to right.
  const gridLeft = g.margin;
  const firstStage = gridLeft + g.labelWidth + g.gap;
  let x = firstStage;
  const columns: Column[] = grid.stages.map((stage) => {
    const count = stage.touchpoints.length;
    const w = Math.max(g.stageMin, count * g.touchpointWidth);
    const slotW = count === 0 ? w : w / count;
    const column = { x, w, slots: stage.touchpoints.map((_, i) => ({ x: x + i * slotW, w: slotW })) };
    x += w + g.gap;
    return column;
  });
  const gridRight = Math.max(x - g.gap, firstStage + g.stageMin);
  const width = Math.ceil(gridRight + g.margin);

  const rects: Shape[] = [];
  const lines: Line[] = [];
  const paths: Shape[] = [];
  const rect = (
    rx: number,
    y: number,
    w: number,
    h: number,
    fill: string,
    stroke: string,
    strokeWidth = 1,
    r = 0,
  ) => rects.push(rectShape(rx, y, w, h, fill, stroke, strokeWidth, r));

  // Title and subtitle, across the whole width.
  const titleBox = { x: g.margin, w: width - 2 * g.margin };
  let y = g.margin;
  for (const line of wrap(labels.title, titleBox.w, TITLE, 600, 2)) {
    y += TITLE + 6;
    lines.push({ box: titleBox, y, text: line, size: TITLE, weight: 600, fill: C.text, user: true });
  }
  if (labels.subtitle !== "") {
    y += SUBTITLE + 10;
    for (const line of wrap(labels.subtitle, titleBox.w, SUBTITLE, 400, 2)) {
      lines.push({ box: titleBox, y, text: line, size: SUBTITLE, weight: 400, fill: C.muted, user: false });
      y += SUBTITLE + 6;
    }
  }
  y += 18;

  const labelBox = { x: gridLeft, w: g.labelWidth };
  const labelCell = (top: number, height: number, text: string) => {
    rect(gridLeft, top, g.labelWidth, height, C.labelFill, "none", 0, 4);
    wrap(text, g.labelWidth - 2 * g.pad, NAME, 600, 4).forEach((line, i) => {
      lines.push({
        box: { x: labelBox.x + g.pad, w: labelBox.w - 2 * g.pad },
        y: top + g.pad + NAME + i * NAME_LINE,
        text: line,
        size: NAME,
        weight: 600,
        fill: C.text,
        user: false,
      });
    });
  };
  const rule = (at: number) => {
    paths.push({
      kind: "path",
      d: `M${gridLeft},${at} L${gridRight},${at}`,
      stroke: C.rule,
      strokeWidth: 1,
      fill: "none",
    });
  };

  // Stage heads.
  grid.stages.forEach((stage, i) => {
    const column = columns[i];
    if (column === undefined) return;
    rect(column.x, y, column.w, g.headHeight, C.stageFill, "none", 0, 6);
    const [name = ""] = wrap(stage.stage.name, column.w - 2 * g.pad, 14, 600, 1);
    lines.push({
      box: { x: column.x + g.pad, w: column.w - 2 * g.pad },
      y: y + g.headHeight / 2 + 5,
      text: name,
      size: 14,
      weight: 600,
      fill: C.stageText,
      user: true,
    });
  });
  y += g.headHeight + g.gap;

  // Touchpoints: name, channel, owner team, then the pain.
  type Box = {
    slot: { x: number; w: number };
    lines: Omit<Line, "box" | "y">[];
    fill: string;
    fixed: boolean;
  };
  const boxes: Box[] = [];
  grid.stages.forEach((stage, i) => {
    stage.touchpoints.forEach((tp, j) => {
      const slot = columns[i]?.slots[j];
      if (slot === undefined) return;
      const inner = slot.w - 6 - 2 * g.pad;
      const p = pain.get(tp.touchpoint.id);
      const out: Omit<Line, "box" | "y">[] = [];
      for (const text of wrap(tp.touchpoint.name, inner, NAME, 600, g.nameLines))
        out.push({ text, size: NAME, weight: 600, fill: C.text, user: true });
      const meta = (text: string, fill = C.muted, user = false) => {
        for (const line of wrap(text, inner, META, 400, 1))
          out.push({ text: line, size: META, weight: 400, fill, user });
      };
      const how = tp.touchpoint.direct ? labels.direct : labels.indirect;
      meta(tp.touchpoint.channel === null ? how : `${labels.channel(tp.touchpoint.channel)} · ${how}`);
      if (tp.touchpoint.ownerTeam !== "") meta(tp.touchpoint.ownerTeam, C.muted, true);
      if (p !== undefined && p.problems > 0) {
        meta(`${labels.problems(p.problems)} · ${labels.reports(p.occurrences)}`, C.text);
        if (p.highestSeverity !== null) meta(labels.severity(p.highestSeverity), C.text);
        if (p.allFixed) meta(labels.allFixed, C.fixed);
      }
      boxes.push({ slot, lines: out, fill: heatFill(p), fixed: p?.allFixed === true });
    });
  });
  const boxHeight = (b: Box) =>
    2 * g.pad + b.lines.reduce((h, l) => h + (l.size === NAME ? NAME_LINE : META_LINE), 0);
  const touchpointsH = Math.max(56, ...boxes.map(boxHeight));
  labelCell(y, touchpointsH, labels.touchpoints);
  for (const b of boxes) {
    const bx = b.slot.x + 3;
    const bw = b.slot.w - 6;
    rect(bx, y, bw, touchpointsH, b.fill, b.fixed ? C.fixed : C.border, b.fixed ? 2 : 1, 6);
    let baseline = y + g.pad;
    for (const l of b.lines) {
      const step = l.size === NAME ? NAME_LINE : META_LINE;
      baseline += step;
      lines.push({ ...l, box: { x: bx + g.pad, w: bw - 2 * g.pad }, y: baseline - (step - l.size) / 2 - 1 });
    }
  }
  y += touchpointsH + g.gap;

  // The emotion curve: +2 at the top, −2 at the bottom, current solid, target dashed.
  const top = y + 18;
  const bottom = y + g.curveHeight - 18;
  const level = (e: number) => top + ((EMOTION_MAX - e) / (EMOTION_MAX - EMOTION_MIN)) * (bottom - top);
  labelCell(y, g.curveHeight, labels.curve);
  for (const e of [EMOTION_MAX, 0, EMOTION_MIN]) {
    paths.push({
      kind: "path",
      d: `M${firstStage},${level(e)} L${gridRight},${level(e)}`,
      stroke: C.rule,
      strokeWidth: 1,
      fill: "none",
    });
    const mark = e > 0 ? `+${String(e)}` : e < 0 ? `−${String(-e)}` : "0";
    lines.push({
      box: { x: firstStage - 34, w: 28 },
      y: level(e) + 4,
      text: mark,
      size: META,
      weight: 400,
      fill: C.muted,
      user: false,
      dir: "ltr",
    });
  }
  const legend = (row: number, text: string, stroke: string, dash: number[]) => {
    const ly = y + 18 + 2 * NAME_LINE + row * META_LINE;
    paths.push({
      kind: "path",
      d: `M${gridLeft + g.pad},${ly - 4} L${gridLeft + g.pad + 18},${ly - 4}`,
      stroke,
      strokeWidth: 2,
      fill: "none",
      dash,
    });
    lines.push({
      box: { x: gridLeft + g.pad + 24, w: g.labelWidth - 2 * g.pad - 60 },
      y: ly,
      text,
      size: META,
      weight: 400,
      fill: C.muted,
      user: false,
    });
  };
  legend(0, labels.current, C.current, []);
  legend(1, labels.target, C.target, [5, 4]);
  const points = grid.stages.flatMap((stage, i) =>
    stage.touchpoints.map((tp, j) => {
      const slot = columns[i]?.slots[j];
      return { cx: slot === undefined ? 0 : slot.x + slot.w / 2, tp: tp.touchpoint };
    }),
  );
  const curve = (
    pick: (tp: (typeof points)[number]["tp"]) => number | null,
    stroke: string,
    dash: number[],
  ) => {
    let d = "";
    let open = false;
    for (const p of points) {
      const e = pick(p.tp);
      if (e === null) {
        open = false;
        continue;
      }
      d += `${open ? " L" : " M"}${String(p.cx)},${String(level(e))}`;
      open = true;
      rects.push(
        rectShape(p.cx - 4, level(e) - 4, 8, 8, dash.length > 0 ? C.background : stroke, stroke, 2, 4),
      );
    }
    if (d !== "") paths.push({ kind: "path", d: d.trim(), stroke, strokeWidth: 2, fill: "none", dash });
  };
  curve((tp) => tp.emotionTarget, C.target, [5, 4]);
  curve((tp) => tp.emotionCurrent, C.current, []);
  y += g.curveHeight;
  rule(y + g.gap / 2);
  y += g.gap;

  // One row per lane: the cards of each stage stacked in its column.
  for (const lane of grid.lanes) {
    const cells = grid.stages.map((stage, i) => {
      const column = columns[i];
      const cards = stage.cells.find((c) => c.lane === lane)?.cards ?? [];
      const inner = (column?.w ?? 0) - 2 * g.pad - 2 * g.pad;
      return cards.map((card) => wrap(card.text, inner, CARD, 400, g.cardLines));
    });
    const cellHeight = (cards: string[][]) =>
      cards.reduce((h, card) => h + 2 * g.pad + card.length * CARD_LINE + g.cardGap, 0) -
      (cards.length > 0 ? g.cardGap : 0);
    const rowH = Math.max(44, ...cells.map(cellHeight).map((h) => h + 2 * g.pad));
    labelCell(y, rowH, labels.lanes[lane]);
    cells.forEach((cards, i) => {
      const column = columns[i];
      if (column === undefined) return;
      let top2 = y + g.pad;
      for (const card of cards) {
        const h = 2 * g.pad + card.length * CARD_LINE;
        rect(column.x + g.pad, top2, column.w - 2 * g.pad, h, LANE_FILL[lane], C.border, 1, 4);
        card.forEach((text, k) => {
          lines.push({
            box: { x: column.x + 2 * g.pad, w: column.w - 4 * g.pad },
            y: top2 + g.pad + CARD + k * CARD_LINE,
            text,
            size: CARD,
            weight: 400,
            fill: C.text,
            user: true,
          });
        });
        top2 += h + g.cardGap;
      }
    });
    y += rowH;
    rule(y + g.gap / 2);
    y += g.gap;
  }
  const height = Math.ceil(y + g.margin);

  // Mirror in Arabic, and place each line at its own start.
  const mx = (px: number) => (rtl ? width - px : px);
  const shapes: Shape[] = [];
  for (const s of rects) if (s.kind === "rect") shapes.push({ ...s, x: rtl ? width - s.x - s.w : s.x });
  for (const s of paths)
    if (s.kind === "path")
      shapes.push({
        ...s,
        d: s.d.replace(
          /([ML])(-?[\d.]+),(-?[\d.]+)/g,
          (_, op: string, px: string, py: string) =>
            `${op}${String(round(mx(Number(px))))},${String(round(Number(py)))}`,
        ),
      });
  for (const l of lines) {
    const dir = l.dir ?? (l.user ? textDirection(l.text, ui) : ui);
    const left = rtl ? width - l.box.x - l.box.w : l.box.x;
    shapes.push(
      textShape(dir === "rtl" ? left + l.box.w : left, l.y, l.text, dir, "start", l.size, l.weight, l.fill),
    );
  }
  return { width, height, background: C.background, shapes };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
