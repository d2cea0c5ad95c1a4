import { useParams } from "react-router";
import { useAnalysisTree } from "../../api/queries";
import { DiagramView } from "./diagram/DiagramView";
import { useTreeEditor } from "./model/useTreeEditor";
import { OutlineView } from "./outline/OutlineView";

/** One analysis: its header, the outline, the diagram, the read-back. (Being built.) */
export function AnalysisScreen() {
  const { id = "" } = useParams();
  const tree = useAnalysisTree(id);
  const editor = useTreeEditor(id);
  if (tree.data === undefined) return null;
  return (
    <>
      <OutlineView tree={tree.data} editor={editor} />
      <DiagramView tree={tree.data} />
    </>
  );
}
