/**
 * The gentle end-of-round chime: two soft sine notes that fade out slowly,
 * made with the Web Audio API (no audio file, nothing loaded). Web Audio
 * may be missing (tests, some webviews) or refuse to start without a user
 * gesture: then the visual pulse and the message are the signal, and
 * nothing fails.
 */

type AudioContextConstructor = new () => AudioContext;

function audioContextClass(): AudioContextConstructor | undefined {
  const scope = globalThis as unknown as {
    AudioContext?: AudioContextConstructor;
    webkitAudioContext?: AudioContextConstructor;
  };
  return scope.AudioContext ?? scope.webkitAudioContext;
}

/** The two notes (E5, then C5: a soft "ding-dong"), their spacing and length in seconds. */
export const CHIME_NOTES = [659.25, 523.25] as const;
const NOTE_GAP_S = 0.6;
const NOTE_LENGTH_S = 2.2;
const PEAK_GAIN = 0.14;

let shared: AudioContext | null = null;

/** One audio context for the app, made on first use; null when Web Audio is unavailable. */
function context(): AudioContext | null {
  if (shared !== null && shared.state !== "closed") return shared;
  const Context = audioContextClass();
  if (Context === undefined) return null;
  try {
    shared = new Context();
    return shared;
  } catch {
    return null;
  }
}

/**
 * Wakes the audio context during a click (Start, Start private writing), so
 * the chime may sound later when no one is touching the app: webviews keep
 * a context made without a user gesture suspended.
 */
export function prepareChime(): void {
  const audio = context();
  if (audio === null) return;
  try {
    if (audio.state === "suspended") void audio.resume().catch(() => undefined);
  } catch {
    // resume() missing or refused: the chime will try again when it plays.
  }
}

/** Plays the chime; true when the notes were scheduled. */
export function playChime(): boolean {
  const audio = context();
  if (audio === null) return false;
  try {
    if (audio.state === "suspended") void audio.resume().catch(() => undefined);
    const start = audio.currentTime + 0.05;
    CHIME_NOTES.forEach((frequency, i) => {
      const at = start + i * NOTE_GAP_S;
      const oscillator = audio.createOscillator();
      oscillator.type = "sine";
      oscillator.frequency.setValueAtTime(frequency, at);
      const gain = audio.createGain();
      // A soft attack, then a slow fade to silence.
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(PEAK_GAIN, at + 0.08);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + NOTE_LENGTH_S);
      oscillator.connect(gain);
      gain.connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + NOTE_LENGTH_S + 0.05);
    });
    return true;
  } catch {
    return false;
  }
}

/** Forgets the shared context (tests). */
export function resetChimeForTests(): void {
  shared = null;
}
