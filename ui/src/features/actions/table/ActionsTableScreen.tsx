import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ACTION_PAGE_SIZE, useActionPage } from "../../../api/actions";
import type { ActionSort } from "../../../bindings/ActionSort";
import { LoadErrorAlert, LoadingLine } from "../../../kit/LoadStates";
import { describeError } from "../../../i18n/errors";
import { useNumberFormat } from "../../../i18n/format";
import { ActionsTabs } from "../ActionsTabs";
import { ActionsTable } from "./ActionsTable";
import { ImportActions } from "../import/ImportActions";
import { ExportButtons } from "./ExportButtons";
import { hasActiveFilters, tableFiltersToQuery, type TableFilters } from "./filters";
import { TableControls } from "./TableControls";
import { useTableFilters } from "./useTableFilters";

/** Only the problem narrows the table: its own empty state says how to add one. */
function onlyProblem(filters: TableFilters): boolean {
  return filters.problemId !== "" && !hasActiveFilters({ ...filters, problemId: "" });
}

/** Every action, filtered and sorted as the URL says, a page at a time, with CSV and calendar export. */
export function ActionsTableScreen() {
  const { t } = useTranslation();
  const numbers = useNumberFormat();
  const { filters, update, clear } = useTableFilters();
  const query = useMemo(() => tableFiltersToQuery(filters), [filters]);
  const offset = filters.page * ACTION_PAGE_SIZE;
  const page = useActionPage(query, offset, ACTION_PAGE_SIZE);
  const data = page.data;
  const total = data?.total ?? 0;
  const lastPage = Math.max(0, Math.ceil(total / ACTION_PAGE_SIZE) - 1);

  // A page past the end (a shared link, actions deleted since): go to the last one.
  const pastEnd = data !== undefined && !page.isPlaceholderData && total > 0 && filters.page > lastPage;
  useEffect(() => {
    if (pastEnd) update({ page: lastPage }, { replace: true });
  }, [pastEnd, lastPage, update]);

  const onSort = (sort: ActionSort) => {
    update(sort === filters.sort ? { descending: !filters.descending } : { sort, descending: false });
  };

  const body = () => {
    if (data === undefined) {
      if (page.isError) {
        return (
          <LoadErrorAlert
            testId="actions-load-error"
            message={t("actionTable.loadError", { reason: describeError(t, page.error) })}
            retryLabel={t("actionTable.retry")}
            onRetry={() => void page.refetch()}
          />
        );
      }
      return <LoadingLine testId="actions-loading">{t("actionTable.loading")}</LoadingLine>;
    }
    if (total === 0) {
      if (!hasActiveFilters(filters)) {
        return (
          <div className="empty-state" data-testid="actions-empty">
            <h2 className="empty-state-title">{t("actionTable.empty.title")}</h2>
            <p className="empty-state-body">{t("actionTable.empty.body")}</p>
            <Link to="/problems" className="button button--primary">
              {t("actionTable.empty.link")}
            </Link>
          </div>
        );
      }
      if (onlyProblem(filters)) {
        return (
          <div className="empty-state" data-testid="actions-problem-empty">
            <h2 className="empty-state-title">{t("actionTable.problemEmpty.title")}</h2>
            <p className="empty-state-body">{t("actionTable.problemEmpty.body")}</p>
            <Link to={`/problems/${filters.problemId}`} className="button button--primary">
              {t("actionTable.problemEmpty.link")}
            </Link>
          </div>
        );
      }
      return (
        <div className="empty-state" data-testid="actions-no-match">
          <h2 className="empty-state-title">{t("actionTable.noMatch.title")}</h2>
          <p className="empty-state-body">{t("actionTable.noMatch.body")}</p>
          <button type="button" className="button button--primary" onClick={clear}>
            {t("actionTable.noMatch.clear")}
          </button>
        </div>
      );
    }
    const from = Math.min(offset + 1, total);
    const to = Math.min(offset + data.items.length, total);
    const range = t("actionTable.range", {
      from: numbers.format(from),
      to: numbers.format(to),
      total: numbers.format(total),
    });
    return (
      <>
        {page.isError && (
          <LoadErrorAlert
            testId="actions-load-error"
            message={t("actionTable.loadError", { reason: describeError(t, page.error) })}
            retryLabel={t("actionTable.retry")}
            onRetry={() => void page.refetch()}
          />
        )}
        <ActionsTable
          rows={data.items}
          caption={t("actionTable.caption")}
          sorting={{ sort: filters.sort, descending: filters.descending, onSort }}
          busy={page.isFetching}
          testId="actions-table"
        />
        <nav className="actions-pager" aria-label={t("actionTable.pager")}>
          <span role="status" data-testid="actions-range">
            {range}
          </span>
          {total > ACTION_PAGE_SIZE && (
            <div className="button-row">
              <button
                type="button"
                className="button"
                disabled={filters.page === 0}
                data-testid="actions-page-previous"
                onClick={() => {
                  update({ page: filters.page - 1 });
                }}
              >
                {t("actionTable.previous")}
              </button>
              <button
                type="button"
                className="button"
                disabled={filters.page >= lastPage}
                data-testid="actions-page-next"
                onClick={() => {
                  update({ page: filters.page + 1 });
                }}
              >
                {t("actionTable.next")}
              </button>
            </div>
          )}
        </nav>
      </>
    );
  };

  return (
    <div className="actions-page actions-wide" data-testid="actions-table-screen">
      <ActionsTabs />
      <div className="actions-controls-row">
        <ExportButtons filters={query} />
        <ImportActions />
      </div>
      <TableControls
        filters={filters}
        update={update}
        clear={clear}
        problemTitle={
          data?.items.find((row) => row.action.problemId === filters.problemId)?.action.problemTitle
        }
      />
      {body()}
    </div>
  );
}
