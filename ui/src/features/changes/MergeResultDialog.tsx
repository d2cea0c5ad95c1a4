import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/errors";
import type { MergeSummary } from "../../bindings/MergeSummary";
import { ModalDialog } from "../../kit/dialogs/ModalDialog";
import { describeError } from "../../i18n/errors";
import { useCopyName } from "./ExportChangesDialog";

interface MergeResultDialogProps {
  result: { merged: MergeSummary } | { failed: AppError };
  onClose: () => void;
  onReview: () => void;
}

/** What a merge did (or why nothing was merged), with the way to the review. */
export function MergeResultDialog({ result, onClose, onReview }: MergeResultDialogProps) {
  const { t } = useTranslation();
  const bodyId = useId();
  const copyName = useCopyName();

  if ("failed" in result) {
    return (
      <ModalDialog
        title={t("changes.merge.failedTitle")}
        className="changes-dialog"
        describedBy={bodyId}
        testId="merge-failed-dialog"
        pending={false}
        onClose={onClose}
      >
        <p id={bodyId} className="alert" role="alert" data-testid="merge-error">
          {describeError(t, result.failed)}
        </p>
        <div className="button-row dialog-actions">
          <button type="button" className="button button--primary" onClick={onClose}>
            {t("changes.merge.close")}
          </button>
        </div>
      </ModalDialog>
    );
  }

  const s = result.merged;
  const toReview = s.overwritten + s.restored + s.parentDeleted;
  const lines: { key: string; text: string }[] = [];
  if (s.applied === 0) {
    lines.push({ key: "nothing", text: t("changes.merge.nothing") });
  } else {
    lines.push({ key: "applied", text: t("changes.merge.applied", { count: s.applied }) });
    if (s.alreadyHere > 0)
      lines.push({ key: "already", text: t("changes.merge.alreadyHere", { count: s.alreadyHere }) });
  }
  if (s.overwritten > 0)
    lines.push({ key: "overwritten", text: t("changes.merge.overwritten", { count: s.overwritten }) });
  if (s.restored > 0)
    lines.push({ key: "restored", text: t("changes.merge.restored", { count: s.restored }) });
  if (s.parentDeleted > 0) {
    lines.push({ key: "parent", text: t("changes.merge.parentDeleted", { count: s.parentDeleted }) });
  }

  return (
    <ModalDialog
      title={t("changes.merge.title")}
      className="changes-dialog"
      describedBy={bodyId}
      testId="merge-result-dialog"
      pending={false}
      onClose={onClose}
    >
      <div id={bodyId} data-testid="merge-summary">
        <p>{t("changes.merge.from", { name: copyName({ name: s.fromName, replicaId: s.fromReplica }) })}</p>
        {lines.map((line) => (
          <p key={line.key} data-testid={`merge-line-${line.key}`}>
            {line.text}
          </p>
        ))}
      </div>
      <div className="button-row dialog-actions">
        <button type="button" className="button" data-testid="merge-close" onClick={onClose}>
          {t("changes.merge.close")}
        </button>
        {toReview > 0 && (
          <button
            type="button"
            className="button button--primary"
            data-testid="merge-review"
            onClick={onReview}
          >
            {t("changes.merge.review")}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
