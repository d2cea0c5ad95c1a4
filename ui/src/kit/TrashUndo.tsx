import { useNavigate } from "react-router";
import { useRestoreFromTrash } from "../api/trash";
import { createUndoOffers, UndoToast, useUndoOffer, type UndoOffer, type UndoToastProps } from "./UndoToast";

interface TrashUndoOptions {
  /** The entity name the trash restores. */
  entity: string;
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
export function createTrashUndo({ entity, path, messages, testIds }: TrashUndoOptions) {
  const offers = createUndoOffers();

  function Toast({ offer }: { offer: UndoOffer }) {
    const navigate = useNavigate();
    // The restore's change events refresh what it touched.
    const restore = useRestoreFromTrash();
    return (
      <UndoToast
        offers={offers}
        offer={offer}
        pending={restore.isPending}
        error={restore.error}
        onUndo={() => {
          restore.mutate(
            { entity, id: offer.id },
            {
              onSuccess: () => {
                offers.dismiss(offer.key);
                if (path !== undefined) void navigate(path(offer.id));
              },
            },
          );
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
