import { SECTIONS, type SectionKey } from "../shell/sections";

export type ShortcutAction =
  { type: "toggleHelp" } | { type: "newProblem" } | { type: "navigate"; section: SectionKey; path: string };

export type ShortcutGroup = "general" | "navigation";

export interface Shortcut {
  /** Keys pressed one after another (not together), as `KeyboardEvent.key` in a Latin layout. */
  keys: readonly string[];
  /** i18n key of the description shown in the help overlay. */
  descriptionKey: "shortcuts.help" | "shortcuts.newProblem" | `shortcuts.go.${SectionKey}`;
  group: ShortcutGroup;
  action: ShortcutAction;
}

/**
 * The single list of keyboard shortcuts. The global key handler and the help
 * overlay both read it, so what the overlay shows is exactly what works.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ["?"], descriptionKey: "shortcuts.help", group: "general", action: { type: "toggleHelp" } },
  { keys: ["n"], descriptionKey: "shortcuts.newProblem", group: "general", action: { type: "newProblem" } },
  ...SECTIONS.map((section): Shortcut => ({
    keys: ["g", section.goKey],
    descriptionKey: `shortcuts.go.${section.key}`,
    group: "navigation",
    action: { type: "navigate", section: section.key, path: section.path },
  })),
];

/** How long the `g` of a `g`-then-letter sequence waits for its letter. */
export const SEQUENCE_TIMEOUT_MS = 1500;

export function findShortcut(sequence: readonly string[]): Shortcut | undefined {
  return SHORTCUTS.find(
    (s) => s.keys.length === sequence.length && s.keys.every((k, i) => k === sequence[i]),
  );
}

export function isShortcutPrefix(sequence: readonly string[]): boolean {
  return SHORTCUTS.some((s) => s.keys.length > sequence.length && sequence.every((k, i) => k === s.keys[i]));
}
