/**
 * Matches key presses in the outline against the outline shortcuts of the
 * registry, so the help overlay lists exactly what works.
 */
import { shortcutsOf, type OutlineAction } from "../../../shortcuts/registry";

interface Chord {
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

function parseChord(text: string): Chord {
  const parts = text.length > 1 ? text.split("+") : [text];
  const key = parts.pop() ?? "";
  return {
    ctrl: parts.includes("Ctrl"),
    alt: parts.includes("Alt"),
    shift: parts.includes("Shift"),
    key,
  };
}

const CHORDS = shortcutsOf("outline").map((s) => ({
  chord: parseChord(s.keys[0] ?? ""),
  action: s.action,
}));

type KeyPress = Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">;

function keyMatches(event: KeyPress, key: string, rtl: boolean): boolean {
  // Letters name the physical key, so Alt+R works on an Arabic layout too.
  if (/^[A-Z]$/.test(key)) return event.code === `Key${key}`;
  if (key === "ArrowInlineEnd") return event.key === (rtl ? "ArrowLeft" : "ArrowRight");
  if (key === "ArrowInlineStart") return event.key === (rtl ? "ArrowRight" : "ArrowLeft");
  return event.key === key;
}

/** The outline action a key press asks for, if any. `rtl`: the outline grows leftwards. */
export function outlineActionFor(event: KeyPress, rtl: boolean): OutlineAction | undefined {
  const ctrl = event.ctrlKey || event.metaKey;
  return CHORDS.find(
    ({ chord }) =>
      chord.ctrl === ctrl &&
      chord.alt === event.altKey &&
      chord.shift === event.shiftKey &&
      keyMatches(event, chord.key, rtl),
  )?.action;
}
