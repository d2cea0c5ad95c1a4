import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDeleteResponse, useRecentResponses } from "../../api/metrics";
import type { AppError } from "../../api/errors";
import type { SurveyResponse } from "../../bindings/SurveyResponse";
import { describeError } from "../../i18n/errors";
import { formatDay, useDayFormat } from "../../i18n/format";
import { Announcement, useAnnouncer } from "../../kit/detail/DetailPage";
import { useMeasureFormat } from "../../kit/metrics/figures";
import { DashboardTabs } from "./DashboardTabs";
import { ImportWizard } from "./ImportWizard";
import { ResponseForm, scaleOf } from "./ResponseForm";

/** The latest answers, newest first, each deletable (to the trash). */
function RecentAnswers({ announce }: { announce: (message: string) => void }) {
  const { t } = useTranslation();
  const recent = useRecentResponses(null);
  const remove = useDeleteResponse();
  const days = useDayFormat();
  const format = useMeasureFormat();
  const headingId = useId();
  const [error, setError] = useState<AppError | null>(null);

  const label = (r: SurveyResponse) => {
    const max = scaleOf(r.kind, r.cesScale ?? 5)[1];
    return t("metrics.answers.scoreOf", { score: format.number(r.score), max: format.number(max) });
  };

  return (
    <section className="overview-section" aria-labelledby={headingId} data-testid="recent-answers">
      <h2 id={headingId}>{t("metrics.answers.recentTitle")}</h2>
      {error !== null && (
        <p className="field-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
      {recent.isError ? (
        <p className="field-error" role="alert">
          {describeError(t, recent.error)}
        </p>
      ) : recent.data === undefined ? null : recent.data.length === 0 ? (
        <p className="overview-muted">{t("metrics.answers.recentEmpty")}</p>
      ) : (
        <ul className="metric-answers">
          {recent.data.map((r) => (
            <li key={r.id} className="metric-answer" data-testid="recent-answer">
              <span className="metric-answer-kind">{t(`metrics.kind.${r.kind}`)}</span>
              <span className="metric-answer-score" data-testid="recent-answer-score">
                {label(r)}
              </span>
              <span className="metric-answer-date">{formatDay(days, r.respondedOn)}</span>
              {r.channel !== null && (
                <span className="metric-answer-channel">{t(`problem.channel.${r.channel}`)}</span>
              )}
              {r.customer !== "" && <bdi className="metric-answer-customer user-text">{r.customer}</bdi>}
              {r.problemId !== null && (
                <Link to={`/problems/${r.problemId}`} className="metric-answer-problem">
                  {t("metrics.answers.problem")}
                </Link>
              )}
              {r.comment !== "" && <bdi className="metric-answer-comment user-text">{r.comment}</bdi>}
              <button
                type="button"
                className="button button--ghost metric-answer-delete"
                aria-label={t("metrics.answers.deleteLabel", {
                  kind: t(`metrics.kind.${r.kind}`),
                  date: formatDay(days, r.respondedOn),
                })}
                data-testid="recent-answer-delete"
                onClick={() => {
                  setError(null);
                  remove.mutate(r.id, {
                    onSuccess: () => {
                      announce(t("metrics.answers.deleted"));
                    },
                    onError: setError,
                  });
                }}
              >
                {t("metrics.answers.delete")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Survey answers: one at a time, from a file, and the latest ones. */
export function AnswersScreen() {
  const { t } = useTranslation();
  const [announcement, announce] = useAnnouncer();
  const [importing, setImporting] = useState(false);
  return (
    <div className="actions-wide dashboard" data-testid="answers-screen">
      <DashboardTabs />
      <div className="button-row">
        <button
          type="button"
          className="button"
          data-testid="open-survey-import"
          onClick={() => {
            setImporting(true);
          }}
        >
          {t("metrics.answers.import")}
        </button>
      </div>
      <div className="overview-columns">
        <ResponseForm announce={announce} />
        <RecentAnswers announce={announce} />
      </div>
      {importing && (
        <ImportWizard
          announce={announce}
          onClose={() => {
            setImporting(false);
          }}
        />
      )}
      <Announcement text={announcement} testId="answers-announcement" />
    </div>
  );
}
