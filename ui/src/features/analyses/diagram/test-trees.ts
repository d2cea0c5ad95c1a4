/** Trees for the diagram's tests and benchmark. */
import { makeAnalysis, makeWhy } from "../../../test/mock-analysis";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import type { NodeCheck } from "../../../bindings/NodeCheck";
import type { WhyNode } from "../../../bindings/WhyNode";

export function treeOf(nodes: WhyNode[], checks: NodeCheck[] = [], title = "Checkout fails"): AnalysisTree {
  const analysis = makeAnalysis("0190b000-0000-7000-8000-000000000001", "Checkout review");
  return {
    analysis,
    problem: { id: analysis.problemId, title, description: "Customers cannot pay.", status: "new" },
    nodes,
    checks,
  };
}

/** The value, or a thrown error in a test that expected one. */
export function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error("missing value in test data");
  return value;
}

/** A small tree with every kind of node: a chain, AND siblings, confirmed, ruled out, a root cause. */
export function sampleTree(): AnalysisTree {
  const a = "0190baaa-0000-7000-8000-000000000001";
  const timeout = makeWhy(a, "The payment call times out", { status: "confirmed" });
  const pool = makeWhy(a, "The connection pool is exhausted", {
    parentId: timeout.id,
    status: "confirmed",
    joint: true,
  });
  const retries = makeWhy(a, "Retries double the load", {
    parentId: timeout.id,
    position: 1,
    joint: true,
  });
  const config = makeWhy(a, "Pool size was never reviewed after launch", {
    parentId: pool.id,
    status: "confirmed",
    rootCause: true,
  });
  const network = makeWhy(a, "The network is slow", { position: 1, status: "ruled_out" });
  return treeOf([timeout, pool, config, retries, network], [{ nodeId: retries.id, kind: "open_branch" }]);
}

/** A generated tree of `count` causes: up to `fanout` children each, breadth first. */
export function generatedTree(count: number, fanout = 3): AnalysisTree {
  const a = "0190baaa-0000-7000-8000-000000000002";
  const nodes: WhyNode[] = [];
  const parents: (string | null)[] = [null];
  const childCount = new Map<string | null, number>();
  let cursor = 0;
  for (let i = 0; i < count; i++) {
    let parentId = parents[cursor] ?? null;
    while ((childCount.get(parentId) ?? 0) >= (parentId === null ? 4 : fanout)) {
      cursor++;
      parentId = parents[cursor] ?? null;
    }
    const position = childCount.get(parentId) ?? 0;
    childCount.set(parentId, position + 1);
    const node = makeWhy(
      a,
      `Cause number ${String(i)}: something upstream did not happen as the process expects`,
      {
        parentId,
        position,
        status: i % 3 === 0 ? "confirmed" : i % 3 === 1 ? "hypothesis" : "ruled_out",
        rootCause: i % 17 === 0,
        joint: i % 5 === 0,
      },
    );
    nodes.push(node);
    parents.push(node.id);
  }
  // Depth first, as the core sends it.
  const children = new Map<string | null, WhyNode[]>();
  for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const ordered: WhyNode[] = [];
  const walk = (id: string | null) => {
    for (const n of children.get(id) ?? []) {
      ordered.push(n);
      walk(n.id);
    }
  };
  walk(null);
  return treeOf(ordered);
}
