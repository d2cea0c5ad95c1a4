import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useActionOverview } from "../../../api/actions";
import type { ActionRow } from "../../../bindings/ActionRow";
import type { ActionStatus } from "../../../bindings/ActionStatus";
import type { OwnerLoad } from "../../../bindings/OwnerLoad";
import { describeError } from "../../../i18n/errors";
import { formatDay, useDayFormat, useNumberFormat } from "../../../i18n/format";
import { ActionsTabs } from "../ActionsTabs";
import { FlagBadges } from "../../../kit/ActionBadges";
import { WeeklyChart } from "./WeeklyChart";

/** The statuses that still need work: what "open" counts. */
const WORKING: readonly ActionStatus[] = ["open", "in_progress", "not_effective"];

/** A link to the actions table with these filters (the table's URL format). */
export function tableLink(filters: {
  status?: readonly ActionStatus[];
  due?: string;
  owner?: string;
}): string {
  const params = new URLSearchParams();
  if (filters.status !== undefined) params.set("status", filters.status.join(","));
  if (filters.owner !== undefined) params.set("owner", filters.owner);
  if (filters.due !== undefined) params.set("due", filters.due);
  return `/actions?${params.toString()}`;
}

interface FigureProps {
  testId: string;
  value: number;
  label: string;
  hint: string;
  to: string;
  tone?: "danger";
}

function Figure({ testId, value, label, hint, to, tone }: FigureProps) {
  const numbers = useNumberFormat();
  return (
    <li>
      <Link
        to={to}
        className={
          tone === "danger" && value > 0 ? "overview-figure overview-figure--danger" : "overview-figure"
        }
        data-testid={testId}
      >
        <span className="overview-figure-value">{numbers.format(value)}</span>
        <span className="overview-figure-label">{label}</span>
        <span className="overview-figure-hint">{hint}</span>
      </Link>
    </li>
  );
}

