import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { exportDashboardCsv, useDashboard } from "../../api/metrics";
import { useSuggestions } from "../../api/problems";
import type { Dashboard } from "../../bindings/Dashboard";
import type { DashboardQuery } from "../../bindings/DashboardQuery";
import type { DashboardWords } from "../../bindings/DashboardWords";
import type { Measure } from "../../bindings/Measure";
import { describeError } from "../../i18n/errors";
import { formatDay, useDayFormat } from "../../i18n/format";
import { ChannelSelect, DateField, EARLIEST_DAY, Field, localToday } from "../../kit/fields";
import { ExportButton, ExportNotes, useExport } from "../../kit/export/ExportRow";
import {
  FigureValue,
  THIN_BELOW,
  ThinBadge,
  useMeasureFormat,
  type MeasureKey,
} from "../../kit/metrics/figures";
import { DashboardTabs } from "./DashboardTabs";
import { HelpText } from "./HelpText";
import { defaultRange, PRESETS, queryOf, readFilters, writeFilters, type DashboardFilters } from "./range";
import { TouchpointSelect } from "./TouchpointSelect";
import { TrendChart } from "./TrendChart";

/** The survey measures in the order the figures show them. */
const MEASURES: readonly Measure[] = ["nps", "csat", "ces5", "ces7"];

