/**
 * One-line fields (a title, a name, an owner): what happens to pasted lines.
 * A browser's `<input>` silently drops the line breaks of pasted text
 * ("line1line2") and keeps its tabs; here they become single spaces, the
 * same rule the core applies on every write (`write::one_line`), and the
 * person is told.
 */
import { useState, type ClipboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** Line breaks and tabs (with the spaces around them) inside a run of whitespace. */
const BREAKS = /\s*[\t\n\r\v\f\u0085\u2028\u2029]\s*/gu;

/**
 * The text of a one-line field: every run of whitespace that holds a line
 * break or a tab becomes one space; other spaces stay as typed.
 */
export function oneLine(text: string): string {
  return text.replace(BREAKS, " ");
}

export interface OneLinePaste {
  /** The input's paste handler. */
  onPaste: (event: ClipboardEvent<HTMLInputElement>) => void;
  /** Call on every typed change: the notice goes once the person types on. */
  onTyped: () => void;
  /** The translated notice while pasted lines were joined, else null. */
  notice: ReactNode;
}

/**
 * Pasting into a one-line input: the pasted text's line breaks and tabs
 * become spaces, it goes where the selection was, and a short notice says so.
 */
export function useOneLinePaste(
  value: string,
  onChange: (value: string) => void,
  testId: string,
): OneLinePaste {
  const { t } = useTranslation();
  const [joined, setJoined] = useState(false);
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData("text/plain");
    const flat = oneLine(pasted);
    if (flat === pasted) return;
    event.preventDefault();
    const input = event.currentTarget;
    const start = input.selectionStart ?? value.length;
    const end = input.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + flat + value.slice(end));
    setJoined(true);
    const caret = start + flat.length;
    requestAnimationFrame(() => {
      if (document.activeElement === input) input.setSelectionRange(caret, caret);
    });
  };
  return {
    onPaste,
    onTyped: () => {
      setJoined(false);
    },
    notice: joined ? (
      <span className="field-hint one-line-notice" role="status" data-testid={`${testId}-joined`}>
        {t("textField.joinedLines")}
      </span>
    ) : null,
  };
}
