import { useEffect, useRef } from "react";
import { isModalOpen, isTypingTarget, shortcutKey } from "./keys";
import { findShortcut, type ProblemListAction } from "./registry";

/** Keys named by `KeyboardEvent.key` that list shortcuts use as they are. */
const NAMED_KEYS = new Set(["ArrowDown", "ArrowUp", "Enter"]);

/** Elements that do something of their own with Enter or the arrow keys. */
const OWN_KEYS_SELECTOR = 'a[href], button, summary, [role="button"], input, select, textarea';

/**
 * Runs the problem list's shortcuts (registry scope `problemList`) while the
 * list is shown. Leaves alone key presses in fields, on controls that use
 * those keys themselves (Enter on a button, arrows in a radio group), with
 * Ctrl, Alt or Meta, and while a modal dialog is open.
 */
export function useProblemListShortcuts(onAction: (action: ProblemListAction) => void): void {
  const onActionRef = useRef(onAction);
  useEffect(() => {
    onActionRef.current = onAction;
  }, [onAction]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target) || isModalOpen()) return;
      const key = NAMED_KEYS.has(event.key) ? event.key : shortcutKey(event);
      if (key === null) return;
      const shortcut = findShortcut([key], "problemList");
      if (shortcut === undefined) return;
      const target = event.target instanceof Element ? event.target : null;
      if (shortcut.action.type === "openSelected" && target?.closest(OWN_KEYS_SELECTOR)) return;
      if (
        shortcut.action.type === "moveSelection" &&
        target instanceof HTMLInputElement &&
        target.type === "radio"
      )
        return;
      event.preventDefault();
      onActionRef.current(shortcut.action);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
    };
  }, []);
}
