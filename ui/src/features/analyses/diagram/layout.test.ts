import { describe, expect, it } from "vitest";
import { textDirection } from "../../../kit/export/scene/scene";
import { GEOMETRY, layout, PROBLEM_ID, wrapLines, estimateWidth } from "./layout";
import { generatedTree, must, sampleTree } from "./test-trees";

describe("layout", () => {
  it("puts the problem at the start side: leftmost in LTR, rightmost in RTL", () => {
    const tree = sampleTree();
    for (const direction of ["ltr", "rtl"] as const) {
      const laid = layout(tree, direction);
      const problem = laid.nodes.find((n) => n.id === PROBLEM_ID);
      expect(problem).toBeDefined();
      const xs = laid.nodes.map((n) => n.x);
      if (direction === "ltr") expect(problem?.x).toBe(Math.min(...xs));
      else expect(problem?.x).toBe(Math.max(...xs));
    }
  });

  it("mirrors RTL exactly: same rows, columns reflected", () => {
    const tree = sampleTree();
    const ltr = layout(tree, "ltr");
    const rtl = layout(tree, "rtl");
    expect(rtl.width).toBe(ltr.width);
    for (const node of ltr.nodes) {
      const twin = rtl.nodes.find((n) => n.id === node.id);
      expect(twin?.y).toBe(node.y);
      expect(twin?.x).toBeCloseTo(ltr.width - node.x - node.width, 6);
    }
  });

  it("places causes one column further than their effect, towards the end side", () => {
    const tree = sampleTree();
    const ltr = layout(tree, "ltr");
    const rtl = layout(tree, "rtl");
    for (const edge of ltr.edges) {
      const [s, t] = [edge.source, edge.target].map((id) => must(ltr.nodes.find((n) => n.id === id)));
      expect(must(t).x).toBeGreaterThan(must(s).x + must(s).width);
      const [rs, rt] = [edge.source, edge.target].map((id) => must(rtl.nodes.find((n) => n.id === id)));
      expect(must(rt).x + must(rt).width).toBeLessThan(must(rs).x);
    }
  });

  it("has every node and every edge, from effect to cause, with AND marks", () => {
    const tree = sampleTree();
    const laid = layout(tree, "ltr");
    expect(laid.nodes.map((n) => n.id).sort()).toEqual([PROBLEM_ID, ...tree.nodes.map((n) => n.id)].sort());
    expect(laid.edges).toHaveLength(tree.nodes.length);
    for (const why of tree.nodes) {
      const edge = laid.edges.find((e) => e.target === why.id);
      expect(edge?.source).toBe(why.parentId ?? PROBLEM_ID);
      expect(edge?.joint).toBe(why.joint);
    }
    const withCheck = laid.nodes.find((n) => n.why?.text === "Retries double the load");
    expect(withCheck?.checks).toEqual(["open_branch"]);
  });

  it("never lets boxes overlap, even with long text", () => {
    const tree = generatedTree(200);
    const first = tree.nodes[3];
    if (first) first.text = "A very long cause ".repeat(20);
    const laid = layout(tree, "ltr");
    const byColumn = new Map<number, typeof laid.nodes>();
    for (const n of laid.nodes) byColumn.set(n.x, [...(byColumn.get(n.x) ?? []), n]);
    for (const column of byColumn.values()) {
      const sorted = [...column].sort((a, b) => a.y - b.y);
      for (let i = 1; i < sorted.length; i++) {
        const above = must(sorted[i - 1]);
        expect(must(sorted[i]).y).toBeGreaterThanOrEqual(above.y + above.height);
      }
    }
    expect(Math.min(...laid.nodes.map((n) => n.y))).toBe(0);
  });

  it("lays out 1,000 nodes", () => {
    const laid = layout(generatedTree(1000), "rtl");
    expect(laid.nodes).toHaveLength(1001);
    expect(laid.edges).toHaveLength(1000);
  });
});

describe("wrapLines", () => {
  it("wraps words within the width and cuts words longer than a line", () => {
    const width = 100;
    const lines = wrapLines(`one two three four five six ${"x".repeat(40)}`, width, estimateWidth);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(estimateWidth(line, false)).toBeLessThanOrEqual(width);
    expect(lines.join("")).toContain("x".repeat(10));
  });

  it("gives a box a line per wrapped line", () => {
    const tree = sampleTree();
    const laid = layout(tree, "ltr");
    for (const n of laid.nodes) {
      const chrome = 2 * (GEOMETRY.padBlock + GEOMETRY.border) + GEOMETRY.header + GEOMETRY.headerGap;
      expect(n.height).toBe(chrome + n.lines.length * GEOMETRY.lineHeight);
    }
  });
});

describe("textDirection", () => {
  it("follows the first strong character", () => {
    expect(textDirection("العميل لا يستطيع الدفع", "ltr")).toBe("rtl");
    expect(textDirection("API مهلة", "rtl")).toBe("ltr");
    expect(textDirection("123 !", "rtl")).toBe("rtl");
  });
});
