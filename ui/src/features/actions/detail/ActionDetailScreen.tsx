import { Breadcrumb } from "../../../kit/detail/Breadcrumb";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useAction, useDeleteAction } from "../../../api/actions";
import type { ActionDetail } from "../../../bindings/ActionDetail";
import { NotFoundState } from "../../../kit/LoadStates";
import {
  Announcement,
  DeleteRecord,
  DetailHeader,
  DetailLayout,
  DetailStates,
  useAnnouncer,
} from "../../../kit/detail/DetailPage";
import { describeError } from "../../../i18n/errors";
import { formatTimestamp, useDateTimeFormat } from "../../../i18n/format";
import { KindBadge, PriorityBadge } from "../../../kit/ActionBadges";
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
  const { id, title, problemId } = detail.action;
  return (
    <DeleteRecord
      id={id}
      remove={remove}
      testId="action-delete"
      label={t("actionDetail.delete")}
      pendingLabel={t("actionDetail.deleting")}
      failed={(error) => t("actionDetail.deleteFailed", { reason: describeError(t, error) })}
      onDeleted={() => {
        offerUndoActionDelete({ id, title });
        void navigate(`/problems/${problemId}`);
      }}
    />
  );
}

function Detail({ detail }: { detail: ActionDetail }) {
  const { t } = useTranslation();
  const { action } = detail;
  const time = useDateTimeFormat();
  const [announcement, announce] = useAnnouncer();
  const checkId = useId();
  const shared = { action, announce };

  return (
    <article className="action-detail problem-detail" data-testid="action-detail">
      <ActionBreadcrumb detail={detail} />
      <DetailHeader
        title={action.title}
        titleField={<ActionText {...shared} field="title" className="title-input" />}
        actions={<DeleteButton detail={detail} />}
        meta={
          <>
            <KindBadge kind={action.kind} />
            <PriorityBadge priority={action.priority} />
            <span>{t("actionDetail.created", { date: formatTimestamp(time, action.createdAt) })}</span>
            <span>{t("actionDetail.updated", { date: formatTimestamp(time, action.updatedAt) })}</span>
            {action.sample && <span className="badge">{t("actionDetail.sample")}</span>}
          </>
        }
        hint={t("actionDetail.editHint")}
      />

      <FlagAlerts detail={detail} />
      <StatusPanel detail={detail} announce={announce} />

      <DetailLayout
        propertiesLabel={t("actionDetail.properties")}
        main={
          <>
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
          </>
        }
        side={
          <>
            <div className="property-group">
              <ActionKindField {...shared} />
              <ActionPriorityField {...shared} />
            </div>
            <div className="property-group">
              <ActionOwner {...shared} />
              <ActionDay {...shared} field="dueOn" />
              <ActionDay {...shared} field="checkDueOn" hint={t("actionDetail.check.whenHint")} />
            </div>
          </>
        }
      />
      <Announcement text={announcement} testId="action-announcement" />
    </article>
  );
}

/** One action: every field editable in place, its status steps, check, comments and history. */
export function ActionDetailScreen() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const detail = useAction(id);

  return (
    <DetailStates
      query={detail}
      breadcrumb={<ActionBreadcrumb />}
      loadingTestId="action-loading"
      loadingText={t("actionDetail.loading")}
      notFound={
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
      }
      errorTestId="action-error"
      errorMessage={(error) => t("actionDetail.loadError", { reason: describeError(t, error) })}
      retryLabel={t("actionDetail.retry")}
    >
      {/* Keyed by id: going from one action to another starts with no edits in progress. */}
      {(data) => <Detail key={data.action.id} detail={data} />}
    </DetailStates>
  );
}
