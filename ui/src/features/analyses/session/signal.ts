/**
 * The soft tone the step timer plays at zero. WebAudio may be missing (some
 * webviews, tests) or refuse to start: then the visual pulse is the only
 * signal, and nothing fails.
 */

type AudioContextConstructor = new () => AudioContext;

function audioContextClass(): AudioContextConstructor | undefined {
  const scope = globalThis as unknown as {
    AudioContext?: AudioContextConstructor;
    webkitAudioContext?: AudioContextConstructor;
  };
  return scope.AudioContext ?? scope.webkitAudioContext;
}

/** Plays a short, quiet two-note chime; true when a tone was scheduled. */
export function playSoftTone(): boolean {
  const Context = audioContextClass();
  if (Context === undefined) return false;
  try {
    const context = new Context();
    const start = context.currentTime;
    const gain = context.createGain();
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.12, start + 0.04);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.9);
    gain.connect(context.destination);
    [660, 880].forEach((frequency, i) => {
      const oscillator = context.createOscillator();
      oscillator.type = "sine";
      oscillator.frequency.setValueAtTime(frequency, start + i * 0.18);
      oscillator.connect(gain);
      oscillator.start(start + i * 0.18);
      oscillator.stop(start + 0.9);
    });
    setTimeout(() => {
      try {
        void context.close().catch(() => undefined);
      } catch {
        // Already closed, or no close(): nothing to release.
      }
    }, 1200);
    return true;
  } catch {
    return false;
  }
}
