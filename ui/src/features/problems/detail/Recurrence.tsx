import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Problem } from "../../../bindings/Problem";
import type { WeekCount } from "../../../bindings/WeekCount";
import { formatDay, useDayFormat } from "../../../i18n/format";
import { barSeries, weekBarOptions, weekData } from "../../../kit/charts/bars";
import { Chart } from "../../../kit/charts/Chart";
import { useChartTheme, withAlpha } from "../../../kit/charts/theme";

/**
 * Reports per week as small bars, oldest to newest in reading direction:
 * left to right in English, right to left in Arabic; this week stronger.
 * The bars are an image whose text alternative lists every week and its count.
 */
export function Sparkline({ weekly }: { weekly: readonly WeekCount[] }) {
  const { t, i18n } = useTranslation();
  const shortDay = useDayFormat({ day: "numeric", month: "short" });
  const rtl = i18n.dir() === "rtl";
  const theme = useChartTheme();
  const captionId = useId();
  const n = weekly.length;
  const data = useMemo(() => weekData(weekly.map((week) => week.count)), [weekly]);
  const options = useMemo(() => {
    const older = withAlpha(theme.accent, 0.55);
    const fills = (i: number) => (i === n - 1 ? theme.accent : older);
    return weekBarOptions(n, rtl, [barSeries({ fill: older, fills, size: [0.7, 8] })]);
  }, [n, rtl, theme]);
  const total = weekly.reduce((sum, week) => sum + week.count, 0);
  const weeks = weekly
    .map((week) =>
      t("problemDetail.recurrence.week", { date: formatDay(shortDay, week.weekStart), reports: week.count }),
    )
    .join(t("problemDetail.recurrence.separator") + " ");
  return (
    <figure className="sparkline-figure">
      <Chart
        className="sparkline"
        role="img"
        aria-label={t("problemDetail.recurrence.chartLabel", { weeks })}
        aria-describedby={captionId}
        data-testid="sparkline"
        data-direction={rtl ? "rtl" : "ltr"}
        options={options}
        data={data}
        height={36}
      />
      <figcaption id={captionId} className="sparkline-caption">
        {t("problemDetail.recurrence.caption", { count: total })}
      </figcaption>
    </figure>
  );
}

/** How often customers report this problem: in all, first and last seen, and per week. */
export function Recurrence({ problem, weekly }: { problem: Problem; weekly: readonly WeekCount[] }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const headingId = useId();
  return (
    <section className="detail-section recurrence" aria-labelledby={headingId}>
      <h2 id={headingId} className="detail-section-title">
        {t("problemDetail.recurrence.heading")}
      </h2>
      <div className="recurrence-body">
        <dl className="stat-list">
          <div className="stat">
            <dt>{t("problemDetail.recurrence.total")}</dt>
            <dd className="stat-value" data-testid="occurrence-count">
              {problem.occurrenceCount}
            </dd>
          </div>
          <div className="stat">
            <dt>{t("problemDetail.recurrence.firstSeen")}</dt>
            <dd className="stat-value">
              <time dateTime={problem.firstSeen} data-testid="first-seen">
                {formatDay(day, problem.firstSeen)}
              </time>
            </dd>
          </div>
          <div className="stat">
            <dt>{t("problemDetail.recurrence.lastSeen")}</dt>
            <dd className="stat-value">
              <time dateTime={problem.lastSeen} data-testid="last-seen">
                {formatDay(day, problem.lastSeen)}
              </time>
            </dd>
          </div>
        </dl>
        {weekly.length > 0 && <Sparkline weekly={weekly} />}
      </div>
    </section>
  );
}
