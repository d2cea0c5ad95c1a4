import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import type { TreeEditor } from "../model/useTreeEditor";

export interface OutlineViewProps {
  tree: AnalysisTree;
  editor: TreeEditor;
}

/** The keyboard-first outline editor of a why-tree. (Being built.) */
export function OutlineView({ tree }: OutlineViewProps) {
  return (
    <ol data-outline>
      {tree.nodes.map((n) => (
        <li key={n.id}>{n.text}</li>
      ))}
    </ol>
  );
}
