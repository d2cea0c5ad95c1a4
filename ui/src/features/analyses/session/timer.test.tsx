import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import "../../../i18n";
import { playSoftTone } from "./signal";
import { StepTimer } from "./StepTimer";
import { formatRemaining, initialTimer, timerReducer, useStepTimer, type TimerState } from "./timer";

function run(state: TimerState, ...actions: Parameters<typeof timerReducer>[1][]): TimerState {
  return actions.reduce(timerReducer, state);
}

describe("step timer reducer", () => {
  it("is off by default and does not start until enabled", () => {
    const state = initialTimer();
    expect(state).toMatchObject({ enabled: false, running: false, minutes: 3, remainingMs: 180_000 });
    expect(run(state, { type: "start" }).running).toBe(false);
  });

  it("counts down, stops at zero and signals once", () => {
    const state = run(
      initialTimer(),
      { type: "enable", on: true },
      { type: "setMinutes", minutes: 1 },
      { type: "start" },
      { type: "tick", elapsedMs: 59_000 },
    );
    expect(state).toMatchObject({ running: true, remainingMs: 1_000, finished: false, signals: 0 });
    const done = run(state, { type: "tick", elapsedMs: 5_000 }, { type: "tick", elapsedMs: 5_000 });
    expect(done).toMatchObject({ running: false, remainingMs: 0, finished: true, signals: 1 });
  });

  it("pauses, resets, clamps minutes and restarts at each new step only when enabled", () => {
    let state = run(initialTimer(), { type: "enable", on: true }, { type: "start" }, { type: "pause" });
    expect(run(state, { type: "tick", elapsedMs: 10_000 }).remainingMs).toBe(180_000);
    expect(run(state, { type: "setMinutes", minutes: 40 }).minutes).toBe(15);
    expect(run(state, { type: "setMinutes", minutes: 0 }).minutes).toBe(1);
    state = run(state, { type: "start" }, { type: "tick", elapsedMs: 30_000 });
    expect(run(state, { type: "reset" })).toMatchObject({ remainingMs: 180_000, running: false });
    expect(run(state, { type: "newStep" })).toMatchObject({ remainingMs: 180_000, running: true });
    expect(run(initialTimer(), { type: "newStep" })).toEqual(initialTimer());
  });

  it("formats the time left as m:ss, rounding up", () => {
    expect(formatRemaining(180_000)).toBe("3:00");
    expect(formatRemaining(59_001)).toBe("1:00");
    expect(formatRemaining(9_000)).toBe("0:09");
    expect(formatRemaining(0)).toBe("0:00");
  });
});

function Harness({ stepKey, onSignal }: { stepKey: string; onSignal: () => void }) {
  const timer = useStepTimer(stepKey, onSignal);
  return <StepTimer timer={timer} />;
}

describe("step timer on screen", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("counts down with the clock, pulses and plays a soft tone at zero", () => {
    const started: number[] = [];
    class FakeAudioContext {
      currentTime = 0;
      destination = {};
      createGain() {
        return {
          gain: { setValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() },
          connect: vi.fn(),
        };
      }
      createOscillator() {
        return {
          type: "",
          frequency: { setValueAtTime: (f: number) => started.push(f) },
          connect: vi.fn(),
          start: vi.fn(),
          stop: vi.fn(),
        };
      }
      close() {
        return Promise.resolve();
      }
    }
    vi.stubGlobal("AudioContext", FakeAudioContext);
    const onSignal = vi.fn(() => {
      playSoftTone();
    });
    const { rerender } = render(<Harness stepKey="a" onSignal={onSignal} />);

    expect(screen.queryByTestId("timer-remaining")).toBeNull();
    fireEvent.click(screen.getByTestId("timer-enable"));
    fireEvent.change(screen.getByTestId("timer-minutes"), { target: { value: "1" } });
    expect(screen.getByTestId("timer-remaining")).toHaveTextContent("1:00");
    fireEvent.click(screen.getByTestId("timer-start"));

    act(() => {
      vi.advanceTimersByTime(30_000);
    });
    expect(screen.getByTestId("timer-remaining")).toHaveTextContent("0:30");
    expect(onSignal).not.toHaveBeenCalled();

    act(() => {
      vi.advanceTimersByTime(31_000);
    });
    expect(screen.getByTestId("timer-remaining")).toHaveTextContent("0:00");
    expect(screen.getByTestId("timer-done")).toHaveTextContent("Time is up for this step");
    expect(screen.getByTestId("step-timer")).toHaveAttribute("data-finished");
    expect(onSignal).toHaveBeenCalledTimes(1);
    expect(started).toEqual([660, 880]);

    // A new step starts the countdown again from the chosen minutes.
    rerender(<Harness stepKey="b" onSignal={onSignal} />);
    expect(screen.getByTestId("timer-remaining")).toHaveTextContent("1:00");
    expect(screen.queryByTestId("timer-done")).toBeNull();
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(screen.getByTestId("timer-remaining")).toHaveTextContent("0:50");
    fireEvent.click(screen.getByTestId("timer-pause"));
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(screen.getByTestId("timer-remaining")).toHaveTextContent("0:50");
    act(() => {
      vi.runOnlyPendingTimers();
    });
  });

  it("signals without sound, and without failing, when WebAudio is missing or refuses", () => {
    vi.stubGlobal("AudioContext", undefined);
    expect(playSoftTone()).toBe(false);
    vi.stubGlobal(
      "AudioContext",
      vi.fn(function refuse() {
        throw new Error("not allowed");
      }),
    );
    expect(playSoftTone()).toBe(false);
  });
});
