import { useTranslation } from "react-i18next";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import { Slot } from "../../../kit/slots";
import type { LaidOutNode } from "./layout";
import type { NodeLabels } from "./nodes";

export interface DetailsPanelProps {
  box: LaidOutNode;
  tree: AnalysisTree;
  labels: NodeLabels;
  onClose: () => void;
}

/** What the selected box holds: its text, status, evidence and what the checks found. */
export function DetailsPanel({ box, tree, labels, onClose }: DetailsPanelProps) {
  const { t } = useTranslation();
  const why = box.why;
  return (
    <aside className="diagram-details" aria-label={t("diagram.details.title")} data-details-for={box.id}>
      <header className="diagram-details-header">
        <h3 className="diagram-details-title">
          {why === null ? labels.problem : why.rootCause ? labels.rootCause : t("diagram.details.title")}
        </h3>
        <button
          type="button"
          className="button button--ghost diagram-tool"
          onClick={onClose}
          aria-label={t("diagram.details.close")}
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {why === null ? (
        <>
          <p className="diagram-details-text" dir="auto">
            {tree.problem.title}
          </p>
          <h4 className="diagram-details-heading">{t("diagram.details.description")}</h4>
          <p className="diagram-details-body" dir="auto">
            {tree.problem.description.trim() === ""
              ? t("diagram.details.noDescription")
              : tree.problem.description}
          </p>
        </>
      ) : (
        <>
          <p className={`diagram-details-text is-${why.status.replace("_", "-")}`} dir="auto">
            {why.text.trim() === "" ? t("why.emptyText") : why.text}
          </p>
          <dl className="diagram-details-facts">
            <dt>{t("diagram.details.status")}</dt>
            <dd>{labels.status[why.status]}</dd>
            <dt>{t("diagram.details.category")}</dt>
            <dd>{t(`why.category.${why.category ?? "none"}`)}</dd>
            {why.joint && (
              <>
                <dt>{labels.joint}</dt>
                <dd>{t("why.jointHint")}</dd>
              </>
            )}
            {why.actionIntent !== null && why.actionIntent.trim() !== "" && (
              <>
                <dt>{t("diagram.details.actionIntent")}</dt>
                <dd dir="auto">{why.actionIntent}</dd>
              </>
            )}
          </dl>
          <h4 className="diagram-details-heading">
            {t("diagram.details.evidence")} ({why.evidence.length})
          </h4>
          {why.evidence.length === 0 ? (
            <p className="diagram-details-empty">{t("diagram.details.noEvidence")}</p>
          ) : (
            <ul className="diagram-details-list">
              {why.evidence.map((e) => (
                <li key={e.id}>
                  <span dir="auto">{e.note}</span>
                  {e.reference.trim() !== "" && (
                    <span className="diagram-details-ref" dir="auto">
                      {e.reference}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <h4 className="diagram-details-heading">
            {t("diagram.details.checks")} ({box.checks.length})
          </h4>
          {box.checks.length === 0 ? (
            <p className="diagram-details-empty">{t("diagram.details.noChecks")}</p>
          ) : (
            <ul className="diagram-details-list diagram-details-checks">
              {box.checks.map((kind) => (
                <li key={kind}>{labels.check[kind]}</li>
              ))}
            </ul>
          )}
          <Slot name="whyNotes" props={{ whyId: why.id }} />
        </>
      )}
    </aside>
  );
}
