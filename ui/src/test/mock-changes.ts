/**
 * The copies-of-a-workspace commands of the mock backend (component tests
 * only): this copy, the copies it knows, the merge review, and what the
 * next export, merge and copy do. The merge itself is tested in the core.
 */
import type { ChangeEvent } from "../bindings/ChangeEvent";
import type { CopiesStatus } from "../bindings/CopiesStatus";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { MergeSummary } from "../bindings/MergeSummary";
import type { ReviewItem } from "../bindings/ReviewItem";
import type { MockHandlers } from "./mock-handlers";

/** The copies part of the mock's state. */
export interface MockChangesState {
  status: CopiesStatus;
  review: ReviewItem[];
  /** What the next merge does: a summary, an error, or null (the user cancelled). */
  nextMerge: MergeSummary | ErrorPayload | null;
  /** Where the next export or copy is saved; null = the user cancelled. */
  savePath: string | null;
}

export function defaultChangesState(): MockChangesState {
  return {
    status: {
      replica: {
        workspaceId: "ws-1",
        replicaId: "11111111-aaaa-4bbb-8ccc-000000000001",
        originReplica: null,
        name: "",
      },
      peers: [],
      ownChanges: 0,
      openReview: 0,
    },
    review: [],
    nextMerge: null,
    savePath: "/home/sam/changes.rootwise-changes",
  };
}

type Reject = (payload: ErrorPayload) => Promise<never>;

function isError(value: MergeSummary | ErrorPayload): value is ErrorPayload {
  return "code" in value;
}

export function changesHandlers(
  state: MockChangesState,
  changed: (event: ChangeEvent) => Promise<void>,
  reject: Reject,
): MockHandlers {
  const openCount = () => state.review.filter((r) => r.state === "open").length;
  const settle = async (id: number, to: ReviewItem["state"]) => {
    const item = state.review.find((r) => r.id === id);
    if (item === undefined || item.state !== "open") {
      return reject({ code: "conflict", message: "already dealt with", details: {} });
    }
    item.state = to;
    state.status.openReview = openCount();
    await changed({ entity: "workspace", id: "", op: "update" });
    return null;
  };
  return {
    copies_status: () => ({ ...state.status, openReview: openCount() }),
    copy_rename: async (args) => {
      state.status.replica = { ...state.status.replica, name: String(args.name).trim() };
      await changed({ entity: "copies", id: "", op: "update" });
      return state.status.replica;
    },
    changes_export: (args) => {
      if (state.savePath === null) return null;
      const forReplica = args.forReplica as string | null;
      const peer = state.status.peers.find((p) => p.replicaId === forReplica);
      return { path: state.savePath, count: peer?.unsent ?? state.status.ownChanges };
    },
    changes_merge: async () => {
      const next = state.nextMerge;
      if (next === null) return null;
      if (isError(next)) return reject(next);
      await changed({ entity: "workspace", id: "", op: "update" });
      return next;
    },
    workspace_copy: async (args) => {
      if (state.savePath === null) return null;
      const replica = {
        ...state.status.replica,
        replicaId: "22222222-aaaa-4bbb-8ccc-000000000002",
        originReplica: state.status.replica.replicaId,
        name: String(args.name).trim(),
      };
      await changed({ entity: "copies", id: "", op: "update" });
      return { path: state.savePath, replica };
    },
    merge_review_list: (args) => state.review.filter((r) => args.all === true || r.state === "open"),
    merge_review_bring_back: (args) => settle(Number(args.id), "brought_back"),
    merge_review_dismiss: (args) => settle(Number(args.id), "dismissed"),
  };
}
