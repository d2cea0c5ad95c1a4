import { createTrashUndo } from "../../../kit/TrashUndo";

// As for problems and analyses: the page that deletes goes away at once,
// while the page it lands on (the problem's) shows the offer.
const undo = createTrashUndo({
  entity: "action",
  path: (id) => `/actions/${id}`,
  messages: "actionDetail.undo",
  testIds: { toast: "action-undo-toast", undo: "action-undo-delete" },
});

/** Offers to undo moving an action to the trash. */
export const offerUndoActionDelete = undo.offer;

/** Shows the Undo offer for an action just deleted (mounted where the user lands). */
export const ActionUndoToastHost = undo.Host;
