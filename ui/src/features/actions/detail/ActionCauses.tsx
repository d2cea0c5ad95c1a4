import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useEditAction } from "../../../api/actions";
import type { ActionDetail } from "../../../bindings/ActionDetail";
import { describeError } from "../../../i18n/errors";
import { describeFieldIssue, fieldIssuesFromError } from "../../../kit/fields";
import { CausePicker } from "../create/NewActionForm";

/**
 * The root causes the action addresses, each with the analysis it was found
 * in; a cause since deleted or no longer marked as a root cause says so.
 * "Edit" picks from the problem's root causes.
 */
export function ActionCauses({
  detail,
  announce,
}: {
  detail: ActionDetail;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { action, causes } = detail;
  const edit = useEditAction();
  const [draft, setDraft] = useState<string[] | null>(null);
  const headingId = useId();
  const editRef = useRef<HTMLButtonElement>(null);

  const close = () => {
    setDraft(null);
    edit.reset();
    requestAnimationFrame(() => editRef.current?.focus());
  };
  const save = () => {
    if (draft === null) return;
    edit.mutate(
      { id: action.id, edit: { field: "causeIds", value: draft } },
      {
        onSuccess: () => {
          announce(t("actionDetail.saved", { field: t("actions.field.causes") }));
          close();
        },
      },
    );
  };
  const issue = edit.error === null ? undefined : fieldIssuesFromError(edit.error).get("causeIds");
  const error =
    edit.error === null
      ? null
      : issue !== undefined
        ? describeFieldIssue(t, issue)
        : describeError(t, edit.error);

  return (
    <section className="detail-section action-causes-section" aria-labelledby={headingId}>
      <div className="detail-section-header">
        <h2 id={headingId} className="detail-section-title">
          {t("actions.field.causes")}
        </h2>
        {draft === null && (
          <button
            ref={editRef}
            type="button"
            className="button"
            data-testid="action-causes-edit"
            onClick={() => {
              setDraft([...action.causeIds]);
            }}
          >
            {t("actionDetail.causes.edit")}
          </button>
        )}
      </div>
      {draft === null ? (
        causes.length === 0 ? (
          <p className="muted" data-testid="action-causes-none">
            {action.kind === "corrective" ? t("actions.flagHint.noRootCause") : t("actionDetail.causes.none")}
          </p>
        ) : (
          <ul className="action-cause-list" data-testid="action-causes">
            {causes.map((cause) => (
              <li key={cause.id} className="action-cause" data-testid="action-cause">
                <bdi className="user-text action-cause-text">
                  {cause.text === "" ? t("why.emptyText") : cause.text}
                </bdi>
                <span className="action-cause-meta">
                  {cause.analysisId !== "" && (
                    <Link to={`/analyses/${cause.analysisId}`} data-testid="action-cause-analysis">
                      {cause.analysisTitle === "" ? (
                        t("actionDetail.causes.openAnalysis")
                      ) : (
                        <bdi>{cause.analysisTitle}</bdi>
                      )}
                    </Link>
                  )}
                  {cause.deleted ? (
                    <span className="action-badge action-cause-gone" data-testid="action-cause-deleted">
                      {t("actionDetail.causes.deleted")}
                    </span>
                  ) : (
                    !cause.rootCause && (
                      <span className="action-badge action-cause-gone" data-testid="action-cause-notRoot">
                        {t("actionDetail.causes.notRoot")}
                      </span>
                    )
                  )}
                </span>
              </li>
            ))}
          </ul>
        )
      ) : (
        <div
          className="action-causes-editor"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              close();
            }
          }}
        >
          <CausePicker
            problemId={action.problemId}
            value={draft}
            onChange={setDraft}
            error={error}
            testIdBase="action-causes-pick"
            warnNone={action.kind === "corrective"}
            extra={causes}
          />
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={edit.isPending}
              data-testid="action-causes-save"
              onClick={save}
            >
              {t("actionDetail.causes.save")}
            </button>
            <button type="button" className="button button--ghost" onClick={close}>
              {t("actionDetail.causes.cancel")}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
