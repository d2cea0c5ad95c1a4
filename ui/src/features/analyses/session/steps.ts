/** Pure helpers for the steps of a guided session. */
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import type { WhyNode } from "../../../bindings/WhyNode";
import { leaves, type TreeIndex } from "../model/tree";

/**
 * What the wrap-up asks about: every cause that ends a branch and every cause
 * already marked as a root cause, in tree order (depth first).
 */
export function rootCauseCandidates(tree: AnalysisTree, index: TreeIndex): WhyNode[] {
  const leafIds = new Set(leaves(tree, index).map((n) => n.id));
  return tree.nodes.filter((n) => n.rootCause || leafIds.has(n.id));
}

/** The answers to the question about `focusId` (null: the problem statement). */
export function answersOf(index: TreeIndex, focusId: string | null): WhyNode[] {
  return index.children.get(focusId) ?? [];
}
