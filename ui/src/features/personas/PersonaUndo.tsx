import { createTrashUndo } from "../../kit/TrashUndo";

const personaUndo = createTrashUndo({
  entity: "persona",
  messages: "personas.undo",
  path: (id) => `/personas/${id}`,
  testIds: { toast: "persona-undo-toast", undo: "persona-undo-delete", dismiss: "persona-undo-dismiss" },
});

const quoteUndo = createTrashUndo({
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
