import { createTrashUndo } from "../../../kit/TrashUndo";

// As on the problem page: the screen that deletes goes away at once, while
// the list it lands on shows the offer.
const undo = createTrashUndo({
  entity: "analysis",
  path: (id) => `/analyses/${id}`,
  messages: "analyses.undoDelete",
  testIds: { toast: "analysis-undo-toast", undo: "analysis-undo-delete" },
});

/** Offers to undo moving an analysis to the trash. */
export const offerUndoAnalysisDelete = undo.offer;

/** Mounted by the Analyses list: shows the Undo offer for an analysis just deleted. */
export const AnalysisUndoToastHost = undo.Host;
