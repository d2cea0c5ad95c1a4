import { useSettings } from "../../../api/settings";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useActionPage, type ActionFilters } from "../../../api/actions";
import type { ActionRow } from "../../../bindings/ActionRow";
import { LIMITS } from "../../../bindings/rules";
import { LoadErrorAlert, LoadingLine } from "../../../kit/LoadStates";
import { describeError } from "../../../i18n/errors";
import { isolate, useNumberFormat } from "../../../i18n/format";
import { ActionsTabs } from "../ActionsTabs";
import { ActionsTable } from "./ActionsTable";
import { DEFAULT_TABLE_FILTERS, tableFiltersToParams } from "./filters";

/** As many as the core returns at once: one person's unfinished actions fit. */
const MINE_LIMIT = LIMITS.action.pageMax;

export type MineGroup = "overdue" | "upcoming" | "waiting";
export const MINE_GROUPS: readonly MineGroup[] = ["overdue", "upcoming", "waiting"];

/**
 * Splits the rows (already sorted by due date) into overdue, upcoming work,
 * and done actions waiting for their effectiveness check.
 */
export function groupMine(rows: readonly ActionRow[]): Record<MineGroup, ActionRow[]> {
  const groups: Record<MineGroup, ActionRow[]> = { overdue: [], upcoming: [], waiting: [] };
  for (const row of rows) {
    if (row.flags.overdue) groups.overdue.push(row);
    else if (row.action.status === "done") groups.waiting.push(row);
    else groups.upcoming.push(row);
  }
  // Checks that are due now come before those still to come.
  groups.waiting.sort((a, b) => Number(b.flags.checkDue) - Number(a.flags.checkDue));
  return groups;
}

function MyActionsList({ name }: { name: string }) {
  const { t } = useTranslation();
  const numbers = useNumberFormat();
  const filters = useMemo<ActionFilters>(
    () => ({
      statuses: ["open", "in_progress", "not_effective", "done"],
      kinds: [],
      owner: name,
      sort: "due",
      descending: false,
    }),
    [name],
  );
  const page = useActionPage(filters, 0, MINE_LIMIT);

  if (page.data === undefined) {
    if (page.isError) {
      return (
        <LoadErrorAlert
          testId="my-actions-error"
          message={t("actionTable.loadError", { reason: describeError(t, page.error) })}
          retryLabel={t("actionTable.retry")}
          onRetry={() => void page.refetch()}
        />
      );
    }
    return <LoadingLine testId="my-actions-loading">{t("actionTable.loading")}</LoadingLine>;
  }

  const { items, total } = page.data;
  if (items.length === 0) {
    return (
      <div className="empty-state" data-testid="my-actions-empty">
        <h2 className="empty-state-title">{t("actionTable.mine.empty.title")}</h2>
        <p className="empty-state-body">{t("actionTable.mine.empty.body", { name: isolate(name) })}</p>
        <Link to="/actions" className="button">
          {t("actionTable.mine.empty.link")}
        </Link>
      </div>
    );
  }

  const groups = groupMine(items);
  const tableLink = `/actions?${tableFiltersToParams({
    ...DEFAULT_TABLE_FILTERS,
    owner: name,
    statuses: ["open", "in_progress", "done", "not_effective"],
  }).toString()}`;
  return (
    <>
      <p className="my-actions-owner">{t("actionTable.mine.owner", { name: isolate(name) })}</p>
      {MINE_GROUPS.filter((group) => groups[group].length > 0).map((group) => {
        const headingId = `my-actions-${group}`;
        return (
          <section
            key={group}
            className={`my-actions-group my-actions-group--${group}`}
            aria-labelledby={headingId}
            data-testid={`my-actions-group-${group}`}
          >
            <h2 id={headingId} className="my-actions-group-title">
              {t(`actionTable.mine.groups.${group}`)}
              <span className="count">{numbers.format(groups[group].length)}</span>
            </h2>
            <ActionsTable
              rows={groups[group]}
              caption={t("actionTable.mine.caption", {
                group: t(`actionTable.mine.groups.${group}`),
                name: isolate(name),
              })}
            />
          </section>
        );
      })}
      {total > items.length && (
        <p className="actions-summary" data-testid="my-actions-more">
          {t("actionTable.mine.more", { shown: numbers.format(items.length), total: numbers.format(total) })}{" "}
          <Link to={tableLink}>{t("actionTable.mine.moreLink")}</Link>
        </p>
      )}
    </>
  );
}

/** The current user's unfinished actions (owner = their display name), overdue first. */
export function MyActionsScreen() {
  const { t } = useTranslation();
  const settings = useSettings();
  const name = settings.data?.displayName.trim() ?? "";

  const body = () => {
    if (settings.data === undefined) {
      if (settings.isError) {
        return (
          <LoadErrorAlert
            testId="my-actions-error"
            message={t("actionTable.loadError", { reason: describeError(t, settings.error) })}
            retryLabel={t("actionTable.retry")}
            onRetry={() => void settings.refetch()}
          />
        );
      }
      return <LoadingLine testId="my-actions-loading">{t("actionTable.loading")}</LoadingLine>;
    }
    if (name === "") {
      return (
        <div className="empty-state" data-testid="my-actions-need-name">
          <h2 className="empty-state-title">{t("actionTable.mine.needName.title")}</h2>
          <p className="empty-state-body">{t("actionTable.mine.needName.body")}</p>
          <Link to="/settings" className="button button--primary">
            {t("actionTable.mine.needName.link")}
          </Link>
        </div>
      );
    }
    return <MyActionsList name={name} />;
  };

  return (
    <div className="actions-page actions-wide" data-testid="my-actions-screen">
      <ActionsTabs />
      {body()}
    </div>
  );
}
