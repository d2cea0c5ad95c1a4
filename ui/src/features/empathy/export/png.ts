/**
 * The board as a PNG, drawn on a canvas by hand: the title and facts, the
 * four quadrants around the persona, pains and gains below, every note as
 * a coloured card with its wrapped text, author and dots. Drawn in the
 * current direction (mirrored, with right-to-left text, in Arabic) with the
 * app's bundled fonts, which are loaded first.
 */
import type { TFunction } from "i18next";
import type { Area } from "../../../bindings/Area";
import type { Board } from "../../../bindings/Board";
import type { Note } from "../../../bindings/Note";
import type { NoteColour } from "../../../bindings/NoteColour";
import { CANVAS_FONT_FAMILY, loadPageFonts } from "../../../kit/pageFonts";
import { notesOf } from "../board/model";
import { initials } from "../../../kit/initials";
import { wrapText } from "../../../kit/export/scene/wrap";

const FONT = CANVAS_FONT_FAMILY;
const WIDTH = 1600;
const MARGIN = 32;
const GAP = 16;
const PAD = 14;
const CENTRE = 240;
const NOTE_W = 170;
const NOTE_H = 124;
const NOTE_GAP = 10;
const AREA_HEAD = 44;
const MIN_AREA = 200;
const SCALE = 2;

/** Note fills, the same as on screen, with dark text on each. */
export const NOTE_FILLS: Record<NoteColour, string> = {
  yellow: "#fff3a3",
  pink: "#ffd1e0",
  blue: "#cfe4ff",
  green: "#d3f2d0",
  orange: "#ffdcb5",
  purple: "#e6d8ff",
};
const HIDDEN_FILL = "#d9d9e0";
const TEXT = "#1b1b1f";
const MUTED = "#5c5c66";
const BORDER = "#c9c9d2";
const AREA_FILL = "#f7f7f8";
const DOT = "#4f46e5";

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function perRow(width: number): number {
  return Math.max(1, Math.floor((width - 2 * PAD + NOTE_GAP) / (NOTE_W + NOTE_GAP)));
}

function areaHeight(count: number, width: number): number {
  const rows = Math.ceil(count / perRow(width));
  return Math.max(MIN_AREA, AREA_HEAD + rows * (NOTE_H + NOTE_GAP) + PAD);
}

interface Layout {
  height: number;
  areas: Record<Area, Rect>;
  centre: Rect;
}

/** Where each area goes, in left-to-right terms (mirrored when drawn right to left). */
export function layoutBoard(board: Board): Layout {
  const count = (area: Area) => notesOf(board.notes, area).length;
  const top = 120;
  const quadW = (WIDTH - 2 * MARGIN - CENTRE - 2 * GAP) / 2;
  const lowW = (WIDTH - 2 * MARGIN - GAP) / 2;
  const row1 = Math.max(areaHeight(count("says"), quadW), areaHeight(count("thinks"), quadW));
  const row2 = Math.max(areaHeight(count("does"), quadW), areaHeight(count("feels"), quadW));
  const row3 = Math.max(areaHeight(count("pains"), lowW), areaHeight(count("gains"), lowW));
  const endX = MARGIN + quadW + CENTRE + 2 * GAP;
  const y2 = top + row1 + GAP;
  const y3 = y2 + row2 + GAP;
  return {
    height: y3 + row3 + MARGIN,
    centre: { x: MARGIN + quadW + GAP, y: top, w: CENTRE, h: row1 + GAP + row2 },
    areas: {
      says: { x: MARGIN, y: top, w: quadW, h: row1 },
      thinks: { x: endX, y: top, w: quadW, h: row1 },
      does: { x: MARGIN, y: y2, w: quadW, h: row2 },
      feels: { x: endX, y: y2, w: quadW, h: row2 },
      pains: { x: MARGIN, y: y3, w: lowW, h: row3 },
      gains: { x: MARGIN + lowW + GAP, y: y3, w: lowW, h: row3 },
    },
  };
}

