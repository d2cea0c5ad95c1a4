import { describe, expect, it } from "vitest";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import { makeAnalysis, makeWhy } from "../../../test/mock-analysis";
import { chainTo, indexTree, leaves, readBack } from "./tree";

function sampleTree(): AnalysisTree {
  const a = makeAnalysis("p1", "Why refunds are late");
  const top = makeWhy(a.id, "Refunds wait for a weekly review");
  const mid = makeWhy(a.id, "The review needs a manager", { parentId: top.id });
  const root = makeWhy(a.id, "Policy requires sign-off over 50", { parentId: mid.id, rootCause: true });
  const other = makeWhy(a.id, "Bank transfers are slow", { position: 1 });
  return {
    analysis: a,
    problem: { id: "p1", title: "Refunds are late", description: "", status: "investigating" },
    nodes: [top, mid, root, other],
    checks: [{ nodeId: other.id, kind: "open_branch" }],
  };
}

describe("tree helpers", () => {
  it("indexes children in order, depths and checks", () => {
    const tree = sampleTree();
    const index = indexTree(tree);
    const [top, mid, root, other] = tree.nodes;
    expect(index.children.get(null)?.map((n) => n.id)).toEqual([top?.id, other?.id]);
    expect(index.depth.get(root?.id ?? "")).toBe(3);
    expect(index.checks.get(other?.id ?? "")).toEqual(["open_branch"]);
    expect(chainTo(index, root?.id ?? "").map((n) => n.id)).toEqual([top?.id, mid?.id, root?.id]);
    expect(leaves(tree, index).map((n) => n.text)).toEqual([root?.text, other?.text]);
  });

  it("reads back from the root cause to the problem", () => {
    const tree = sampleTree();
    const index = indexTree(tree);
    const root = tree.nodes[2];
    const steps = readBack(index, root?.id ?? "");
    expect(steps.map((s) => [s.cause.text, s.effect?.text ?? null])).toEqual([
      ["Policy requires sign-off over 50", "The review needs a manager"],
      ["The review needs a manager", "Refunds wait for a weekly review"],
      ["Refunds wait for a weekly review", null],
    ]);
  });
});
