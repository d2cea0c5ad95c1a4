/**
 * Which stages of a map the grid draws. A map of 12 stages, 120 touchpoints
 * and 1,000 cards is some 11,000 elements, and WebKit takes about as long
 * to build a page of 11,000 plain elements as the map's whole budget; so
 * the grid draws the stages in view and one on either side (stage heads
 * always), and the others as empty cells until they scroll near. A stage
 * that holds the focus stays drawn, so nothing being typed is ever lost.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

/** The first and last stage drawn (inclusive). */
export interface StageRange {
  from: number;
  to: number;
}

/**
 * Stages drawn before the grid is measured, from the start of the reading
 * direction: as many as a window this wide shows (a stage is at least
 * 15rem, beside the sidebar and the lanes' names) and one more, the room
 * the measure after the first paint keeps after them. So on a usual window
 * that measure finds the same stages and the map is drawn once, not twice.
 */
export function firstDrawn(windowWidth: number): number {
  return Math.max(3, Math.ceil(windowWidth / 300)) + 1;
}

/**
 * The stages to draw, from the horizontal extent of each stage's head and
 * of the scroller (any direction: only boxes are compared), with one
 * stage's width of room on either side, plus the stage holding the focus.
 */
export function stagesInView(
  heads: readonly { left: number; right: number }[],
  view: { left: number; right: number },
  focused: number | null,
): StageRange | null {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  heads.forEach((head, i) => {
    const room = head.right - head.left;
    if (head.right > view.left - room && head.left < view.right + room) {
      from = Math.min(from, i);
      to = Math.max(to, i);
    }
  });
  if (focused !== null) {
    from = Math.min(from, focused);
    to = Math.max(to, focused);
  }
  return Number.isFinite(from) ? { from, to } : null;
}

/**
 * The grid's scroller (to attach) and the stages to draw. Measured after
 * the first paint, then again as the scroller scrolls or changes size, and
 * when the stages change. The grid's cells are memoised, so a new range
 * draws only the stages it adds.
 */
export function useStageWindow(stageCount: number) {
  const [range, setRange] = useState<StageRange>(() => ({ from: 0, to: firstDrawn(window.innerWidth) - 1 }));
  const scroller = useRef<HTMLElement | null>(null);
  const frame = useRef(0);

  const measure = useCallback(() => {
    const el = scroller.current;
    if (el === null) return;
    const view = el.getBoundingClientRect();
    // Without layout (jsdom) every stage is drawn.
    if (view.width === 0) {
      setRange((was) => (was.from === 0 && was.to >= stageCount - 1 ? was : { from: 0, to: stageCount - 1 }));
      return;
    }
    const heads = [...el.querySelectorAll<HTMLElement>("[data-stage-head]")].map((h) =>
      h.getBoundingClientRect(),
    );
    const focusedCell = document.activeElement?.closest<HTMLElement>("[data-stage-index]");
    const focused = el.contains(focusedCell ?? null) ? Number(focusedCell?.dataset.stageIndex) : null;
    const next = stagesInView(heads, view, Number.isNaN(focused) ? null : focused);
    if (next === null) return;
    setRange((was) => (was.from === next.from && was.to === next.to ? was : next));
  }, [stageCount]);

  const schedule = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(measure);
  }, [measure]);

  const attach = useCallback(
    (node: HTMLElement | null) => {
      const was = scroller.current;
      if (was !== null) was.removeEventListener("scroll", schedule);
      scroller.current = node;
      if (node !== null) node.addEventListener("scroll", schedule, { passive: true });
    },
    [schedule],
  );

  // Measured after the first paint: the stages it adds are the room outside the view.
  useEffect(() => {
    schedule();
    const el = scroller.current;
    if (el === null || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(schedule);
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [measure, schedule, stageCount]);

  return { attach, range };
}

/**
 * Touchpoints drawn at first in each stage, from the top: as many as a
 * window this tall shows (a touchpoint is some 18rem tall). The others
 * wait under a placeholder of about their height until it comes within a
 * window's height of the view (see useNear), or its button is used; a
 * stage's touchpoints, once drawn, stay drawn.
 */
export function firstTouchpoints(windowHeight: number): number {
  return Math.max(2, Math.ceil(windowHeight / 250));
}

/** The height a placeholder keeps for touchpoints not drawn yet. */
export const TOUCHPOINT_ESTIMATE_REM = 18;

/**
 * Calls `onNear` once the element comes within a window's height of the
 * view (at once where nothing can tell: no IntersectionObserver).
 */
export function useNear(onNear: () => void) {
  const [node, setNode] = useState<HTMLElement | null>(null);
  const callback = useRef(onNear);
  useEffect(() => {
    callback.current = onNear;
  });
  useEffect(() => {
    if (node === null) return;
    if (typeof IntersectionObserver === "undefined") {
      callback.current();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) callback.current();
      },
      { rootMargin: "100% 0px" },
    );
    observer.observe(node);
    return () => {
      observer.disconnect();
    };
  }, [node]);
  return setNode;
}

/** The height a lane cell keeps for each card not drawn yet. */
export const CARD_ESTIMATE_REM = 3;

/**
 * Whether a lane cell draws its cards: at once if, laid out, it starts
 * within a window's height of the view (measured before the first paint,
 * so what shows is drawn in the first frame), otherwise once its
 * placeholder comes that near. Lanes sit below the touchpoints, which on a
 * big map fill the first screens; once drawn, a cell stays drawn.
 */
export function useCellNear() {
  const [drawn, setDrawn] = useState(false);
  const cell = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (drawn || cell.current === null) return;
    const box = cell.current.getBoundingClientRect();
    // Without layout (jsdom) every box is empty at 0: drawn.
    if (box.top < 2 * window.innerHeight && box.bottom > -window.innerHeight) setDrawn(true);
  }, [drawn]);
  const attachPlaceholder = useNear(() => {
    setDrawn(true);
  });
  const attachCell = useCallback((node: HTMLElement | null) => {
    cell.current = node;
  }, []);
  return { drawn, attachCell, attachPlaceholder };
}
