import { useDeleteAnalysis } from "../../../api/analyses";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { describeError } from "../../../i18n/errors";
import { offerUndoAnalysisDelete } from "./UndoDeleteToast";

/** Moves the analysis (with its tree) to the trash, goes to the list and offers Undo there. */
export function DeleteAnalysis({ id, title }: { id: string; title: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteAnalysis();
  return (
    <>
      <button
        type="button"
        className="button button--danger"
        disabled={remove.isPending}
        data-testid="analysis-delete"
        onClick={() => {
          remove.mutate(id, {
            onSuccess: () => {
              offerUndoAnalysisDelete({ id, title });
              void navigate("/analyses");
            },
          });
        }}
      >
        {remove.isPending ? t("analyses.detail.deleting") : t("analyses.detail.delete")}
      </button>
      {remove.error !== null && (
        <p className="field-error analysis-action-error" role="alert" data-testid="analysis-delete-error">
          {t("analyses.detail.deleteFailed", { reason: describeError(t, remove.error) })}
        </p>
      )}
    </>
  );
}
