/**
 * Pure helpers of the outline: which rows show, and where a keyboard move
 * sends a cause (as the `parentId` / `position` that `move_why` takes).
 */
import { ENUMS } from "../../../bindings/rules";
import type { WhyNode } from "../../../bindings/WhyNode";
import type { WhyStatus } from "../../../bindings/WhyStatus";
import type { TreeIndex } from "../model/tree";

/** One visible row of the outline. */
export interface OutlineRowInfo {
  node: WhyNode;
  /** 1 for an answer to the problem statement. */
  level: number;
  /** 1-based place among its siblings, and how many siblings there are. */
  posInSet: number;
  setSize: number;
  hasChildren: boolean;
  expanded: boolean;
}

/** The rows to show, depth first, leaving out the causes under a collapsed one. */
export function visibleRows(index: TreeIndex, collapsed: ReadonlySet<string>): OutlineRowInfo[] {
  const rows: OutlineRowInfo[] = [];
  const walk = (parentId: string | null, level: number) => {
    const list = index.children.get(parentId) ?? [];
    list.forEach((node, i) => {
      const hasChildren = (index.children.get(node.id)?.length ?? 0) > 0;
      const expanded = hasChildren && !collapsed.has(node.id);
      rows.push({ node, level, posInSet: i + 1, setSize: list.length, hasChildren, expanded });
      if (expanded) walk(node.id, level + 1);
    });
  };
  walk(null, 1);
  return rows;
}

/** Where a move sends a cause. */
export interface Placement {
  parentId: string | null;
  position: number;
}

function siblingsOf(index: TreeIndex, node: WhyNode): WhyNode[] {
  return index.children.get(node.parentId) ?? [];
}

function placeAmongSiblings(index: TreeIndex, node: WhyNode): number {
  return siblingsOf(index, node).findIndex((s) => s.id === node.id);
}

/** Where a new sibling right after `node` goes (the first answer to the problem when `node` is null). */
export function siblingAfter(index: TreeIndex, node: WhyNode | null): Placement {
  if (node === null) return { parentId: null, position: 0 };
  return { parentId: node.parentId, position: placeAmongSiblings(index, node) + 1 };
}

/** Indent: the last child of the previous sibling; null when there is none. */
export function indentTarget(index: TreeIndex, node: WhyNode): Placement | null {
  const at = placeAmongSiblings(index, node);
  const previous = siblingsOf(index, node)[at - 1];
  if (at <= 0 || previous === undefined) return null;
  return { parentId: previous.id, position: index.children.get(previous.id)?.length ?? 0 };
}

/** Outdent: the next sibling of its parent; null at the top level. */
export function outdentTarget(index: TreeIndex, node: WhyNode): Placement | null {
  if (node.parentId === null) return null;
  const parent = index.byId.get(node.parentId);
  if (parent === undefined) return null;
  return { parentId: parent.parentId, position: placeAmongSiblings(index, parent) + 1 };
}

/** One place up (`by` -1) or down (+1) among its siblings; null at the end. */
export function shiftTarget(index: TreeIndex, node: WhyNode, by: 1 | -1): Placement | null {
  const at = placeAmongSiblings(index, node);
  const to = at + by;
  if (at < 0 || to < 0 || to >= siblingsOf(index, node).length) return null;
  return { parentId: node.parentId, position: to };
}

/** The core's order of statuses, which is also the cycle's. */
const STATUS_CYCLE: readonly WhyStatus[] = ENUMS.whyStatus;

/** The status after `status`: hypothesis → confirmed → ruled out → hypothesis. */
export function nextStatus(status: WhyStatus): WhyStatus {
  return STATUS_CYCLE[(STATUS_CYCLE.indexOf(status) + 1) % STATUS_CYCLE.length] ?? "hypothesis";
}

/** The checks of a node as one stable string (rows compare it cheaply). */
export function checksKey(index: TreeIndex, nodeId: string): string {
  return (index.checks.get(nodeId) ?? []).join(" ");
}
