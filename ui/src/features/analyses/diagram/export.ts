/**
 * Exports the diagram as SVG or PNG through the shell's save dialog.
 */
import { saveScene, standaloneSvg, type SceneFormat } from "../../../kit/export/scene/save";
import type { Layout } from "./layout";
import { buildScene, type SceneLabels } from "./scene";

export type ExportFormat = SceneFormat;

/** The standalone SVG of `layout` with the bundled fonts embedded. */
export async function diagramSvg(
  layout: Layout,
  labels: SceneLabels,
): Promise<{ svg: string; scene: ReturnType<typeof buildScene> }> {
  const scene = buildScene(layout, labels);
  return { svg: await standaloneSvg(scene, labels.title), scene };
}

/**
 * Builds the file and asks the shell to save it. Resolves to the path written,
 * or null when the user cancelled the dialog.
 */
export function exportDiagram(
  format: ExportFormat,
  layout: Layout,
  labels: SceneLabels,
  fileName: string,
): Promise<string | null> {
  return saveScene(format, buildScene(layout, labels), labels.title, fileName);
}
