import { useEffect, useRef } from "react";
import { isModalOpen, isTypingTarget, shortcutKey } from "./keys";
import { findShortcut, isShortcutPrefix, SEQUENCE_TIMEOUT_MS, type ShortcutAction } from "./registry";

/**
 * Listens for the shortcuts of the registry on the whole window and runs
 * `onAction` for each one completed. Ignores key presses while someone types
 * in a field, while a modal dialog is open, and presses with Ctrl, Alt or
 * Meta (those belong to the system).
 */
export function useGlobalShortcuts(onAction: (action: ShortcutAction) => void, enabled: boolean): void {
  const onActionRef = useRef(onAction);
  useEffect(() => {
    onActionRef.current = onAction;
  }, [onAction]);

  useEffect(() => {
    if (!enabled) return;
    let pending: string[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reset = () => {
      pending = [];
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (event.ctrlKey || event.metaKey || event.altKey) {
        reset();
        return;
      }
      if (isTypingTarget(event.target) || isModalOpen()) {
        reset();
        return;
      }
      const key = shortcutKey(event);
      if (key === null) return; // Shift and friends: keep any sequence going.

      let sequence = [...pending, key];
      if (findShortcut(sequence, "global") === undefined && !isShortcutPrefix(sequence, "global")) {
        // A broken sequence: the key may still start a shortcut of its own.
        sequence = [key];
      }
      const match = findShortcut(sequence, "global");
      if (match !== undefined) {
        event.preventDefault();
        reset();
        onActionRef.current(match.action);
      } else if (isShortcutPrefix(sequence, "global")) {
        event.preventDefault();
        reset();
        pending = sequence;
        timer = setTimeout(reset, SEQUENCE_TIMEOUT_MS);
      } else {
        reset();
      }
    };

    window.addEventListener("keydown", onKeyDown);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      reset();
    };
  }, [enabled]);
}
