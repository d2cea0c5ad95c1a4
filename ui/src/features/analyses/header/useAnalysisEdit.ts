import { useQueryClient } from "@tanstack/react-query";
import { queryKeys, useEditAnalysis } from "../../../api/queries";
import type { AnalysisEdit } from "../../../bindings/AnalysisEdit";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import type { FieldIssue } from "../../../kit/fields";
import { useInPlaceEdit, type InlineEdit } from "../../../kit/fields/inPlace";

interface Options<T> {
  analysisId: string;
  /** The value stored now. */
  saved: T;
  equal?: (a: T, b: T) => boolean;
  /** The rule this value breaks, checked before any round trip; null when fine. */
  check: (value: T) => FieldIssue | null;
  toEdit: (value: T) => AnalysisEdit;
  onSaved?: () => void;
}

/** One analysis field edited in place, as the problem page edits its fields (see `useInPlaceEdit`). */
export function useAnalysisEdit<T>({
  analysisId,
  saved,
  equal,
  check,
  toEdit,
  onSaved,
}: Options<T>): InlineEdit<T> {
  const queryClient = useQueryClient();
  const { mutateAsync } = useEditAnalysis(analysisId);
  return useInPlaceEdit({
    saved,
    equal,
    check,
    save: (value: T) => mutateAsync(toEdit(value)),
    onSaved: (analysis) => {
      // Shown at once; the refetch the mutation starts confirms it.
      queryClient.setQueryData<AnalysisTree>(queryKeys.analysisTree(analysisId), (tree) =>
        tree === undefined ? tree : { ...tree, analysis },
      );
      onSaved?.();
    },
  });
}
