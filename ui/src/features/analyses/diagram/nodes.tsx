/**
 * The diagram's boxes as xyflow custom nodes. Read-only: no handles to
 * connect, no dragging. Everything they show comes precomputed in `data`
 * (layout, translated labels), so they render cheaply. They are only drawn
 * at DETAIL_ZOOM and closer; further out the view draws the overview
 * (overview.tsx) instead.
 */
import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import type { CheckKind } from "../../../bindings/CheckKind";
import type { WhyStatus } from "../../../bindings/WhyStatus";
import type { Direction, LaidOutNode } from "./layout";

/** Translated strings every node needs; one shared object. */
export interface NodeLabels {
  problem: string;
  rootCause: string;
  joint: string;
  status: Record<WhyStatus, string>;
  check: Record<CheckKind, string>;
  checks: (count: number) => string;
  evidence: (count: number) => string;
}

export interface DiagramNodeData extends Record<string, unknown> {
  box: LaidOutNode;
  direction: Direction;
  labels: NodeLabels;
}

export type ProblemFlowNode = Node<DiagramNodeData, "problem">;
export type WhyFlowNode = Node<DiagramNodeData, "why">;
export type DiagramFlowNode = ProblemFlowNode | WhyFlowNode;

/** Below this zoom the text would be unreadable: the view draws the overview instead of nodes. */
export const DETAIL_ZOOM = 0.4;

/** Where edges leave (end side) and arrive (start side). */
export function handleSides(direction: Direction): { source: Position; target: Position } {
  return direction === "rtl"
    ? { source: Position.Left, target: Position.Right }
    : { source: Position.Right, target: Position.Left };
}

function Handles({ direction }: { direction: Direction }) {
  const sides = handleSides(direction);
  return (
    <>
      <Handle type="target" position={sides.target} isConnectable={false} className="diagram-handle" />
      <Handle type="source" position={sides.source} isConnectable={false} className="diagram-handle" />
    </>
  );
}

function Lines({ box }: { box: LaidOutNode }) {
  return (
    <div className="diagram-node-text" dir={box.textDir}>
      {box.lines.map((line, i) => (
        <span key={i} className="diagram-node-line">
          {line}
        </span>
      ))}
    </div>
  );
}

export const ProblemNodeView = memo(function ProblemNodeView({ data, selected }: NodeProps<ProblemFlowNode>) {
  return (
    <div
      className={`diagram-node diagram-problem${selected ? " is-selected" : ""}`}
      dir={data.direction}
      data-node-id={data.box.id}
    >
      <Handles direction={data.direction} />
      <div className="diagram-node-header">
        <span className="diagram-node-kind">{data.labels.problem}</span>
      </div>
      <Lines box={data.box} />
    </div>
  );
});

/** CSS classes of a cause's box: status, root cause, AND, checks. */
export function whyClasses(box: LaidOutNode, selected: boolean): string {
  const why = box.why;
  const classes = ["diagram-node", "diagram-why"];
  if (why !== null) {
    classes.push(`is-${why.status.replace("_", "-")}`);
    if (why.rootCause) classes.push("is-root-cause");
    if (why.joint) classes.push("is-joint");
  }
  if (box.checks.length > 0) classes.push("has-checks");
  if (selected) classes.push("is-selected");
  return classes.join(" ");
}

export const WhyNodeView = memo(function WhyNodeView({ data, selected }: NodeProps<WhyFlowNode>) {
  const { box, labels } = data;
  const why = box.why;
  if (why === null) return null;
  const checkText = box.checks.map((kind) => labels.check[kind]).join("\n");
  return (
    <div className={whyClasses(box, selected)} dir={data.direction} data-node-id={box.id}>
      <Handles direction={data.direction} />
      <div className="diagram-node-header">
        {why.rootCause && <span className="diagram-node-root">{labels.rootCause}</span>}
        <span className="diagram-node-status">{labels.status[why.status]}</span>
        <span className="diagram-node-badges">
          {box.checks.length > 0 && (
            <span
              className="diagram-badge diagram-badge-checks"
              title={checkText}
              aria-label={`${labels.checks(box.checks.length)}: ${checkText}`}
              role="img"
              dir="ltr"
            >
              <span aria-hidden="true">! {box.checks.length}</span>
            </span>
          )}
          {why.evidence.length > 0 && (
            <span
              className="diagram-badge diagram-badge-evidence"
              title={labels.evidence(why.evidence.length)}
              aria-label={labels.evidence(why.evidence.length)}
              role="img"
            >
              <svg viewBox="0 0 8 10" width="8" height="10" aria-hidden="true">
                <rect x="0.5" y="0.5" width="7" height="9" rx="1" fill="none" stroke="currentColor" />
              </svg>
              <span aria-hidden="true">{why.evidence.length}</span>
            </span>
          )}
        </span>
      </div>
      <Lines box={box} />
    </div>
  );
});

export const NODE_TYPES = { problem: ProblemNodeView, why: WhyNodeView };
