/**
 * The parts every import wizard shares (survey answers, help-desk
 * tickets): the broken rules listed by row and column, and the progress
 * bar with its Cancel.
 */
import { useTranslation } from "react-i18next";
import type { ImportIssue } from "../../bindings/ImportIssue";
import { useNumberFormat } from "../../i18n/format";
import { describeFieldIssue } from "../fields/messages";

/** One broken rule of a row, in the reader's words. */
export function useIssueText(): (issue: ImportIssue) => string {
  const { t } = useTranslation();
  return (issue) => {
    const message = describeFieldIssue(t, { field: issue.column, rule: issue.rule, limit: issue.limit });
    const found = issue.value === "" ? message : `${message} (${t("imports.value", { value: issue.value })})`;
    return t("imports.issue", {
      row: issue.row === 0 ? t("imports.wholeFile") : issue.row,
      column: issue.column,
      message: found,
    });
  };
}

/** The rows that can't be imported, each by row and column; how many more when the list was cut. */
export function ImportIssues({ issues, count }: { issues: readonly ImportIssue[]; count: number }) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  if (issues.length === 0) return null;
  return (
    <section className="import-issues" aria-label={t("imports.issuesTitle")}>
      <h3>{t("imports.issuesTitle")}</h3>
      <ul data-testid="import-issues">
        {issues.map((issue, i) => (
          <li key={`${String(issue.row)}-${issue.column}-${String(i)}`} data-testid="import-issue">
            <bdi>{issueText(issue)}</bdi>
          </li>
        ))}
      </ul>
      {count > issues.length && (
        <p className="field-hint">{t("imports.issuesMore", { count: count - issues.length })}</p>
      )}
    </section>
  );
}

/** An import under way: how far it is, and Cancel (which leaves nothing). */
export function ImportRunning({
  done,
  total,
  onCancel,
}: {
  done: number;
  total: number;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const numbers = useNumberFormat();
  return (
    <div className="import-running" data-testid="import-running">
      <progress max={Math.max(1, total)} value={done} className="import-progress" />
      <p role="status">
        {t("imports.importing", { done: numbers.format(done), total: numbers.format(total) })}
      </p>
      <div className="button-row">
        <button type="button" className="button" data-testid="import-cancel" onClick={onCancel}>
          {t("imports.cancel")}
        </button>
      </div>
    </div>
  );
}
