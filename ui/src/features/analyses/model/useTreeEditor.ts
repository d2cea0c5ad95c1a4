/**
 * Every edit of a why-tree in one session goes through this hook, so each
 * one can be undone and redone (Ctrl+Z / Ctrl+Shift+Z) whichever view made
 * it: the outline, the diagram or the guided session.
 *
 * Edits run one after another (a queue), so a quick "add, then type" keeps
 * its order. An undone creation is deleted with `undo: true`, which keeps it
 * out of the trash list; redo restores it. Evidence that an undo re-creates
 * gets a new id: `alias` maps the first id to the current one, so older
 * steps still find it.
 */
import {
  addEvidence,
  addWhy,
  deleteWhy,
  editEvidence,
  editWhy,
  moveWhy,
  removeEvidence,
  restoreWhy,
} from "../../../api/analyses";
import { useChangesSettled } from "../../../api/freshness";
import { useCallback, useMemo, useRef, useState } from "react";
import { toAppError, type AppError } from "../../../api/errors";
import type { Evidence } from "../../../bindings/Evidence";
import type { NewEvidence } from "../../../bindings/NewEvidence";
import type { NewWhy } from "../../../bindings/NewWhy";
import type { WhyEdit } from "../../../bindings/WhyEdit";
import type { WhyNode } from "../../../bindings/WhyNode";

interface Step {
  undo: () => Promise<unknown>;
  redo: () => Promise<unknown>;
}

export interface TreeEditor {
  /** Adds a cause; resolves to it. */
  add(input: NewWhy): Promise<WhyNode>;
  /** Changes one field of a cause (nothing is recorded when the value is unchanged). */
  edit(node: WhyNode, edit: WhyEdit): Promise<WhyNode>;
  /** Moves a cause (with its subtree) under `parentId` at `position`. */
  move(node: WhyNode, parentId: string | null, position: number): Promise<WhyNode>;
  /** Moves a cause and its subtree to the trash. */
  remove(node: WhyNode): Promise<void>;
  addEvidence(node: WhyNode, input: NewEvidence): Promise<Evidence>;
  editEvidence(evidence: Evidence, input: NewEvidence): Promise<Evidence>;
  removeEvidence(node: WhyNode, evidence: Evidence): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  canUndo: boolean;
  canRedo: boolean;
  /** The last edit that failed (cleared by the next success). */
  error: AppError | null;
  clearError(): void;
}

function currentValue(node: WhyNode, edit: WhyEdit): WhyEdit {
  switch (edit.field) {
    case "text":
      return { field: "text", value: node.text };
    case "status":
      return { field: "status", value: node.status };
    case "category":
      return { field: "category", value: node.category };
    case "rootCause":
      return { field: "rootCause", value: node.rootCause };
    case "joint":
      return { field: "joint", value: node.joint };
    case "actionIntent":
      return { field: "actionIntent", value: node.actionIntent };
  }
}

export function useTreeEditor(analysisId: string): TreeEditor {
  const settled = useChangesSettled();
  const undoStack = useRef<Step[]>([]);
  const redoStack = useRef<Step[]>([]);
  const alias = useRef(new Map<string, string>());
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [sizes, setSizes] = useState({ undo: 0, redo: 0 });
  const [error, setError] = useState<AppError | null>(null);

  const sync = useCallback(() => {
    setSizes({ undo: undoStack.current.length, redo: redoStack.current.length });
  }, []);

  /** Runs `work` after every earlier edit, then waits for the tree its changes refresh. */
  const enqueue = useCallback(
    <T>(work: () => Promise<T>): Promise<T> => {
      const run = queue.current.then(work, work);
      queue.current = run.catch(() => undefined);
      return run.then(
        async (value) => {
          setError(null);
          await settled();
          return value;
        },
        async (reason: unknown) => {
          const appError = toAppError(reason);
          setError(appError);
          // Steps that did land before the failure refresh through their events.
          await settled();
          throw appError;
        },
      );
    },
    [settled],
  );

  const record = useCallback(
    (step: Step) => {
      undoStack.current.push(step);
      redoStack.current = [];
      sync();
    },
    [sync],
  );

  const evidenceId = (id: string) => alias.current.get(id) ?? id;

  return useMemo<TreeEditor>(() => {
    const editor: TreeEditor = {
      add: (input) =>
        enqueue(async () => {
          const node = await addWhy(analysisId, input);
          record({ undo: () => deleteWhy(node.id, true), redo: () => restoreWhy(node.id) });
          return node;
        }),
      edit: (node, change) =>
        enqueue(async () => {
          const before = currentValue(node, change);
          const after = await editWhy(node.id, change);
          if (JSON.stringify(before.value) !== JSON.stringify(change.value)) {
            record({ undo: () => editWhy(node.id, before), redo: () => editWhy(node.id, change) });
          }
          return after;
        }),
      move: (node, parentId, position) =>
        enqueue(async () => {
          const from = { parentId: node.parentId, position: node.position };
          const moved = await moveWhy(node.id, parentId, position);
          record({
            undo: () => moveWhy(node.id, from.parentId, from.position),
            redo: () => moveWhy(node.id, parentId, position),
          });
          return moved;
        }),
      remove: (node) =>
        enqueue(async () => {
          await deleteWhy(node.id);
          record({ undo: () => restoreWhy(node.id), redo: () => deleteWhy(node.id) });
        }),
      addEvidence: (node, input) =>
        enqueue(async () => {
          const added = await addEvidence(node.id, input);
          record({
            undo: () => removeEvidence(evidenceId(added.id)),
            redo: async () => {
              const again = await addEvidence(node.id, input);
              alias.current.set(added.id, again.id);
            },
          });
          return added;
        }),
      editEvidence: (evidence, input) =>
        enqueue(async () => {
          const before: NewEvidence = { note: evidence.note, reference: evidence.reference };
          const after = await editEvidence(evidenceId(evidence.id), input);
          record({
            undo: () => editEvidence(evidenceId(evidence.id), before),
            redo: () => editEvidence(evidenceId(evidence.id), input),
          });
          return after;
        }),
      removeEvidence: (node, evidence) =>
        enqueue(async () => {
          await removeEvidence(evidenceId(evidence.id));
          const before: NewEvidence = { note: evidence.note, reference: evidence.reference };
          record({
            undo: async () => {
              const again = await addEvidence(node.id, before);
              alias.current.set(evidence.id, again.id);
            },
            redo: () => removeEvidence(evidenceId(evidence.id)),
          });
        }),
      undo: () =>
        enqueue(async () => {
          const step = undoStack.current.pop();
          if (step === undefined) return;
          try {
            await step.undo();
            redoStack.current.push(step);
          } finally {
            sync();
          }
        }),
      redo: () =>
        enqueue(async () => {
          const step = redoStack.current.pop();
          if (step === undefined) return;
          try {
            await step.redo();
            undoStack.current.push(step);
          } finally {
            sync();
          }
        }),
      canUndo: sizes.undo > 0,
      canRedo: sizes.redo > 0,
      error,
      clearError: () => {
        setError(null);
      },
    };
    return editor;
  }, [analysisId, enqueue, record, sync, sizes, error]);
}
