import { useSyncExternalStore } from "react";
import { loadPageFonts, pageFontsLoaded } from "../pageFonts";

/** The colours (from the CSS tokens of the current theme) and font charts draw with. */
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  axis: string;
  accent: string;
  success: string;
  danger: string;
  /** The family the page's text uses (Noto Sans, or Noto Sans Arabic first in Arabic). */
  family: string;
}

let cached: { key: string; theme: ChartTheme } | undefined;
let fontsReady = false;

function readTheme(): ChartTheme {
  const root = document.documentElement;
  const style = getComputedStyle(root);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const arabic = root.lang === "ar";
  return {
    text: token("--color-text", "#1b1b1f"),
    muted: token("--color-text-muted", "#5c5c66"),
    grid: token("--color-border", "#e3e3e8"),
    axis: token("--color-border-field", "#8f8f9b"),
    accent: token("--color-accent", "#4f46e5"),
    success: token("--color-success", "#067647"),
    danger: token("--color-danger", "#b42318"),
    family: token(arabic ? "--font-sans-arabic" : "--font-sans", "system-ui, sans-serif"),
  };
}

function snapshot(): ChartTheme {
  const root = document.documentElement;
  const key = `${root.dataset.theme ?? ""}|${root.lang}|${String(fontsReady)}`;
  if (cached?.key !== key) cached = { key, theme: readTheme() };
  return cached.theme;
}

function subscribe(changed: () => void): () => void {
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme", "lang"] });
  if (!fontsReady) {
    if (pageFontsLoaded()) fontsReady = true;
    else
      void loadPageFonts().then(() => {
        fontsReady = true;
        changed();
      });
  }
  return () => {
    observer.disconnect();
  };
}

/** The chart theme, new when the theme or language changes or the bundled faces finish loading. */
export function useChartTheme(): ChartTheme {
  return useSyncExternalStore(subscribe, snapshot);
}

/** `color` (a #rrggbb token) at `alpha` opacity; other forms unchanged. */
export function withAlpha(color: string, alpha: number): string {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return color;
  return `${color}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, "0")}`;
}

/** A canvas font at `size` CSS pixels in the theme's family. */
export function chartFont(theme: ChartTheme, size: number, weight = 400): string {
  return `${String(weight)} ${String(size)}px ${theme.family}`;
}
