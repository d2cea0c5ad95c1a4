import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { restoreFromTrash } from "../../../api/commands";
import type { AppError } from "../../../api/errors";
import { queryKeys } from "../../../api/queries";
import { createUndoOffers, UndoToast, useUndoOffer, type UndoOffer } from "../../../components/UndoToast";

// As on the problem page: the screen that deletes goes away at once, while
// the list it lands on shows the offer.
const offers = createUndoOffers();

/** Offers to undo moving an analysis to the trash. */
export function offerUndoAnalysisDelete(analysis: { id: string; title: string }): void {
  offers.offer(analysis);
}

/** Mounted by the Analyses list: shows the Undo offer for an analysis just deleted. */
export function AnalysisUndoToastHost() {
  const offer = useUndoOffer(offers);
  if (offer === null) return null;
  return <AnalysisUndoToast key={offer.key} offer={offer} />;
}

function AnalysisUndoToast({ offer }: { offer: UndoOffer }) {
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
            void navigate(`/analyses/${offer.id}`);
          },
        });
      }}
      messages="analyses.undoDelete"
      testIds={{ toast: "analysis-undo-toast", undo: "analysis-undo-delete" }}
    />
  );
}
