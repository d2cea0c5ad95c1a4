import { useId, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { saveExport } from "../../api/exports";
import type { Granularity } from "../../bindings/Granularity";
import { describeError } from "../../i18n/errors";
import { ExportButton, ExportNotes, NOTHING_TO_EXPORT, useExport } from "../../kit/export/ExportRow";
import type { TrendPoint } from "../../bindings/TrendPoint";
import { currentLanguage, directionOf } from "../../i18n";
import { formatDay, intlLocale, useDayFormat } from "../../i18n/format";
import { Chart } from "../../kit/charts/Chart";
import { useChartTheme, withAlpha } from "../../kit/charts/theme";
import { chartPng, trendData, trendOptions, type TrendValue } from "../../kit/charts/trend";
import { THIN_BELOW, useMeasureFormat, type MeasureKey } from "../../kit/metrics/figures";
import { TREND_MEASURES } from "./range";

const HEIGHT = 240;

/** Each bucket's value of `measure`, as the chart draws it. */
export function trendValues(trend: readonly TrendPoint[], measure: MeasureKey): TrendValue[] {
  return trend.map((point) => {
    if (measure === "ttr")
      return { value: point.ttr.medianHours, low: null, high: null, thin: point.ttr.thin && point.ttr.n > 0 };
    const figure = point.figures.find((f) => f.measure === measure)?.figure;
    if (figure === undefined) return { value: null, low: null, high: null, thin: false };
    return { value: figure.value, low: figure.low, high: figure.high, thin: figure.thin && figure.n > 0 };
  });
}

/** How many answers (or resolved contacts) a bucket rests on. */
function countOf(point: TrendPoint, measure: MeasureKey): number {
  if (measure === "ttr") return point.ttr.n;
  return point.figures.find((f) => f.measure === measure)?.figure.n ?? 0;
}

function useBucketLabel(granularity: Granularity): Intl.DateTimeFormat {
  const language = currentLanguage();
  return useMemo(
    () =>
      new Intl.DateTimeFormat(
        intlLocale(language),
        granularity === "month"
          ? { month: "short", year: "2-digit", timeZone: "UTC" }
          : { month: "short", day: "numeric", timeZone: "UTC" },
      ),
    [language, granularity],
  );
}

interface TrendChartProps {
  trend: readonly TrendPoint[];
  granularity: Granularity;
  measure: MeasureKey;
  range: { from: string; to: string };
  onMeasure: (measure: MeasureKey) => void;
  /** The name the PNG export suggests. */
  fileName: string;
}

/**
 * One measure by week or month: the value over its 95% band, thin buckets
 * hollow, oldest first in reading direction (right to left in Arabic).
 * Screen readers get a summary and a table of every bucket.
 */
export function TrendChart({ trend, granularity, measure, range, onMeasure, fileName }: TrendChartProps) {
  const { t } = useTranslation();
  const theme = useChartTheme();
  const rtl = directionOf(currentLanguage()) === "rtl";
  const format = useMeasureFormat();
  const bucketLabel = useBucketLabel(granularity);
  const days = useDayFormat();
  const headingId = useId();
  const box = useRef<HTMLDivElement>(null);

  const values = useMemo(() => trendValues(trend, measure), [trend, measure]);
  const labels = useMemo(() => trend.map((p) => formatDay(bucketLabel, p.start)), [trend, bucketLabel]);
  const data = useMemo(() => trendData(values), [values]);
  const options = useMemo(
    () =>
      trendOptions({
        theme,
        rtl,
        labels,
        format: (v) => format.value(measure, v),
        range:
          measure === "nps"
            ? [-100, 100]
            : measure === "csat"
              ? [0, 100]
              : measure === "ces5"
                ? [1, 5]
                : measure === "ces7"
                  ? [1, 7]
                  : undefined,
        thin: values.map((v) => v.thin),
        labelValue: t(`metrics.measure.${measure}`),
      }),
    [theme, rtl, labels, format, measure, values, t],
  );

  const measureName = t(`metrics.measureLong.${measure}`);
  const latest = [...values].reverse().find((v) => v.value !== null);
  const summary =
    latest === undefined || latest.value === null
      ? t("metrics.trend.summaryEmpty", { measure: measureName })
      : t("metrics.trend.summary", {
          measure: measureName,
          unit: t(`metrics.filters.${granularity}`),
          count: trend.length,
          latest: format.value(measure, latest.value),
        });

  const exports = useExport<"png">();
  const drawPng = () =>
    box.current === null
      ? null
      : chartPng(
          box.current,
          t("metrics.export.chartTitle", {
            measure: measureName,
            from: formatDay(days, range.from),
            to: formatDay(days, range.to),
          }),
          [
            { label: t("metrics.trend.line"), color: theme.accent },
            ...(measure === "ttr"
              ? []
              : [{ label: t("metrics.trend.band"), color: withAlpha(theme.accent, 0.25) }]),
          ],
          theme,
          rtl,
        );

  return (
    <section className="overview-section" aria-labelledby={headingId} data-testid="dashboard-trend">
      <div className="metric-trend-head">
        <h2 id={headingId}>{t("metrics.trend.title")}</h2>
        <label className="metric-trend-measure">
          <span>{t("metrics.trend.measure")}</span>
          <select
            className="select-input"
            value={measure}
            data-testid="trend-measure"
            onChange={(event) => {
              onMeasure(TREND_MEASURES.find((m) => m === event.target.value) ?? "nps");
            }}
          >
            {TREND_MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`metrics.measure.${m}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <figure className="overview-chart" ref={box}>
        <div className="chart-legend" aria-hidden="true">
          <span className="chart-legend-item">
            <span className="chart-swatch chart-swatch--planned" />
            {t("metrics.trend.line")}
          </span>
          {measure !== "ttr" && (
            <span className="chart-legend-item">
              <span className="chart-swatch metric-swatch-band" />
              {t("metrics.trend.band")}
            </span>
          )}
        </div>
        <Chart
          className="chart-plot"
          role="img"
          aria-label={summary}
          data-testid="trend-plot"
          options={options}
          data={data}
          height={HEIGHT}
        />
        {values.some((v) => v.thin) && (
          <p className="overview-muted">{t("metrics.trend.thinNote", { count: THIN_BELOW })}</p>
        )}
        <table className="visually-hidden" data-testid="trend-table">
          <caption>{t("metrics.trend.tableCaption", { measure: measureName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("metrics.trend.bucket")}</th>
              <th scope="col">{t("metrics.trend.value")}</th>
              <th scope="col">{t("metrics.trend.low")}</th>
              <th scope="col">{t("metrics.trend.high")}</th>
              <th scope="col">{t("metrics.trend.n")}</th>
            </tr>
          </thead>
          <tbody>
            {trend.map((point, i) => {
              const v = values[i];
              const show = (x: number | null | undefined) =>
                x === null || x === undefined ? t("metrics.trend.noValue") : format.value(measure, x);
              return (
                <tr key={point.start}>
                  <th scope="row">{formatDay(days, point.start)}</th>
                  <td>{show(v?.value)}</td>
                  <td>{show(v?.low)}</td>
                  <td>{show(v?.high)}</td>
                  <td>{format.number(countOf(point, measure))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </figure>
      <div className="button-row">
        <ExportButton
          busy={exports.busy === "png"}
          disabled={exports.busy !== null}
          label={t("metrics.export.png")}
          busyLabel={t("metrics.export.busy")}
          testId="dashboard-export-png"
          onClick={() => {
            void exports.run("png", () => {
              const png = drawPng();
              return png === null ? Promise.resolve(NOTHING_TO_EXPORT) : saveExport(fileName, png, true);
            });
          }}
        />
      </div>
      <ExportNotes
        outcome={exports.outcome}
        savedClass="field-hint"
        errorClass=""
        savedTestId="dashboard-png-saved"
        errorTestId="dashboard-png-error"
        saved={(path) => t("metrics.export.saved", { path })}
        failed={(error) => t("metrics.export.failed", { reason: describeError(t, error) })}
      />
    </section>
  );
}
