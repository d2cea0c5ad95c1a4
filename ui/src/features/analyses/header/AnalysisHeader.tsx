import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import { AnalysisHeldOn, AnalysisParticipants, AnalysisStatusField, AnalysisText } from "./AnalysisFields";

interface AnalysisHeaderProps {
  tree: AnalysisTree;
  announce: (message: string) => void;
}

/** The problem the tree explains, and every field of the analysis, editable in place. */
export function AnalysisHeader({ tree, announce }: AnalysisHeaderProps) {
  const { t } = useTranslation();
  const { analysis, problem } = tree;
  const shared = { analysis, announce };
  return (
    <header className="analysis-header">
      <h1 className="visually-hidden">{analysis.title}</h1>
      <p className="analysis-problem">
        <span className="analysis-problem-label">{t("analyses.detail.problem")}</span>
        <Link to={`/problems/${problem.id}`} className="analysis-problem-link" data-testid="analysis-problem">
          <bdi>{problem.title}</bdi>
        </Link>
      </p>
      <AnalysisText
        {...shared}
        field="title"
        className="title-input"
        placeholder={t("analyses.placeholder.title")}
      />
      {/* The tree is what the team works on: the session's details fold away
          (open for a new analysis, which has no causes yet). */}
      <details className="analysis-more" open={tree.nodes.length === 0} data-testid="analysis-details">
        <summary className="analysis-more-summary">
          <span className="analysis-more-title">{t("analyses.detail.sessionDetails")}</span>
          <span className={`badge analysis-status analysis-status--${analysis.status}`}>
            {t(`why.analysisStatus.${analysis.status}`)}
          </span>
          {analysis.facilitator !== "" && (
            <span className="analysis-more-meta">
              <bdi>{analysis.facilitator}</bdi>
            </span>
          )}
          {analysis.sample && <span className="badge analysis-sample">{t("analyses.detail.sample")}</span>}
        </summary>
        <div className="analysis-fields">
          <AnalysisText {...shared} field="facilitator" />
          <AnalysisHeldOn {...shared} />
          <AnalysisStatusField {...shared} />
          <AnalysisParticipants {...shared} />
        </div>
        <AnalysisText
          {...shared}
          field="summary"
          multiline
          placeholder={t("analyses.placeholder.summary")}
          hint={t("analyses.summaryHint")}
        />
        <p className="field-hint">{t("analyses.detail.editHint")}</p>
      </details>
    </header>
  );
}
