import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { restoreFromTrash } from "../../api/commands";
import type { AppError } from "../../api/errors";
import { queryKeys } from "../../api/queries";
import { createUndoOffers, UNDO_TOAST_MS, useUndoOffer, type UndoOffer } from "../../components/UndoToast";
import { describeError } from "../../i18n/errors";
import { isolate } from "../problems/list/format";

type Messages = "personas.undo" | "personas.quoteUndo";

interface Options {
  /** The entity the trash restores. */
  entity: "persona" | "quote";
  messages: Messages;
  /** Where Undo goes once the item is back (stays put when absent). */
  path?: (id: string) => string;
  testIds: { toast: string; undo: string; dismiss: string };
}

/**
 * "Moved to the trash — Undo" for personas and quotes, as the other areas
 * do it (see components/TrashUndo): the offer outlives the screen that
 * deleted, and Undo restores the item through the trash.
 */
function createPersonaUndo({ entity, messages, path, testIds }: Options) {
  const offers = createUndoOffers();

  function Toast({ offer }: { offer: UndoOffer }) {
    const { t } = useTranslation();
    const navigate = useNavigate();
    const queryClient = useQueryClient();
    const [paused, setPaused] = useState(false);
    const hovered = useRef(false);
    const focused = useRef(false);
    const restore = useMutation<null, AppError, string>({
      mutationFn: async (id) => {
        await restoreFromTrash(entity, id);
        return null;
      },
      onSuccess: () => {
        for (const queryKey of [queryKeys.personas, queryKeys.empathy, queryKeys.problems, queryKeys.trash]) {
          void queryClient.invalidateQueries({ queryKey });
        }
      },
    });
    const { isPending, error } = restore;

    useEffect(() => {
      if (paused || isPending || error !== null) return;
      const timer = setTimeout(() => {
        offers.dismiss(offer.key);
      }, UNDO_TOAST_MS);
      return () => {
        clearTimeout(timer);
      };
    }, [paused, isPending, error, offer.key]);

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
            ? t(`${messages}.message`, { title: isolate(offer.title) })
            : t(`${messages}.failed`, { reason: describeError(t, error) })}
        </p>
        <div className="toast-actions">
          <button
            type="button"
            className="button toast-button"
            disabled={isPending}
            data-testid={testIds.undo}
            onClick={() => {
              restore.mutate(offer.id, {
                onSuccess: () => {
                  offers.dismiss(offer.key);
                  if (path !== undefined) void navigate(path(offer.id));
                },
              });
            }}
          >
            {isPending ? t(`${messages}.restoring`) : t(`${messages}.action`)}
          </button>
          <button
            type="button"
            className="button button--ghost toast-close"
            aria-label={t(`${messages}.dismiss`)}
            title={t(`${messages}.dismiss`)}
            data-testid={testIds.dismiss}
            onClick={() => {
              offers.dismiss(offer.key);
            }}
          >
            <svg viewBox="0 0 16 16" className="toast-close-icon" aria-hidden="true" focusable="false">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      </div>
    );
  }

  function Host({ clearOnUnmount = false }: { clearOnUnmount?: boolean }) {
    const offer = useUndoOffer(offers, clearOnUnmount);
    if (offer === null) return null;
    return <Toast key={offer.key} offer={offer} />;
  }

  return {
    offer: (item: { id: string; title: string }) => {
      offers.offer(item);
    },
    Host,
  };
}

const personaUndo = createPersonaUndo({
  entity: "persona",
  messages: "personas.undo",
  path: (id) => `/personas/${id}`,
  testIds: { toast: "persona-undo-toast", undo: "persona-undo-delete", dismiss: "persona-undo-dismiss" },
});

const quoteUndo = createPersonaUndo({
  entity: "quote",
  messages: "personas.quoteUndo",
  testIds: { toast: "quote-undo-toast", undo: "quote-undo-delete", dismiss: "quote-undo-dismiss" },
});

/** Offers to undo moving a persona to the trash (shown on the persona list). */
export const offerUndoPersonaDelete = personaUndo.offer;
/** Shows the offer for a persona just deleted. */
export const PersonaUndoToastHost = personaUndo.Host;
/** Offers to undo moving a quote to the trash (shown on its persona's page). */
export const offerUndoQuoteDelete = quoteUndo.offer;
/** Shows the offer for a quote just deleted. */
export const QuoteUndoToastHost = quoteUndo.Host;
