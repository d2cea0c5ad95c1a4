/**
 * The keys of the guided session, as a pure function of a key press and
 * where it happened, so the screen and its tests agree on one table.
 * Spatial keys (the arrows along the chain, Alt+arrow for "back") mirror in
 * right-to-left layouts; the answer list is vertical and does not.
 */
import { shortcutKey } from "../../../shortcuts/keys";

export type SessionKeyAction =
  | { type: "exit" }
  | { type: "blur" }
  | { type: "back" }
  | { type: "deeper"; index: number }
  | { type: "moveAnswer"; by: 1 | -1 }
  | { type: "moveCrumb"; by: 1 | -1 }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "focusInput" }
  | { type: "toggleFullscreen" }
  | { type: "toggleTimer" };

export interface SessionKeyContext {
  dir: "ltr" | "rtl";
  /** The key went to a field that takes typed text. */
  typing: boolean;
  /** That field holds text (its own undo and Backspace apply). */
  hasText: boolean;
  /** That field is a single-line input (arrows may leave it when it is empty). */
  singleLine: boolean;
  /** Focus is on the chain (breadcrumb). */
  inChain: boolean;
}

type KeyPress = Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">;

const ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";

/** The digit 1-9 a key press stands for (any layout, number row or keypad), else null. */
export function digitOf(event: Pick<KeyboardEvent, "key" | "code">): number | null {
  const fromCode = /^(?:Digit|Numpad)([1-9])$/.exec(event.code)?.[1];
  if (fromCode !== undefined) return Number(fromCode);
  if (/^[1-9]$/.test(event.key)) return Number(event.key);
  const arabic = ARABIC_INDIC_DIGITS.indexOf(event.key);
  return arabic >= 1 ? arabic : null;
}

/** The arrow that points "back" (towards the problem) in this direction. */
function backArrow(dir: "ltr" | "rtl"): string {
  return dir === "rtl" ? "ArrowRight" : "ArrowLeft";
}

export function sessionKeyAction(event: KeyPress, context: SessionKeyContext): SessionKeyAction | null {
  const { key } = event;
  const command = event.ctrlKey || event.metaKey;

  if (command && !event.altKey) {
    // Inside a field with text, Ctrl+Z belongs to the field.
    if (context.typing && context.hasText) return null;
    const letter =
      event.code === "KeyZ" || key.toLowerCase() === "z"
        ? "z"
        : event.code === "KeyY" || key.toLowerCase() === "y"
          ? "y"
          : null;
    if (letter === "z") return event.shiftKey ? { type: "redo" } : { type: "undo" };
    if (letter === "y") return { type: "redo" };
    return null;
  }

  if (event.altKey && !command) {
    if (key === "ArrowUp" || key === backArrow(context.dir)) return { type: "back" };
    return null;
  }
  if (command || event.altKey) return null;

  if (key === "Escape") return context.typing ? { type: "blur" } : { type: "exit" };

  if (context.typing) {
    if (context.singleLine && !context.hasText) {
      if (key === "ArrowDown") return { type: "moveAnswer", by: 1 };
      if (key === "ArrowUp") return { type: "moveAnswer", by: -1 };
    }
    return null;
  }

  if (key === "Backspace") return { type: "back" };
  if (key === "ArrowDown") return { type: "moveAnswer", by: 1 };
  if (key === "ArrowUp") return { type: "moveAnswer", by: -1 };
  if (context.inChain && (key === "ArrowLeft" || key === "ArrowRight")) {
    return { type: "moveCrumb", by: key === backArrow(context.dir) ? -1 : 1 };
  }

  const digit = digitOf(event);
  if (digit !== null) return { type: "deeper", index: digit - 1 };

  switch (shortcutKey(event)) {
    case "a":
      return { type: "focusInput" };
    case "f":
      return { type: "toggleFullscreen" };
    case "t":
      return { type: "toggleTimer" };
    default:
      return null;
  }
}
