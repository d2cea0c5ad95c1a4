import type { AnalysisTree } from "../../../bindings/AnalysisTree";

export interface DiagramViewProps {
  tree: AnalysisTree;
}

/** The diagram of a why-tree. (Being built.) */
export function DiagramView({ tree }: DiagramViewProps) {
  return <div data-diagram>{tree.nodes.length}</div>;
}
