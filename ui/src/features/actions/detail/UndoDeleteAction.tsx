import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { restoreFromTrash } from "../../../api/commands";
import type { AppError } from "../../../api/errors";
import { queryKeys } from "../../../api/queries";
import { createUndoOffers, UndoToast, useUndoOffer, type UndoOffer } from "../../../components/UndoToast";

// As for problems and analyses: the page that deletes goes away at once,
// while the page it lands on (the problem's) shows the offer.
const offers = createUndoOffers();

/** Offers to undo moving an action to the trash. */
export function offerUndoActionDelete(action: { id: string; title: string }): void {
  offers.offer(action);
}

/** Shows the Undo offer for an action just deleted (mounted where the user lands). */
export function ActionUndoToastHost() {
  const offer = useUndoOffer(offers);
  if (offer === null) return null;
  return <ActionUndoToast key={offer.key} offer={offer} />;
}

function ActionUndoToast({ offer }: { offer: UndoOffer }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const restore = useMutation<null, AppError, string>({
    mutationFn: async (id) => {
      await restoreFromTrash("action", id);
      return null;
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.actions });
      void queryClient.invalidateQueries({ queryKey: queryKeys.problems });
      void queryClient.invalidateQueries({ queryKey: queryKeys.trash });
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
            void navigate(`/actions/${offer.id}`);
          },
        });
      }}
      messages="actionDetail.undo"
      testIds={{ toast: "action-undo-toast", undo: "action-undo-delete" }}
    />
  );
}
