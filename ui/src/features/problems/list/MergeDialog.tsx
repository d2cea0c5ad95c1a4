import { useMergeProblems } from "../../../api/problems";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Problem } from "../../../bindings/Problem";
import { describeError } from "../../../i18n/errors";
import { DialogButtons, ModalDialog } from "../../../kit/dialogs/ModalDialog";
import { formatDay, useDayFormat } from "../../../i18n/format";

/** The problem suggested to survive: the one reported most often, then the one reported first. */
function suggestedSurvivor(a: Problem, b: Problem): Problem {
  if (a.occurrenceCount !== b.occurrenceCount) return a.occurrenceCount > b.occurrenceCount ? a : b;
  return b.reportedOn < a.reportedOn ? b : a;
}

interface MergeDialogProps {
  problems: readonly [Problem, Problem];
  onClose: () => void;
  /** After a successful merge, with the problem that survived. */
  onMerged: (survivor: Problem) => void;
}

/**
 * Merges two duplicates: the user picks the one that survives; the other's
 * occurrences, references and tags move over and it goes to the trash.
 * A modal dialog: focus moves in, stays in, and returns on close; Escape closes.
 */
export function MergeDialog({ problems, onClose, onMerged }: MergeDialogProps) {
  const { t } = useTranslation();
  const nameId = useId();
  const explainId = useId();
  const errorId = useId();
  const dayFormat = useDayFormat();
  const merge = useMergeProblems();
  const [first, second] = problems;
  const [survivorId, setSurvivorId] = useState(() => suggestedSurvivor(first, second).id);

  const pending = merge.isPending;

  const confirm = () => {
    const survivor = survivorId === first.id ? first : second;
    const duplicate = survivor === first ? second : first;
    merge.mutate(
      { duplicate: duplicate.id, survivor: survivor.id },
      {
        onSuccess: (merged) => {
          onMerged(merged);
        },
      },
    );
  };

  return (
    // Focus moves to the chosen survivor on open and back to where it was on close.
    <ModalDialog
      title={t("problemList.merge.title")}
      className="merge-dialog"
      describedBy={explainId}
      testId="merge-dialog"
      pending={pending}
      onClose={onClose}
    >
      <fieldset className="merge-choices" disabled={pending}>
        <legend className="field-label">{t("problemList.merge.legend")}</legend>
        {problems.map((problem) => (
          <label key={problem.id} className="merge-choice">
            <input
              type="radio"
              name={`${nameId}-survivor`}
              value={problem.id}
              checked={survivorId === problem.id}
              data-testid={`merge-survivor-${problem.id}`}
              onChange={() => {
                setSurvivorId(problem.id);
              }}
            />
            <span className="merge-choice-text">
              <span className="merge-choice-title">
                <bdi>{problem.title}</bdi>
              </span>
              <span className="merge-choice-meta">
                <span>
                  {t("problemList.merge.reported", { date: formatDay(dayFormat, problem.reportedOn) })}
                </span>
                <span>{t("problemList.row.occurrences", { count: problem.occurrenceCount })}</span>
                <span>{t(`problem.status.${problem.status}`)}</span>
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <p id={explainId} className="overlay-hint">
        {t("problemList.merge.explain")}
      </p>
      {merge.isError && (
        <p id={errorId} className="field-error" role="alert" data-testid="merge-error">
          {t("problemList.merge.error", { reason: describeError(t, merge.error) })}
        </p>
      )}
      <DialogButtons
        pending={pending}
        backLabel={t("problemList.merge.cancel")}
        onBack={onClose}
        confirmLabel={pending ? t("problemList.merge.merging") : t("problemList.merge.confirm")}
        confirmTestId="merge-confirm"
        onConfirm={confirm}
      />
    </ModalDialog>
  );
}
