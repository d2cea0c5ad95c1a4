import { useState } from "react";
import { useTranslation } from "react-i18next";
import { editMap } from "../../../api/empathy";
import { useWrite } from "../../../api/freshness";
import type { Board } from "../../../bindings/Board";
import type { EmpathyMap } from "../../../bindings/EmpathyMap";
import type { Phase } from "../../../bindings/Phase";
import { describeError } from "../../../i18n/errors";
import { prepareChime } from "./chime";
import type { Countdown } from "./countdown";

/** Moves the map to a phase: "private" starts a private-writing round, "open" reveals it. */
export function usePhaseChange(mapId: string) {
  return useWrite<EmpathyMap, Phase>((phase) => editMap(mapId, { field: "phase", value: phase }));
}

interface PrivateRoundControlProps {
  board: Board;
  countdown: Countdown;
  announce: (message: string) => void;
}

/**
 * The private-writing control of the toolbar: start a round (and, if asked,
 * the timer with the chosen minutes), or reveal the notes written in it.
 */
export function PrivateRoundControl({ board, countdown, announce }: PrivateRoundControlProps) {
  const { t } = useTranslation();
  const phase = usePhaseChange(board.map.id);
  const [withTimer, setWithTimer] = useState(true);
  const isPrivate = board.map.phase === "private";

  const change = (next: Phase) => {
    phase.mutate(next, {
      onSuccess: () => {
        if (next === "private") {
          if (withTimer) countdown.start();
          announce(t("workshop.private.started"));
        } else {
          announce(t("workshop.private.revealed"));
        }
      },
    });
  };

  return (
    <div className="workshop-private" role="group" aria-label={t("workshop.private.label")}>
      {isPrivate ? (
        <button
          type="button"
          className="button button--primary"
          data-testid="private-reveal"
          disabled={phase.isPending}
          onClick={() => {
            change("open");
          }}
        >
          {t("workshop.private.reveal")}
        </button>
      ) : (
        <>
          <button
            type="button"
            className="button"
            data-testid="private-start"
            disabled={phase.isPending}
            onClick={() => {
              if (withTimer) prepareChime();
              change("private");
            }}
          >
            {t("workshop.private.start")}
          </button>
          <label className="workshop-check">
            <input
              type="checkbox"
              checked={withTimer}
              data-testid="private-with-timer"
              onChange={(event) => {
                setWithTimer(event.target.checked);
              }}
            />
            {t("workshop.private.withTimer", { count: countdown.state.minutes })}
          </label>
        </>
      )}
      {phase.error !== null && (
        <span className="field-error" role="alert" data-testid="private-error">
          {describeError(t, phase.error)}
        </span>
      )}
    </div>
  );
}

/** The banner shown all through a private round, with how many notes wait to be revealed. */
export function PrivateBanner({ board }: { board: Board }) {
  const { t } = useTranslation();
  const hidden = board.notes.filter((n) => n.hidden).length;
  return (
    <div className="workshop-banner" data-testid="private-banner">
      <strong className="workshop-banner-title">{t("workshop.private.banner")}</strong>{" "}
      <span data-testid="private-hidden-count">{t("workshop.private.hiddenCount", { count: hidden })}</span>
    </div>
  );
}
