/**
 * Helpers for lists virtualised with `@tanstack/react-virtual` that scroll with
 * the page (the shell's main area), not in a box of their own: the problem
 * list and the why-tree outline.
 */
import { observeElementRect, type Rect, type Virtualizer } from "@tanstack/react-virtual";

/** The root font size in pixels (16 when it cannot be read). */
export function rootFontSize(): number {
  const size = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) && size > 0 ? size : 16;
}

/** The nearest ancestor that scrolls (the shell's main area), where the rows scroll with the page. */
export function scrollParent(element: HTMLElement): HTMLElement {
  for (let node = element.parentElement; node !== null; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === "auto" || overflowY === "scroll" || overflowY === "overlay") return node;
  }
  return element.closest("main") ?? document.documentElement;
}

/** Like the default, but a scroller not laid out yet (height 0) counts as one window high. */
export function observeRect<T extends Element>(
  instance: Virtualizer<HTMLElement, T>,
  callback: (rect: Rect) => void,
) {
  return observeElementRect(instance, (rect) => {
    callback(rect.height > 0 ? rect : { width: rect.width, height: window.innerHeight });
  });
}
