import { useEditAnalysis } from "../../../api/analyses";
import type { AnalysisEdit } from "../../../bindings/AnalysisEdit";
import { useFieldEdit, type FieldEditOptions, type InlineEdit } from "../../../kit/fields/inPlace";

/** One analysis field edited in place, as the problem page edits its fields (see `useInPlaceEdit`). */
export function useAnalysisEdit<T>({
  analysisId,
  ...options
}: FieldEditOptions<T, AnalysisEdit> & { analysisId: string }): InlineEdit<T> {
  // The edit resolves once its change event has refreshed the tree.
  const { mutateAsync } = useEditAnalysis(analysisId);
  return useFieldEdit(mutateAsync, options);
}
