/**
 * The composition root's half of `kit/slots.tsx`: which feature fills each
 * slot a host page renders. This is the one place (with the routes in
 * `Shell.tsx`) where a panel of one feature meets another feature's page.
 */
import { NewActionForm } from "../features/actions/create/NewActionForm";
import { ActionUndoToastHost } from "../features/actions/detail/UndoDeleteAction";
import { WhyNotes } from "../features/empathy/links/WhyNotes";
import { ProblemPersonas } from "../features/personas/ProblemPersonas";
import type { SlotComponents } from "../kit/slots";

export const APP_SLOTS: SlotComponents = {
  problemPersonas: ProblemPersonas,
  newActionForm: NewActionForm,
  actionUndoToast: ActionUndoToastHost,
  whyNotes: WhyNotes,
};
