/**
 * Exports the diagram as SVG or PNG through the shell's save dialog.
 */
import { saveExport } from "../../../api/exports";
import type { Layout } from "./layout";
import { sceneToPng } from "./exportPng";
import { sceneToSvg } from "./exportSvg";
import { buildScene, type SceneLabels } from "./scene";

export type ExportFormat = "svg" | "png";

/** A file name from the analysis title: no path separators or characters file systems refuse. */
export function exportFileName(title: string, fallback: string, format: ExportFormat): string {
  const base = title
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  return `${(base === "" ? fallback : base).slice(0, 120)}.${format}`;
}

/** The standalone SVG of `layout` with the bundled fonts embedded. */
export async function diagramSvg(
  layout: Layout,
  labels: SceneLabels,
): Promise<{ svg: string; scene: ReturnType<typeof buildScene> }> {
  const { EMBEDDED_FONTS } = await import("./fonts");
  const scene = buildScene(layout, labels);
  return { svg: sceneToSvg(scene, labels.title, EMBEDDED_FONTS), scene };
}

/**
 * Builds the file and asks the shell to save it. Resolves to the path written,
 * or null when the user cancelled the dialog.
 */
export async function exportDiagram(
  format: ExportFormat,
  layout: Layout,
  labels: SceneLabels,
  fileName: string,
): Promise<string | null> {
  const { svg, scene } = await diagramSvg(layout, labels);
  if (format === "svg") return saveExport(fileName, svg);
  const png = await sceneToPng(svg, scene);
  return saveExport(fileName, png.base64, true);
}
