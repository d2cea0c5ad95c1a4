import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDashboard, useFixEffects } from "../../../api/metrics";
import type { Comparison } from "../../../bindings/Comparison";
import type { FixEffect } from "../../../bindings/FixEffect";
import type { TtrFigure } from "../../../bindings/TtrFigure";
import { LIMITS } from "../../../bindings/rules";
import { describeError } from "../../../i18n/errors";
import { formatDay, useDayFormat } from "../../../i18n/format";
import { localToday } from "../../../kit/fields";
import { addDays } from "../../../kit/fields/dates";
import { FigureValue, ThinBadge, useMeasureFormat } from "../../../kit/metrics/figures";

/** The windows a fix can be judged over, in weeks. */
const WEEK_CHOICES = [4, 8, 12, 26] as const;

function Verdict({ verdict, testId }: { verdict: Comparison["verdict"]; testId: string }) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge metric-verdict metric-verdict--${verdict}`}
      data-testid={testId}
      data-verdict={verdict}
    >
      {t(`metrics.problem.verdict.${verdict}`)}
    </span>
  );
}

function Ttr({ ttr }: { ttr: TtrFigure }) {
  const { t } = useTranslation();
  const format = useMeasureFormat();
  if (ttr.medianHours === null) return <span className="overview-muted">{t("metrics.figure.none")}</span>;
  return (
    <span className="metric-figure metric-figure--compact">
      <span className="metric-figure-value">
        <bdi>{format.value("ttr", ttr.medianHours)}</bdi>
      </span>
      <span className="metric-figure-n">
        {t("metrics.figure.contacts", { count: ttr.n })}
        {ttr.thin && <ThinBadge />}
      </span>
    </span>
  );
}

/** One fix: each measure before and after its done day, the change and what it says. */
function FixTable({ fix }: { fix: FixEffect }) {
  const { t } = useTranslation();
  const days = useDayFormat();
  const withAnswers = fix.measures.filter((m) => m.before.n > 0 || m.after.n > 0);
  const hasTtr = fix.ttrBefore.n > 0 || fix.ttrAfter.n > 0;
  return (
    <div className="metric-fix" data-testid="fix-effect">
      <h3 className="metric-fix-title">
        <Link to={`/actions/${fix.actionId}`}>
          {t("metrics.problem.fixTitle", { title: fix.title, date: formatDay(days, fix.doneOn) })}
        </Link>
      </h3>
      {withAnswers.length === 0 && !hasTtr ? (
        <p className="overview-muted">
          <Verdict verdict="no_data" testId="fix-verdict" />
        </p>
      ) : (
        <div className="metric-table-scroll">
          <table className="overview-owners metric-table">
            <thead>
              <tr>
                <th scope="col">{t("metrics.trend.measure")}</th>
                <th scope="col">{t("metrics.problem.before")}</th>
                <th scope="col">{t("metrics.problem.after")}</th>
                <th scope="col">{t("metrics.problem.change")}</th>
              </tr>
            </thead>
            <tbody>
              {withAnswers.map((m) => (
                <tr key={m.measure} data-testid={`fix-${m.measure}`}>
                  <th scope="row">{t(`metrics.measure.${m.measure}`)}</th>
                  <td>
                    <FigureValue
                      measure={m.measure}
                      figure={m.before}
                      testId={`fix-${m.measure}-before`}
                      compact
                    />
                  </td>
                  <td>
                    <FigureValue
                      measure={m.measure}
                      figure={m.after}
                      testId={`fix-${m.measure}-after`}
                      compact
                    />
                  </td>
                  <td>
                    <Verdict verdict={m.verdict} testId="fix-verdict" />
                    {m.difference.value !== null && (
                      <FigureValue
                        measure={m.measure}
                        figure={m.difference}
                        testId={`fix-${m.measure}-diff`}
                        compact
                      />
                    )}
                  </td>
                </tr>
              ))}
              {hasTtr && (
                <tr data-testid="fix-ttr">
                  <th scope="row">{t("metrics.measure.ttr")}</th>
                  <td>
                    <Ttr ttr={fix.ttrBefore} />
                  </td>
                  <td>
                    <Ttr ttr={fix.ttrAfter} />
                  </td>
                  <td />
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/**
 * What customers said about this problem: each measure over the answers
 * linked to it, and before and after each of its done corrective actions,
 * with both intervals and a plain verdict.
 */
export function ProblemMeasures({ problemId }: { problemId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [weeks, setWeeks] = useState<number>(LIMITS.metrics.fixWeeks);
  const today = localToday();
  const figures = useDashboard({
    from: addDays(today, 1 - LIMITS.metrics.rangeDaysMax),
    to: today,
    problemId,
    granularity: "month",
  });
  const effects = useFixEffects(problemId, weeks);
  const measured = figures.data?.figures.filter((f) => f.figure.n > 0) ?? [];

  return (
    <section
      className="detail-section problem-measures"
      aria-labelledby={headingId}
      data-testid="problem-measures"
    >
      <h2 id={headingId} className="detail-section-title">
        {t("metrics.problem.title")}
      </h2>
      <p className="field-hint">{t("metrics.problem.intro")}</p>
      {figures.isError && (
        <p className="field-error" role="alert">
          {describeError(t, figures.error)}
        </p>
      )}
      {figures.data !== undefined &&
        (measured.length === 0 ? (
          <p className="overview-muted" data-testid="problem-measures-none">
            {t("metrics.problem.none")}
          </p>
        ) : (
          <ul className="metric-cards metric-cards--compact">
            {measured.map(({ measure, figure }) => (
              <li key={measure} className="metric-card" data-testid={`problem-figure-${measure}`}>
                <span className="metric-card-label">{t(`metrics.measure.${measure}`)}</span>
                <FigureValue
                  measure={measure}
                  figure={figure}
                  testId={`problem-figure-${measure}-value`}
                  compact
                />
              </li>
            ))}
          </ul>
        ))}
      <label className="metric-weeks">
        <span>{t("metrics.problem.weeks")}</span>
        <select
          className="select-input"
          value={String(weeks)}
          data-testid="fix-weeks"
          onChange={(event) => {
            setWeeks(Number(event.target.value));
          }}
        >
          {WEEK_CHOICES.map((w) => (
            <option key={w} value={String(w)}>
              {t("metrics.problem.weeksOption", { count: w })}
            </option>
          ))}
        </select>
      </label>
      {effects.isError && (
        <p className="field-error" role="alert">
          {describeError(t, effects.error)}
        </p>
      )}
      {effects.data !== undefined &&
        (effects.data.length === 0 ? (
          <p className="overview-muted" data-testid="fix-none">
            {t("metrics.problem.noFixes")}
          </p>
        ) : (
          effects.data.map((fix) => <FixTable key={fix.actionId} fix={fix} />)
        ))}
    </section>
  );
}
