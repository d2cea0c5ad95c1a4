/**
 * The workshop's countdown: a pure reducer (tested on its own) and a hook
 * that drives it with a clock. The time left is always computed from clock
 * readings (when it started, now), never by counting ticks, so a throttled
 * window or a late interval cannot make it drift.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";

export const MINUTE_MS = 60_000;
/** The quick choices offered beside the minutes field. */
export const PRESET_MINUTES = [1, 3, 5, 10] as const;
export const DEFAULT_MINUTES = 5;
export const MIN_MINUTES = 1;
export const MAX_MINUTES = 99;
/** How often the display reads the clock while running. */
export const TICK_MS = 250;

export type CountdownStatus = "idle" | "running" | "paused" | "done";

export interface CountdownState {
  /** The chosen duration, in whole minutes. */
  minutes: number;
  status: CountdownStatus;
  /** Time left when it last started running (or all the time left, when not running). */
  leftMs: number;
  /** The clock reading when it last started running. */
  since: number;
  /** The latest clock reading. */
  nowMs: number;
  /** Counts the times it crossed one minute left: a change is the cue to announce. */
  warnings: number;
  /** Counts the times it reached zero: a change is the cue to signal. */
  endings: number;
}

export type CountdownAction =
  | { type: "setMinutes"; minutes: number }
  | { type: "start"; now: number }
  | { type: "pause"; now: number }
  | { type: "resume"; now: number }
  | { type: "reset" }
  | { type: "addMinute"; now: number }
  | { type: "tick"; now: number };

/** True when `minutes` is a duration the timer accepts. */
export function isValidMinutes(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= MIN_MINUTES && minutes <= MAX_MINUTES;
}

export function initialCountdown(minutes = DEFAULT_MINUTES, now = 0): CountdownState {
  return {
    minutes,
    status: "idle",
    leftMs: minutes * MINUTE_MS,
    since: now,
    nowMs: now,
    warnings: 0,
    endings: 0,
  };
}

/** Milliseconds left at the latest clock reading. */
export function remainingMs(state: CountdownState, now = state.nowMs): number {
  if (state.status !== "running") return state.leftMs;
  return Math.max(0, state.leftMs - Math.max(0, now - state.since));
}

/** Freezes the time left at `now` (the start of any change to a running timer). */
function settle(state: CountdownState, now: number): CountdownState {
  if (state.status !== "running") return { ...state, nowMs: now };
  return { ...state, leftMs: remainingMs(state, now), since: now, nowMs: now };
}

export function countdownReducer(state: CountdownState, action: CountdownAction): CountdownState {
  switch (action.type) {
    case "setMinutes": {
      if (!isValidMinutes(action.minutes)) return state;
      // A running or paused countdown keeps its time; the new duration applies from the next start.
      if (state.status === "running" || state.status === "paused")
        return { ...state, minutes: action.minutes };
      return { ...state, minutes: action.minutes, status: "idle", leftMs: action.minutes * MINUTE_MS };
    }
    case "start":
      return {
        ...state,
        status: "running",
        leftMs: state.minutes * MINUTE_MS,
        since: action.now,
        nowMs: action.now,
      };
    case "pause":
      if (state.status !== "running") return state;
      return { ...settle(state, action.now), status: "paused" };
    case "resume":
      if (state.status !== "paused") return state;
      return { ...state, status: "running", since: action.now, nowMs: action.now };
    case "reset":
      return { ...state, status: "idle", leftMs: state.minutes * MINUTE_MS };
    case "addMinute": {
      switch (state.status) {
        case "idle":
          return countdownReducer(state, {
            type: "setMinutes",
            minutes: Math.min(MAX_MINUTES, state.minutes + 1),
          });
        case "done":
          // One more minute after time is up: it runs again at once.
          return { ...state, status: "running", leftMs: MINUTE_MS, since: action.now, nowMs: action.now };
        default: {
          const settled = settle(state, action.now);
          return { ...settled, leftMs: settled.leftMs + MINUTE_MS };
        }
      }
    }
    case "tick": {
      if (state.status !== "running") return state;
      const before = remainingMs(state);
      const after = remainingMs(state, action.now);
      if (after <= 0) {
        return { ...state, status: "done", leftMs: 0, nowMs: action.now, endings: state.endings + 1 };
      }
      const warned = before > MINUTE_MS && after <= MINUTE_MS;
      return { ...state, nowMs: action.now, warnings: warned ? state.warnings + 1 : state.warnings };
    }
  }
}

