import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { WeekProgress } from "../../../bindings/WeekProgress";
import { currentLanguage, directionOf } from "../../../i18n";
import { INTL_LOCALES } from "../../../i18n/format";
import { formatDay, useDayFormat, useNumberFormat } from "../../../i18n/format";

const WIDTH = 720;
const HEIGHT = 220;
const TOP = 22;
const BOTTOM = 34;
const SIDE = 8;
const BAR = 16;
const PAIR_GAP = 3;

/** A short week label ("Mar 3", "3 مارس"), in UTC so no time zone moves the Monday. */
function useShortDay(): Intl.DateTimeFormat {
  const language = currentLanguage();
  return useMemo(
    () =>
      new Intl.DateTimeFormat(INTL_LOCALES[language], { month: "short", day: "numeric", timeZone: "UTC" }),
    [language],
  );
}

/**
 * Completed versus planned per week, drawn as inline SVG: two bars a week
 * (planned, then completed), oldest week first in reading order, so in
 * Arabic time runs from right to left. Screen readers get a one-sentence
 * summary and a table with every week's numbers.
 */
export function WeeklyChart({ weeks }: { weeks: readonly WeekProgress[] }) {
  const { t } = useTranslation();
  const numbers = useNumberFormat();
  const shortDay = useShortDay();
  const dayFormat = useDayFormat();
  const rtl = directionOf(currentLanguage()) === "rtl";

  const count = weeks.length;
  const max = Math.max(1, ...weeks.map((w) => Math.max(w.planned, w.completed)));
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const groupWidth = (WIDTH - 2 * SIDE) / Math.max(1, count);
  const baseline = HEIGHT - BOTTOM;
  const totalPlanned = weeks.reduce((sum, w) => sum + w.planned, 0);
  const totalCompleted = weeks.reduce((sum, w) => sum + w.completed, 0);
  const latest = weeks.at(-1);

  const summary = t("actionOverview.chart.summary", {
    weeks: numbers.format(count),
    planned: numbers.format(totalPlanned),
    completed: numbers.format(totalCompleted),
    weekPlanned: numbers.format(latest?.planned ?? 0),
    weekCompleted: numbers.format(latest?.completed ?? 0),
  });

  const height = (value: number) => (value / max) * plotHeight;

  return (
    <figure className="overview-chart" data-testid="overview-chart">
      <div className="chart-legend" aria-hidden="true">
        <span className="chart-legend-item">
          <span className="chart-swatch chart-swatch--planned" />
          {t("actionOverview.chart.planned")}
        </span>
        <span className="chart-legend-item">
          <span className="chart-swatch chart-swatch--completed" />
          {t("actionOverview.chart.completed")}
        </span>
      </div>
      <svg
        className="chart-svg"
        viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
        role="img"
        aria-label={summary}
        data-testid="overview-chart-svg"
      >
        <line className="chart-axis" x1={SIDE} x2={WIDTH - SIDE} y1={baseline} y2={baseline} />
        {weeks.map((week, i) => {
          // Oldest first in reading order: left to right in English, right to left in Arabic.
          const slot = rtl ? count - 1 - i : i;
          const centre = SIDE + groupWidth * slot + groupWidth / 2;
          const pairStart = centre - BAR - PAIR_GAP / 2;
          const plannedX = rtl ? pairStart + BAR + PAIR_GAP : pairStart;
          const completedX = rtl ? pairStart : pairStart + BAR + PAIR_GAP;
          const label = formatDay(shortDay, week.weekStart);
          const bars = [
            { kind: "planned", x: plannedX, value: week.planned },
            { kind: "completed", x: completedX, value: week.completed },
          ] as const;
          return (
            <g key={week.weekStart} data-testid="overview-chart-week">
              <title>
                {t("actionOverview.chart.weekOf", {
                  date: formatDay(dayFormat, week.weekStart),
                  planned: numbers.format(week.planned),
                  completed: numbers.format(week.completed),
                })}
              </title>
              {bars.map((bar) => (
                <g key={bar.kind}>
                  <rect
                    className={`chart-bar chart-bar--${bar.kind}`}
                    x={bar.x}
                    y={baseline - height(bar.value)}
                    width={BAR}
                    height={height(bar.value)}
                    rx={2}
                    data-testid={`chart-bar-${bar.kind}`}
                    data-value={bar.value}
                  />
                  {bar.value > 0 && (
                    <text
                      className="chart-value"
                      x={bar.x + BAR / 2}
                      y={baseline - height(bar.value) - 4}
                      textAnchor="middle"
                    >
                      {numbers.format(bar.value)}
                    </text>
                  )}
                </g>
              ))}
              <text
                className={i === count - 1 ? "chart-label chart-label--current" : "chart-label"}
                x={centre}
                y={baseline + 18}
                textAnchor="middle"
              >
                {label}
              </text>
            </g>
          );
        })}
      </svg>
      {totalPlanned === 0 && totalCompleted === 0 && (
        <p className="overview-muted">{t("actionOverview.chart.empty")}</p>
      )}
      <table className="visually-hidden" data-testid="overview-chart-table">
        <caption>{t("actionOverview.chart.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("actionOverview.chart.week")}</th>
            <th scope="col">{t("actionOverview.chart.planned")}</th>
            <th scope="col">{t("actionOverview.chart.completed")}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.weekStart}>
              <th scope="row">{formatDay(dayFormat, week.weekStart)}</th>
              <td>{numbers.format(week.planned)}</td>
              <td>{numbers.format(week.completed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
