import { useEditProblem } from "../../../api/problems";
import type { ProblemEdit } from "../../../bindings/ProblemEdit";
import { useFieldEdit, type FieldEditOptions, type InlineEdit } from "../../../kit/fields/inPlace";

export { useFailureMessage, type Failure, type InlineEdit } from "../../../kit/fields/inPlace";

/** One field of a problem edited in place (see `useInPlaceEdit`). */
export function useInlineEdit<T>({
  problemId,
  ...options
}: FieldEditOptions<T, ProblemEdit> & { problemId: string }): InlineEdit<T> {
  const { mutateAsync } = useEditProblem(problemId);
  return useFieldEdit(mutateAsync, options);
}
