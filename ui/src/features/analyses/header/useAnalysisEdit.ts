import { useQueryClient } from "@tanstack/react-query";
import { queryKeys, useEditAnalysis } from "../../../api/queries";
import type { AnalysisEdit } from "../../../bindings/AnalysisEdit";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import { useFieldEdit, type FieldEditOptions, type InlineEdit } from "../../../kit/fields/inPlace";

/** One analysis field edited in place, as the problem page edits its fields (see `useInPlaceEdit`). */
export function useAnalysisEdit<T>({
  analysisId,
  ...options
}: FieldEditOptions<T, AnalysisEdit> & { analysisId: string }): InlineEdit<T> {
  const queryClient = useQueryClient();
  const { mutateAsync } = useEditAnalysis(analysisId);
  return useFieldEdit(mutateAsync, options, (analysis) => {
    // Shown at once; the refetch the mutation starts confirms it.
    queryClient.setQueryData<AnalysisTree>(queryKeys.analysisTree(analysisId), (tree) =>
      tree === undefined ? tree : { ...tree, analysis },
    );
  });
}
