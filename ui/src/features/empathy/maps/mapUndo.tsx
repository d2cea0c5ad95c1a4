import { useRestoreFromTrash } from "../../../api/trash";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { createUndoOffers, useUndoOffer } from "../../../kit/UndoToast";
import { describeError } from "../../../i18n/errors";
import { UndoBar } from "../board/UndoBar";

/** Maps just moved to the trash; the board goes away at once, the maps list shows the offer. */
const offers = createUndoOffers();

/** Offers to undo the deletion of a map. */
export function offerUndoMapDelete(map: { id: string; title: string }): void {
  offers.offer(map);
}

/** "Map moved to the trash — Undo", restoring it through the trash and opening it again. */
export function MapUndoToastHost() {
  const { t } = useTranslation();
  const offer = useUndoOffer(offers);
  const navigate = useNavigate();
  const restore = useRestoreFromTrash();
  const key = offer?.key;
  const dismiss = useCallback(() => {
    if (key !== undefined) offers.dismiss(key);
  }, [key]);
  if (offer === null) return null;
  return (
    <UndoBar
      key={offer.key}
      message={t("empathy.maps.deleted", { title: `\u2068${offer.title}\u2069` })}
      error={
        restore.error === null
          ? null
          : t("empathy.note.restoreFailed", { reason: describeError(t, restore.error) })
      }
      pending={restore.isPending}
      testIds={{ toast: "map-undo-toast", undo: "map-undo" }}
      onDismiss={dismiss}
      onUndo={() => {
        restore.mutate(
          { entity: "empathy_map", id: offer.id },
          {
            onSuccess: () => {
              offers.dismiss(offer.key);
              void navigate(`/empathy/${offer.id}`);
            },
          },
        );
      }}
    />
  );
}
