import { describe, expect, it } from "vitest";
import { makeAnalysis, makeWhy } from "../../../test/mock-analysis";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import type { WhyNode } from "../../../bindings/WhyNode";
import i18n from "../../../i18n";
import { analysisMarkdown } from "./markdown";
import { escapeMarkdown, exportFileName } from "../../../kit/markdown";

const PROBLEM_ID = "0190a000-0000-7000-8000-000000000001";

function tree(nodes: WhyNode[], fields: Partial<AnalysisTree> = {}): AnalysisTree {
  const analysis = makeAnalysis(PROBLEM_ID, "Why refunds stall", {
    facilitator: "Rana",
    participants: ["Omar", "Lina"],
    heldOn: "2025-03-10",
    status: "in_review",
    summary: "Two causes.\nBoth confirmed.",
  });
  return {
    analysis,
    problem: {
      id: PROBLEM_ID,
      title: "Refunds never reach the card",
      description: "",
      status: "investigating",
    },
    nodes: nodes.map((n) => ({ ...n, analysisId: analysis.id })),
    checks: [],
    ...fields,
  };
}

/** Problem ← A ← B (root cause, with evidence and an action intent); Problem ← C (open leaf). */
function sample() {
  const a = makeWhy("x", "The bank batch runs once a day.", { category: "process", status: "confirmed" });
  const b = makeWhy("x", "Nobody owns the batch schedule", {
    parentId: a.id,
    rootCause: true,
    status: "confirmed",
    category: "policy",
    joint: true,
    actionIntent: "Name an owner for the schedule",
    evidence: [
      {
        id: "e1",
        note: "Ops wiki lists no owner",
        reference: "WIKI-12",
        author: "Rana",
        createdAt: "2025-03-10T10:00:00Z",
      },
    ],
  });
  const c = makeWhy("x", "Support tells customers *3 days*", { position: 1 });
  return { a, b, c, nodes: [a, b, c] };
}