/** Draws the board on `ctx` (already scaled); `rtl` mirrors the layout and the text. */
export function drawBoard(ctx: CanvasRenderingContext2D, board: Board, t: TFunction, rtl: boolean): void {
  const layout = layoutBoard(board);
  const mirror = (r: Rect): Rect => (rtl ? { ...r, x: WIDTH - r.x - r.w } : r);
  const startX = (r: Rect, inset: number) => (rtl ? r.x + r.w - inset : r.x + inset);
  const font = (size: number, weight = 400) => `${String(weight)} ${String(size)}px ${FONT}`;
  ctx.direction = rtl ? "rtl" : "ltr";
  ctx.textBaseline = "alphabetic";

  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, WIDTH, layout.height);

  const page: Rect = { x: MARGIN, y: 0, w: WIDTH - 2 * MARGIN, h: 0 };
  ctx.textAlign = "start";
  ctx.fillStyle = TEXT;
  ctx.font = font(28, 600);
  ctx.fillText(board.map.title, startX(page, 0), 56, page.w);
  ctx.font = font(16);
  ctx.fillStyle = MUTED;
  const facts = [board.persona.name, board.map.heldOn];
  if (board.map.problemTitle !== null) facts.push(board.map.problemTitle);
  if (board.map.participants.length > 0) facts.push(board.map.participants.join(", "));
  ctx.fillText(facts.join("  ·  "), startX(page, 0), 88, page.w);

  const box = (r: Rect, fill: string, stroke: string, radius: number) => {
    ctx.beginPath();
    if ("roundRect" in ctx) ctx.roundRect(r.x, r.y, r.w, r.h, radius);
    else (ctx as CanvasRenderingContext2D).rect(r.x, r.y, r.w, r.h);
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.strokeStyle = stroke;
    ctx.lineWidth = 1;
    ctx.stroke();
  };

  // The persona in the middle.
  const centre = mirror(layout.centre);
  box(centre, "#eef0ff", BORDER, 12);
  const cx = centre.x + centre.w / 2;
  const cy = centre.y + centre.h / 2 - 30;
  ctx.beginPath();
  ctx.arc(cx, cy, 44, 0, Math.PI * 2);
  ctx.fillStyle = "#4f46e5";
  ctx.fill();
  ctx.textAlign = "center";
  ctx.fillStyle = "#ffffff";
  ctx.font = font(30, 600);
  ctx.fillText(initials(board.persona.name), cx, cy + 10);
  ctx.fillStyle = TEXT;
  ctx.font = font(18, 600);
  ctx.fillText(board.persona.name, cx, cy + 76, centre.w - 2 * PAD);
  if (board.persona.segment.trim() !== "") {
    ctx.font = font(14);
    ctx.fillStyle = MUTED;
    ctx.fillText(board.persona.segment, cx, cy + 100, centre.w - 2 * PAD);
  }

  const drawNote = (note: Note, r: Rect) => {
    const hidden = note.hidden;
    box(r, hidden ? HIDDEN_FILL : NOTE_FILLS[note.colour], "rgba(0,0,0,0.15)", 6);
    ctx.textAlign = "start";
    ctx.fillStyle = TEXT;
    ctx.font = font(14);
    const width = r.w - 2 * 10;
    const text = hidden ? t("empathy.note.hidden") : note.text;
    const lines = wrapText((s) => ctx.measureText(s).width, text, width, 4);
    lines.forEach((line, i) => {
      ctx.fillText(line, startX(r, 10), r.y + 22 + i * 19, width);
    });
    ctx.font = font(12);
    ctx.fillStyle = MUTED;
    const author = note.author.trim() === "" ? t("empathy.note.noAuthor") : note.author;
    ctx.fillText(author, startX(r, 10), r.y + r.h - 10, width * 0.6);
    // Dots at the end of the bottom line.
    ctx.fillStyle = DOT;
    for (let i = 0; i < Math.min(note.votes, 8); i++) {
      const dx = 10 + i * 12 + 5;
      ctx.beginPath();
      ctx.arc(rtl ? r.x + dx : r.x + r.w - dx, r.y + r.h - 14, 4.5, 0, Math.PI * 2);
      ctx.fill();
    }
  };

  for (const [area, rect] of Object.entries(layout.areas) as [Area, Rect][]) {
    const r = mirror(rect);
    box(r, AREA_FILL, BORDER, 10);
    ctx.textAlign = "start";
    ctx.fillStyle = TEXT;
    ctx.font = font(18, 600);
    ctx.fillText(t(`empathy.area.${area}.title`), startX(r, PAD), r.y + 30);
    const columns = perRow(r.w);
    notesOf(board.notes, area).forEach((note, i) => {
      const col = i % columns;
      const row = Math.floor(i / columns);
      const offset = PAD + col * (NOTE_W + NOTE_GAP);
      const x = rtl ? r.x + r.w - offset - NOTE_W : r.x + offset;
      drawNote(note, { x, y: r.y + AREA_HEAD + row * (NOTE_H + NOTE_GAP), w: NOTE_W, h: NOTE_H });
    });
  }
}

/** The board as PNG base64 (no `data:` prefix), at twice its size (smaller for a very tall board). */
export async function boardPng(board: Board, t: TFunction, rtl: boolean): Promise<string> {
  await loadPageFonts(undefined, board.notes.map((note) => note.text).join(" "));
  const layout = layoutBoard(board);
  const canvas = document.createElement("canvas");
  // A tall board is drawn smaller rather than cut: canvases stop at about 16,000 px.
  const scale = Math.min(SCALE, 16_000 / layout.height);
  canvas.width = Math.ceil(WIDTH * scale);
  canvas.height = Math.ceil(layout.height * scale);
  const ctx = canvas.getContext("2d");
  if (ctx === null) throw new Error("no 2D canvas");
  ctx.scale(scale, scale);
  drawBoard(ctx, board, t, rtl);
  const url = canvas.toDataURL("image/png");
  const base64 = url.slice(url.indexOf(",") + 1);
  if (!url.startsWith("data:image/png") || base64 === "") throw new Error("empty PNG");
  return base64;
}