/** Minutes and seconds left, rounded up so it shows 00:00 only at zero. */
export function splitRemaining(ms: number): { minutes: number; seconds: number } {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/** "mm:ss" in the digits of `locale` (two digits each, never grouped). */
export function formatClock(ms: number, locale: string): string {
  const { minutes, seconds } = splitRemaining(ms);
  const two = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  return `${two.format(minutes)}:${two.format(seconds)}`;
}

/** The clock the countdown reads: milliseconds from an arbitrary, steady origin. */
export type Clock = () => number;

export const defaultClock: Clock = () =>
  typeof performance !== "undefined" && typeof performance.now === "function"
    ? performance.now()
    : Date.now();

export interface CountdownOptions {
  /** The clock (tests pass their own). */
  now?: Clock;
  /** Called once each time it reaches zero. */
  onEnd?: () => void;
  /** Called once when one minute is left (not when it starts with a minute or less). */
  onOneMinute?: () => void;
  initialMinutes?: number;
}

export interface Countdown {
  state: CountdownState;
  remainingMs: number;
  setMinutes: (minutes: number) => void;
  /** Starts from the chosen minutes (again, if it was running or done). */
  start: () => void;
  pause: () => void;
  resume: () => void;
  reset: () => void;
  addMinute: () => void;
}

/** A countdown driven by `now`: ticks while running, signals at one minute left and at zero. */
export function useCountdown(options: CountdownOptions = {}): Countdown {
  const clockRef = useRef<Clock>(options.now ?? defaultClock);
  const onEndRef = useRef(options.onEnd);
  const onOneMinuteRef = useRef(options.onOneMinute);
  useEffect(() => {
    clockRef.current = options.now ?? defaultClock;
    onEndRef.current = options.onEnd;
    onOneMinuteRef.current = options.onOneMinute;
  });

  const [state, dispatch] = useReducer(countdownReducer, options.initialMinutes ?? DEFAULT_MINUTES, (m) =>
    initialCountdown(m),
  );

  const running = state.status === "running";
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => {
      dispatch({ type: "tick", now: clockRef.current() });
    }, TICK_MS);
    // A window brought back to the front shows the right time at once.
    const onVisible = () => {
      if (document.visibilityState === "visible") dispatch({ type: "tick", now: clockRef.current() });
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(id);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [running]);

  useEffect(() => {
    if (state.warnings > 0) onOneMinuteRef.current?.();
  }, [state.warnings]);
  useEffect(() => {
    if (state.endings > 0) onEndRef.current?.();
  }, [state.endings]);

  const setMinutes = useCallback((minutes: number) => {
    dispatch({ type: "setMinutes", minutes });
  }, []);
  const start = useCallback(() => {
    dispatch({ type: "start", now: clockRef.current() });
  }, []);
  const pause = useCallback(() => {
    dispatch({ type: "pause", now: clockRef.current() });
  }, []);
  const resume = useCallback(() => {
    dispatch({ type: "resume", now: clockRef.current() });
  }, []);
  const reset = useCallback(() => {
    dispatch({ type: "reset" });
  }, []);
  const addMinute = useCallback(() => {
    dispatch({ type: "addMinute", now: clockRef.current() });
  }, []);

  return useMemo(
    () => ({ state, remainingMs: remainingMs(state), setMinutes, start, pause, resume, reset, addMinute }),
    [state, setMinutes, start, pause, resume, reset, addMinute],
  );
}
