/**
 * The family list canvas drawing uses (the diagram, the PNG exports): the
 * page's bundled faces, then colour emoji for what customers write.
 */
export const CANVAS_FONT_FAMILY = `"Noto Sans", "Noto Sans Arabic", "Noto Color Emoji", sans-serif`;

/** The bundled emoji face, loaded in parts by what the text holds. */
const EMOJI_FAMILY = "Noto Color Emoji";

/**
 * The bundled faces (Noto Sans and Noto Sans Arabic, regular and semibold)
 * that canvas drawing needs loaded before it measures or paints text: the
 * diagram's layout and the PNG exports use them.
 */
const FACES = [
  { family: "Noto Sans", sample: "a" },
  { family: "Noto Sans Arabic", sample: "\u0627" },
];
const WEIGHTS = ["400", "600"];

/** The size the faces are checked and loaded at (the diagram's text size; any size loads the face). */
const SIZE = 13;

function fontSet(): FontFaceSet | undefined {
  return (document as Partial<Document>).fonts;
}

/** True when the bundled faces are loaded (or cannot be checked). */
export function pageFontsLoaded(size = SIZE): boolean {
  const fonts = fontSet();
  if (fonts === undefined) return true;
  return WEIGHTS.every((w) =>
    FACES.every((f) => fonts.check(`${w} ${String(size)}px "${f.family}"`, f.sample)),
  );
}

/**
 * Loads the bundled faces, and the parts of the emoji face that `text` needs
 * (the emoji face comes in parts by character range); never rejects.
 */
export async function loadPageFonts(size = SIZE, text = ""): Promise<void> {
  const fonts = fontSet();
  if (fonts === undefined) return;
  const loads = WEIGHTS.flatMap((w) =>
    FACES.map((f) => fonts.load(`${w} ${String(size)}px "${f.family}"`, f.sample)),
  );
  if (text !== "") loads.push(fonts.load(`400 ${String(size)}px "${EMOJI_FAMILY}"`, text));
  await Promise.all(loads).catch(() => undefined);
}
