import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { setFullscreen } from "../../../api/window";
import type { Board } from "../../../bindings/Board";
import { isModalOpen, isTypingTarget } from "../../../shortcuts/keys";
import { playChime } from "./chime";
import { WorkshopContext, type WorkshopState } from "./context";
import { useCountdown, type Clock } from "./countdown";
import { CountdownTimer } from "./CountdownTimer";
import { PrivateBanner, PrivateRoundControl } from "./PrivateRound";
import { useVoting } from "./useVoting";
import { VotingPanel } from "./VotingPanel";

export interface WorkshopFrameProps {
  /** The board being run. */
  board: Board;
  /** Leaves workshop mode (back to the ordinary board). */
  onExit: () => void;
  /** The board itself. */
  children: ReactNode;
  /** The clock the timer reads (tests); `performance.now` by default. */
  now?: Clock;
}

/** The class on <html> while a workshop runs: large type, no sidebar. */
export const WORKSHOP_ROOT_CLASS = "workshop-mode";

/** Frames open now: full screen is left only when the last one goes (StrictMode mounts twice). */
let openFrames = 0;

/**
 * Full screen and large type for as long as the frame is shown. A window
 * that cannot go full screen (a browser, a refused request) is reported
 * through `onFailure` (keep it stable: a new one re-enters), never fatal.
 */
function useProjectorMode(onFailure: () => void): void {
  useEffect(() => {
    let mounted = true;
    openFrames += 1;
    const root = document.documentElement;
    root.classList.add(WORKSHOP_ROOT_CLASS);
    setFullscreen(true).catch(() => {
      if (mounted) onFailure();
    });
    return () => {
      mounted = false;
      openFrames -= 1;
      queueMicrotask(() => {
        if (openFrames > 0) return;
        root.classList.remove(WORKSHOP_ROOT_CLASS);
        setFullscreen(false).catch(() => undefined);
      });
    };
  }, [onFailure]);
}

/**
 * Workshop mode around the empathy board, for a room with a projector:
 * full screen, large high-contrast type, no sidebar, and a toolbar with the
 * map's title, a countdown, the private-writing round, dot voting and a way
 * out (the button, or Escape when no field or dialog has it).
 */
export function WorkshopFrame({ board, onExit, children, now }: WorkshopFrameProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [announcement, setAnnouncementText] = useState("");
  // The same sentence twice (two rounds ending) must be announced twice: make it differ.
  const setAnnouncement = useCallback((message: string) => {
    setAnnouncementText((previous) => (previous === message ? `${message}\u00a0` : message));
  }, []);
  const [fullscreenFailed, setFullscreenFailed] = useState(false);
  const [sound, setSound] = useState(true);
  const isPrivate = board.map.phase === "private";

  useProjectorMode(
    useCallback(() => {
      setFullscreenFailed(true);
    }, []),
  );

  const countdown = useCountdown({
    now,
    onOneMinute: () => {
      setAnnouncement(t("workshop.timer.oneMinuteLeft"));
    },
    onEnd: () => {
      if (sound) playChime();
      setAnnouncement(isPrivate ? t("workshop.timer.doneReveal") : t("workshop.timer.done"));
    },
  });

  const voting = useVoting(board);
  const context = useMemo<WorkshopState>(() => ({ projector: true, voting: voting.state }), [voting.state]);

  // Escape leaves, unless something else used it: a note editor, a field, a dialog, a
  // keyboard drag. Listeners added later (a drag's) run after this one, so whether the
  // key was used is read once every listener has had it.
  const onExitRef = useRef(onExit);
  useEffect(() => {
    onExitRef.current = onExit;
  }, [onExit]);
  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented || event.isComposing) return;
      if (isTypingTarget(event.target) || isTypingTarget(document.activeElement) || isModalOpen()) return;
      clearTimeout(pending);
      pending = setTimeout(() => {
        if (!event.defaultPrevented) onExitRef.current();
      }, 0);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => {
      clearTimeout(pending);
      window.removeEventListener("keydown", onKeyDown);
    };
  }, []);

  return (
    <WorkshopContext.Provider value={context}>
      <div
        className="workshop-frame"
        role="region"
        aria-labelledby={titleId}
        data-testid="workshop-frame"
        data-phase={board.map.phase}
        data-voting={voting.open ? "" : undefined}
      >
        <header className="workshop-toolbar">
          <div className="workshop-heading">
            <h1 id={titleId} className="workshop-title" data-testid="workshop-title">
              {board.map.title}
            </h1>
            <p className="workshop-persona" data-testid="workshop-persona">
              {t("workshop.persona", { name: board.persona.name })}
            </p>
          </div>
          <CountdownTimer
            countdown={countdown}
            sound={sound}
            onSoundChange={setSound}
            suggestReveal={isPrivate}
          />
          <PrivateRoundControl board={board} countdown={countdown} announce={setAnnouncement} />
          <div className="workshop-voting-toggle">
            {voting.open ? (
              <button
                type="button"
                className="button button--primary"
                data-testid="voting-end"
                onClick={voting.end}
              >
                {t("workshop.voting.end")}
              </button>
            ) : (
              <button type="button" className="button" data-testid="voting-start" onClick={voting.start}>
                {t("workshop.voting.start")}
              </button>
            )}
          </div>
          <button
            type="button"
            className="button workshop-leave"
            data-testid="workshop-leave"
            onClick={onExit}
          >
            {t("workshop.leave")} <kbd aria-hidden="true">Esc</kbd>
          </button>
        </header>
        {fullscreenFailed && (
          <div className="workshop-notice" role="status" data-testid="workshop-fullscreen-failed">
            <span>{t("workshop.fullscreenFailed")}</span>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setFullscreenFailed(false);
              }}
            >
              {t("workshop.dismiss")}
            </button>
          </div>
        )}
        {isPrivate && <PrivateBanner board={board} />}
        <div className="workshop-body">
          <div className="workshop-board">{children}</div>
          {voting.open && <VotingPanel board={board} voting={voting} />}
        </div>
        <p className="visually-hidden" role="status" aria-live="polite" data-testid="workshop-announcement">
          {announcement}
        </p>
      </div>
    </WorkshopContext.Provider>
  );
}
