import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatRemaining, TIMER_MINUTES, type StepTimer as StepTimerModel } from "./timer";

/** The optional countdown of a step: off by default, 1 to 15 minutes, start / pause / reset. */
export function StepTimer({ timer }: { timer: StepTimerModel }) {
  const { t } = useTranslation();
  const id = useId();
  const { state, dispatch } = timer;
  return (
    <section
      className="session-timer"
      aria-label={t("session.timer.label")}
      data-finished={state.finished ? "" : undefined}
      data-testid="step-timer"
    >
      <label className="session-timer-toggle">
        <input
          type="checkbox"
          checked={state.enabled}
          data-testid="timer-enable"
          onChange={(event) => {
            dispatch({ type: "enable", on: event.target.checked });
          }}
        />
        {t("session.timer.enable")}
      </label>
      {state.enabled && (
        <>
          <label className="visually-hidden" htmlFor={`${id}-minutes`}>
            {t("session.timer.minutes")}
          </label>
          <select
            id={`${id}-minutes`}
            className="text-input session-timer-minutes"
            value={state.minutes}
            data-testid="timer-minutes"
            onChange={(event) => {
              dispatch({ type: "setMinutes", minutes: Number(event.target.value) });
            }}
          >
            {TIMER_MINUTES.map((m) => (
              <option key={m} value={m}>
                {t("session.timer.minutesOption", { count: m })}
              </option>
            ))}
          </select>
          <span
            className="session-timer-clock ltr-text"
            role="timer"
            aria-label={t("session.timer.remaining")}
            data-testid="timer-remaining"
          >
            {formatRemaining(state.remainingMs)}
          </span>
          {state.running ? (
            <button
              type="button"
              className="button"
              data-testid="timer-pause"
              onClick={() => {
                dispatch({ type: "pause" });
              }}
            >
              {t("session.timer.pause")}
            </button>
          ) : (
            <button
              type="button"
              className="button"
              data-testid="timer-start"
              onClick={() => {
                dispatch({ type: "start" });
              }}
            >
              {t("session.timer.start")}
            </button>
          )}
          <button
            type="button"
            className="button button--ghost"
            data-testid="timer-reset"
            onClick={() => {
              dispatch({ type: "reset" });
            }}
          >
            {t("session.timer.reset")}
          </button>
          {state.finished && (
            <span className="session-timer-done" role="status" data-testid="timer-done">
              {t("session.timer.done")}
            </span>
          )}
        </>
      )}
    </section>
  );
}
