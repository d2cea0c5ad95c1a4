import { useAnalyses, useCauseSearch } from "../../api/analyses";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { AnalysisSummary } from "../../bindings/AnalysisSummary";
import type { WhyHit } from "../../bindings/WhyHit";
import { describeError } from "../../i18n/errors";
import { formatDay, useDayFormat } from "../../i18n/format";
import { AnalysisUndoToastHost } from "./header/UndoDeleteToast";

function AnalysisRow({ summary }: { summary: AnalysisSummary }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const { analysis } = summary;
  return (
    <li className="analysis-row" data-testid="analysis-row">
      <Link to={`/analyses/${analysis.id}`} className="analysis-row-link">
        <span className="analysis-row-line">
          <bdi className="analysis-row-title">{analysis.title}</bdi>
          <span className={`badge analysis-status analysis-status--${analysis.status}`}>
            {t(`why.analysisStatus.${analysis.status}`)}
          </span>
        </span>
        <span className="analysis-row-meta">
          <span className="analysis-row-problem">
            {t("analyses.list.problem", { title: `\u2068${summary.problemTitle}\u2069` })}
          </span>
          <time dateTime={analysis.heldOn} data-testid="analysis-row-date">
            {t("analyses.list.heldOn", { date: formatDay(day, analysis.heldOn) })}
          </time>
          <span data-testid="analysis-row-counts">
            {t("analyses.list.nodes", { count: summary.nodeCount })}
            {t("analyses.export.listSeparator")}
            {t("analyses.list.roots", { count: summary.rootCauseCount })}
          </span>
        </span>
      </Link>
    </li>
  );
}

function HitRow({ hit }: { hit: WhyHit }) {
  const { t } = useTranslation();
  const to = `/analyses/${hit.analysisId}?${new URLSearchParams({ node: hit.whyId }).toString()}`;
  return (
    <li className="analysis-hit" data-testid="cause-hit">
      <Link to={to} className="analysis-row-link">
        <span className="analysis-row-line">
          <bdi className="analysis-hit-text user-text">
            {hit.text.trim() === "" ? t("why.emptyText") : hit.text}
          </bdi>
          {hit.rootCause && <span className="badge">{t("why.rootCause")}</span>}
          <span className={`badge badge--muted why-status why-status--${hit.status}`}>
            {t(`why.status.${hit.status}`)}
          </span>
        </span>
        <span className="analysis-row-meta">
          {t("analyses.search.in", {
            analysis: `\u2068${hit.analysisTitle}\u2069`,
            problem: `\u2068${hit.problemTitle}\u2069`,
          })}
        </span>
      </Link>
    </li>
  );
}

function CauseSearch({ text }: { text: string }) {
  const { t } = useTranslation();
  const search = useCauseSearch(text);
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (search.isError) {
    return (
      <p className="alert" role="alert" data-testid="cause-search-error">
        {t("analyses.search.error", { reason: describeError(t, search.error) })}
      </p>
    );
  }
  if (search.data === undefined) return null;
  const hits = search.data;
  return (
    <section className="analysis-hits" aria-label={t("analyses.search.resultsLabel")}>
      <p className="count" role="status" data-testid="cause-search-count">
        {hits.length === 0
          ? t("analyses.search.none", { text: `\u2068${trimmed}\u2069` })
          : t("analyses.search.results", { count: hits.length })}
      </p>
      {hits.length > 0 && (
        <ul className="analysis-list" data-testid="cause-hits">
          {hits.map((hit) => (
            <HitRow key={hit.whyId} hit={hit} />
          ))}
        </ul>
      )}
    </section>
  );
}

function EmptyState() {
  const { t } = useTranslation();
  return (
    <div className="empty-state" data-testid="analyses-empty">
      <h2 className="empty-state-title">{t("analyses.empty.title")}</h2>
      <p className="empty-state-body">{t("analyses.empty.body")}</p>
      <Link to="/problems" className="button button--primary" data-testid="analyses-empty-link">
        {t("analyses.empty.link")}
      </Link>
    </div>
  );
}

/** Every live analysis, and a search over the causes and evidence of all of them. */
export function AnalysesScreen() {
  const { t } = useTranslation();
  const analyses = useAnalyses(null);
  const [params, setParams] = useSearchParams();
  const text = params.get("q") ?? "";
  const searchId = useId();
  const hintId = useId();

  let body: React.ReactNode;
  if (analyses.isPending) {
    body = (
      <p className="status-line" role="status" data-testid="analyses-loading">
        {t("analyses.loading")}
      </p>
    );
  } else if (analyses.isError) {
    body = (
      <div className="alert" role="alert" data-testid="analyses-error">
        <p>{t("analyses.loadError", { reason: describeError(t, analyses.error) })}</p>
        <button type="button" className="button" onClick={() => void analyses.refetch()}>
          {t("analyses.retry")}
        </button>
      </div>
    );
  } else if (analyses.data.length === 0) {
    body = <EmptyState />;
  } else {
    body = (
      <ul className="analysis-list" aria-label={t("analyses.list.label")} data-testid="analysis-list">
        {analyses.data.map((summary) => (
          <AnalysisRow key={summary.analysis.id} summary={summary} />
        ))}
      </ul>
    );
  }

  const hasAny = analyses.data !== undefined && analyses.data.length > 0;

  return (
    <div className="analyses-screen">
      <header className="page-header">
        <h1 className="list-title">{t("analyses.title")}</h1>
        <p className="page-subtitle">{t("analyses.subtitle")}</p>
      </header>
      {hasAny && (
        <div className="analysis-search">
          <label htmlFor={searchId} className="field-label">
            {t("analyses.search.label")}
          </label>
          <input
            id={searchId}
            type="search"
            className="text-input"
            autoComplete="off"
            dir={text === "" ? undefined : "auto"}
            placeholder={t("analyses.search.placeholder")}
            aria-describedby={hintId}
            value={text}
            data-testid="cause-search"
            onChange={(event) => {
              const next = event.target.value;
              setParams(
                (previous) => {
                  const out = new URLSearchParams(previous);
                  if (next === "") out.delete("q");
                  else out.set("q", next);
                  return out;
                },
                { replace: true },
              );
            }}
          />
          <p id={hintId} className="field-hint">
            {t("analyses.search.hint")}
          </p>
          <CauseSearch text={text} />
        </div>
      )}
      {body}
      <AnalysisUndoToastHost />
    </div>
  );
}
