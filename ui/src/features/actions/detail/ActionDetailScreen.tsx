import { Breadcrumb } from "../../../kit/Breadcrumb";
import { useCallback, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useAction, useDeleteAction } from "../../../api/actions";
import type { AppError } from "../../../api/errors";
import type { ActionDetail } from "../../../bindings/ActionDetail";
import { LoadErrorAlert, LoadingLine, NotFoundState } from "../../../kit/LoadStates";
import { describeError } from "../../../i18n/errors";
import { formatTimestamp, useDateTimeFormat } from "../../../i18n/format";
import { KindBadge, PriorityBadge } from "../shared/ActionBadges";
import { ActionCauses } from "./ActionCauses";
import { ActionComments } from "./ActionComments";
import { ActionDay, ActionKindField, ActionOwner, ActionPriorityField, ActionText } from "./ActionFields";
import { ActionHistory } from "./ActionHistory";
import { CheckSummary, FlagAlerts, StatusPanel } from "./StatusPanel";
import { offerUndoActionDelete } from "./UndoDeleteAction";

const TABLE_PATH = "/actions";

function ActionBreadcrumb({ detail }: { detail?: ActionDetail }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb
      label={t("actionDetail.breadcrumb")}
      back={{ to: TABLE_PATH, text: t("actionDetail.backToTable"), testId: "action-back-to-table" }}
      current={detail?.action.title}
    >
      {detail !== undefined && (
        <li>
          <Link
            to={`/problems/${detail.action.problemId}`}
            className="breadcrumb-link"
            data-testid="action-problem-link"
          >
            <span className="visually-hidden">{t("actions.field.problem")}: </span>
            <bdi>
              {detail.action.problemTitle === "" ? t("actionDetail.problem") : detail.action.problemTitle}
            </bdi>
          </Link>
        </li>
      )}
    </Breadcrumb>
  );
}

function DeleteButton({ detail }: { detail: ActionDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteAction();
  const [error, setError] = useState<AppError | null>(null);
  const { id, title, problemId } = detail.action;
  return (
    <div className="detail-delete">
      <button
        type="button"
        className="button button--danger"
        disabled={remove.isPending}
        data-testid="action-delete"
        onClick={() => {
          setError(null);
          remove.mutate(id, {
            onSuccess: () => {
              offerUndoActionDelete({ id, title });
              void navigate(`/problems/${problemId}`);
            },
            onError: setError,
          });
        }}
      >
        {remove.isPending ? t("actionDetail.deleting") : t("actionDetail.delete")}
      </button>
      {error !== null && (
        <p className="field-error" role="alert" data-testid="action-delete-error">
          {t("actionDetail.deleteFailed", { reason: describeError(t, error) })}
        </p>
      )}
    </div>
  );
}

function Detail({ detail }: { detail: ActionDetail }) {
  const { t } = useTranslation();
  const { action } = detail;
  const time = useDateTimeFormat();
  const [announcement, setAnnouncement] = useState("");
  const announce = useCallback((message: string) => {
    setAnnouncement("");
    requestAnimationFrame(() => {
      setAnnouncement(message);
    });
  }, []);
  const propertiesId = useId();
  const checkId = useId();
  const shared = { action, announce };

  return (
    <article className="action-detail problem-detail" data-testid="action-detail">
      <ActionBreadcrumb detail={detail} />
      <header className="detail-header">
        <h1 className="visually-hidden">{action.title}</h1>
        <div className="detail-title-row">
          <ActionText {...shared} field="title" className="title-input" />
          <DeleteButton detail={detail} />
        </div>
        <p className="detail-meta">
          <KindBadge kind={action.kind} />
          <PriorityBadge priority={action.priority} />
          <span>{t("actionDetail.created", { date: formatTimestamp(time, action.createdAt) })}</span>
          <span>{t("actionDetail.updated", { date: formatTimestamp(time, action.updatedAt) })}</span>
          {action.sample && <span className="badge">{t("actionDetail.sample")}</span>}
        </p>
        <p className="field-hint">{t("actionDetail.editHint")}</p>
      </header>

      <FlagAlerts detail={detail} />
      <StatusPanel detail={detail} announce={announce} />

      <div className="detail-layout">
        <div className="detail-main">
          <ActionText
            {...shared}
            field="description"
            multiline
            className="description-input"
            placeholder={t("actionDetail.descriptionPlaceholder")}
          />
          <ActionCauses detail={detail} announce={announce} />
          <section
            className="detail-section action-check"
            aria-labelledby={checkId}
            data-testid="action-check"
          >
            <h2 id={checkId} className="detail-section-title">
              {t("actionDetail.check.heading")}
            </h2>
            <ActionText
              {...shared}
              field="checkMethod"
              multiline
              placeholder={t("actionDetail.check.methodPlaceholder")}
            />
            <CheckSummary detail={detail} />
          </section>
          <ActionComments actionId={action.id} comments={detail.comments} />
          <ActionHistory detail={detail} />
        </div>

        <aside className="detail-side" aria-labelledby={propertiesId}>
          <h2 id={propertiesId} className="visually-hidden">
            {t("actionDetail.properties")}
          </h2>
          <div className="property-group">
            <ActionKindField {...shared} />
            <ActionPriorityField {...shared} />
          </div>
          <div className="property-group">
            <ActionOwner {...shared} />
            <ActionDay {...shared} field="dueOn" />
            <ActionDay {...shared} field="checkDueOn" hint={t("actionDetail.check.whenHint")} />
          </div>
        </aside>
      </div>
      <p className="visually-hidden" role="status" data-testid="action-announcement">
        {announcement}
      </p>
    </article>
  );
}

/** One action: every field editable in place, its status steps, check, comments and history. */
export function ActionDetailScreen() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const detail = useAction(id);

  if (detail.isPending) {
    return (
      <>
        <ActionBreadcrumb />
        <LoadingLine testId="action-loading">{t("actionDetail.loading")}</LoadingLine>
      </>
    );
  }
  if (detail.isError && (detail.error.code === "not_found" || detail.data === undefined)) {
    if (detail.error.code === "not_found") {
      return (
        <>
          <ActionBreadcrumb />
          <NotFoundState
            testId="action-not-found"
            title={t("actionDetail.notFound.title")}
            body={t("actionDetail.notFound.body")}
            backTo={TABLE_PATH}
            backLabel={t("actionDetail.backToTable")}
            trashLabel={t("actionDetail.notFound.trash")}
          />
        </>
      );
    }
    return (
      <>
        <ActionBreadcrumb />
        <LoadErrorAlert
          testId="action-error"
          message={t("actionDetail.loadError", { reason: describeError(t, detail.error) })}
          retryLabel={t("actionDetail.retry")}
          onRetry={() => void detail.refetch()}
        />
      </>
    );
  }
  // Keyed by id: going from one action to another starts with no edits in progress.
  return <Detail key={detail.data.action.id} detail={detail.data} />;
}
