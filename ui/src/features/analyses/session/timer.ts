/**
 * The optional per-step timer of the guided session: a pure reducer (tested
 * on its own) and a hook that drives it with the clock. Off by default; when
 * on, it starts again from the chosen minutes at every new step.
 */
import { useCallback, useEffect, useReducer, useRef } from "react";

export const TIMER_MINUTES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] as const;
export const DEFAULT_TIMER_MINUTES = 3;
const MINUTE_MS = 60_000;
/** How often the countdown reads the clock. */
export const TIMER_TICK_MS = 250;

export interface TimerState {
  /** The team asked for a timer. */
  enabled: boolean;
  /** Minutes per step, 1 to 15. */
  minutes: number;
  /** Time left in this step, in milliseconds. */
  remainingMs: number;
  running: boolean;
  /** Reached zero (cleared by reset, a new step or a new duration). */
  finished: boolean;
  /** Counts the times it reached zero: a change is the signal to play. */
  signals: number;
}

export type TimerAction =
  | { type: "enable"; on: boolean }
  | { type: "setMinutes"; minutes: number }
  | { type: "start" }
  | { type: "pause" }
  | { type: "reset" }
  | { type: "tick"; elapsedMs: number }
  /** The session moved to another step. */
  | { type: "newStep" };

export function initialTimer(minutes = DEFAULT_TIMER_MINUTES): TimerState {
  return {
    enabled: false,
    minutes,
    remainingMs: minutes * MINUTE_MS,
    running: false,
    finished: false,
    signals: 0,
  };
}

function clampMinutes(minutes: number): number {
  if (!Number.isFinite(minutes)) return DEFAULT_TIMER_MINUTES;
  return Math.min(15, Math.max(1, Math.round(minutes)));
}

function full(state: TimerState, running: boolean): TimerState {
  return { ...state, remainingMs: state.minutes * MINUTE_MS, running, finished: false };
}

export function timerReducer(state: TimerState, action: TimerAction): TimerState {
  switch (action.type) {
    case "enable":
      return action.on ? { ...full(state, false), enabled: true } : { ...full(state, false), enabled: false };
    case "setMinutes": {
      const minutes = clampMinutes(action.minutes);
      return full({ ...state, minutes }, false);
    }
    case "start":
      if (!state.enabled) return state;
      return state.finished || state.remainingMs <= 0 ? full(state, true) : { ...state, running: true };
    case "pause":
      return { ...state, running: false };
    case "reset":
      return full(state, false);
    case "tick": {
      if (!state.running || action.elapsedMs <= 0) return state;
      const remainingMs = Math.max(0, state.remainingMs - action.elapsedMs);
      if (remainingMs > 0) return { ...state, remainingMs };
      return { ...state, remainingMs: 0, running: false, finished: true, signals: state.signals + 1 };
    }
    case "newStep":
      return state.enabled ? full(state, true) : state;
  }
}

/** "m:ss" of the time left, rounded up so it shows 0:00 only at zero. */
export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

export interface StepTimer {
  state: TimerState;
  dispatch: (action: TimerAction) => void;
}

/**
 * The timer of the step named `stepKey` (it starts over when the key
 * changes). Calls `onSignal` once each time it reaches zero.
 */
export function useStepTimer(stepKey: string, onSignal: () => void): StepTimer {
  const [state, dispatch] = useReducer(timerReducer, undefined, () => initialTimer());

  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    dispatch({ type: "newStep" });
  }, [stepKey]);

  useEffect(() => {
    if (!state.running) return;
    let last = Date.now();
    const id = setInterval(() => {
      const now = Date.now();
      dispatch({ type: "tick", elapsedMs: now - last });
      last = now;
    }, TIMER_TICK_MS);
    return () => {
      clearInterval(id);
    };
  }, [state.running]);

  const onSignalRef = useRef(onSignal);
  useEffect(() => {
    onSignalRef.current = onSignal;
  }, [onSignal]);
  useEffect(() => {
    if (state.signals > 0) onSignalRef.current();
  }, [state.signals]);

  const stableDispatch = useCallback((action: TimerAction) => {
    dispatch(action);
  }, []);
  return { state, dispatch: stableDispatch };
}
