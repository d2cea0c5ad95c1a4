import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import type { AppError } from "../api/errors";
import { isolate } from "../i18n/format";
import { describeError } from "../i18n/errors";

/** How long an Undo offer stays on screen (paused while pointed at or focused). */
export const UNDO_TOAST_MS = 6000;

/** Something just moved to the trash that may be brought back. */
export interface Deleted {
  id: string;
  title: string;
}

export interface UndoOffer extends Deleted {
  /** Tells one offer from the next, so a new delete restarts the timer. */
  key: number;
}

export interface UndoOffers {
  offer: (deleted: Deleted) => void;
  /** Forgets the offer `key`, unless a newer one took its place. */
  dismiss: (key: number) => void;
  clear: () => void;
  subscribe: (listener: () => void) => () => void;
  current: () => UndoOffer | null;
}

/**
 * A tiny store outside React for one kind of Undo offer: the screen that
 * deletes goes away at once, while the host showing the offer outlives it.
 */
export function createUndoOffers(): UndoOffers {
  let current: UndoOffer | null = null;
  let nextKey = 1;
  const listeners = new Set<() => void>();
  const set = (value: UndoOffer | null) => {
    current = value;
    for (const listener of listeners) listener();
  };
  return {
    offer: ({ id, title }) => {
      set({ key: nextKey++, id, title });
    },
    dismiss: (key) => {
      if (current?.key === key) set(null);
    },
    clear: () => {
      set(null);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    current: () => current,
  };
}

/** The offer to show now, or null; with `clearOnUnmount`, the offer goes with the host. */
export function useUndoOffer(offers: UndoOffers, clearOnUnmount = false): UndoOffer | null {
  const offer = useSyncExternalStore(offers.subscribe, offers.current);
  useEffect(
    () => () => {
      if (clearOnUnmount) offers.clear();
    },
    [offers, clearOnUnmount],
  );
  return offer;
}

/** The i18n groups holding an Undo offer's message, failed, restoring, action and dismiss. */
type UndoMessages =
  "problemDetail.undo" | "analyses.undoDelete" | "actionDetail.undo" | "personas.undo" | "personas.quoteUndo";

export interface UndoToastProps {
  offers: UndoOffers;
  offer: UndoOffer;
  /** True while the restore is under way. */
  pending: boolean;
  /** Why the last restore failed, or null. */
  error: AppError | null;
  onUndo: () => void;
  messages: UndoMessages;
  testIds: { toast: string; undo: string; dismiss?: string };
}

/**
 * Offers to undo a move to the trash for a while; the timer pauses while the
 * offer is pointed at or focused, while restoring and after a failure.
 */
export function UndoToast({ offers, offer, pending, error, onUndo, messages, testIds }: UndoToastProps) {
  const { t } = useTranslation();
  const [paused, setPaused] = useState(false);
  const hovered = useRef(false);
  const focused = useRef(false);

  useEffect(() => {
    if (paused || pending || error !== null) return;
    const timer = setTimeout(() => {
      offers.dismiss(offer.key);
    }, UNDO_TOAST_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [paused, pending, error, offers, offer.key]);

  const updatePause = () => {
    setPaused(hovered.current || focused.current);
  };

  return (
    <div
      className="toast"
      role="status"
      data-testid={testIds.toast}
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
            t(`${messages}.message`, { title: isolate(offer.title) })
          : t(`${messages}.failed`, { reason: describeError(t, error) })}
      </p>
      <div className="toast-actions">
        <button
          type="button"
          className="button toast-button"
          onClick={onUndo}
          disabled={pending}
          data-testid={testIds.undo}
        >
          {pending ? t(`${messages}.restoring`) : t(`${messages}.action`)}
        </button>
        <button
          type="button"
          className="button button--ghost toast-close"
          onClick={() => {
            offers.dismiss(offer.key);
          }}
          aria-label={t(`${messages}.dismiss`)}
          title={t(`${messages}.dismiss`)}
          data-testid={testIds.dismiss}
        >
          <svg viewBox="0 0 16 16" className="toast-close-icon" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
          </svg>
        </button>
      </div>
    </div>
  );
}
