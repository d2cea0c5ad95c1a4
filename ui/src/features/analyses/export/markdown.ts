/**
 * An analysis as a Markdown document, in the language asked for: its
 * fields, the tree with marks and evidence, the root causes, the read-backs
 * and the checks. Pure, so it is tested without a screen; every piece of
 * user text is escaped so it reads back exactly as typed.
 */
import type { TFunction } from "i18next";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import type { Language } from "../../../bindings/Language";
import type { WhyNode } from "../../../bindings/WhyNode";
import { intlLocale } from "../../../i18n/format";
import { formatDay } from "../../../i18n/format";
import { escapeMarkdown, withoutIsolates } from "../../../kit/markdown";
import { indexTree, type TreeIndex } from "../model/tree";
import { causeClause, chainEnds, downwardReading, upwardSentences } from "../readback/sentences";

/** User text inside a list item: continuation lines are indented to stay in the item. */
function inItem(text: string, indent: string): string {
  return escapeMarkdown(text).replaceAll("\\\n", `\\\n${indent}`);
}

function dayFormat(language: Language): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "long", timeZone: "UTC" });
}

/** The marks shown after a cause: status, category, root cause, AND. */
function marks(t: TFunction, node: WhyNode): string {
  const parts = [t(`why.status.${node.status}`)];
  if (node.category !== null) parts.push(t(`why.category.${node.category}`));
  if (node.rootCause) parts.push(`**${t("why.rootCause")}**`);
  if (node.joint) parts.push(t("why.joint"));
  return parts.join(" · ");
}

function treeLines(t: TFunction, index: TreeIndex, parentId: string | null, depth: number): string[] {
  const lines: string[] = [];
  const indent = "  ".repeat(depth);
  for (const node of index.children.get(parentId) ?? []) {
    const text = node.text.trim() === "" ? t("why.emptyText") : node.text;
    lines.push(`${indent}- ${inItem(text, `${indent}  `)} — _${marks(t, node)}_`);
    if (node.evidence.length > 0) {
      lines.push(`${indent}  - ${t("analyses.export.evidence")}:`);
      for (const evidence of node.evidence) {
        const parts = [evidence.note, evidence.reference].filter((part) => part.trim() !== "");
        const inner = `${indent}      `;
        lines.push(`${indent}    - ${parts.map((part) => inItem(part, inner)).join(" — ")}`);
      }
    }
    lines.push(...treeLines(t, index, node.id, depth + 1));
  }
  return lines;
}

/** The analysis as Markdown, every label in `language` (pass `i18n.getFixedT(language)` as `t`). */
export function analysisMarkdown(tree: AnalysisTree, t: TFunction, language: Language): string {
  const { analysis, problem } = tree;
  const index = indexTree(tree);
  const notSet = `_${t("analyses.export.notSet")}_`;
  const orNotSet = (text: string) => (text.trim() === "" ? notSet : escapeMarkdown(text));
  const field = (key: "facilitator" | "participants" | "heldOn" | "status", value: string) =>
    `- **${t(`analyses.field.${key}`)}:** ${value}`;

  const out: string[] = [];
  out.push(`# ${orNotSet(analysis.title)}`, "");
  out.push(`**${t("why.problemStatement")}:** ${orNotSet(problem.title)}`, "");
  out.push(
    field("facilitator", orNotSet(analysis.facilitator)),
    field(
      "participants",
      analysis.participants.length === 0
        ? notSet
        : analysis.participants.map(escapeMarkdown).join(t("analyses.export.listSeparator")),
    ),
    field("heldOn", formatDay(dayFormat(language), analysis.heldOn)),
    field("status", t(`why.analysisStatus.${analysis.status}`)),
    "",
  );
  out.push(`## ${t("analyses.field.summary")}`, "", orNotSet(analysis.summary), "");

  out.push(`## ${t("analyses.export.tree")}`, "");
  if (tree.nodes.length === 0) {
    out.push(t("analyses.export.noCauses"), "");
  } else {
    out.push(...treeLines(t, index, null, 0), "");
  }

  const { roots, others } = chainEnds(tree, index);
  out.push(`## ${t("analyses.export.rootCauses")}`, "");
  if (roots.length === 0) {
    out.push(t("analyses.export.noRootCauses"), "");
  } else {
    roots.forEach((node, i) => {
      const indent = " ".repeat(String(i + 1).length + 2);
      out.push(`${String(i + 1)}. ${inItem(causeClause(t, node), indent)} — _${marks(t, node)}_`);
      if (node.actionIntent !== null && node.actionIntent.trim() !== "") {
        out.push(
          `${indent}- ${t("analyses.export.actionIntent", { action: inItem(node.actionIntent, `${indent}  `) })}`,
        );
      }
    });
    out.push("");
  }

  if (roots.length + others.length > 0) {
    out.push(`## ${t("analyses.export.readBacks")}`, "");
    const wrap = (text: string) => escapeMarkdown(text).replaceAll("\\\n", " ");
    for (const node of [...roots, ...others]) {
      out.push(`### ${t("analyses.readback.chain", { cause: wrap(causeClause(t, node)) })}`, "");
      out.push(`**${t("analyses.readback.upward")}**`, "");
      for (const sentence of upwardSentences(t, index, node.id, problem.title, wrap)) {
        out.push(`- ${sentence}`);
      }
      out.push("", `**${t("analyses.readback.downward")}**`, "");
      out.push(downwardReading(t, index, node.id, problem.title, wrap), "");
    }
  }

  out.push(`## ${t("analyses.export.checks")}`, "");
  const checked = tree.checks.filter((check) => index.byId.has(check.nodeId));
  if (checked.length === 0) {
    out.push(t("analyses.export.noChecks"), "");
  } else {
    for (const check of checked) {
      const node = index.byId.get(check.nodeId);
      if (node === undefined) continue;
      out.push(`- ${inItem(causeClause(t, node), "  ")}: ${t(`why.check.${check.kind}`)}`);
    }
    out.push("");
  }

  return withoutIsolates(`${out.join("\n").trimEnd()}\n`);
}
