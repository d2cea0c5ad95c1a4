/**
 * A standalone SVG of a scene: every shape of the scene, the text as real
 * <text> (searchable, selectable) with its direction, and the bundled fonts
 * embedded as data URLs so Arabic renders in any app. User text is escaped;
 * no markup is parsed from strings.
 */
import type { EmbeddedFont } from "./fonts";
import { SCENE_FONT, type Scene, type Shape } from "./scene";

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids. */
export function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function shapeToSvg(shape: Shape): string {
  switch (shape.kind) {
    case "rect": {
      const dash = shape.dash.length > 0 ? ` stroke-dasharray="${shape.dash.join(" ")}"` : "";
      return `<rect x="${num(shape.x)}" y="${num(shape.y)}" width="${num(shape.w)}" height="${num(shape.h)}" rx="${num(shape.rx)}" fill="${shape.fill}" stroke="${shape.stroke}" stroke-width="${num(shape.strokeWidth)}"${dash}/>`;
    }
    case "path": {
      const dash =
        shape.dash !== undefined && shape.dash.length > 0
          ? ` stroke-dasharray="${shape.dash.join(" ")}"`
          : "";
      return `<path d="${shape.d}" fill="${shape.fill}" stroke="${shape.stroke}" stroke-width="${num(shape.strokeWidth)}"${dash}/>`;
    }
    case "text": {
      const strike = shape.strike ? ` text-decoration="line-through"` : "";
      return `<text x="${num(shape.x)}" y="${num(shape.y)}" direction="${shape.dir}" unicode-bidi="embed" text-anchor="${shape.anchor}" font-size="${num(shape.size)}" font-weight="${String(shape.weight)}" fill="${shape.fill}"${strike}>${escapeXml(shape.text)}</text>`;
    }
  }
}

/** The SVG document (UTF-8 text) for `scene`. */
export function sceneToSvg(scene: Scene, title: string, fonts: EmbeddedFont[]): string {
  const faces = fonts
    .map(
      (f) =>
        `@font-face{font-family:"${f.family}";font-style:normal;font-weight:${String(f.weight)};src:url(${f.dataUrl}) format("woff2");}`,
    )
    .join("\n");
  const w = num(scene.width);
  const h = num(scene.height);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${escapeXml(SCENE_FONT)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs><style>\n${faces}\n</style></defs>`,
    `<rect width="100%" height="100%" fill="${scene.background}"/>`,
    ...scene.shapes.map(shapeToSvg),
    `</svg>`,
    ``,
  ].join("\n");
}
