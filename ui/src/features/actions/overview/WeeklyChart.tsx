import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { WeekProgress } from "../../../bindings/WeekProgress";
import { currentLanguage, directionOf } from "../../../i18n";
import { intlLocale } from "../../../i18n/format";
import { formatDay, useDayFormat, useNumberFormat } from "../../../i18n/format";
import { barSeries, barValueLabels, weekAxes, weekBarOptions, weekData } from "../../../kit/charts/bars";
import { Chart } from "../../../kit/charts/Chart";
import { useChartTheme } from "../../../kit/charts/theme";

const HEIGHT = 220;

/** A short week label ("Mar 3", "3 مارس"), in UTC so no time zone moves the Monday. */
function useShortDay(): Intl.DateTimeFormat {
  const language = currentLanguage();
  return useMemo(
    () => new Intl.DateTimeFormat(intlLocale(language), { month: "short", day: "numeric", timeZone: "UTC" }),
    [language],
  );
}

/**
 * Completed versus planned per week: two bars a week (planned, then
 * completed) with their numbers, oldest week first in reading order, so in
 * Arabic time runs from right to left. Screen readers get a one-sentence
 * summary and a table with every week's numbers.
 */
export function WeeklyChart({ weeks }: { weeks: readonly WeekProgress[] }) {
  const { t } = useTranslation();
  const numbers = useNumberFormat();
  const shortDay = useShortDay();
  const dayFormat = useDayFormat();
  const theme = useChartTheme();
  const rtl = directionOf(currentLanguage()) === "rtl";

  const count = weeks.length;
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

  const data = useMemo(
    () =>
      weekData(
        weeks.map((w) => w.planned),
        weeks.map((w) => w.completed),
      ),
    [weeks],
  );
  const labels = useMemo(() => weeks.map((week) => formatDay(shortDay, week.weekStart)), [weeks, shortDay]);
  const options = useMemo(() => {
    const values = barValueLabels(theme, rtl, (value) => numbers.format(value));
    const bar = { size: [0.32, 16] as [number, number], each: values.each };
    return weekBarOptions(
      count,
      rtl,
      [
        barSeries({ ...bar, label: t("actionOverview.chart.planned"), fill: theme.accent, align: -1 }),
        barSeries({ ...bar, label: t("actionOverview.chart.completed"), fill: theme.success, align: 1 }),
      ],
      { axes: weekAxes(theme, rtl, labels), hooks: values.hooks, padding: [8, 8, 0, 8] },
    );
  }, [count, rtl, theme, numbers, labels, t]);

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
      <Chart
        className="chart-plot"
        role="img"
        aria-label={summary}
        data-testid="overview-chart-plot"
        options={options}
        data={data}
        height={HEIGHT}
      />
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