function Filters({
  filters,
  onChange,
  rangeError,
}: {
  filters: DashboardFilters;
  onChange: (next: DashboardFilters) => void;
  rangeError: boolean;
}) {
  const { t } = useTranslation();
  const today = localToday();
  const segments = useSuggestions("segment");
  return (
    <section
      className="dashboard-filters"
      aria-label={t("metrics.filters.label")}
      data-testid="dashboard-filters"
    >
      <Field label={t("metrics.filters.period")} error={null} errorTestId="dashboard-period-error">
        {(control) => (
          <select
            {...control}
            className="select-input"
            value={filters.preset}
            data-testid="dashboard-period"
            onChange={(event) => {
              const preset = PRESETS.find((p) => p === event.target.value) ?? "90d";
              onChange({ ...filters, preset });
            }}
          >
            {PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {t(`metrics.filters.preset.${preset}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {filters.preset === "custom" && (
        <>
          <Field label={t("metrics.filters.from")} error={null} errorTestId="dashboard-from-error">
            {(control) => (
              <DateField
                {...control}
                value={filters.from}
                min={EARLIEST_DAY}
                max={today}
                testId="dashboard-from"
                onChange={(from) => {
                  onChange({ ...filters, from });
                }}
              />
            )}
          </Field>
          <Field label={t("metrics.filters.to")} error={null} errorTestId="dashboard-to-error">
            {(control) => (
              <DateField
                {...control}
                value={filters.to}
                min={EARLIEST_DAY}
                max={today}
                testId="dashboard-to"
                onChange={(to) => {
                  onChange({ ...filters, to });
                }}
              />
            )}
          </Field>
        </>
      )}
      <Field label={t("metrics.filters.channel")} error={null} errorTestId="dashboard-channel-error">
        {(control) => (
          <ChannelSelect
            {...control}
            value={filters.channel}
            noneLabel={t("metrics.filters.allChannels")}
            testId="dashboard-channel"
            onChange={(channel) => {
              onChange({ ...filters, channel });
            }}
          />
        )}
      </Field>
      <Field label={t("metrics.filters.granularity")} error={null} errorTestId="dashboard-granularity-error">
        {(control) => (
          <select
            {...control}
            className="select-input"
            value={filters.granularity}
            data-testid="dashboard-granularity"
            onChange={(event) => {
              onChange({ ...filters, granularity: event.target.value === "month" ? "month" : "week" });
            }}
          >
            <option value="week">{t("metrics.filters.week")}</option>
            <option value="month">{t("metrics.filters.month")}</option>
          </select>
        )}
      </Field>
      <Field label={t("metrics.filters.touchpoint")} error={null} errorTestId="dashboard-touchpoint-error">
        {(control) => (
          <TouchpointSelect
            {...control}
            value={filters.touchpoint}
            noneLabel={t("metrics.filters.allTouchpoints")}
            testId="dashboard-touchpoint"
            onChange={(touchpoint) => {
              onChange({ ...filters, touchpoint });
            }}
          />
        )}
      </Field>
      <Field label={t("metrics.filters.segment")} error={null} errorTestId="dashboard-segment-error">
        {(control) => (
          <select
            {...control}
            className="select-input"
            value={filters.segment ?? ""}
            data-testid="dashboard-segment"
            onChange={(event) => {
              onChange({ ...filters, segment: event.target.value === "" ? null : event.target.value });
            }}
          >
            <option value="">{t("metrics.filters.allSegments")}</option>
            {[
              ...new Set([...(segments.data ?? []), ...(filters.segment === null ? [] : [filters.segment])]),
            ].map((segment) => (
              <option key={segment} value={segment}>
                {segment}
              </option>
            ))}
          </select>
        )}
      </Field>
      {rangeError && (
        <p className="field-error dashboard-filters-error" role="alert" data-testid="dashboard-range-error">
          {t("metrics.filters.rangeError")}
        </p>
      )}
    </section>
  );
}

/** The figures: each survey measure, then time to resolution. */
function Figures({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const format = useMeasureFormat();
  const shown = dashboard.figures.filter(
    (f) =>
      f.measure === "nps" ||
      f.measure === "csat" ||
      f.figure.n > 0 ||
      (f.measure === "ces5" && !dashboard.figures.some((g) => g.measure === "ces7" && g.figure.n > 0)),
  );
  const ordered = MEASURES.flatMap((m) => shown.filter((f) => f.measure === m));
  const ttr = dashboard.ttr;
  return (
    <ul className="metric-cards" aria-label={t("metrics.overview.figures")} data-testid="dashboard-figures">
      {ordered.map(({ measure, figure }) => (
        <li key={measure} className="metric-card" data-testid={`figure-${measure}`}>
          <span className="metric-card-label">{t(`metrics.measureLong.${measure}`)}</span>
          <FigureValue measure={measure} figure={figure} testId={`figure-${measure}-value`} />
          <span className="metric-card-hint">{t(`metrics.measureHint.${measure}`)}</span>
        </li>
      ))}
      <li className="metric-card" data-testid="figure-ttr">
        <span className="metric-card-label">{t("metrics.measureLong.ttr")}</span>
        {ttr.medianHours === null ? (
          <span className="metric-figure metric-figure--empty">
            <span className="metric-figure-none">{t("metrics.figure.none")}</span>
          </span>
        ) : (
          <span className="metric-figure" data-testid="figure-ttr-value">
            <span className="metric-figure-value">
              <bdi>{format.value("ttr", ttr.medianHours)}</bdi>
            </span>
            {ttr.p90Hours !== null && (
              <span className="metric-figure-interval">
                {t("metrics.figure.p90", { number: format.number(ttr.p90Hours, ttr.p90Hours < 10 ? 1 : 0) })}
              </span>
            )}
            <span className="metric-figure-n">
              {t("metrics.figure.contacts", { count: ttr.n })}
              {ttr.thin && <ThinBadge testId="figure-ttr-thin" />}
            </span>
          </span>
        )}
        <span className="metric-card-hint">{t("metrics.measureHint.ttr")}</span>
      </li>
    </ul>
  );
}

/** The problems that hurt each measure most, linked to their pages. */
function Hurts({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const headingId = useId();
  const lists = dashboard.hurts.filter((h) => h.problems.length > 0);
  return (
    <section className="overview-section" aria-labelledby={headingId} data-testid="dashboard-hurts">
      <h2 id={headingId}>{t("metrics.hurts.title")}</h2>
      <p className="overview-muted">{t("metrics.hurts.intro")}</p>
      {lists.length === 0 ? (
        <p className="overview-muted">{t("metrics.hurts.none")}</p>
      ) : (
        lists.map((list) => (
          <div key={list.measure} className="metric-hurts" data-testid={`hurts-${list.measure}`}>
            <h3 className="metric-hurts-title">{t(`metrics.measure.${list.measure}`)}</h3>
            <ol className="metric-hurts-list">
              {list.problems.map((p) => (
                <li key={p.problemId} className="metric-hurt">
                  <Link
                    to={`/problems/${p.problemId}`}
                    className="metric-hurt-title"
                    title={t("metrics.hurts.open", { title: p.title })}
                    data-testid="hurt-problem"
                  >
                    <bdi>{p.title}</bdi>
                  </Link>
                  <span className="metric-hurt-count">
                    {t("metrics.hurts.negative", { count: p.negative })}
                  </span>
                  <FigureValue
                    measure={list.measure}
                    figure={p.figure}
                    testId={`hurt-${p.problemId}`}
                    compact
                  />
                </li>
              ))}
            </ol>
          </div>
        ))
      )}
    </section>
  );
}

/** Retention, churn and lifetime value of the periods in the range. */
function Retention({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const days = useDayFormat();
  const format = useMeasureFormat();
  const headingId = useId();
  return (
    <section className="overview-section" aria-labelledby={headingId} data-testid="dashboard-retention">
      <h2 id={headingId}>{t("metrics.retention.title")}</h2>
      {dashboard.retention.length === 0 ? (
        <p className="overview-muted">
          {t("metrics.retention.none")} <Link to="/dashboard/customers">{t("metrics.views.customers")}</Link>
        </p>
      ) : (
        <RetentionTable rows={dashboard.retention} days={days} format={format} />
      )}
    </section>
  );
}

export function RetentionTable({
  rows,
  days,
  format,
}: {
  rows: Dashboard["retention"];
  days: Intl.DateTimeFormat;
  format: ReturnType<typeof useMeasureFormat>;
}) {
  const { t } = useTranslation();
  return (
    <table className="overview-owners metric-table" data-testid="retention-table">
      <thead>
        <tr>
          <th scope="col">{t("metrics.retention.period")}</th>
          <th scope="col">{t("metrics.retention.retention")}</th>
          <th scope="col">{t("metrics.retention.churn")}</th>
          <th scope="col">{t("metrics.retention.clv")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.period.id} data-testid="retention-row">
            <th scope="row">
              {t("metrics.customers.range", {
                from: formatDay(days, row.period.periodStart),
                to: formatDay(days, row.period.periodEnd),
              })}
            </th>
            <td>
              <FigureValue
                measure="rate"
                figure={row.retention}
                counts="customers"
                testId="retention-crr"
                compact
              />
            </td>
            <td>
              <FigureValue
                measure="rate"
                figure={row.churn}
                counts="customers"
                testId="retention-churn"
                compact
              />
            </td>
            <td data-testid="retention-clv">
              {row.lifetimeValue === null ? (
                <span className="overview-muted">{t("metrics.retention.clvNone")}</span>
              ) : (
                <bdi>{format.number(row.lifetimeValue, 0)}</bdi>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The CSV's words in the reader's language. */
function useDashboardWords(): DashboardWords {
  const { t } = useTranslation();
  return {
    columns: {
      from: t("metrics.export.columns.from"),
      to: t("metrics.export.columns.to"),
      measure: t("metrics.export.columns.measure"),
      value: t("metrics.export.columns.value"),
      low: t("metrics.export.columns.low"),
      high: t("metrics.export.columns.high"),
      n: t("metrics.export.columns.n"),
      thin: t("metrics.export.columns.thin"),
    },
    measures: {
      nps: t("metrics.measureLong.nps"),
      csat: t("metrics.measureLong.csat"),
      ces5: t("metrics.measureLong.ces5"),
      ces7: t("metrics.measureLong.ces7"),
    },
    ttrMedian: t("metrics.export.ttrMedian"),
    ttrP90: t("metrics.export.ttrP90"),
    retention: t("metrics.export.retention"),
    churn: t("metrics.export.churn"),
    lifetimeValue: t("metrics.export.lifetimeValue"),
    thinYes: t("metrics.export.yes"),
  };
}

/**
 * The dashboard: each measure over a period with its interval and count,
 * the trend by week or month, the problems that hurt each measure most,
 * retention and churn; filters in the address; exports as CSV and PNG.
 */
export function DashboardScreen() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = localToday();
  const filters = readFilters(params, today);
  const query: DashboardQuery | null = queryOf(filters, today);
  // A refused custom range shows the default period's figures under its message.
  const shownQuery: DashboardQuery = query ?? { ...defaultRange(today), granularity: filters.granularity };
  const dashboard = useDashboard(shownQuery);
  const words = useDashboardWords();
  const exports = useExport<"csv">();

  const setFilters = (next: DashboardFilters) => {
    setParams(writeFilters(next), { replace: true });
  };

  const range = { from: shownQuery.from, to: shownQuery.to };
  const fileName = t("metrics.export.fileName", { from: range.from, to: range.to });
  const data = dashboard.data;
  const hasAnswers = useMemo(() => data?.figures.some((f) => f.figure.n > 0) ?? false, [data]);

  return (
    <div className="actions-wide dashboard" data-testid="dashboard-screen">
      <DashboardTabs />
      <Filters filters={filters} onChange={setFilters} rangeError={query === null} />
      <div className="button-row dashboard-exports">
        <ExportButton
          busy={exports.busy === "csv"}
          disabled={exports.busy !== null}
          label={t("metrics.export.csv")}
          busyLabel={t("metrics.export.busy")}
          testId="dashboard-export-csv"
          onClick={() => {
            void exports.run("csv", () => exportDashboardCsv(shownQuery, words, `${fileName}.csv`));
          }}
        />
      </div>
      <ExportNotes
        outcome={exports.outcome}
        savedClass="field-hint"
        errorClass=""
        savedTestId="dashboard-export-saved"
        errorTestId="dashboard-export-error"
        saved={(path) => t("metrics.export.saved", { path })}
        failed={(error) => t("metrics.export.failed", { reason: describeError(t, error) })}
      />
      {dashboard.isPending ? (
        <p className="overview-muted" role="status">
          {t("metrics.overview.loading")}
        </p>
      ) : dashboard.isError ? (
        <p className="field-error" role="alert" data-testid="dashboard-error">
          {t("metrics.overview.failed", { reason: describeError(t, dashboard.error) })}
        </p>
      ) : (
        <>
          {!hasAnswers && (
            <p className="empty-state-body dashboard-empty" data-testid="dashboard-empty">
              {t("metrics.overview.empty")}
            </p>
          )}
          <Figures dashboard={dashboard.data} />
          <div className="overview-columns">
            <div>
              <TrendChart
                trend={dashboard.data.trend}
                granularity={shownQuery.granularity}
                measure={filters.measure}
                range={range}
                fileName={`${fileName}-${filters.measure}.png`}
                onMeasure={(measure: MeasureKey) => {
                  setFilters({ ...filters, measure });
                }}
              />
            </div>
            <Hurts dashboard={dashboard.data} />
          </div>
          <Retention dashboard={dashboard.data} />
        </>
      )}
      <HelpText thinBelow={THIN_BELOW} />
    </div>
  );
}
