import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import type { WhyNode } from "../../../bindings/WhyNode";
import { isolate } from "../../../i18n/format";
import { chainTo, indexTree, type TreeIndex } from "../model/tree";
import { causeClause, chainEnds, downwardReading, upwardSentences } from "./sentences";

export interface ReadBackViewProps {
  tree: AnalysisTree;
}

/** The marks of one cause: root cause, status, evidence count. */
function CauseMarks({ node }: { node: WhyNode }) {
  const { t } = useTranslation();
  return (
    <span className="readback-marks">
      {node.rootCause && <span className="badge readback-root">{t("why.rootCause")}</span>}
      <span className={`badge badge--muted why-status why-status--${node.status}`}>
        {t(`why.status.${node.status}`)}
      </span>
      <span className="readback-evidence">{t("why.evidence", { count: node.evidence.length })}</span>
    </span>
  );
}

function Chain({ tree, index, end }: { tree: AnalysisTree; index: TreeIndex; end: WhyNode }) {
  const { t } = useTranslation();
  const headingId = useId();
  const sentences = upwardSentences(t, index, end.id, tree.problem.title, isolate);
  // Root cause first, like the sentences: each sentence is about the cause it starts with.
  const causes = [...chainTo(index, end.id)].reverse();
  return (
    <li className="readback-chain" data-testid="readback-chain" aria-labelledby={headingId}>
      <h4 id={headingId} className="readback-chain-title">
        <bdi className="user-text">{causeClause(t, end)}</bdi>
        <CauseMarks node={end} />
      </h4>
      <p className="readback-direction">{t("analyses.readback.upward")}</p>
      <ol className="readback-sentences">
        {sentences.map((sentence, i) => {
          const cause = causes[i];
          return (
            <li key={cause?.id ?? i} className="readback-sentence" data-testid="readback-sentence">
              <span className="user-text">{sentence}</span>
              {cause !== undefined && cause.id !== end.id && <CauseMarks node={cause} />}
            </li>
          );
        })}
      </ol>
      <p className="readback-direction">{t("analyses.readback.downward")}</p>
      <p className="readback-downward user-text" data-testid="readback-downward">
        {downwardReading(t, index, end.id, tree.problem.title, isolate)}
      </p>
    </li>
  );
}

/**
 * Every chain of the tree read back: from the root cause up to the problem
 * ("Because A, B."), then from the problem down ("problem — why? B — why? A").
 * Chains ending at a root cause come first; other branch ends follow.
 */
export function ReadBackView({ tree }: ReadBackViewProps) {
  const { t } = useTranslation();
  const index = useMemo(() => indexTree(tree), [tree]);
  const { roots, others } = chainEnds(tree, index);
  const rootsId = useId();
  const othersId = useId();

  if (tree.nodes.length === 0) {
    return (
      <p className="empty-note" data-testid="readback-empty">
        {t("analyses.readback.empty")}
      </p>
    );
  }

  return (
    <div className="readback" data-testid="readback">
      <p className="field-hint">{t("analyses.readback.intro")}</p>
      <section className="readback-group" aria-labelledby={rootsId} data-testid="readback-roots">
        <h3 id={rootsId} className="readback-group-title">
          {t("analyses.readback.rootChains")}
        </h3>
        {roots.length === 0 ? (
          <p className="empty-note" data-testid="readback-no-roots">
            {t("analyses.readback.noRoots")}
          </p>
        ) : (
          <ol className="readback-chains">
            {roots.map((end) => (
              <Chain key={end.id} tree={tree} index={index} end={end} />
            ))}
          </ol>
        )}
      </section>
      {others.length > 0 && (
        <section className="readback-group" aria-labelledby={othersId} data-testid="readback-others">
          <h3 id={othersId} className="readback-group-title">
            {t("analyses.readback.otherChains")}
          </h3>
          <p className="field-hint">{t("analyses.readback.otherHint")}</p>
          <ol className="readback-chains">
            {others.map((end) => (
              <Chain key={end.id} tree={tree} index={index} end={end} />
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
