/**
 * The bundled fonts as data URLs, for embedding in an exported SVG so Arabic
 * renders in other apps too. Loaded with a dynamic import only when the user
 * exports (Vite puts this module and the ~130 kB of fonts in their own chunk).
 * `?inline` makes Vite inline the files: fetching the assets at run time would
 * be blocked by the CSP (connect-src allows only IPC).
 */
import latin400 from "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?inline";
import latin600 from "@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?inline";
import arabic400 from "@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?inline";
import arabic600 from "@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-600-normal.woff2?inline";

export interface EmbeddedFont {
  family: string;
  weight: number;
  /** `data:font/woff2;base64,...` */
  dataUrl: string;
}

export const EMBEDDED_FONTS: EmbeddedFont[] = [
  { family: "Noto Sans", weight: 400, dataUrl: latin400 },
  { family: "Noto Sans", weight: 600, dataUrl: latin600 },
  { family: "Noto Sans Arabic", weight: 400, dataUrl: arabic400 },
  { family: "Noto Sans Arabic", weight: 600, dataUrl: arabic600 },
];
