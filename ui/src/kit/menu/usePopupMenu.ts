import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { currentLanguage, directionOf } from "../../i18n";

/** Where an open menu sits: under its button (above it near the window's bottom), in viewport terms. */
export function placeMenu(button: HTMLElement, menuHeight: number): CSSProperties {
  const rect = button.getBoundingClientRect();
  const rtl = directionOf(currentLanguage()) === "rtl";
  const below = rect.bottom + 4 + menuHeight <= window.innerHeight || rect.top < menuHeight + 4;
  return {
    position: "fixed",
    insetInlineStart: rtl ? window.innerWidth - rect.right : rect.left,
    ...(below ? { insetBlockStart: rect.bottom + 4 } : { insetBlockEnd: window.innerHeight - rect.top + 4 }),
  };
}

export interface PopupMenuOptions {
  /** Keep every key pressed in the menu from reaching the page (not only the ones the menu handles). */
  containKeys?: boolean;
}

/**
 * A menu button's behaviour: the menu opens under the button (placed with
 * `placeMenu`, so it escapes clipping parents) with focus on its first item;
 * Arrow keys, Home and End move through the items; Escape closes it and
 * focus goes back to the button; Tab, a click elsewhere or the page
 * scrolling under it closes it. Render the button with `buttonRef` and
 * `onButtonKeyDown`, the `role="menu"` list with `menuRef`, `place` as its
 * style and `onMenuKeyDown`, and items with `role="menuitem"`.
 */
export function usePopupMenu({ containKeys = false }: PopupMenuOptions = {}) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<CSSProperties>({ position: "fixed" });

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  useLayoutEffect(() => {
    if (!open || buttonRef.current === null) return;
    setPlace(placeMenu(buttonRef.current, menuRef.current?.offsetHeight ?? 0));
    items()[0]?.focus();
  }, [open]);

  // A click elsewhere, or the page scrolling under the menu, closes it.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    const onScroll = (event: Event) => {
      if (!menuRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    window.addEventListener("scroll", onScroll, true);
    window.addEventListener("resize", onScroll);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown, true);
      window.removeEventListener("scroll", onScroll, true);
      window.removeEventListener("resize", onScroll);
    };
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent) => {
    if (containKeys) event.stopPropagation();
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => {
      list[(i + list.length) % list.length]?.focus();
    };
    switch (event.key) {
      case "ArrowDown":
        focusAt(index + 1);
        break;
      case "ArrowUp":
        focusAt(index - 1);
        break;
      case "Home":
        focusAt(0);
        break;
      case "End":
        focusAt(list.length - 1);
        break;
      case "Escape":
        close(true);
        break;
      case "Tab":
        close(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  /** On the button: Arrow Down or Up opens the menu. */
  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (containKeys) event.stopPropagation();
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
    }
  };

  const toggle = () => {
    setOpen((was) => !was);
  };

  return { open, setOpen, close, toggle, place, buttonRef, menuRef, onMenuKeyDown, onButtonKeyDown };
}