function OwnerTable({ owners }: { owners: readonly OwnerLoad[] }) {
  const { t } = useTranslation();
  const numbers = useNumberFormat();
  const headingId = useId();
  const most = Math.max(1, ...owners.map((o) => o.open));
  return (
    <section className="overview-section" aria-labelledby={headingId} data-testid="overview-owners">
      <h2 id={headingId}>{t("actionOverview.byOwner.title")}</h2>
      {owners.length === 0 ? (
        <p className="overview-muted">{t("actionOverview.byOwner.empty")}</p>
      ) : (
        <table className="overview-owners">
          <thead>
            <tr>
              <th scope="col">{t("actionOverview.byOwner.owner")}</th>
              <th scope="col" className="overview-number">
                {t("actionOverview.byOwner.open")}
              </th>
              <th scope="col" className="overview-number">
                {t("actionOverview.byOwner.overdue")}
              </th>
              <th scope="col" className="overview-owner-bar-cell">
                <span className="visually-hidden">{t("actionOverview.byOwner.open")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {owners.map((o) => {
              const name = o.owner === "" ? t("actions.noOwner") : o.owner;
              return (
                <tr key={o.owner} data-testid="overview-owner">
                  <th scope="row">
                    <Link
                      to={tableLink({ status: WORKING, owner: o.owner })}
                      className={o.owner === "" ? "overview-owner overview-owner--none" : "overview-owner"}
                      title={t("actionOverview.byOwner.link", { owner: name })}
                    >
                      <bdi>{name}</bdi>
                    </Link>
                  </th>
                  <td className="overview-number">{numbers.format(o.open)}</td>
                  <td className={o.overdue > 0 ? "overview-number overview-overdue" : "overview-number"}>
                    {numbers.format(o.overdue)}
                  </td>
                  <td className="overview-owner-bar-cell" aria-hidden="true">
                    <span
                      className="overview-owner-bar"
                      style={{ inlineSize: `${String((o.open / most) * 100)}%` }}
                    >
                      <span
                        className="overview-owner-bar-overdue"
                        style={{ inlineSize: `${String(o.open === 0 ? 0 : (o.overdue / o.open) * 100)}%` }}
                      />
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ChecksDue({ rows }: { rows: readonly ActionRow[] }) {
  const { t } = useTranslation();
  const dayFormat = useDayFormat();
  const headingId = useId();
  return (
    <section className="overview-section" aria-labelledby={headingId} data-testid="overview-checks">
      <h2 id={headingId}>{t("actionOverview.checks.title")}</h2>
      <p className="overview-muted">{t("actionOverview.checks.hint")}</p>
      {rows.length === 0 ? (
        <p className="empty-state-body" data-testid="overview-checks-empty">
          {t("actionOverview.checks.empty")}
        </p>
      ) : (
        <ul className="overview-checks">
          {rows.map(({ action, flags }) => (
            <li key={action.id} className="overview-check" data-testid="overview-check">
              <div className="overview-check-main">
                <Link to={`/actions/${action.id}`} className="overview-check-title">
                  <bdi>{action.title}</bdi>
                </Link>
                {action.problemTitle !== "" && (
                  <span className="overview-check-problem">
                    <span className="visually-hidden">{t("actions.field.problem")}: </span>
                    <bdi>{action.problemTitle}</bdi>
                  </span>
                )}
              </div>
              <div className="overview-check-meta">
                <span>
                  {action.checkDueOn === null
                    ? t("actionOverview.checks.noCheckDate")
                    : t("actionOverview.checks.checkOn", { date: formatDay(dayFormat, action.checkDueOn) })}
                </span>
                <span>
                  <span className="visually-hidden">{t("actions.field.owner")}: </span>
                  {action.owner === "" ? t("actions.noOwner") : <bdi>{action.owner}</bdi>}
                </span>
                <FlagBadges flags={flags} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The actions overview: how much is open, overdue, due this week and
 * waiting for its check (each a link to the table so filtered), the work
 * per owner, completed versus planned per week, and the checks due.
 */
export function OverviewScreen() {
  const { t } = useTranslation();
  const overview = useActionOverview();
  const figuresId = useId();
  const chartId = useId();

  let body;
  if (overview.isPending) {
    body = (
      <p className="status-line" role="status">
        {t("actionOverview.loading")}
      </p>
    );
  } else if (overview.isError) {
    body = (
      <div className="alert" role="alert" data-testid="overview-error">
        <p>{t("actionOverview.loadError", { reason: describeError(t, overview.error) })}</p>
        <button type="button" className="button" onClick={() => void overview.refetch()}>
          {t("actionOverview.retry")}
        </button>
      </div>
    );
  } else {
    const data = overview.data;
    body = (
      <>
        <section aria-labelledby={figuresId}>
          <h2 id={figuresId} className="visually-hidden">
            {t("actionOverview.figures")}
          </h2>
          <ul className="overview-figures">
            <Figure
              testId="overview-open"
              value={data.open}
              label={t("actionOverview.open")}
              hint={t("actionOverview.openHint")}
              to={tableLink({ status: WORKING })}
            />
            <Figure
              testId="overview-overdue"
              value={data.overdue}
              label={t("actionOverview.overdue")}
              hint={t("actionOverview.overdueHint")}
              to={tableLink({ due: "overdue" })}
              tone="danger"
            />
            <Figure
              testId="overview-due-week"
              value={data.dueThisWeek}
              label={t("actionOverview.dueWeek")}
              hint={t("actionOverview.dueWeekHint")}
              to={tableLink({ due: "this_week" })}
            />
            <Figure
              testId="overview-awaiting"
              value={data.awaitingCheck}
              label={t("actionOverview.awaiting")}
              hint={t("actionOverview.awaitingHint")}
              to={tableLink({ status: ["done"] })}
            />
          </ul>
        </section>
        <div className="overview-columns">
          <section className="overview-section overview-section--chart" aria-labelledby={chartId}>
            <h2 id={chartId}>{t("actionOverview.chart.title")}</h2>
            <p className="overview-muted">{t("actionOverview.chart.hint")}</p>
            <WeeklyChart weeks={data.weeks} />
          </section>
          <OwnerTable owners={data.byOwner} />
        </div>
        <ChecksDue rows={data.checksDue} />
      </>
    );
  }

  return (
    <div className="actions-wide overview-screen">
      <ActionsTabs />
      {body}
    </div>
  );
}
