import { useDeleteProblem, useProblemDetail } from "../../../api/problems";
import { ReportButton } from "../report/ReportDialog";
import { Breadcrumb } from "../../../kit/detail/Breadcrumb";
import { Slot } from "../../../kit/slots";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { ProblemDetail } from "../../../bindings/ProblemDetail";
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
import { ProblemMeasures } from "./ProblemMeasures";
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
  return (
    <DeleteRecord
      id={id}
      remove={remove}
      testId="problem-delete"
      label={t("problemDetail.delete")}
      pendingLabel={t("problemDetail.deleting")}
      failed={(error) => t("problemDetail.deleteFailed", { reason: describeError(t, error) })}
      onDeleted={() => {
        offerUndoDelete({ id, title });
        void navigate(LIST_PATH);
      }}
    />
  );
}

function Detail({ detail }: { detail: ProblemDetail }) {
  const { t } = useTranslation();
  const { problem } = detail;
  const time = useDateTimeFormat();
  const [announcement, announce] = useAnnouncer();
  const mergedId = useId();
  const shared = { problem, announce };

  return (
    <article className="problem-detail" data-testid="problem-detail">
      <ProblemBreadcrumb title={problem.title} />
      <DetailHeader
        title={problem.title}
        titleField={
          <InlineText
            {...shared}
            field="title"
            className="title-input"
            placeholder={t("newProblem.titlePlaceholder")}
          />
        }
        actions={
          <>
            <ReportButton id={problem.id} />
            <DeleteButton id={problem.id} title={problem.title} />
          </>
        }
        meta={
          <>
            <span>{t("problemDetail.logged", { date: formatTimestamp(time, problem.createdAt) })}</span>
            <span>{t("problemDetail.updated", { date: formatTimestamp(time, problem.updatedAt) })}</span>
            {problem.sample && <span className="badge">{t("problemDetail.sample")}</span>}
          </>
        }
        hint={t("problemDetail.editHint")}
      />

      <DetailLayout
        propertiesLabel={t("problemDetail.properties")}
        main={
          <>
            <InlineText
              {...shared}
              field="description"
              multiline
              className="description-input"
              placeholder={t("problemDetail.descriptionPlaceholder")}
              hint={t("problemDetail.descriptionHint")}
            />
            <Recurrence problem={problem} weekly={detail.weekly} />
            <Occurrences
              problemId={problem.id}
              channel={problem.channel}
              occurrences={detail.occurrences}
              announce={announce}
            />
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
            <ProblemMeasures problemId={problem.id} />
            <Slot name="problemPersonas" props={{ problemId: problem.id }} />
            <History history={detail.history} merged={detail.mergedFrom} />
          </>
        }
        side={
          <>
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
          </>
        }
      />
      <Announcement text={announcement} testId="detail-announcement" />
    </article>
  );
}

/** One problem, every field editable in place, with its occurrences and history. */
export function ProblemDetailScreen() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const detail = useProblemDetail(id);

  return (
    <DetailStates
      query={detail}
      breadcrumb={<ProblemBreadcrumb />}
      loadingTestId="problem-loading"
      loadingText={t("problemDetail.loading")}
      notFound={<NotFound />}
      errorTestId="problem-error"
      errorMessage={(error) => t("problemDetail.loadError", { reason: describeError(t, error) })}
      retryLabel={t("problemDetail.retry")}
    >
      {/* Keyed by id: going from one problem to another starts with no edits in progress. */}
      {(data) => <Detail key={data.problem.id} detail={data} />}
    </DetailStates>
  );
}
