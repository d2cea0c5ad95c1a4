import { useRestoreProblem } from "../../../api/problems";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { AppError } from "../../../api/errors";
import { createUndoOffers, UndoToast, useUndoOffer, type UndoOffer } from "../../../kit/UndoToast";

export { UNDO_TOAST_MS } from "../../../kit/UndoToast";

const offers = createUndoOffers();

/** Offers to undo moving a problem to the trash, wherever the user goes next. */
export function offerUndoDelete(problem: { id: string; title: string }): void {
  offers.offer(problem);
}

/** Mount once in the shell: shows the Undo offer for a deleted problem. */
export function UndoToastHost() {
  // An offer belongs to this workspace's shell: forget it when the shell goes.
  const offer = useUndoOffer(offers, true);
  if (offer === null) return null;
  return <ProblemUndoToast key={offer.key} offer={offer} />;
}

function ProblemUndoToast({ offer }: { offer: UndoOffer }) {
  const navigate = useNavigate();
  const restore = useRestoreProblem();
  const [error, setError] = useState<AppError | null>(null);

  const undo = () => {
    if (restore.isPending) return;
    restore.mutate(offer.id, {
      onSuccess: () => {
        offers.dismiss(offer.key);
        void navigate(`/problems/${offer.id}`);
      },
      onError: (reason) => {
        setError(reason);
      },
    });
  };

  return (
    <UndoToast
      offers={offers}
      offer={offer}
      pending={restore.isPending}
      error={error}
      onUndo={undo}
      messages="problemDetail.undo"
      testIds={{ toast: "undo-toast", undo: "undo-delete", dismiss: "undo-dismiss" }}
    />
  );
}
