import { Breadcrumb } from "../../../kit/Breadcrumb";
import { useCallback, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { AppError } from "../../../api/errors";
import { useDeleteProblem, useProblemDetail } from "../../../api/queries";
import type { ProblemDetail } from "../../../bindings/ProblemDetail";
import { LoadErrorAlert, LoadingLine, NotFoundState } from "../../../kit/LoadStates";
import { describeError } from "../../../i18n/errors";
import { formatTimestamp, useDateTimeFormat } from "../../../i18n/format";
import { History } from "./History";
import {
  InlineChannel,
  InlineNumber,
  InlineReferences,
  InlineReportedOn,
  InlineSeverity,
  InlineTags,
  InlineText,
} from "./InlineFields";
import { Occurrences } from "./Occurrences";
import { ProblemActions } from "./ProblemActions";
import { ProblemPersonas } from "../../personas/ProblemPersonas";
import { ProblemStatusField } from "./CloseProblem";
import { ProblemAnalyses } from "./ProblemAnalyses";
import { Recurrence } from "./Recurrence";
import { offerUndoDelete } from "./UndoToast";

const LIST_PATH = "/problems";

function ProblemBreadcrumb({ title }: { title?: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb
      label={t("problemDetail.breadcrumb")}
      back={{ to: LIST_PATH, text: t("problemDetail.backToList"), testId: "back-to-list" }}
      current={title}
    />
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <ProblemBreadcrumb />
      <NotFoundState
        testId="problem-not-found"
        title={t("problemDetail.notFound.title")}
        body={t("problemDetail.notFound.body")}
        backTo={LIST_PATH}
        backLabel={t("problemDetail.backToList")}
        trashLabel={t("problemDetail.notFound.trash")}
      />
    </>
  );
}

function DeleteButton({ id, title }: { id: string; title: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteProblem();
  const [error, setError] = useState<AppError | null>(null);
  return (
    <div className="detail-delete">
      <button
        type="button"
        className="button button--danger"
        disabled={remove.isPending}
        data-testid="problem-delete"
        onClick={() => {
          setError(null);
          remove.mutate(id, {
            onSuccess: () => {
              offerUndoDelete({ id, title });
              void navigate(LIST_PATH);
            },
            onError: setError,
          });
        }}
      >
        {remove.isPending ? t("problemDetail.deleting") : t("problemDetail.delete")}
      </button>
      {error !== null && (
        <p className="field-error" role="alert" data-testid="problem-delete-error">
          {t("problemDetail.deleteFailed", { reason: describeError(t, error) })}
        </p>
      )}
    </div>
  );
}

function Detail({ detail }: { detail: ProblemDetail }) {
  const { t } = useTranslation();
  const { problem } = detail;
  const time = useDateTimeFormat();
  const [announcement, setAnnouncement] = useState("");
  const announce = useCallback((message: string) => {
    // Cleared first, so the same message twice is announced twice.
    setAnnouncement("");
    requestAnimationFrame(() => {
      setAnnouncement(message);
    });
  }, []);
  const propertiesId = useId();
  const mergedId = useId();
  const shared = { problem, announce };

  return (
    <article className="problem-detail" data-testid="problem-detail">
      <ProblemBreadcrumb title={problem.title} />
      <header className="detail-header">
        <h1 className="visually-hidden">{problem.title}</h1>
        <div className="detail-title-row">
          <InlineText
            {...shared}
            field="title"
            className="title-input"
            placeholder={t("newProblem.titlePlaceholder")}
          />
          <DeleteButton id={problem.id} title={problem.title} />
        </div>
        <p className="detail-meta">
          <span>{t("problemDetail.logged", { date: formatTimestamp(time, problem.createdAt) })}</span>
          <span>{t("problemDetail.updated", { date: formatTimestamp(time, problem.updatedAt) })}</span>
          {problem.sample && <span className="badge">{t("problemDetail.sample")}</span>}
        </p>
        <p className="field-hint">{t("problemDetail.editHint")}</p>
      </header>

      <div className="detail-layout">
        <div className="detail-main">
          <InlineText
            {...shared}
            field="description"
            multiline
            className="description-input"
            placeholder={t("problemDetail.descriptionPlaceholder")}
            hint={t("problemDetail.descriptionHint")}
          />
          <Recurrence problem={problem} weekly={detail.weekly} />
          <Occurrences problemId={problem.id} occurrences={detail.occurrences} announce={announce} />
          {detail.mergedFrom.length > 0 && (
            <section className="detail-section" aria-labelledby={mergedId}>
              <h2 id={mergedId} className="detail-section-title">
                {t("problem.field.mergedFrom")}
              </h2>
              <p className="field-hint">{t("problemDetail.mergedFromHint")}</p>
              <ul className="merged-list" data-testid="merged-from">
                {detail.mergedFrom.map((merged) => (
                  <li key={merged.id} className="user-text">
                    <bdi>{merged.title}</bdi>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <ProblemAnalyses problemId={problem.id} problemTitle={problem.title} />
          <ProblemActions problemId={problem.id} />
          <ProblemPersonas problemId={problem.id} />
          <History history={detail.history} merged={detail.mergedFrom} />
          <p className="links-note" data-testid="links-note">
            {t("problemDetail.linksNote")}
          </p>
        </div>

        <aside className="detail-side" aria-labelledby={propertiesId}>
          <h2 id={propertiesId} className="visually-hidden">
            {t("problemDetail.properties")}
          </h2>
          <div className="property-group">
            <ProblemStatusField {...shared} />
            <InlineSeverity {...shared} />
            <InlineChannel {...shared} />
            <InlineReportedOn {...shared} />
          </div>
          <div className="property-group">
            <InlineText {...shared} field="owner" />
            <InlineText {...shared} field="customer" />
            <InlineText {...shared} field="segment" />
            <InlineText {...shared} field="journeyStage" />
          </div>
          <div className="property-group">
            <InlineTags {...shared} />
            <InlineReferences {...shared} />
          </div>
          <div className="property-group" role="group" aria-label={t("problemDetail.scores")}>
            <p className="property-group-title" aria-hidden="true">
              {t("problemDetail.scores")}
            </p>
            <div className="score-grid">
              <InlineNumber {...shared} field="csat" />
              <InlineNumber {...shared} field="nps" />
              <InlineNumber {...shared} field="ces" />
              <InlineNumber {...shared} field="customersAffected" />
            </div>
          </div>
        </aside>
      </div>
      <p className="visually-hidden" role="status" data-testid="detail-announcement">
        {announcement}
      </p>
    </article>
  );
}

/** One problem, every field editable in place, with its occurrences and history. */
export function ProblemDetailScreen() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const detail = useProblemDetail(id);

  if (detail.isPending) {
    return (
      <>
        <ProblemBreadcrumb />
        <LoadingLine testId="problem-loading">{t("problemDetail.loading")}</LoadingLine>
      </>
    );
  }
  if (detail.isError && (detail.error.code === "not_found" || detail.data === undefined)) {
    if (detail.error.code === "not_found") return <NotFound />;
    return (
      <>
        <ProblemBreadcrumb />
        <LoadErrorAlert
          testId="problem-error"
          message={t("problemDetail.loadError", { reason: describeError(t, detail.error) })}
          retryLabel={t("problemDetail.retry")}
          onRetry={() => void detail.refetch()}
        />
      </>
    );
  }
  // A failed refresh keeps what was loaded on screen (with every edit in progress).
  // Keyed by id: going from one problem to another starts with no edits in progress.
  return <Detail key={detail.data.problem.id} detail={detail.data} />;
}
