import { useEffect, useRef, type RefObject } from "react";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements of `container` that Tab can reach, in order. */
export function focusableIn(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE));
}

/** Keeps Tab and Shift+Tab cycling inside `dialog` (call it for a Tab key press). */
export function trapTab(event: KeyboardEvent, dialog: HTMLElement | null): void {
  if (!dialog) return;
  const focusable = focusableIn(dialog);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (first === undefined || last === undefined) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  const inside = active instanceof Node && dialog.contains(active);
  if (event.shiftKey && (!inside || active === first || active === dialog)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (!inside || active === last)) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * The keyboard of a modal dialog: Esc closes it (not while `pending`), Tab
 * cycles inside it, and focus that escapes (a click on the backdrop) is
 * pulled back in. `capture` listens before the page's own key handlers
 * (for dialogs opened from views that handle keys themselves).
 */
export function useModalKeys(
  dialogRef: RefObject<HTMLElement | null>,
  onClose: () => void,
  pending: boolean,
  { capture = false }: { capture?: boolean } = {},
): void {
  const closeRef = useRef(onClose);
  const pendingRef = useRef(pending);
  useEffect(() => {
    closeRef.current = onClose;
    pendingRef.current = pending;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        if (capture) event.stopPropagation();
        if (!pendingRef.current) closeRef.current();
        return;
      }
      if (event.key === "Tab") trapTab(event, dialogRef.current);
    };
    const onFocusIn = (event: FocusEvent) => {
      const dialog = dialogRef.current;
      if (dialog && event.target instanceof Node && !dialog.contains(event.target)) {
        focusableIn(dialog)[0]?.focus();
      }
    };
    document.addEventListener("keydown", onKeyDown, capture);
    document.addEventListener("focusin", onFocusIn);
    return () => {
      document.removeEventListener("keydown", onKeyDown, capture);
      document.removeEventListener("focusin", onFocusIn);
    };
  }, [dialogRef, capture]);
}
