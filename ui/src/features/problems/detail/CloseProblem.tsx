import { useTranslation } from "react-i18next";
import { useCloseProblem } from "../../../api/actions";
import type { Problem } from "../../../bindings/Problem";
import type { Status } from "../../../bindings/Status";
import { ReasonDialog } from "../../../kit/dialogs/ReasonDialog";
import { fieldIssuesFromError, StatusSelect } from "../../../kit/fields";
import { InPlaceChoice, type Failure } from "../../../kit/fields/inPlace";
import { useInlineEdit } from "./useInlineEdit";

/** True when the core refused to close the problem because it still has unfinished actions. */
export function refusedForOpenActions(failure: Failure | null): boolean {
  if (failure === null || !("error" in failure)) return false;
  return fieldIssuesFromError(failure.error).get("status")?.rule === "open_actions";
}

interface ProblemStatusProps {
  problem: Problem;
  announce: (message: string) => void;
}

/**
 * The problem's status, edited in place like every other field. Closing a
 * problem that still has unfinished actions is refused by the core; the
 * user may then close it anyway by giving a reason, which goes into its
 * history (`problem_close`).
 */
export function ProblemStatusField({ problem, announce }: ProblemStatusProps) {
  const { t } = useTranslation();
  const label = t("problem.field.status");
  const close = useCloseProblem();
  const edit = useInlineEdit<Status>({
    problemId: problem.id,
    saved: problem.status,
    check: () => null,
    toEdit: (value) => ({ field: "status", value }),
    onSaved: () => {
      announce(t("problemDetail.saved", { field: label }));
    },
  });
  const needsReason = refusedForOpenActions(edit.failure);
  return (
    <>
      <InPlaceChoice
        edit={edit}
        field="status"
        label={label}
        testId="field-status"
        transition={{ from: problem.status, to: edit.value }}
        inline
      >
        {(select) => <StatusSelect {...select} saved={problem.status} />}
      </InPlaceChoice>
      {needsReason && (
        <ReasonDialog
          title={t("problemActions.close.title")}
          explanation={t("problemActions.close.explanation")}
          label={t("problemActions.close.reason")}
          fields={["closeReason", "reason"]}
          confirmLabel={
            close.isPending ? t("problemActions.close.closing") : t("problemActions.close.confirm")
          }
          pending={close.isPending}
          error={close.error}
          testId="close-anyway"
          onConfirm={(reason) => {
            close.mutate(
              { id: problem.id, reason },
              {
                onSuccess: () => {
                  edit.cancel();
                  announce(t("problemActions.close.closed"));
                },
              },
            );
          }}
          onClose={() => {
            close.reset();
            edit.cancel();
          }}
        />
      )}
    </>
  );
}
