/**
 * A scene as PNG. First choice: draw the exported SVG (fonts embedded) into a
 * canvas at 2x and read it back. That keeps the PNG identical to the SVG.
 * WebKit may taint the canvas (toDataURL throws a SecurityError) or fail to
 * decode the image; then we paint the same scene directly on the canvas with
 * the page's own (bundled, already loaded) fonts. Either way the PNG holds
 * the whole picture.
 */
import { loadPageFonts } from "../../pageFonts";
import { SCENE_FONT, type Scene, type Shape } from "./scene";

/** Canvas limits that hold in WebKit, Chromium and Firefox. */
const MAX_SIDE = 16_384;
const MAX_AREA = 120_000_000;

/** 2x, scaled down when the canvas would exceed the engine's limits (huge trees). */
export function pngScale(width: number, height: number): number {
  return Math.min(2, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
}

export type PngRoute = "svg" | "painted";

export interface PngResult {
  /** Base64 of the PNG, without the `data:` prefix. */
  base64: string;
  /** How it was made (for tests and diagnostics). */
  route: PngRoute;
}

function canvasFor(
  scene: Scene,
  scale: number,
): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.floor(scene.width * scale));
  canvas.height = Math.max(1, Math.floor(scene.height * scale));
  const ctx = canvas.getContext("2d");
  if (ctx === null) throw new Error("no 2D canvas");
  return { canvas, ctx };
}

function pngBase64(canvas: HTMLCanvasElement): string {
  const url = canvas.toDataURL("image/png");
  const comma = url.indexOf(",");
  const base64 = url.slice(comma + 1);
  if (!url.startsWith("data:image/png") || base64 === "") throw new Error("empty PNG");
  return base64;
}

const wait = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      resolve(img);
    };
    img.onerror = () => {
      reject(new Error("the SVG did not load as an image"));
    };
    // jsdom and broken engines never fire either event: give up after a while.
    setTimeout(() => {
      reject(new Error("the SVG image timed out"));
    }, 5000);
    img.src = url;
  });
}

async function viaSvgImage(svg: string, scene: Scene, scale: number): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = await loadImage(url);
    const { canvas, ctx } = canvasFor(scene, scale);
    const draw = () => {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    };
    // WebKit starts loading an SVG image's embedded fonts on its first paint:
    // paint once, give the fonts a moment, paint again.
    draw();
    await wait(150);
    draw();
    return pngBase64(canvas); // throws a SecurityError if WebKit tainted the canvas
  } finally {
    URL.revokeObjectURL(url);
  }
}

function fontFor(shape: Extract<Shape, { kind: "text" }>): string {
  return `${String(shape.weight)} ${String(shape.size)}px ${SCENE_FONT}`;
}

/** Paints `scene` on a fresh canvas (the fallback route). */
export function paintScene(scene: Scene, scale: number): HTMLCanvasElement {
  const { canvas, ctx } = canvasFor(scene, scale);
  ctx.scale(scale, scale);
  ctx.fillStyle = scene.background;
  ctx.fillRect(0, 0, scene.width, scene.height);
  for (const shape of scene.shapes) {
    if (shape.kind === "rect") {
      ctx.beginPath();
      // roundRect is recent in WebKitGTK; square corners are fine without it.
      if ("roundRect" in ctx) ctx.roundRect(shape.x, shape.y, shape.w, shape.h, shape.rx);
      else (ctx as CanvasRenderingContext2D).rect(shape.x, shape.y, shape.w, shape.h);
      if (shape.fill !== "none") {
        ctx.fillStyle = shape.fill;
        ctx.fill();
      }
      if (shape.stroke !== "none" && shape.strokeWidth > 0) {
        ctx.setLineDash(shape.dash);
        ctx.strokeStyle = shape.stroke;
        ctx.lineWidth = shape.strokeWidth;
        ctx.stroke();
        ctx.setLineDash([]);
      }
    } else if (shape.kind === "path") {
      const path = new Path2D(shape.d);
      if (shape.fill !== "none") {
        ctx.fillStyle = shape.fill;
        ctx.fill(path);
      }
      if (shape.stroke !== "none" && shape.strokeWidth > 0) {
        ctx.setLineDash(shape.dash ?? []);
        ctx.strokeStyle = shape.stroke;
        ctx.lineWidth = shape.strokeWidth;
        ctx.stroke(path);
        ctx.setLineDash([]);
      }
    } else {
      ctx.font = fontFor(shape);
      ctx.direction = shape.dir;
      ctx.textAlign = shape.anchor === "middle" ? "center" : "start";
      ctx.fillStyle = shape.fill;
      ctx.fillText(shape.text, shape.x, shape.y);
      if (shape.strike) {
        const width = ctx.measureText(shape.text).width;
        const from = shape.dir === "rtl" ? shape.x - width : shape.x;
        ctx.fillRect(from, shape.y - shape.size * 0.32, width, 1);
      }
    }
  }
  return canvas;
}

/** The PNG of `scene`, from its SVG when the engine allows it, else painted. */
export async function sceneToPng(svg: string, scene: Scene): Promise<PngResult> {
  const scale = pngScale(scene.width, scene.height);
  try {
    return { base64: await viaSvgImage(svg, scene, scale), route: "svg" };
  } catch {
    const text = scene.shapes.map((shape) => (shape.kind === "text" ? shape.text : "")).join(" ");
    await loadPageFonts(undefined, text);
    return { base64: pngBase64(paintScene(scene, scale)), route: "painted" };
  }
}
