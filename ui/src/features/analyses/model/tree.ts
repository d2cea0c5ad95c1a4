/**
 * Pure helpers over an analysis tree as the core sends it (nodes depth
 * first). Shared by the outline, the diagram, the guided session, the
 * read-back and the Markdown export.
 */
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import type { CheckKind } from "../../../bindings/CheckKind";
import type { WhyNode } from "../../../bindings/WhyNode";

/** The tree indexed for lookups. */
export interface TreeIndex {
  byId: Map<string, WhyNode>;
  /** Children of each node in order; key `null` holds the answers to the problem statement. */
  children: Map<string | null, WhyNode[]>;
  /** Depth of each node: 1 for an answer to the problem statement. */
  depth: Map<string, number>;
  /** The checks found on each node. */
  checks: Map<string, CheckKind[]>;
}

export function indexTree(tree: AnalysisTree): TreeIndex {
  const byId = new Map<string, WhyNode>();
  const children = new Map<string | null, WhyNode[]>();
  const depth = new Map<string, number>();
  for (const node of tree.nodes) {
    byId.set(node.id, node);
    const list = children.get(node.parentId) ?? [];
    list.push(node);
    children.set(node.parentId, list);
    depth.set(node.id, node.parentId === null ? 1 : (depth.get(node.parentId) ?? 0) + 1);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position);
  const checks = new Map<string, CheckKind[]>();
  for (const check of tree.checks) {
    checks.set(check.nodeId, [...(checks.get(check.nodeId) ?? []), check.kind]);
  }
  return { byId, children, depth, checks };
}

/** The chain from the problem statement down to `nodeId` (first item: the top-level cause). */
export function chainTo(index: TreeIndex, nodeId: string): WhyNode[] {
  const chain: WhyNode[] = [];
  for (
    let at = index.byId.get(nodeId);
    at !== undefined;
    at = at.parentId === null ? undefined : index.byId.get(at.parentId)
  ) {
    chain.unshift(at);
  }
  return chain;
}

/** Nodes with no children: where each branch ends. */
export function leaves(tree: AnalysisTree, index: TreeIndex): WhyNode[] {
  return tree.nodes.filter((n) => (index.children.get(n.id)?.length ?? 0) === 0);
}

/**
 * One read-back step, from the root cause up to the problem: "because
 * `cause` happened, `effect` happened". `effect` is null when the effect is
 * the problem statement itself.
 */
export interface ReadBackStep {
  cause: WhyNode;
  effect: WhyNode | null;
}

/** The read-back of the chain ending at `nodeId`, root cause first. */
export function readBack(index: TreeIndex, nodeId: string): ReadBackStep[] {
  const chain = chainTo(index, nodeId);
  const steps: ReadBackStep[] = [];
  for (let i = chain.length - 1; i >= 0; i--) {
    const cause = chain[i];
    if (cause !== undefined) steps.push({ cause, effect: chain[i - 1] ?? null });
  }
  return steps;
}
