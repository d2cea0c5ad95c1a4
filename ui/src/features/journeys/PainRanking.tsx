import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useJourneyPain, useTouchpointProblems } from "../../api/journeys";
import type { GridStage } from "../../bindings/GridStage";
import type { TouchpointPain } from "../../bindings/TouchpointPain";
import { problemStatusClass } from "../../kit/ProblemPicker";

/** Most touchpoints the ranking lists. */
const RANKED = 10;

/** The class of a touchpoint's pain: none, all fixed, or its heat (1-4). */
export function heatClass(pain: TouchpointPain | undefined): string {
  if (pain === undefined || pain.problems === 0) return "journey-pain journey-pain--none";
  if (pain.allFixed) return "journey-pain journey-pain--fixed";
  const level = Math.min(4, Math.ceil(pain.heat * 4));
  return `journey-pain journey-pain--heat-${String(level)}`;
}

/** How much pain sits at a touchpoint: its problems, their reports in the period, the worst severity, all fixed. */
export function PainSummary({ pain, testId }: { pain: TouchpointPain | undefined; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className={heatClass(pain)} data-testid={testId}>
      {pain === undefined || pain.problems === 0 ? (
        t("journeys.touchpoint.noPain")
      ) : (
        <>
          <span>{t("journeys.touchpoint.problems", { count: pain.problems })}</span>
          <span>{t("journeys.touchpoint.reports", { count: pain.occurrences })}</span>
          {pain.highestSeverity !== null && (
            <span>
              {t("journeys.touchpoint.severity", {
                severity: t(`problem.severity.${pain.highestSeverity}`),
              })}
            </span>
          )}
          {pain.allFixed && <span>{t("journeys.touchpoint.allFixed")}</span>}
        </>
      )}
    </div>
  );
}

/** One ranked touchpoint, its problems shown on demand, each opening its page. */
function Ranked({ pain, name, stage }: { pain: TouchpointPain; name: string; stage: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const problems = useTouchpointProblems(pain.touchpointId, open);
  return (
    <li className="journey-ranked" data-testid="pain-ranked">
      <div className="journey-ranked-head">
        <bdi className="journey-touchpoint-name" data-testid="pain-ranked-name">
          {name}
        </bdi>
        <span className="field-hint">
          <bdi>{stage}</bdi>
        </span>
        <button
          type="button"
          className="button button--ghost"
          aria-expanded={open}
          aria-label={t("journeys.touchpoint.problemsLabel", { name })}
          data-testid="pain-ranked-toggle"
          onClick={() => {
            setOpen((o) => !o);
          }}
        >
          {t("journeys.touchpoint.problemsLink")} ({pain.problems})
        </button>
      </div>
      <PainSummary pain={pain} testId="pain-ranked-pain" />
      {open && (
        <ul className="journey-ranked-problems" data-testid="pain-ranked-problems">
          {(problems.data ?? []).map((p) => (
            <li key={p.id}>
              <Link to={`/problems/${p.id}`}>
                <bdi>{p.title}</bdi>
              </Link>{" "}
              <span className={problemStatusClass(p.status)}>{t(`problem.status.${p.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * Where it hurts most: the map's touchpoints sorted by pain in the period
 * (reports, then the worst severity, then problems, as the core ranks
 * them), the ten worst with their problems a click away.
 */
export function PainRanking({
  mapId,
  from,
  to,
  stages,
}: {
  mapId: string;
  from: string;
  to: string;
  stages: readonly GridStage[];
}) {
  const { t } = useTranslation();
  const ranked = useJourneyPain(mapId, { from, to, sort: "pain" });
  const names = new Map(
    stages.flatMap((s) =>
      s.touchpoints.map((tp) => [tp.touchpoint.id, { name: tp.touchpoint.name, stage: s.stage.name }]),
    ),
  );
  const hurting = (ranked.data ?? []).filter((p) => p.problems > 0).slice(0, RANKED);
  return (
    <details className="journey-ranking" data-testid="pain-ranking">
      <summary>{t("journeys.ranking.title")}</summary>
      {hurting.length === 0 ? (
        <p className="field-hint" data-testid="pain-ranking-empty">
          {t("journeys.ranking.empty")}
        </p>
      ) : (
        <ol className="journey-ranked-list">
          {hurting.map((pain) => {
            const named = names.get(pain.touchpointId);
            return named === undefined ? null : (
              <Ranked key={pain.touchpointId} pain={pain} name={named.name} stage={named.stage} />
            );
          })}
        </ol>
      )}
    </details>
  );
}
