import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Problem } from "../../../bindings/Problem";
import type { WeekCount } from "../../../bindings/WeekCount";
import { formatDay, useDayFormat } from "../../../i18n/format";

const BAR = 8;
const GAP = 4;
const HEIGHT = 36;

/**
 * Reports per week as small bars, oldest to newest in reading direction:
 * left to right in English, right to left in Arabic. The bars are an image
 * whose text alternative lists every week and its count.
 */
export function Sparkline({ weekly }: { weekly: readonly WeekCount[] }) {
  const { t, i18n } = useTranslation();
  const shortDay = useDayFormat({ day: "numeric", month: "short" });
  const rtl = i18n.dir() === "rtl";
  const captionId = useId();
  const n = weekly.length;
  const width = Math.max(1, n * (BAR + GAP) - GAP);
  const max = Math.max(1, ...weekly.map((week) => week.count));
  const total = weekly.reduce((sum, week) => sum + week.count, 0);
  const weeks = weekly
    .map((week) =>
      t("problemDetail.recurrence.week", { date: formatDay(shortDay, week.weekStart), reports: week.count }),
    )
    .join(t("problemDetail.recurrence.separator") + " ");
  return (
    <figure className="sparkline-figure">
      <svg
        className="sparkline"
        role="img"
        aria-label={t("problemDetail.recurrence.chartLabel", { weeks })}
        aria-describedby={captionId}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        width={width}
        height={HEIGHT}
        data-testid="sparkline"
        data-direction={rtl ? "rtl" : "ltr"}
      >
        <line className="sparkline-baseline" x1={0} x2={width} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
        {weekly.map((week, index) => {
          // Time flows in reading direction: the newest week is at the end of the line.
          const slot = rtl ? n - 1 - index : index;
          const height = week.count === 0 ? 0 : Math.max(3, (week.count / max) * (HEIGHT - 2));
          return (
            <rect
              key={week.weekStart}
              className={index === n - 1 ? "sparkline-bar sparkline-bar--current" : "sparkline-bar"}
              x={slot * (BAR + GAP)}
              y={HEIGHT - height}
              width={BAR}
              height={height}
              rx={1.5}
              data-week={week.weekStart}
              data-count={week.count}
            />
          );
        })}
      </svg>
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
