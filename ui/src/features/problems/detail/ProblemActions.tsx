import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useProblemActions } from "../../../api/actions";
import type { ActionRow } from "../../../bindings/ActionRow";
import { describeError } from "../../../i18n/errors";
import { Slot } from "../../../kit/slots";
import { FlagBadges, KindBadge, StatusBadge } from "../../../kit/ActionBadges";
import { formatDay, useDayFormat } from "../../../i18n/format";
import { ActionEffectChart } from "./ActionEffectChart";

function ActionItem({ row }: { row: ActionRow }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const { action, flags } = row;
  return (
    <li
      className={flags.recurred ? "problem-action problem-action--recurred" : "problem-action"}
      data-testid="problem-action"
    >
      <div className="problem-action-head">
        <Link to={`/actions/${action.id}`} className="problem-action-link" data-testid="problem-action-link">
          <bdi>{action.title}</bdi>
        </Link>
        <span className="problem-action-badges">
          <KindBadge kind={action.kind} />
          <StatusBadge status={action.status} />
        </span>
      </div>
      <p className="problem-action-meta">
        <span>
          <span className="visually-hidden">{t("actions.field.owner")}: </span>
          {action.owner === "" ? (
            <span className="muted">{t("actions.noOwner")}</span>
          ) : (
            <bdi>{action.owner}</bdi>
          )}
        </span>
        <span>
          {action.dueOn === null ? (
            <span className="muted">{t("actions.noDue")}</span>
          ) : (
            t("problemActions.due", { date: formatDay(day, action.dueOn) })
          )}
        </span>
        <FlagBadges flags={flags} />
      </p>
      {flags.recurred && action.recurredOn !== null && (
        <p className="action-alert" data-testid="problem-action-recurred">
          {t("actionDetail.flags.recurred", { date: formatDay(day, action.recurredOn) })}
        </p>
      )}
    </li>
  );
}

/**
 * The problem's corrective actions: each a link to its page with its kind,
 * status, owner, due day and what to look at; a form to add one; and the
 * chart of reports per week before and after each one was done.
 */
export function ProblemActions({ problemId }: { problemId: string }) {
  const { t } = useTranslation();
  const actions = useProblemActions(problemId);
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const headingId = useId();
  const openRef = useRef<HTMLButtonElement>(null);
  const rows = actions.data ?? [];

  // Closing the form gives focus back to "Add action" as soon as it is drawn again.
  const refocusAdd = useRef(false);
  const closeForm = () => {
    refocusAdd.current = true;
    setAdding(false);
  };
  useEffect(() => {
    if (adding || !refocusAdd.current) return;
    refocusAdd.current = false;
    openRef.current?.focus();
  }, [adding]);

  return (
    <section
      className="detail-section problem-actions"
      aria-labelledby={headingId}
      data-testid="problem-actions"
    >
      <div className="detail-section-header">
        <h2 id={headingId} className="detail-section-title">
          {t("problemActions.heading")}{" "}
          {actions.data !== undefined && (
            <span className="count" data-testid="problem-actions-count">
              {rows.length}
            </span>
          )}
        </h2>
        {!adding && (
          <button
            ref={openRef}
            type="button"
            className="button"
            data-testid="problem-action-add"
            onClick={() => {
              setAdding(true);
            }}
          >
            {t("problemActions.add")}
          </button>
        )}
      </div>
      {adding && (
        <Slot
          name="newActionForm"
          props={{
            problemId,
            onCreated: (action) => {
              setAnnouncement(t("problemActions.created", { title: action.title }));
              closeForm();
            },
            onCancel: closeForm,
          }}
        />
      )}
      {actions.isError && (
        <p className="field-error" role="alert">
          {t("problemActions.loadError", { reason: describeError(t, actions.error) })}
        </p>
      )}
      {actions.data !== undefined &&
        (rows.length === 0 ? (
          <p className="muted" data-testid="problem-actions-empty">
            {t("problemActions.empty")}
          </p>
        ) : (
          <ul className="problem-action-list">
            {rows.map((row) => (
              <ActionItem key={row.action.id} row={row} />
            ))}
          </ul>
        ))}
      <p>
        <Link to={`/actions?problem=${encodeURIComponent(problemId)}`} data-testid="problem-actions-table">
          {t("problemActions.openTable")}
        </Link>
      </p>
      <ActionEffectChart problemId={problemId} />
      <p className="visually-hidden" role="status" data-testid="problem-actions-announcement">
        {announcement}
      </p>
      <Slot name="actionUndoToast" props={{}} />
    </section>
  );
}
