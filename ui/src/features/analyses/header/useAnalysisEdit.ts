import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { toAppError } from "../../../api/errors";
import { queryKeys, useEditAnalysis } from "../../../api/queries";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import type { AnalysisEdit } from "../../../bindings/AnalysisEdit";
import type { FieldIssue } from "../../problems/fields";
import type { Failure, InlineEdit } from "../../problems/detail/useInlineEdit";

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

const same = <T>(a: T, b: T) => Object.is(a, b);

/**
 * One analysis field edited in place, as the problem page edits its fields:
 * the edit stays in the control until the core stored it; a refused edit
 * keeps what was typed, with the reason beside the field, until the user
 * changes it or presses Escape.
 */
export function useAnalysisEdit<T>({
  analysisId,
  saved,
  equal = same,
  check,
  toEdit,
  onSaved,
}: Options<T>): InlineEdit<T> {
  const queryClient = useQueryClient();
  const { mutateAsync } = useEditAnalysis(analysisId);
  const [draft, setDraft] = useState<{ value: T } | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);
  const inFlight = useRef<{ value: T } | null>(null);
  const refused = useRef<{ value: T } | null>(null);

  const change = (value: T) => {
    setDraft({ value });
    refused.current = null;
    if (failure !== null && "issue" in failure && check(value) === null) setFailure(null);
  };

  const cancel = () => {
    setDraft(null);
    setFailure(null);
    refused.current = null;
  };

  const commit = (explicit?: T) => {
    const edit = explicit !== undefined ? { value: explicit } : draft;
    if (edit === null) return;
    if (equal(edit.value, saved)) {
      setDraft(null);
      setFailure(null);
      return;
    }
    if (inFlight.current !== null && equal(inFlight.current.value, edit.value)) return;
    if (refused.current !== null && equal(refused.current.value, edit.value)) return;
    const issue = check(edit.value);
    if (issue !== null) {
      refused.current = edit;
      setFailure({ issue });
      return;
    }
    inFlight.current = edit;
    setPending(true);
    void mutateAsync(toEdit(edit.value))
      .then(
        (analysis) => {
          // Shown at once; the refetch the mutation starts confirms it.
          queryClient.setQueryData<AnalysisTree>(queryKeys.analysisTree(analysisId), (tree) =>
            tree === undefined ? tree : { ...tree, analysis },
          );
          setDraft((current) => (current !== null && equal(current.value, edit.value) ? null : current));
          setFailure(null);
          onSaved?.();
        },
        (error: unknown) => {
          refused.current = edit;
          setFailure({ error: toAppError(error) });
        },
      )
      .finally(() => {
        if (inFlight.current === edit) inFlight.current = null;
        setPending(false);
      });
  };

  return {
    value: draft !== null ? draft.value : saved,
    dirty: draft !== null && !equal(draft.value, saved),
    change,
    commit,
    cancel,
    failure,
    pending,
  };
}
