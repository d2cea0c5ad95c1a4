import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../../api/errors";
import { describeError } from "../../../i18n/errors";
import { describeFieldIssue, fieldIssuesFromError } from "../../../kit/fields";
import type { TreeEditor } from "./useTreeEditor";

/** A translated sentence for an edit of the tree that the core refused. */
export function describeEditorError(t: TFunction, error: AppError): string {
  const issues = fieldIssuesFromError(error);
  if (issues.has("parentId")) return t("outline.errors.moveUnderItself");
  const first = issues.values().next().value;
  return first !== undefined ? describeFieldIssue(t, first) : describeError(t, error);
}

/** The last tree edit that failed, whichever view made it, with a way to dismiss it. */
export function EditorError({ editor }: { editor: TreeEditor }) {
  const { t } = useTranslation();
  const { error } = editor;
  if (error === null) return null;
  return (
    <div className="alert analysis-editor-error" role="alert" data-testid="analysis-editor-error">
      <p>{t("analyses.detail.editorError", { reason: describeEditorError(t, error) })}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          editor.clearError();
        }}
      >
        {t("analyses.detail.dismiss")}
      </button>
    </div>
  );
}
