import { describe, expect, it } from "vitest";
import { makeWhy } from "../../../test/mock-analysis";
import { exportFileName } from "../../../kit/export/fileName";
import { diagramSvg } from "./export";
import { escapeXml } from "../../../kit/export/scene/svg";
import { layout } from "./layout";
import type { SceneLabels } from "./scene";
import { sampleTree, treeOf } from "./test-trees";

const labels: SceneLabels = {
  title: "Review <1> & co",
  problem: "Problem",
  rootCause: "Root cause",
  joint: "AND",
  status: { hypothesis: "Hypothesis", confirmed: "Confirmed", ruled_out: "Ruled out" },
};

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

describe("SVG export", () => {
  it("escapes user text: no markup survives, & stays text", async () => {
    const a = "0190baaa-0000-7000-8000-000000000009";
    const evil = makeWhy(a, `<script>alert("x")</script> & Tom's "fix" \u0007`);
    const tree = treeOf([evil], [], "Refunds <b>fail</b> & stall");
    const { svg } = await diagramSvg(layout(tree, "ltr"), labels);
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain("&amp;");
    const doc = parse(svg);
    expect(doc.getElementsByTagName("script")).toHaveLength(0);
    const texts = [...doc.getElementsByTagName("text")].map((t) => t.textContent).join(" ");
    expect(texts).toContain("<script>alert");
    expect(texts).toContain("& Tom's");
    expect(doc.querySelector("title")?.textContent).toBe("Review <1> & co");
  });

  it("holds the Arabic text right to left and embeds the bundled fonts", async () => {
    const a = "0190baaa-0000-7000-8000-000000000010";
    const cause = makeWhy(a, "انتهت مهلة بوابة الدفع", { rootCause: true, status: "confirmed" });
    const tree = treeOf([cause], [], "يفشل الدفع عند العملاء");
    const { svg } = await diagramSvg(layout(tree, "rtl"), {
      ...labels,
      problem: "المشكلة",
      rootCause: "سبب جذري",
    });
    const doc = parse(svg);
    const texts = [...doc.getElementsByTagName("text")];
    const arabic = texts.find((t) => t.textContent === "انتهت مهلة بوابة الدفع");
    expect(arabic?.getAttribute("direction")).toBe("rtl");
    expect(texts.some((t) => t.textContent === "يفشل الدفع عند العملاء")).toBe(true);
    expect(svg).toContain("سبب جذري");
    const style = doc.querySelector("style")?.textContent ?? "";
    expect(style).toMatch(/font-family:"Noto Sans Arabic"/);
    expect(style).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/]{1000}/);
    expect(style.match(/@font-face/g)).toHaveLength(4);
  });

  it("draws every node and edge, root causes and ruled-out causes distinctly", async () => {
    const tree = sampleTree();
    const laid = layout(tree, "ltr");
    const { svg, scene } = await diagramSvg(laid, labels);
    const doc = parse(svg);
    // Wrapped lines follow each other, so joined with spaces they give back the text.
    const all = [...doc.getElementsByTagName("text")].map((t) => t.textContent).join(" ");
    for (const n of tree.nodes) expect(all).toContain(n.text);
    // One curve and one arrow head per edge.
    expect(scene.shapes.filter((s) => s.kind === "path")).toHaveLength(2 * tree.nodes.length);
    expect(svg).toContain('stroke-width="3"'); // the root cause
    expect(svg).toContain('stroke-dasharray="5 3"'); // hypotheses
    expect(svg).toContain('text-decoration="line-through"'); // ruled out
    expect(svg).toContain(">AND<"); // AND badges
  });

  it("escapes all five XML specials and drops forbidden control characters", () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;",
    );
  });

  it("names the file after the analysis, safely", () => {
    expect(exportFileName("Checkout review", "why-tree", "svg")).toBe("Checkout review.svg");
    expect(exportFileName("a/b: c?", "why-tree", "png")).toBe("a-b- c-.png");
    expect(exportFileName("  ", "why-tree", "png")).toBe("why-tree.png");
  });
});
