import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { restoreFromTrash } from "../../../api/commands";
import type { AppError } from "../../../api/errors";
import { queryKeys } from "../../../api/queries";
import { describeError } from "../../../i18n/errors";
import { UNDO_TOAST_MS } from "../../problems/detail/UndoToast";
import { isolate } from "../../problems/list/format";

interface DeletedAnalysis {
  key: number;
  id: string;
  title: string;
}

// As on the problem page: a tiny store outside React, because the screen
// that deletes goes away at once while the list it lands on shows the offer.
let current: DeletedAnalysis | null = null;
let nextKey = 1;
const listeners = new Set<() => void>();

function setCurrent(value: DeletedAnalysis | null): void {
  current = value;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Offers to undo moving an analysis to the trash. */
export function offerUndoAnalysisDelete(analysis: { id: string; title: string }): void {
  setCurrent({ key: nextKey++, id: analysis.id, title: analysis.title });
}

/** Mounted by the Analyses list: shows the Undo offer for an analysis just deleted. */
export function AnalysisUndoToastHost() {
  const offer = useSyncExternalStore(subscribe, () => current);
  useEffect(
    () => () => {
      setCurrent(null);
    },
    [],
  );
  if (offer === null) return null;
  return <UndoToast key={offer.key} offer={offer} />;
}

function UndoToast({ offer }: { offer: DeletedAnalysis }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const restore = useMutation<null, AppError, string>({
    mutationFn: async (id) => {
      await restoreFromTrash("analysis", id);
      return null;
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.analyses });
      void queryClient.invalidateQueries({ queryKey: queryKeys.trash });
    },
  });
  const [paused, setPaused] = useState(false);
  const hovered = useRef(false);
  const focused = useRef(false);
  const error = restore.error;

  useEffect(() => {
    if (paused || restore.isPending || error !== null) return;
    const timer = setTimeout(() => {
      if (current?.key === offer.key) setCurrent(null);
    }, UNDO_TOAST_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [paused, restore.isPending, error, offer.key]);

  const dismiss = () => {
    if (current?.key === offer.key) setCurrent(null);
  };
  const updatePause = () => {
    setPaused(hovered.current || focused.current);
  };

  return (
    <div
      className="toast"
      role="status"
      data-testid="analysis-undo-toast"
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
          ? t("analyses.undoDelete.message", { title: isolate(offer.title) })
          : t("analyses.undoDelete.failed", { reason: describeError(t, error) })}
      </p>
      <div className="toast-actions">
        <button
          type="button"
          className="button toast-button"
          disabled={restore.isPending}
          data-testid="analysis-undo-delete"
          onClick={() => {
            restore.mutate(offer.id, {
              onSuccess: () => {
                dismiss();
                void navigate(`/analyses/${offer.id}`);
              },
            });
          }}
        >
          {restore.isPending ? t("analyses.undoDelete.restoring") : t("analyses.undoDelete.action")}
        </button>
        <button
          type="button"
          className="button button--ghost toast-close"
          onClick={dismiss}
          aria-label={t("analyses.undoDelete.dismiss")}
          title={t("analyses.undoDelete.dismiss")}
        >
          <svg viewBox="0 0 16 16" className="toast-close-icon" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
          </svg>
        </button>
      </div>
    </div>
  );
}