describe("analysisMarkdown", () => {
  it("writes the fields, the tree with marks and evidence, root causes, read-backs and checks", () => {
    const { b, c, nodes } = sample();
    const input = tree(nodes, {
      checks: [
        { nodeId: c.id, kind: "open_branch" },
        { nodeId: b.id, kind: "root_without_evidence" },
      ],
    });
    const md = analysisMarkdown(input, i18n.getFixedT("en"), "en");
    const lines = md.split("\n");

    expect(lines[0]).toBe("# Why refunds stall");
    expect(md).toContain("**Problem:** Refunds never reach the card");
    expect(md).toContain("- **Facilitator:** Rana");
    expect(md).toContain("- **Participants:** Omar, Lina");
    expect(md).toContain("- **Held on:** March 10, 2025");
    expect(md).toContain("- **Status:** In review");
    expect(md).toContain("## Summary\n\nTwo causes.\\\nBoth confirmed.");

    // The tree as nested lists, marks after each cause, evidence under it.
    expect(md).toContain("## Why tree\n\n- The bank batch runs once a day. — _Confirmed · Process_");
    expect(md).toContain("  - Nobody owns the batch schedule — _Confirmed · Policy · **Root cause** · AND_");
    expect(md).toContain("    - Evidence:\n      - Ops wiki lists no owner — WIKI-12");
    expect(md).toContain("- Support tells customers \\*3 days\\* — _Hypothesis_");

    expect(md).toContain(
      "## Root causes\n\n1. Nobody owns the batch schedule — _Confirmed · Policy · **Root cause** · AND_\n   - Planned action: Name an owner for the schedule",
    );

    // Read-back of the root cause's chain, up and down, then the open branch.
    expect(md).toContain("### Chain ending at “Nobody owns the batch schedule”");
    expect(md).toContain(
      "- Because nobody owns the batch schedule, the bank batch runs once a day.\n- Because the bank batch runs once a day, the problem happened: Refunds never reach the card.",
    );
    expect(md).toContain(
      "Refunds never reach the card — why? The bank batch runs once a day — why? Nobody owns the batch schedule",
    );
    expect(md).toContain("### Chain ending at “Support tells customers \\*3 days\\*”");

    expect(md).toContain(
      "## Checks\n\n- Support tells customers \\*3 days\\*: This branch ends without a root cause or a ruled-out mark.",
    );
    expect(md).toContain("- Nobody owns the batch schedule: This root cause has no evidence yet.");
    expect(md.endsWith("\n")).toBe(true);
  });

  it("writes every label in Arabic, with Arabic read-back sentences", () => {
    const { nodes } = sample();
    const input = tree(nodes);
    input.problem.title = "لا يصل المبلغ المسترد إلى البطاقة";
    const md = analysisMarkdown(input, i18n.getFixedT("ar"), "ar");
    expect(md).toContain("**المشكلة:** لا يصل المبلغ المسترد إلى البطاقة");
    expect(md).toContain("- **الميسِّر:** Rana");
    expect(md).toContain("- **المشاركون:** Omar، Lina");
    expect(md).toContain("- **الحالة:** قيد المراجعة");
    expect(md).toMatch(/- \*\*تاريخ الجلسة:\*\* 10 مارس 2025/);
    expect(md).toContain("## شجرة «لماذا»");
    expect(md).toContain("## الأسباب الجذرية");
    expect(md).toContain("_مؤكَّد · السياسات · **سبب جذري** · و_");
    expect(md).toContain("    - الأدلة:");
    expect(md).toContain("الإجراء المزمع: Name an owner for the schedule");
    expect(md).toContain(
      "- لأنّ The bank batch runs once a day، حدثت المشكلة: لا يصل المبلغ المسترد إلى البطاقة.",
    );
    expect(md).toContain(
      "لا يصل المبلغ المسترد إلى البطاقة — لماذا؟ The bank batch runs once a day — لماذا؟ Nobody owns the batch schedule",
    );
    expect(md).toContain("## ملاحظات المراجعة\n\nلم تجد المراجعة ما يستدعي إعادة النظر.");
    expect(md).not.toMatch(/Root causes|Evidence|Because/);
  });

  it("says so when the tree is empty and no root cause is marked", () => {
    const md = analysisMarkdown(tree([]), i18n.getFixedT("en"), "en");
    expect(md).toContain("The tree has no causes yet.");
    expect(md).toContain("No cause is marked as a root cause yet.");
    expect(md).not.toContain("## Read-backs");
  });

  it("escapes Markdown in user text so it reads back exactly as typed", () => {
    expect(escapeMarkdown("a *b* _c_ `d` [e](f) <g> | h ~ i & j \\ k")).toBe(
      "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> \\| h \\~ i \\& j \\\\ k",
    );
    expect(escapeMarkdown("# not a heading")).toBe("\\# not a heading");
    expect(escapeMarkdown("- not a list")).toBe("\\- not a list");
    expect(escapeMarkdown("1. not numbered")).toBe("1\\. not numbered");
    expect(escapeMarkdown("one\ntwo")).toBe("one\\\ntwo");

    const evil = makeWhy("x", "<script>alert(1)</script>\n# heading", { rootCause: true });
    const md = analysisMarkdown(tree([evil]), i18n.getFixedT("en"), "en");
    expect(md).not.toContain("<script>");
    expect(md).toContain(
      "- \\<script\\>alert(1)\\</script\\>\\\n  \\# heading — _Hypothesis · **Root cause**_",
    );
  });

  it("names the file after the title, without characters file systems refuse", () => {
    expect(exportFileName("Why: refunds / cards?", "analysis")).toBe("Why- refunds - cards-.md");
    expect(exportFileName("   ", "analysis")).toBe("analysis.md");
    expect(exportFileName("لماذا تتأخر المبالغ", "تحليل")).toBe("لماذا تتأخر المبالغ.md");
  });
});

describe("read-back clauses", () => {
  it("lowers a capital that only starts a sentence, but keeps capitalised words and other scripts", async () => {
    const { inSentence } = await import("../readback/sentences");
    expect(inSentence("The refund waits")).toBe("the refund waits");
    expect(inSentence("SMS codes expire")).toBe("SMS codes expire");
    expect(inSentence("I")).toBe("I");
    expect(inSentence("لا أحد مسؤول")).toBe("لا أحد مسؤول");
  });
});
