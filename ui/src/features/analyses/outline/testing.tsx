/** Test and benchmark helpers for the outline (never imported by application code). */
import { useAnalysisTree } from "../../../api/analyses";
import { createQueryClient } from "../../../api/freshness";
import { DataProvider } from "../../../api/DataProvider";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { makeAnalysis, makeWhy } from "../../../test/mock-analysis";
import { installMockBackend, makeProblem, type MockBackendOptions } from "../../../test/mock-backend";
import type { NodeCheck } from "../../../bindings/NodeCheck";
import type { WhyNode } from "../../../bindings/WhyNode";
import { EditorError } from "../model/EditorError";
import { useTreeEditor } from "../model/useTreeEditor";
import { OutlineView } from "./OutlineView";

/** A cause of the tree to build: its text and the causes under it. */
export interface Spec {
  text: string;
  fields?: Partial<WhyNode>;
  children?: Spec[];
}

/** The causes of `specs` as the mock stores them, under one analysis; `byText` finds them. */
export function buildNodes(analysisId: string, specs: Spec[]) {
  const nodes: WhyNode[] = [];
  const byText = new Map<string, WhyNode>();
  const walk = (list: Spec[], parentId: string | null) => {
    list.forEach((spec, position) => {
      const node = makeWhy(analysisId, spec.text, { parentId, position, ...spec.fields });
      nodes.push(node);
      byText.set(spec.text, node);
      walk(spec.children ?? [], node.id);
    });
  };
  walk(specs, null);
  return { nodes, byText };
}

/** A generated tree of `count` causes, five answers per cause, breadth first. */
export function generatedSpecs(count: number): Spec[] {
  const roots: Spec[] = [];
  const queue: Spec[] = [];
  for (let i = 0; i < count; i++) {
    const spec: Spec = { text: `Cause ${String(i + 1)}: the step before it was skipped`, children: [] };
    if (i < 5) roots.push(spec);
    else queue[Math.floor((i - 5) / 5)]?.children?.push(spec);
    queue.push(spec);
  }
  return roots;
}

function Harness({ analysisId, focusNodeId }: { analysisId: string; focusNodeId?: string }) {
  const tree = useAnalysisTree(analysisId);
  const editor = useTreeEditor(analysisId);
  if (tree.data === undefined) return null;
  return (
    <>
      <EditorError editor={editor} />
      {/* The analysis screen's toolbar holds Undo; the harness stands in for it. */}
      <button type="button" onClick={() => void editor.undo().catch(() => undefined)}>
        Harness undo
      </button>
      <OutlineView tree={tree.data} editor={editor} {...(focusNodeId === undefined ? {} : { focusNodeId })} />
    </>
  );
}

/** Renders the outline of a fresh analysis of `specs` against the mock backend. */
export function renderOutline(
  specs: Spec[],
  options: {
    checks?: (byText: Map<string, WhyNode>) => NodeCheck[];
    handlers?: MockBackendOptions["handlers"];
    /** The text of the cause to pass as `focusNodeId`. */
    focus?: string;
  } = {},
) {
  const problem = makeProblem("Customers wait more than ten minutes on the phone");
  const analysis = makeAnalysis(problem.id, "Phone waits");
  const { nodes, byText } = buildNodes(analysis.id, specs);
  const backend = installMockBackend({
    problems: [problem],
    analysis: { analyses: [analysis], nodes, checks: options.checks?.(byText) ?? [] },
    ...(options.handlers === undefined ? {} : { handlers: options.handlers }),
  });
  const user = userEvent.setup();
  const queryClient = createQueryClient();
  const result = render(
    <DataProvider client={queryClient}>
      <Harness
        analysisId={analysis.id}
        {...(options.focus === undefined ? {} : { focusNodeId: byText.get(options.focus)?.id ?? "" })}
      />
    </DataProvider>,
  );
  return { ...result, user, backend, byText, analysis, problem, queryClient };
}
