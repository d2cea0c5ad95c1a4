import { SECTIONS, TRASH_PATH, type SectionKey } from "../shell/sections";

/** What a shortcut that works anywhere does; the shell runs these. */
export type ShortcutAction =
  { type: "toggleHelp" } | { type: "newProblem" } | { type: "navigate"; path: string };

/** What a shortcut of the problem list does; the list screen runs these while it is shown. */
export type ProblemListAction =
  { type: "focusSearch" } | { type: "moveSelection"; by: 1 | -1 } | { type: "openSelected" };

export type ShortcutGroup = "general" | "navigation" | "problemList";

export type ShortcutDescriptionKey =
  | "shortcuts.help"
  | "shortcuts.newProblem"
  | `shortcuts.go.${SectionKey}`
  | "trash.title"
  | "problemList.shortcuts.search"
  | "problemList.shortcuts.next"
  | "problemList.shortcuts.previous"
  | "problemList.shortcuts.open";

interface BaseShortcut {
  /**
   * Keys pressed one after another (not together): `KeyboardEvent.key` in a
   * Latin layout, or a named key (`ArrowDown`, `Enter`) on its own.
   */
  keys: readonly string[];
  /** i18n key of the description shown in the help overlay. */
  descriptionKey: ShortcutDescriptionKey;
  group: ShortcutGroup;
}

/** A shortcut that works on every screen. */
export interface GlobalShortcut extends BaseShortcut {
  scope: "global";
  action: ShortcutAction;
}

/** A shortcut that works only while the problem list is shown. */
export interface ProblemListShortcut extends BaseShortcut {
  scope: "problemList";
  action: ProblemListAction;
}

export type Shortcut = GlobalShortcut | ProblemListShortcut;
export type ShortcutScope = Shortcut["scope"];

/**
 * The single list of keyboard shortcuts. The key handlers and the help
 * overlay all read it, so what the overlay shows is exactly what works.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  {
    keys: ["?"],
    descriptionKey: "shortcuts.help",
    group: "general",
    scope: "global",
    action: { type: "toggleHelp" },
  },
  {
    keys: ["n"],
    descriptionKey: "shortcuts.newProblem",
    group: "general",
    scope: "global",
    action: { type: "newProblem" },
  },
  ...SECTIONS.map((section): Shortcut => ({
    keys: ["g", section.goKey],
    descriptionKey: `shortcuts.go.${section.key}`,
    group: "navigation",
    scope: "global",
    action: { type: "navigate", path: section.path },
  })),
  {
    keys: ["g", "t"],
    descriptionKey: "trash.title",
    group: "navigation",
    scope: "global",
    action: { type: "navigate", path: TRASH_PATH },
  },
  {
    keys: ["/"],
    descriptionKey: "problemList.shortcuts.search",
    group: "problemList",
    scope: "problemList",
    action: { type: "focusSearch" },
  },
  {
    keys: ["ArrowDown"],
    descriptionKey: "problemList.shortcuts.next",
    group: "problemList",
    scope: "problemList",
    action: { type: "moveSelection", by: 1 },
  },
  {
    keys: ["ArrowUp"],
    descriptionKey: "problemList.shortcuts.previous",
    group: "problemList",
    scope: "problemList",
    action: { type: "moveSelection", by: -1 },
  },
  {
    keys: ["Enter"],
    descriptionKey: "problemList.shortcuts.open",
    group: "problemList",
    scope: "problemList",
    action: { type: "openSelected" },
  },
];

/** The shortcuts of one scope. */
export function shortcutsOf<S extends ShortcutScope>(scope: S): Extract<Shortcut, { scope: S }>[] {
  return SHORTCUTS.filter((s): s is Extract<Shortcut, { scope: S }> => s.scope === scope);
}

const KEY_LABELS: Record<string, string> = { ArrowDown: "↓", ArrowUp: "↑", Enter: "Enter" };

/** How a key is printed in the overlay: as on a Latin keyboard, in every language. */
export function keyLabel(key: string): string {
  return KEY_LABELS[key] ?? key.toUpperCase();
}

/** How long the `g` of a `g`-then-letter sequence waits for its letter. */
export const SEQUENCE_TIMEOUT_MS = 1500;

export function findShortcut<S extends ShortcutScope>(
  sequence: readonly string[],
  scope: S,
): Extract<Shortcut, { scope: S }> | undefined {
  return shortcutsOf(scope).find(
    (s) => s.keys.length === sequence.length && s.keys.every((k, i) => k === sequence[i]),
  );
}

export function isShortcutPrefix(sequence: readonly string[], scope: ShortcutScope): boolean {
  return shortcutsOf(scope).some(
    (s) => s.keys.length > sequence.length && sequence.every((k, i) => k === s.keys[i]),
  );
}
