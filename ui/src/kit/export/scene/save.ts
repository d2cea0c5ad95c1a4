/**
 * Saves a scene as SVG or PNG through the shell's save dialog. The fonts are
 * embedded from a module loaded only when the user exports.
 */
import { saveExport } from "../../../api/exports";
import { sceneToPng } from "./png";
import type { Scene } from "./scene";

import { sceneToSvg } from "./svg";

export type SceneFormat = "svg" | "png";

/** The standalone SVG of `scene`, titled `title`, with the bundled fonts embedded. */
export async function standaloneSvg(scene: Scene, title: string): Promise<string> {
  const { EMBEDDED_FONTS } = await import("./fonts");
  return sceneToSvg(scene, title, EMBEDDED_FONTS);
}

/**
 * Builds the file and asks the shell to save it. Resolves to the path written,
 * or null when the user cancelled the dialog.
 */
export async function saveScene(
  format: SceneFormat,
  scene: Scene,
  title: string,
  fileName: string,
): Promise<string | null> {
  const svg = await standaloneSvg(scene, title);
  if (format === "svg") return saveExport(fileName, svg);
  const png = await sceneToPng(svg, scene);
  return saveExport(fileName, png.base64, true);
}
