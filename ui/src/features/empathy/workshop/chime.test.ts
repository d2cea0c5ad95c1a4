import { afterEach, describe, expect, it, vi } from "vitest";
import { CHIME_NOTES, playChime, prepareChime, resetChimeForTests } from "./chime";

interface Ramp {
  value: number;
  at: number;
}

/** Just enough of Web Audio to see what the chime schedules. */
function fakeAudio() {
  const oscillators: { frequency: number; start: number; stop: number; type: string }[] = [];
  const ramps: Ramp[][] = [];
  class FakeContext {
    state = "suspended";
    currentTime = 10;
    destination = {};
    resume = vi.fn(() => {
      this.state = "running";
      return Promise.resolve();
    });
    createOscillator() {
      const record = { frequency: 0, start: 0, stop: 0, type: "" };
      oscillators.push(record);
      return {
        set type(value: string) {
          record.type = value;
        },
        frequency: {
          setValueAtTime: (value: number) => {
            record.frequency = value;
          },
        },
        connect: () => undefined,
        start: (at: number) => {
          record.start = at;
        },
        stop: (at: number) => {
          record.stop = at;
        },
      };
    }
    createGain() {
      const steps: Ramp[] = [];
      ramps.push(steps);
      return {
        gain: {
          setValueAtTime: (value: number, at: number) => steps.push({ value, at }),
          exponentialRampToValueAtTime: (value: number, at: number) => steps.push({ value, at }),
        },
        connect: () => undefined,
      };
    }
  }
  return { FakeContext, oscillators, ramps };
}

afterEach(() => {
  resetChimeForTests();
  vi.unstubAllGlobals();
});

describe("chime", () => {
  it("does nothing, and does not throw, without Web Audio", () => {
    vi.stubGlobal("AudioContext", undefined);
    vi.stubGlobal("webkitAudioContext", undefined);
    expect(() => {
      prepareChime();
    }).not.toThrow();
    expect(playChime()).toBe(false);
  });

  it("plays two soft sine notes that fade out slowly", () => {
    const audio = fakeAudio();
    vi.stubGlobal("AudioContext", audio.FakeContext);
    expect(playChime()).toBe(true);
    expect(audio.oscillators.map((o) => o.frequency)).toEqual([...CHIME_NOTES]);
    expect(audio.oscillators.every((o) => o.type === "sine")).toBe(true);
    const [first, second] = audio.oscillators;
    expect(second?.start ?? 0).toBeGreaterThan(first?.start ?? 0);
    for (const steps of audio.ramps) {
      const peak = Math.max(...steps.map((s) => s.value));
      const last = steps.at(-1);
      expect(peak).toBeLessThanOrEqual(0.2);
      expect(last?.value).toBeLessThan(0.001);
      // A slow fade: well over a second from start to silence.
      expect((last?.at ?? 0) - (steps[0]?.at ?? 0)).toBeGreaterThan(1.5);
    }
  });

  it("survives a context that throws", () => {
    vi.stubGlobal(
      "AudioContext",
      vi.fn(() => {
        throw new Error("no audio device");
      }),
    );
    expect(playChime()).toBe(false);
  });
});
