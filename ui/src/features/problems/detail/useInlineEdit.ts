import { useEditProblem } from "../../../api/queries";
import type { ProblemEdit } from "../../../bindings/ProblemEdit";
import type { FieldIssue } from "../../../kit/fields";
import { useInPlaceEdit, type InlineEdit } from "../../../kit/fields/inPlace";

export { useFailureMessage, type Failure, type InlineEdit } from "../../../kit/fields/inPlace";

interface Options<T> {
  problemId: string;
  /** The value stored now. */
  saved: T;
  equal?: (a: T, b: T) => boolean;
  /** The rule this value breaks, checked before any round trip; null when fine. */
  check: (value: T) => FieldIssue | null;
  toEdit: (value: T) => ProblemEdit;
  /** Called after the core stored a new value. */
  onSaved?: () => void;
}

/** One field of a problem edited in place (see `useInPlaceEdit`). */
export function useInlineEdit<T>({
  problemId,
  saved,
  equal,
  check,
  toEdit,
  onSaved,
}: Options<T>): InlineEdit<T> {
  const { mutateAsync } = useEditProblem(problemId);
  return useInPlaceEdit({
    saved,
    equal,
    check,
    save: (value: T) => mutateAsync(toEdit(value)),
    onSaved: () => onSaved?.(),
  });
}
