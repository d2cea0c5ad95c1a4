import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useImportActions } from "../../../api/actions";
import { toAppError } from "../../../api/errors";
import type { ImportIssue } from "../../../bindings/ImportIssue";
import type { ImportOutcome } from "../../../bindings/ImportOutcome";
import { describeError } from "../../../i18n/errors";
import { describeFieldIssue } from "../../../kit/fields/messages";

/** What one broken rule of an import says: where, and what is wrong. */
function IssueLine({ issue }: { issue: ImportIssue }) {
  const { t } = useTranslation();
  const what =
    issue.rule === "invalid" && issue.value !== ""
      ? t("actionImport.unknownValue", { value: `\u2068${issue.value}\u2069` })
      : describeFieldIssue(t, { field: issue.column, rule: issue.rule, limit: issue.limit });
  const where =
    issue.row === 0
      ? t("actionImport.wholeFile")
      : t("actionImport.where", { row: issue.row, column: `\u2068${issue.column}\u2069` });
  return (
    <li data-testid="import-issue">
      <span className="import-issue-where">{where}</span> {what}
    </li>
  );
}

/**
 * "Import CSV…": the user picks a file; every row is imported, or none and
 * each broken rule is listed by row and column so the file can be fixed.
 */
export function ImportActions() {
  const { t } = useTranslation();
  const importing = useImportActions();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async () => {
    setFailure(null);
    try {
      const result = await importing.mutateAsync(undefined);
      if (result !== null) setOutcome(result);
    } catch (reason) {
      setOutcome(null);
      const error = toAppError(reason);
      const { field, rule } = error.details;
      if (error.code === "invalid_input" && field === "file") {
        setFailure(rule === "too_long" ? t("actionImport.fileTooBig") : t("actionImport.fileNotText"));
      } else {
        setFailure(describeError(t, error));
      }
    }
  };

  return (
    <div className="action-import">
      <button
        type="button"
        className="button"
        onClick={() => void run()}
        disabled={importing.isPending}
        data-testid="import-actions"
      >
        {t("actionImport.button")}
      </button>
      <div role="status" aria-live="polite" className="action-import-result">
        {failure !== null && (
          <p className="field-error" data-testid="import-failure">
            {failure}
          </p>
        )}
        {outcome !== null && outcome.issues.length === 0 && (
          <p data-testid="import-done">{t("actionImport.done", { count: outcome.imported })}</p>
        )}
        {outcome !== null && outcome.issues.length > 0 && (
          <div className="action-import-issues" data-testid="import-issues">
            <p>{t("actionImport.refused", { count: outcome.issueCount })}</p>
            <ul>
              {outcome.issues.map((issue, i) => (
                <IssueLine key={`${String(issue.row)}-${issue.column}-${String(i)}`} issue={issue} />
              ))}
            </ul>
            {outcome.issueCount > outcome.issues.length && (
              <p>{t("actionImport.more", { count: outcome.issueCount - outcome.issues.length })}</p>
            )}
            <p className="hint">{t("actionImport.format")}</p>
          </div>
        )}
      </div>
    </div>
  );
}
