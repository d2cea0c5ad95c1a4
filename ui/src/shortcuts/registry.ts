import { SECTIONS, TRASH_PATH, type SectionKey } from "../shell/sections";

/** What a shortcut that works anywhere does; the shell runs these. */
export type ShortcutAction =
  { type: "toggleHelp" } | { type: "newProblem" } | { type: "navigate"; path: string };

/** What a shortcut of the problem list does; the list screen runs these while it is shown. */
export type ProblemListAction =
  { type: "focusSearch" } | { type: "moveSelection"; by: 1 | -1 } | { type: "openSelected" };

/** What a shortcut of the why-tree outline does; the outline's rows run these. */
export type OutlineAction =
  | { type: "addSibling" }
  | { type: "indent" }
  | { type: "outdent" }
  | { type: "moveUp" }
  | { type: "moveDown" }
  | { type: "previous" }
  | { type: "next" }
  | { type: "collapse" }
  | { type: "expand" }
  | { type: "toggleRootCause" }
  | { type: "cycleStatus" }
  | { type: "openDetails" }
  | { type: "delete" }
  | { type: "deleteEmpty" }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "leave" };

export type ShortcutGroup = "general" | "navigation" | "problemList" | "outline" | "board" | "empathy";

export type ShortcutDescriptionKey =
  | "shortcuts.help"
  | "shortcuts.newProblem"
  | `shortcuts.go.${SectionKey}`
  | "trash.title"
  | "problemList.shortcuts.search"
  | "problemList.shortcuts.next"
  | "problemList.shortcuts.previous"
  | "problemList.shortcuts.open"
  | `outline.shortcuts.${OutlineAction["type"]}`
  | `actionBoard.shortcuts.${BoardShortcutType}`
  | `empathy.shortcuts.${EmpathyShortcutType}`;

/** The actions board's keys (the board handles them itself, on a focused card). */
export type BoardShortcutType = "moveNext" | "movePrevious" | "pickUp";

/** The empathy-map board's keys (the board handles them itself, on a focused area or note). */
export type EmpathyShortcutType =
  "addNote" | "editNote" | "deleteNote" | "moveArea" | "moveUp" | "moveDown" | "select" | "vote";

interface BaseShortcut {
  /**
   * Keys pressed one after another (not together): `KeyboardEvent.key` in a
   * Latin layout, or a named key (`ArrowDown`, `Enter`) on its own. A key
   * pressed with modifiers is one chord such as `Alt+ArrowUp` or `Ctrl+Shift+Z`
   * (a letter names the physical key, so it works on an Arabic layout too);
   * `ArrowInlineEnd` / `ArrowInlineStart` are the arrows that point along
   * the reading direction (right / left in English, left / right in Arabic).
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

/** A shortcut of the why-tree outline: works while focus is on one of its rows. */
export interface OutlineShortcut extends BaseShortcut {
  scope: "outline";
  action: OutlineAction;
}

/** A shortcut of the actions board: works while a card has focus; listed for help. */
export interface BoardShortcut extends BaseShortcut {
  scope: "board";
  action: { type: BoardShortcutType };
}

/** A shortcut of the empathy-map board: works while an area or a note has focus; listed for help. */
export interface EmpathyShortcut extends BaseShortcut {
  scope: "empathy";
  action: { type: EmpathyShortcutType };
}

export type Shortcut =
  GlobalShortcut | ProblemListShortcut | OutlineShortcut | BoardShortcut | EmpathyShortcut;
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
  ...(
    [
      ["Enter", "addSibling"],
      ["Tab", "indent"],
      ["Shift+Tab", "outdent"],
      ["Alt+ArrowInlineEnd", "indent"],
      ["Alt+ArrowInlineStart", "outdent"],
      ["Alt+ArrowUp", "moveUp"],
      ["Alt+ArrowDown", "moveDown"],
      ["ArrowUp", "previous"],
      ["ArrowDown", "next"],
      ["Ctrl+ArrowUp", "collapse"],
      ["Ctrl+ArrowDown", "expand"],
      ["Alt+R", "toggleRootCause"],
      ["Alt+S", "cycleStatus"],
      ["Alt+E", "openDetails"],
      ["Ctrl+Shift+Backspace", "delete"],
      ["Backspace", "deleteEmpty"],
      ["Delete", "deleteEmpty"],
      ["Ctrl+Z", "undo"],
      ["Ctrl+Shift+Z", "redo"],
      ["Ctrl+Y", "redo"],
      ["Escape", "leave"],
    ] as const
  ).map(([key, type]): Shortcut => ({
    keys: [key],
    descriptionKey: `outline.shortcuts.${type}`,
    group: "outline",
    scope: "outline",
    action: { type },
  })),
  ...(
    [
      ["Alt+ArrowInlineEnd", "moveNext"],
      ["Alt+ArrowInlineStart", "movePrevious"],
      ["Space", "pickUp"],
    ] as const
  ).map(([key, type]): Shortcut => ({
    keys: [key],
    descriptionKey: `actionBoard.shortcuts.${type}`,
    group: "board",
    scope: "board",
    action: { type },
  })),
  ...(
    [
      ["n", "addNote"],
      ["Enter", "editNote"],
      ["Delete", "deleteNote"],
      ["Alt+ArrowInlineEnd", "moveArea"],
      ["Alt+ArrowInlineStart", "moveArea"],
      ["Alt+ArrowUp", "moveUp"],
      ["Alt+ArrowDown", "moveDown"],
      ["Space", "select"],
      ["v", "vote"],
    ] as const
  ).map(([key, type]): Shortcut => ({
    keys: [key],
    descriptionKey: `empathy.shortcuts.${type}`,
    group: "empathy",
    scope: "empathy",
    action: { type },
  })),
];

/** The shortcuts of one scope. */
export function shortcutsOf<S extends ShortcutScope>(scope: S): Extract<Shortcut, { scope: S }>[] {
  return SHORTCUTS.filter((s): s is Extract<Shortcut, { scope: S }> => s.scope === scope);
}

const KEY_LABELS: Record<string, string> = {
  ArrowDown: "↓",
  ArrowUp: "↑",
  ArrowLeft: "←",
  ArrowRight: "→",
  Enter: "Enter",
  Tab: "Tab",
  Escape: "Esc",
  Backspace: "Backspace",
  Delete: "Delete",
  Ctrl: "Ctrl",
  Alt: "Alt",
  Shift: "Shift",
};

function isRightToLeft(): boolean {
  return typeof document !== "undefined" && document.documentElement.dir === "rtl";
}

/**
 * How a key is printed in the overlay: as on a Latin keyboard, in every
 * language. Chords print their parts joined by "+"; the arrows along the
 * reading direction print as the arrow of the current direction.
 */
export function keyLabel(key: string): string {
  if (key.length > 1 && key.includes("+")) return key.split("+").map(keyLabel).join("+");
  if (key === "ArrowInlineEnd") return isRightToLeft() ? "←" : "→";
  if (key === "ArrowInlineStart") return isRightToLeft() ? "→" : "←";
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
