/**
 * The read-back of a why-tree as sentences, shared by the Read-back view
 * and the Markdown export. Pure: the caller gives the translation function
 * and how user text is wrapped (isolated for the screen, escaped for
 * Markdown).
 */
import type { TFunction } from "i18next";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import type { WhyNode } from "../../../bindings/WhyNode";
import { chainTo, leaves, readBack, type TreeIndex } from "../model/tree";

/** How user text is put into a sentence (identity by default). */
export type Wrap = (text: string) => string;

const same: Wrap = (text) => text;

/**
 * A cause as a clause: trimmed, a final full stop dropped (the sentence adds
 * its own punctuation), or the "no text yet" marker when empty.
 */
export function causeClause(t: TFunction, node: WhyNode): string {
  const text = node.text
    .trim()
    .replace(/[.。۔]+$/u, "")
    .trim();
  return text === "" ? t("why.emptyText") : text;
}

/** The problem statement as a clause. */
export function problemClause(t: TFunction, title: string): string {
  const text = title
    .trim()
    .replace(/[.。۔]+$/u, "")
    .trim();
  return text === "" ? t("why.emptyText") : text;
}

/** Where the chains to read back end: every root cause, then every other leaf, in tree order. */
export function chainEnds(tree: AnalysisTree, index: TreeIndex): { roots: WhyNode[]; others: WhyNode[] } {
  const roots = tree.nodes.filter((node) => node.rootCause);
  const others = leaves(tree, index).filter((node) => !node.rootCause);
  return { roots, others };
}

/**
 * A clause inside a sentence: in scripts with case, a capital that only
 * starts the typed sentence ("The refund…") becomes small ("because the
 * refund…"); words written in capitals (SMS, VIP) stay as they are.
 */
export function inSentence(text: string): string {
  const first = text.charAt(0);
  const second = text.charAt(1);
  if (second === "") return text;
  const startsSentence =
    first !== first.toLowerCase() && second === second.toLowerCase() && second !== second.toUpperCase();
  return startsSentence ? first.toLowerCase() + text.slice(1) : text;
}

/** One read-back sentence per step, from the cause at `nodeId` up to the problem. */
export function upwardSentences(
  t: TFunction,
  index: TreeIndex,
  nodeId: string,
  problemTitle: string,
  wrap: Wrap = same,
): string[] {
  // Whether this language's sentences lower a clause's opening capital.
  const clause = t("analyses.readback.clauseCase") === "lower" ? inSentence : same;
  return readBack(index, nodeId).map(({ cause, effect }) =>
    effect === null
      ? t("analyses.readback.becauseProblem", {
          cause: wrap(clause(causeClause(t, cause))),
          problem: wrap(problemClause(t, problemTitle)),
        })
      : t("analyses.readback.because", {
          cause: wrap(clause(causeClause(t, cause))),
          effect: wrap(clause(causeClause(t, effect))),
        }),
  );
}

/** The same chain read from the problem down: "problem — why? B — why? A". */
export function downwardReading(
  t: TFunction,
  index: TreeIndex,
  nodeId: string,
  problemTitle: string,
  wrap: Wrap = same,
): string {
  const parts = [
    wrap(problemClause(t, problemTitle)),
    ...chainTo(index, nodeId).map((node) => wrap(causeClause(t, node))),
  ];
  return parts.join(t("analyses.readback.whySeparator"));
}
