import { useId, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/errors";
import { useAddPeriod, useDashboard, useDeletePeriod, useEditPeriod, usePeriods } from "../../api/metrics";
import type { PeriodFigures } from "../../bindings/PeriodFigures";
import type { PeriodInput } from "../../bindings/PeriodInput";
import { LIMITS } from "../../bindings/rules";
import { describeError } from "../../i18n/errors";
import { formatDay, useDayFormat } from "../../i18n/format";
import { Announcement, useAnnouncer } from "../../kit/detail/DetailPage";
import {
  checkPastDay,
  DateField,
  EARLIEST_DAY,
  Field,
  localToday,
  NumberInput,
  useFormIssues,
  type FieldIssue,
} from "../../kit/fields";
import { addDays, parseTypedNumber } from "../../kit/fields/dates";
import { FigureValue, useMeasureFormat } from "../../kit/metrics/figures";
import { DashboardTabs } from "./DashboardTabs";

const FIELDS = [
  "periodStart",
  "periodEnd",
  "customersStart",
  "customersEnd",
  "customersNew",
  "revenuePerCustomer",
  "margin",
] as const;
type PeriodField = (typeof FIELDS)[number];

interface Draft {
  periodStart: string;
  periodEnd: string;
  customersStart: string;
  customersEnd: string;
  customersNew: string;
  revenuePerCustomer: string;
  /** In percent, as people say it. */
  margin: string;
}

function draftOf(period: PeriodFigures | null, today: string): Draft {
  if (period === null)
    return {
      periodStart: addDays(today, -29),
      periodEnd: today,
      customersStart: "",
      customersEnd: "",
      customersNew: "",
      revenuePerCustomer: "",
      margin: "",
    };
  return {
    periodStart: period.periodStart,
    periodEnd: period.periodEnd,
    customersStart: String(period.customersStart),
    customersEnd: String(period.customersEnd),
    customersNew: String(period.customersNew),
    revenuePerCustomer: period.revenuePerCustomer === null ? "" : String(period.revenuePerCustomer),
    margin: period.margin === null ? "" : String(Math.round(period.margin * 10000) / 100),
  };
}

/** A count as typed: a whole number of 0 or more. */
function checkCount(field: PeriodField, text: string): FieldIssue | null {
  if (text.trim() === "") return { field, rule: "required", limit: null };
  const value = parseTypedNumber(text);
  return value === null || !Number.isInteger(value) || value < 0
    ? { field, rule: "invalid", limit: null }
    : null;
}

/**
 * The draft checked as the core would (every broken rule at once), and the
 * input it becomes when nothing is broken.
 */
export function checkPeriod(
  draft: Draft,
  today: string,
): { issues: (FieldIssue | null)[]; input: PeriodInput | null } {
  const count = (text: string) => parseTypedNumber(text) ?? 0;
  const issues: (FieldIssue | null)[] = [
    checkPastDay("periodStart", draft.periodStart, today),
    checkPastDay("periodEnd", draft.periodEnd, today) ??
      (draft.periodEnd < draft.periodStart
        ? { field: "periodEnd", rule: "before_start", limit: null }
        : null),
    checkCount("customersStart", draft.customersStart),
    checkCount("customersNew", draft.customersNew),
    checkCount("customersEnd", draft.customersEnd),
  ];
  const counts = ["customersStart", "customersNew", "customersEnd"] as const;
  if (counts.every((f) => checkCount(f, draft[f]) === null)) {
    const most = count(draft.customersStart) + count(draft.customersNew);
    if (count(draft.customersEnd) > most)
      issues.push({ field: "customersEnd", rule: "over_start_plus_new", limit: most });
  }
  const revenue =
    draft.revenuePerCustomer.trim() === "" ? undefined : parseTypedNumber(draft.revenuePerCustomer);
  if (revenue === null || (revenue !== undefined && revenue < 0))
    issues.push({ field: "revenuePerCustomer", rule: "out_of_range", limit: null });
  const margin = draft.margin.trim() === "" ? undefined : parseTypedNumber(draft.margin);
  if (margin === null || (margin !== undefined && (margin < 0 || margin > 100)))
    issues.push({ field: "margin", rule: "out_of_range", limit: 1 });
  if (issues.some((i) => i !== null)) return { issues, input: null };
  const input: PeriodInput = {
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    customersStart: count(draft.customersStart),
    customersEnd: count(draft.customersEnd),
    customersNew: count(draft.customersNew),
  };
  if (revenue !== undefined && revenue !== null) input.revenuePerCustomer = revenue;
  if (margin !== undefined && margin !== null) input.margin = margin / 100;
  return { issues, input };
}

interface PeriodFormProps {
  period: PeriodFigures | null;
  onDone: () => void;
  announce: (message: string) => void;
}

/** A period's customer counts (and, for lifetime value, revenue and margin), new or edited. */
function PeriodForm({ period, onDone, announce }: PeriodFormProps) {
  const { t } = useTranslation();
  const add = useAddPeriod();
  const edit = useEditPeriod();
  const [draft, setDraft] = useState<Draft>(() => draftOf(period, localToday()));
  const { formRef, failure, message, check, refuse } = useFormIssues(FIELDS);
  const headingId = useId();
  const pending = add.isPending || edit.isPending;
  const set = (field: keyof Draft) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const { issues, input } = checkPeriod(draft, localToday());
    if (!check(issues) || input === null) return;
    const done = (text: string) => () => {
      announce(text);
      if (period === null) setDraft(draftOf(null, localToday()));
      onDone();
    };
    if (period === null)
      add.mutate(input, { onSuccess: done(t("metrics.customers.added")), onError: refuse });
    else
      edit.mutate(
        { id: period.id, input },
        { onSuccess: done(t("metrics.customers.saved")), onError: refuse },
      );
  };

  const count = (
    field: "customersStart" | "customersEnd" | "customersNew" | "revenuePerCustomer" | "margin",
    optional = false,
  ) => (
    <Field
      label={t(`metrics.customers.${field}`)}
      hint={optional ? t("metrics.customers.optional") : undefined}
      error={message(field)}
      errorTestId={`period-${field}-error`}
    >
      {(control) => (
        <NumberInput {...control} value={draft[field]} onChange={set(field)} testId={`period-${field}`} />
      )}
    </Field>
  );

  return (
    <form
      ref={formRef}
      className="metric-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={onSubmit}
      data-testid="period-form"
    >
      <h2 id={headingId}>
        {period === null ? t("metrics.customers.formTitle") : t("metrics.customers.editTitle")}
      </h2>
      <div className="form-grid">
        <Field
          label={t("metrics.customers.periodStart")}
          error={message("periodStart")}
          errorTestId="period-periodStart-error"
        >
          {(control) => (
            <DateField
              {...control}
              value={draft.periodStart}
              onChange={set("periodStart")}
              min={EARLIEST_DAY}
              max={localToday()}
              testId="period-start"
            />
          )}
        </Field>
        <Field
          label={t("metrics.customers.periodEnd")}
          error={message("periodEnd")}
          errorTestId="period-periodEnd-error"
        >
          {(control) => (
            <DateField
              {...control}
              value={draft.periodEnd}
              onChange={set("periodEnd")}
              min={EARLIEST_DAY}
              max={localToday()}
              testId="period-end"
            />
          )}
        </Field>
      </div>
      <div className="form-grid form-grid--three">
        {count("customersStart")}
        {count("customersNew")}
        {count("customersEnd")}
      </div>
      <div className="form-grid">
        {count("revenuePerCustomer", true)}
        {count("margin", true)}
      </div>
      {failure !== null && (
        <p className="field-error" role="alert" data-testid="period-error">
          {t("metrics.customers.failed", { reason: describeError(t, failure) })}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={pending}
          data-testid="period-submit"
        >
          {pending
            ? t("metrics.customers.saving")
            : period === null
              ? t("metrics.customers.submit")
              : t("metrics.customers.save")}
        </button>
        {period !== null && (
          <button type="button" className="button button--ghost" onClick={onDone}>
            {t("metrics.customers.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

/** Customer counts per period, and the retention, churn and lifetime value worked out from them. */
export function CustomersScreen() {
  const { t } = useTranslation();
  const [announcement, announce] = useAnnouncer();
  const periods = usePeriods();
  const today = localToday();
  // The core works retention out for the periods inside a range: the longest one it takes.
  const figures = useDashboard({
    from: addDays(today, 1 - LIMITS.metrics.rangeDaysMax),
    to: today,
    granularity: "month",
  });
  const remove = useDeletePeriod();
  const [editing, setEditing] = useState<PeriodFigures | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const days = useDayFormat();
  const format = useMeasureFormat();
  const headingId = useId();
  const byId = new Map((figures.data?.retention ?? []).map((r) => [r.period.id, r]));
  const range = (p: PeriodFigures) =>
    t("metrics.customers.range", { from: formatDay(days, p.periodStart), to: formatDay(days, p.periodEnd) });

  return (
    <div className="actions-wide dashboard" data-testid="customers-screen">
      <DashboardTabs />
      <p className="field-hint">{t("metrics.customers.intro")}</p>
      <PeriodForm
        key={editing?.id ?? "new"}
        period={editing}
        announce={announce}
        onDone={() => {
          setEditing(null);
        }}
      />
      <section className="overview-section" aria-labelledby={headingId} data-testid="periods">
        <h2 id={headingId}>{t("metrics.customers.listTitle")}</h2>
        {error !== null && (
          <p className="field-error" role="alert">
            {describeError(t, error)}
          </p>
        )}
        {periods.isError ? (
          <p className="field-error" role="alert">
            {describeError(t, periods.error)}
          </p>
        ) : periods.data === undefined ? null : periods.data.length === 0 ? (
          <p className="overview-muted">{t("metrics.customers.empty")}</p>
        ) : (
          <div className="metric-table-scroll">
            <table className="overview-owners metric-table" data-testid="periods-table">
              <thead>
                <tr>
                  <th scope="col">{t("metrics.retention.period")}</th>
                  <th scope="col">{t("metrics.customers.customersStart")}</th>
                  <th scope="col">{t("metrics.customers.customersNew")}</th>
                  <th scope="col">{t("metrics.customers.customersEnd")}</th>
                  <th scope="col">{t("metrics.retention.retention")}</th>
                  <th scope="col">{t("metrics.retention.churn")}</th>
                  <th scope="col">{t("metrics.retention.clv")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("metrics.customers.edit")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {periods.data.map((p) => {
                  const r = byId.get(p.id);
                  return (
                    <tr key={p.id} data-testid="period-row">
                      <th scope="row">{range(p)}</th>
                      <td>{format.number(p.customersStart)}</td>
                      <td>{format.number(p.customersNew)}</td>
                      <td>{format.number(p.customersEnd)}</td>
                      <td>
                        {r === undefined ? (
                          "–"
                        ) : (
                          <FigureValue
                            measure="rate"
                            figure={r.retention}
                            counts="customers"
                            testId="period-crr"
                            compact
                          />
                        )}
                      </td>
                      <td>
                        {r === undefined ? (
                          "–"
                        ) : (
                          <FigureValue
                            measure="rate"
                            figure={r.churn}
                            counts="customers"
                            testId="period-churn"
                            compact
                          />
                        )}
                      </td>
                      <td data-testid="period-clv">
                        {r?.lifetimeValue === null || r === undefined ? (
                          <span className="overview-muted">{t("metrics.retention.clvNone")}</span>
                        ) : (
                          <bdi>{format.number(r.lifetimeValue)}</bdi>
                        )}
                      </td>
                      <td className="metric-row-actions">
                        <button
                          type="button"
                          className="button button--ghost"
                          data-testid="period-edit"
                          onClick={() => {
                            setEditing(p);
                          }}
                        >
                          {t("metrics.customers.edit")}
                        </button>
                        <button
                          type="button"
                          className="button button--ghost"
                          aria-label={t("metrics.customers.deleteLabel", {
                            from: formatDay(days, p.periodStart),
                            to: formatDay(days, p.periodEnd),
                          })}
                          data-testid="period-delete"
                          onClick={() => {
                            setError(null);
                            remove.mutate(p.id, {
                              onSuccess: () => {
                                if (editing?.id === p.id) setEditing(null);
                                announce(t("metrics.customers.deleted"));
                              },
                              onError: setError,
                            });
                          }}
                        >
                          {t("metrics.customers.delete")}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <Announcement text={announcement} testId="customers-announcement" />
    </div>
  );
}
