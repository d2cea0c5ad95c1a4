import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { AppError } from "../../../api/errors";
import { useRestoreProblem } from "../../../api/queries";
import { describeError } from "../../../i18n/errors";

/** How long the Undo offer stays on screen (paused while pointed at or focused). */
export const UNDO_TOAST_MS = 6000;

interface DeletedProblem {
  /** Tells one offer from the next, so a new delete restarts the timer. */
  key: number;
  id: string;
  title: string;
}

// A tiny store outside React: the screen that deletes goes away at once,
// while the host (mounted in the shell) outlives the navigation.
let current: DeletedProblem | null = null;
let nextKey = 1;
const listeners = new Set<() => void>();

function setCurrent(value: DeletedProblem | null): void {
  current = value;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Offers to undo moving a problem to the trash, wherever the user goes next. */
export function offerUndoDelete(problem: { id: string; title: string }): void {
  setCurrent({ key: nextKey++, id: problem.id, title: problem.title });
}

/** Mount once in the shell: shows the Undo offer for a deleted problem. */
export function UndoToastHost() {
  const offer = useSyncExternalStore(subscribe, () => current);
  // An offer belongs to this workspace's shell: forget it when the shell goes.
  useEffect(
    () => () => {
      setCurrent(null);
    },
    [],
  );
  if (offer === null) return null;
  return <UndoToast key={offer.key} offer={offer} />;
}

function UndoToast({ offer }: { offer: DeletedProblem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const restore = useRestoreProblem();
  const [error, setError] = useState<AppError | null>(null);
  const [paused, setPaused] = useState(false);
  const hovered = useRef(false);
  const focused = useRef(false);

  const dismiss = () => {
    if (current?.key === offer.key) setCurrent(null);
  };

  useEffect(() => {
    if (paused || restore.isPending || error !== null) return;
    const timer = setTimeout(() => {
      if (current?.key === offer.key) setCurrent(null);
    }, UNDO_TOAST_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [paused, restore.isPending, error, offer.key]);

  const updatePause = () => {
    setPaused(hovered.current || focused.current);
  };

  const undo = () => {
    if (restore.isPending) return;
    restore.mutate(offer.id, {
      onSuccess: () => {
        dismiss();
        void navigate(`/problems/${offer.id}`);
      },
      onError: (reason) => {
        setError(reason);
      },
    });
  };

  return (
    <div
      className="toast"
      role="status"
      data-testid="undo-toast"
      onPointerEnter={() => {
        hovered.current = true;
        updatePause();
      }}
      onPointerLeave={() => {
        hovered.current = false;
        updatePause();
      }}
      onFocus={() => {
        focused.current = true;
        updatePause();
      }}
      onBlur={(event) => {
        if (event.currentTarget.contains(event.relatedTarget)) return;
        focused.current = false;
        updatePause();
      }}
    >
      <p className="toast-message">
        {error === null
          ? // The title is isolated, so its own direction never reorders the sentence around it.
            t("problemDetail.undo.message", { title: `\u2068${offer.title}\u2069` })
          : t("problemDetail.undo.failed", { reason: describeError(t, error) })}
      </p>
      <div className="toast-actions">
        <button
          type="button"
          className="button toast-button"
          onClick={undo}
          disabled={restore.isPending}
          data-testid="undo-delete"
        >
          {restore.isPending ? t("problemDetail.undo.restoring") : t("problemDetail.undo.action")}
        </button>
        <button
          type="button"
          className="button button--ghost toast-close"
          onClick={dismiss}
          aria-label={t("problemDetail.undo.dismiss")}
          title={t("problemDetail.undo.dismiss")}
          data-testid="undo-dismiss"
        >
          <svg viewBox="0 0 16 16" className="toast-close-icon" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
          </svg>
        </button>
      </div>
    </div>
  );
}
