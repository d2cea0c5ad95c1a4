import { describe, expect, it } from "vitest";
import {
  countdownReducer,
  formatClock,
  initialCountdown,
  MINUTE_MS,
  remainingMs,
  type CountdownAction,
  type CountdownState,
} from "./countdown";

function run(state: CountdownState, ...actions: CountdownAction[]): CountdownState {
  return actions.reduce(countdownReducer, state);
}

describe("countdown", () => {
  it("counts down from the clock, not from the number of ticks", () => {
    const started = run(initialCountdown(3), { type: "start", now: 1_000 });
    expect(remainingMs(started)).toBe(3 * MINUTE_MS);
    // One late tick (a throttled window) still shows the right time.
    const later = run(started, { type: "tick", now: 1_000 + 100_000 });
    expect(remainingMs(later)).toBe(3 * MINUTE_MS - 100_000);
    expect(later.status).toBe("running");
  });

  it("ends once at zero, even when a single tick jumps past it", () => {
    const started = run(initialCountdown(1), { type: "start", now: 0 });
    const done = run(started, { type: "tick", now: 10 * MINUTE_MS });
    expect(done.status).toBe("done");
    expect(remainingMs(done)).toBe(0);
    expect(done.endings).toBe(1);
    expect(run(done, { type: "tick", now: 11 * MINUTE_MS }).endings).toBe(1);
    // Jumping straight past one minute left skips that warning.
    expect(done.warnings).toBe(0);
  });

  it("warns once when one minute is left, but not when it starts with a minute", () => {
    const started = run(initialCountdown(3), { type: "start", now: 0 });
    const warned = run(
      started,
      { type: "tick", now: 60_000 },
      { type: "tick", now: 120_500 },
      { type: "tick", now: 121_000 },
    );
    expect(warned.warnings).toBe(1);
    const short = run(initialCountdown(1), { type: "start", now: 0 }, { type: "tick", now: 500 });
    expect(short.warnings).toBe(0);
  });

  it("pauses, resumes, adds a minute and resets", () => {
    let state = run(initialCountdown(5), { type: "start", now: 0 }, { type: "pause", now: 30_000 });
    expect(state.status).toBe("paused");
    expect(remainingMs(state)).toBe(5 * MINUTE_MS - 30_000);
    // Time spent paused does not count.
    state = run(state, { type: "tick", now: 900_000 }, { type: "resume", now: 900_000 });
    state = run(state, { type: "tick", now: 910_000 });
    expect(remainingMs(state)).toBe(5 * MINUTE_MS - 40_000);
    state = run(state, { type: "addMinute", now: 910_000 });
    expect(remainingMs(state)).toBe(6 * MINUTE_MS - 40_000);
    state = run(state, { type: "reset" });
    expect(state.status).toBe("idle");
    expect(remainingMs(state)).toBe(5 * MINUTE_MS);
  });

  it("runs one more minute after time is up", () => {
    const done = run(initialCountdown(1), { type: "start", now: 0 }, { type: "tick", now: MINUTE_MS });
    const more = run(done, { type: "addMinute", now: MINUTE_MS + 5 });
    expect(more.status).toBe("running");
    expect(remainingMs(more)).toBe(MINUTE_MS);
  });

  it("takes only whole minutes from 1 to 99, and keeps a running countdown's time", () => {
    const idle = initialCountdown(5);
    expect(run(idle, { type: "setMinutes", minutes: 0 }).minutes).toBe(5);
    expect(run(idle, { type: "setMinutes", minutes: 2.5 }).minutes).toBe(5);
    expect(run(idle, { type: "setMinutes", minutes: 100 }).minutes).toBe(5);
    expect(remainingMs(run(idle, { type: "setMinutes", minutes: 10 }))).toBe(10 * MINUTE_MS);
    const running = run(idle, { type: "start", now: 0 }, { type: "setMinutes", minutes: 1 });
    expect(running.minutes).toBe(1);
    expect(remainingMs(running, 0)).toBe(5 * MINUTE_MS);
  });

  it("shows mm:ss, rounded up, in the locale's digits", () => {
    expect(formatClock(5 * MINUTE_MS, "en")).toBe("05:00");
    expect(formatClock(59_001, "en")).toBe("01:00");
    expect(formatClock(59_000, "en")).toBe("00:59");
    expect(formatClock(0, "en")).toBe("00:00");
    expect(formatClock(65_000, "ar-u-nu-latn")).toBe("01:05");
    expect(formatClock(65_000, "ar-u-nu-arab")).toBe("٠١:٠٥");
  });
});
