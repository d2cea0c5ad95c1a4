import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { isLanguage } from "../../../i18n";
import { intlLocale } from "../../../i18n/format";
import { prepareChime } from "./chime";
import {
  formatClock,
  isValidMinutes,
  MAX_MINUTES,
  MIN_MINUTES,
  PRESET_MINUTES,
  type Countdown,
} from "./countdown";

interface CountdownTimerProps {
  countdown: Countdown;
  /** The chime plays at zero. */
  sound: boolean;
  onSoundChange: (on: boolean) => void;
  /** A private round is on: when time is up, suggest revealing the notes. */
  suggestReveal: boolean;
}

/**
 * The countdown in the workshop toolbar: minutes (presets or a number),
 * start, pause and resume, one more minute, reset, and a large mm:ss clock.
 * At zero: a gentle pulse, a message and (unless muted) a soft chime.
 */
export function CountdownTimer({ countdown, sound, onSoundChange, suggestReveal }: CountdownTimerProps) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "en";
  const id = useId();
  const { state } = countdown;
  const [draft, setDraft] = useState(String(state.minutes));
  const [shownMinutes, setShownMinutes] = useState(state.minutes);
  // A preset or "+1 minute" changed the duration: the field follows.
  if (shownMinutes !== state.minutes) {
    setShownMinutes(state.minutes);
    setDraft(String(state.minutes));
  }

  const draftNumber = Number(draft.trim());
  const draftInvalid = draft.trim() !== "" && !isValidMinutes(draftNumber);
  const choosing = state.status === "idle" || state.status === "done";
  const active = state.status === "running" || state.status === "paused";

  return (
    <section
      className="workshop-timer"
      aria-label={t("workshop.timer.label")}
      data-status={state.status}
      data-testid="workshop-timer"
    >
      <span
        className="workshop-timer-clock ltr-text"
        role="timer"
        aria-label={t("workshop.timer.remaining")}
        data-testid="timer-display"
      >
        {formatClock(countdown.remainingMs, intlLocale(language))}
      </span>
      <div className="workshop-timer-controls">
        {choosing && (
          <div className="workshop-timer-minutes" role="group" aria-labelledby={`${id}-minutes-label`}>
            <span id={`${id}-minutes-label`} className="visually-hidden">
              {t("workshop.timer.minutes")}
            </span>
            {PRESET_MINUTES.map((m) => (
              <button
                key={m}
                type="button"
                className="button workshop-preset"
                aria-pressed={state.minutes === m}
                data-testid={`timer-preset-${m}`}
                onClick={() => {
                  countdown.setMinutes(m);
                }}
              >
                {t("workshop.timer.preset", { count: m })}
              </button>
            ))}
            <label className="visually-hidden" htmlFor={`${id}-minutes`}>
              {t("workshop.timer.minutes")}
            </label>
            <input
              id={`${id}-minutes`}
              className="text-input workshop-minutes-input"
              type="number"
              inputMode="numeric"
              min={MIN_MINUTES}
              max={MAX_MINUTES}
              step={1}
              value={draft}
              aria-invalid={draftInvalid}
              aria-describedby={draftInvalid ? `${id}-minutes-error` : undefined}
              data-testid="timer-minutes"
              onChange={(event) => {
                const text = event.target.value;
                setDraft(text);
                const minutes = Number(text.trim());
                if (text.trim() !== "" && isValidMinutes(minutes)) countdown.setMinutes(minutes);
              }}
            />
            {draftInvalid && (
              <span id={`${id}-minutes-error`} className="field-error" role="alert">
                {t("workshop.timer.minutesRange", { min: MIN_MINUTES, max: MAX_MINUTES })}
              </span>
            )}
            <button
              type="button"
              className="button button--primary"
              data-testid="timer-start"
              disabled={draftInvalid}
              onClick={() => {
                prepareChime();
                countdown.start();
              }}
            >
              {t("workshop.timer.start")}
            </button>
          </div>
        )}
        {active && (
          <button
            type="button"
            className="button button--primary"
            data-testid="timer-pause"
            onClick={() => {
              if (state.status === "running") countdown.pause();
              else countdown.resume();
            }}
          >
            {state.status === "running" ? t("workshop.timer.pause") : t("workshop.timer.resume")}
          </button>
        )}
        {state.status !== "idle" && (
          <>
            <button
              type="button"
              className="button"
              data-testid="timer-add-minute"
              onClick={() => {
                prepareChime();
                countdown.addMinute();
              }}
            >
              {t("workshop.timer.addMinute")}
            </button>
            <button
              type="button"
              className="button button--ghost"
              data-testid="timer-reset"
              onClick={countdown.reset}
            >
              {t("workshop.timer.reset")}
            </button>
          </>
        )}
        <button
          type="button"
          className="button button--ghost"
          aria-pressed={sound}
          data-testid="timer-sound"
          onClick={() => {
            onSoundChange(!sound);
          }}
        >
          {t("workshop.timer.sound")}
        </button>
      </div>
      {state.status === "done" && (
        <p className="workshop-timer-done" data-testid="timer-done">
          {suggestReveal ? t("workshop.timer.doneReveal") : t("workshop.timer.done")}
        </p>
      )}
    </section>
  );
}
