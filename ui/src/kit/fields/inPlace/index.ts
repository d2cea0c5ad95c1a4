/** Fields edited in place, shared by the problem page and the analysis header. */
export {
  useInPlaceEdit,
  useFieldEdit,
  type FieldEditOptions,
  useFailureMessage,
  type Failure,
  type InlineEdit,
  type InPlaceEditOptions,
} from "./useInPlaceEdit";
export {
  InPlaceText,
  InPlaceDate,
  InPlaceChoice,
  useChipList,
  addMissing,
  sameList,
  type ChoiceControl,
} from "./InPlaceFields";
