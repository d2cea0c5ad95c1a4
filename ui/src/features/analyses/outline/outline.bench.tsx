/**
 * Typing in a 1,000-node why-tree (budget: under 16 ms a key, DESIGN.md).
 * Run with `npx vitest bench --run src/features/analyses/outline`. jsdom has
 * no layout or paint, so these figures are React's work plus DOM updates
 * only; the webview adds style and layout of the one changed row.
 */
import { act, fireEvent, render } from "@testing-library/react";
import { bench, describe } from "vitest";
import { makeAnalysis } from "../../../test/mock-analysis";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import type { TreeEditor } from "../model/useTreeEditor";
import { OutlineView } from "./OutlineView";
import { buildNodes, generatedSpecs } from "./testing";

const analysis = makeAnalysis("0190a000-0000-7000-8000-000000000001", "Bench");
const { nodes } = buildNodes(analysis.id, generatedSpecs(1000));
const tree: AnalysisTree = {
  analysis,
  problem: { id: analysis.problemId, title: "Customers wait on the phone", description: "", status: "new" },
  nodes,
  checks: nodes.filter((_, i) => i % 7 === 0).map((n) => ({ nodeId: n.id, kind: "open_branch" })),
};

const never = () => new Promise<never>(() => undefined);
const editor: TreeEditor = {
  add: never,
  edit: never,
  move: never,
  remove: never,
  addEvidence: never,
  editEvidence: never,
  removeEvidence: never,
  undo: never,
  redo: never,
  canUndo: false,
  canRedo: false,
  error: null,
  clearError: () => undefined,
};

// The rows are virtualised: the middle cause is rendered because it is asked to take focus.
const middle = nodes[500]?.id ?? "";

describe("outline with 1,000 causes (jsdom)", () => {
  const view = render(<OutlineView tree={tree} editor={editor} focusNodeId={middle} />);
  const input = view.container.querySelector<HTMLInputElement>(
    `[data-node-id="${middle}"] [data-testid="outline-text"]`,
  );
  if (input === null) throw new Error("the middle cause was not rendered");
  act(() => {
    input.focus();
  });
  let typed = input.value;

  bench("one key press in a row", () => {
    typed += "x";
    fireEvent.change(input, { target: { value: typed } });
  });

  let version = 0;
  bench("the tree refreshes after a save (one node changed)", () => {
    version += 1;
    const changed = nodes.map((n, i) => (i === 10 ? { ...n, text: `Saved ${String(version)}` } : n));
    view.rerender(<OutlineView tree={{ ...tree, nodes: changed }} editor={editor} focusNodeId={middle} />);
  });

  bench(
    "first render of the outline (a screenful of rows)",
    () => {
      const other = render(<OutlineView tree={tree} editor={editor} />);
      other.unmount();
    },
    { iterations: 5, warmupIterations: 1 },
  );
});
