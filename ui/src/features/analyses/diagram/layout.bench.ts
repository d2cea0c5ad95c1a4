/**
 * The layout part of the "1,000-node why-tree laid out and drawn under
 * 200 ms" budget. Run with `npx vitest bench --run` in ui/. The drawing part
 * is measured in the real webview through `data-render-ms` on the diagram.
 */
import { bench, describe } from "vitest";
import { layout } from "./layout";
import { buildScene } from "./scene";
import { generatedTree } from "./test-trees";

const tree = generatedTree(1000);
const deep = generatedTree(1000, 1);
const labels = {
  title: "Bench",
  problem: "Problem",
  rootCause: "Root cause",
  joint: "AND",
  status: { hypothesis: "Hypothesis", confirmed: "Confirmed", ruled_out: "Ruled out" },
};

describe("diagram layout, 1,000 nodes", () => {
  bench("layout() bushy tree (fan-out 3), LTR", () => {
    layout(tree, "ltr");
  });
  bench("layout() bushy tree (fan-out 3), RTL", () => {
    layout(tree, "rtl");
  });
  bench("layout() long chains (fan-out 1)", () => {
    layout(deep, "ltr");
  });
  bench("layout() + export scene", () => {
    buildScene(layout(tree, "ltr"), labels);
  });
});
