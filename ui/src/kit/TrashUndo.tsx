import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { restoreFromTrash } from "../api/commands";
import type { AppError } from "../api/errors";
import { createUndoOffers, UndoToast, useUndoOffer, type UndoOffer, type UndoToastProps } from "./UndoToast";

interface TrashUndoOptions {
  /** The entity name the trash restores. */
  entity: string;
  /** The queries a restore makes stale. */
  stale: readonly QueryKey[];
  /** Where Undo goes once the item is back (stays put when absent). */
  path?: (id: string) => string;
  messages: UndoToastProps["messages"];
  testIds: UndoToastProps["testIds"];
}

/**
 * "Moved to the trash — Undo" for one kind of item. The page that deletes
 * goes away at once; the page the user lands on mounts `Host`, which shows
 * the offer and restores the item through the trash.
 */
export function createTrashUndo({ entity, stale, path, messages, testIds }: TrashUndoOptions) {
  const offers = createUndoOffers();

  function Toast({ offer }: { offer: UndoOffer }) {
    const navigate = useNavigate();
    const queryClient = useQueryClient();
    const restore = useMutation<null, AppError, string>({
      mutationFn: async (id) => {
        await restoreFromTrash(entity, id);
        return null;
      },
      onSuccess: () => {
        for (const queryKey of stale) void queryClient.invalidateQueries({ queryKey });
      },
    });
    return (
      <UndoToast
        offers={offers}
        offer={offer}
        pending={restore.isPending}
        error={restore.error}
        onUndo={() => {
          restore.mutate(offer.id, {
            onSuccess: () => {
              offers.dismiss(offer.key);
              if (path !== undefined) void navigate(path(offer.id));
            },
          });
        }}
        messages={messages}
        testIds={testIds}
      />
    );
  }

  /** With `clearOnUnmount`, the offer goes away with the screen showing it. */
  function Host({ clearOnUnmount = false }: { clearOnUnmount?: boolean }) {
    const offer = useUndoOffer(offers, clearOnUnmount);
    if (offer === null) return null;
    return <Toast key={offer.key} offer={offer} />;
  }

  return {
    /** Offers to undo the deletion of `item`. */
    offer: (item: { id: string; title: string }) => {
      offers.offer(item);
    },
    Host,
  };
}
