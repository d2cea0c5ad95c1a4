/**
 * The action commands of the mock backend (component tests only): actions
 * in memory with the shell's command names, argument shapes and
 * `workspace-changed` events. The rules the core owns (every validation,
 * the recurrence watch, reopening causes) are tested in the core; this
 * mock keeps just enough of them for screens to behave: required title,
 * the status moves, flags, filters, sorts and the overview's counts.
 */
import type { MockHandlers } from "./mock-handlers";
import type { Action } from "../bindings/Action";
import type { ActionEdit } from "../bindings/ActionEdit";
import type { ActionQuery } from "../bindings/ActionQuery";
import type { ActionRow } from "../bindings/ActionRow";
import type { ActionStatus } from "../bindings/ActionStatus";
import type { CauseRef } from "../bindings/CauseRef";
import type { ChangeEvent } from "../bindings/ChangeEvent";
import type { Comment } from "../bindings/Comment";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { ExportOutcome } from "../bindings/ExportOutcome";
import type { ImportOutcome } from "../bindings/ImportOutcome";
import type { NewAction } from "../bindings/NewAction";
import type { Overview } from "../bindings/Overview";
import type { Problem } from "../bindings/Problem";
import type { ProblemEffect } from "../bindings/ProblemEffect";
import { LIMITS, MOVES } from "../bindings/rules";
import type { WhyNode } from "../bindings/WhyNode";
import { localToday } from "../api/actions";

/** The actions part of the mock's state. */
export interface MockActionState {
  actions: (Action & { deleted?: boolean })[];
  comments: Comment[];
  /** Notifications shown through `notify`. */
  notifications: { title: string; body: string }[];
  /** Reasons given to `problem_close`, by problem id. */
  closeReasons: Record<string, string>;
  /** What the next `action_import` returns (null = the user cancelled). */
  importOutcome?: ImportOutcome | null;
  /** What `action_export` answers (by default: saved under its suggested name in /tmp). */
  exportOutcome?: ExportOutcome;
}

let nextId = 1;
const mockId = () => `0190c000-0000-7000-8000-${String(nextId++).padStart(12, "0")}`;

/** An action as the shell returns it. */
export function makeAction(problemId: string, title: string, fields: Partial<Action> = {}): Action {
  const now = new Date().toISOString();
  return {
    id: mockId(),
    problemId,
    problemTitle: "",
    title,
    description: "",
    kind: "corrective",
    causeIds: [],
    owner: "",
    dueOn: null,
    priority: "medium",
    status: "open",
    cancelReason: "",
    checkMethod: "",
    checkDueOn: null,
    checkResult: null,
    checkNotes: "",
    checkedOn: null,
    doneOn: null,
    recurredOn: null,
    sample: false,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

const WORKING: ActionStatus[] = ["open", "in_progress", "not_effective"];
/** Whether the core allows the status move (the core's own table, `MOVES.action`). */
export function canMove(from: ActionStatus, to: ActionStatus): boolean {
  const moves: readonly ActionStatus[] = MOVES.action[from];
  return from === to || moves.includes(to);
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function monday(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return addDays(day, -((d.getUTCDay() + 6) % 7));
}

type Reject = (payload: ErrorPayload) => Promise<never>;

/** The action command handlers, over `state`, the mock's problems and causes. */
export function actionHandlers(
  state: MockActionState,
  problems: () => Problem[],
  nodes: () => WhyNode[],
  changed: (event: ChangeEvent) => Promise<void>,
  reject: Reject,
): MockHandlers {
  const invalid = (field: string, rule: string, limit?: number) =>
    reject({
      code: "invalid_input",
      message: `${field}: ${rule}`,
      details: {
        field,
        rule,
        ...(limit === undefined ? {} : { limit }),
        errors: [{ field, rule, limit: limit ?? null }],
      },
    } as ErrorPayload);
  const live = () => state.actions.filter((a) => a.deleted !== true);
  const find = (id: unknown) => live().find((a) => a.id === id);
  const strip = (a: Action & { deleted?: boolean }): Action => {
    const copy = { ...a };
    delete copy.deleted;
    return copy;
  };
  const row = (a: Action, today: string): ActionRow => ({
    action: strip({
      ...a,
      problemTitle: problems().find((p) => p.id === a.problemId)?.title ?? a.problemTitle,
    }),
    flags: {
      overdue: WORKING.includes(a.status) && a.dueOn !== null && a.dueOn < today,
      checkDue: a.status === "done" && a.checkDueOn !== null && a.checkDueOn <= today,
      recurred: a.recurredOn !== null,
      noRootCause: a.kind === "corrective" && a.causeIds.length === 0,
    },
  });
  const touch = (a: Action) => {
    a.updatedAt = new Date().toISOString();
    void changed({ entity: "action", id: a.id, op: "update" });
  };
  const today = (args: Record<string, unknown>) =>
    typeof args.today === "string" ? args.today : localToday();

  return {
    action_list: (args) => {
      const q = args.query as ActionQuery;
      const t = q.today ?? localToday();
      const sunday = addDays(monday(t), 6);
      let list = live().filter(
        (a) =>
          (q.statuses.length === 0 || q.statuses.includes(a.status)) &&
          (q.kinds.length === 0 || q.kinds.includes(a.kind)) &&
          (q.owner === undefined || a.owner === q.owner) &&
          (q.problemId === undefined || a.problemId === q.problemId) &&
          (q.due === undefined ||
            (q.due === "none" && a.dueOn === null) ||
            (q.due === "overdue" && a.dueOn !== null && a.dueOn < t && WORKING.includes(a.status)) ||
            (q.due === "this_week" &&
              a.dueOn !== null &&
              a.dueOn >= monday(t) &&
              a.dueOn <= sunday &&
              WORKING.includes(a.status))),
      );
      const due = (a: Action) => a.dueOn ?? "9999-12-31";
      const rank = { low: 0, medium: 1, high: 2, urgent: 3 } as const;
      list = [...list].sort((a, b) => {
        if (q.sort === "priority") return rank[b.priority] - rank[a.priority] || due(a).localeCompare(due(b));
        if (q.sort === "updated") return b.updatedAt.localeCompare(a.updatedAt);
        return due(a).localeCompare(due(b)) || a.id.localeCompare(b.id);
      });
      if (q.descending) list.reverse();
      return { items: list.slice(q.offset, q.offset + q.limit).map((a) => row(a, t)), total: list.length };
    },
    action_for_problem: (args) =>
      live()
        .filter((a) => a.problemId === args.problemId)
        .map((a) => row(a, today(args))),
    action_get: (args) => {
      const a = find(args.id);
      if (a === undefined)
        return reject({ code: "not_found", message: "action", details: { entity: "action" } });
      const { action, flags } = row(a, today(args));
      const causes: CauseRef[] = a.causeIds.map((id) => {
        const n = nodes().find((x) => x.id === id);
        return {
          id,
          text: n?.text ?? "",
          analysisId: n?.analysisId ?? "",
          analysisTitle: "",
          rootCause: n?.rootCause ?? false,
          deleted: n === undefined,
        };
      });
      return { action, flags, causes, comments: state.comments.filter((c) => c.actionId === a.id) };
    },
    action_create: (args) => {
      const input = args.input as NewAction;
      if (input.title.trim() === "") return invalid("title", "required");
      if ((input.owner ?? "").length > LIMITS.action.owner)
        return invalid("owner", "too_long", LIMITS.action.owner);
      if (input.dueOn !== undefined && input.dueOn < localToday()) return invalid("dueOn", "before_created");
      const a = makeAction(input.problemId, input.title.trim(), {
        kind: input.kind,
        description: input.description ?? "",
        causeIds: input.causeIds ?? [],
        owner: (input.owner ?? "").trim(),
        dueOn: input.dueOn ?? null,
        priority: input.priority ?? "medium",
        checkMethod: input.checkMethod ?? "",
      });
      state.actions.push(a);
      void changed({ entity: "action", id: a.id, op: "create" });
      return strip(a);
    },
    action_edit: (args) => {
      const a = find(args.id);
      if (a === undefined)
        return reject({ code: "not_found", message: "action", details: { entity: "action" } });
      const edit = args.edit as ActionEdit;
      const t = localToday();
      switch (edit.field) {
        case "title":
          if (edit.value.trim() === "") return invalid("title", "required");
          a.title = edit.value.trim();
          break;
        case "description":
          a.description = edit.value;
          break;
        case "kind":
          a.kind = edit.value;
          break;
        case "causeIds":
          a.causeIds = edit.value;
          break;
        case "owner":
          if (edit.value.length > LIMITS.action.owner)
            return invalid("owner", "too_long", LIMITS.action.owner);
          a.owner = edit.value.trim();
          break;
        case "dueOn":
          a.dueOn = edit.value;
          break;
        case "priority":
          a.priority = edit.value;
          break;
        case "checkMethod":
          a.checkMethod = edit.value;
          break;
        case "checkDueOn":
          a.checkDueOn = edit.value;
          break;
        case "status":
          if (
            !canMove(a.status, edit.value) ||
            ["verified_effective", "not_effective", "cancelled"].includes(edit.value)
          )
            return invalid("status", "transition");
          if (edit.value === "done" && a.status !== "done") {
            a.doneOn = t;
            a.checkDueOn = a.checkDueOn !== null && a.checkDueOn >= t ? a.checkDueOn : addDays(t, 30);
            a.checkResult = null;
            a.recurredOn = null;
          }
          a.status = edit.value;
          break;
        case "check": {
          if (edit.value.notes.trim() === "") return invalid("checkNotes", "required");
          const to = edit.value.result === "effective" ? "verified_effective" : "not_effective";
          if (!canMove(a.status, to)) return invalid("status", "transition");
          a.status = to;
          a.checkResult = edit.value.result;
          a.checkNotes = edit.value.notes.trim();
          a.checkedOn = t;
          break;
        }
        case "cancel":
          if (edit.value.reason.trim() === "") return invalid("cancelReason", "required");
          if (!canMove(a.status, "cancelled") || a.status === "cancelled")
            return invalid("status", "transition");
          a.status = "cancelled";
          a.cancelReason = edit.value.reason.trim();
          break;
      }
      touch(a);
      return strip(a);
    },
    action_delete: (args) => {
      const a = find(args.id);
      if (a !== undefined) {
        a.deleted = true;
        void changed({ entity: "action", id: a.id, op: "delete" });
      }
      return null;
    },
    action_comment: (args) => {
      const a = find(args.id);
      const body = String(args.body).trim();
      if (a === undefined)
        return reject({ code: "not_found", message: "action", details: { entity: "action" } });
      if (body === "") return invalid("body", "required");
      const c: Comment = {
        id: mockId(),
        actionId: a.id,
        body,
        author: "Tester",
        createdAt: new Date().toISOString(),
      };
      state.comments.push(c);
      touch(a);
      return c;
    },
    action_problems: () =>
      problems()
        .filter((p) => live().some((a) => a.problemId === p.id))
        .map((p) => ({
          id: p.id,
          title: p.title,
          open: live().filter(
            (a) => a.problemId === p.id && a.status !== "verified_effective" && a.status !== "cancelled",
          ).length,
        })),
    action_owners: () => [...new Set(live().map((a) => a.owner))].filter((o) => o !== ""),
    action_overview: (args): Overview => {
      const t = today(args);
      const sunday = addDays(monday(t), 6);
      const working = live().filter((a) => WORKING.includes(a.status));
      const owners = new Map<string, { open: number; overdue: number }>();
      for (const a of working) {
        const o = owners.get(a.owner) ?? { open: 0, overdue: 0 };
        o.open += 1;
        if (a.dueOn !== null && a.dueOn < t) o.overdue += 1;
        owners.set(a.owner, o);
      }
      const first = addDays(monday(t), -77);
      const weeks = Array.from({ length: 12 }, (_, i) => {
        const start = addDays(first, i * 7);
        const end = addDays(start, 6);
        const inWeek = (d: string | null) => d !== null && d >= start && d <= end;
        return {
          weekStart: start,
          planned: live().filter((a) => a.status !== "cancelled" && inWeek(a.dueOn)).length,
          completed: live().filter((a) => inWeek(a.doneOn)).length,
        };
      });
      return {
        open: working.length,
        overdue: working.filter((a) => a.dueOn !== null && a.dueOn < t).length,
        dueThisWeek: working.filter((a) => a.dueOn !== null && a.dueOn >= monday(t) && a.dueOn <= sunday)
          .length,
        awaitingCheck: live().filter((a) => a.status === "done").length,
        byOwner: [...owners.entries()]
          .map(([owner, o]) => ({ owner, ...o }))
          .sort((a, b) => b.open - a.open || a.owner.localeCompare(b.owner)),
        weeks,
        checksDue: live()
          .filter((a) => a.status === "done" && a.checkDueOn !== null && a.checkDueOn <= addDays(t, 7))
          .map((a) => row(a, t)),
      };
    },
    action_effect: (args): ProblemEffect => ({
      weeks: [],
      actions: live()
        .filter((a) => a.problemId === args.problemId && a.doneOn !== null)
        .map((a) => ({
          actionId: a.id,
          title: a.title,
          kind: a.kind,
          status: a.status,
          doneOn: a.doneOn ?? "",
          beforePerWeek: 0,
          afterPerWeek: null,
          weeksAfter: 0,
        })),
    }),
    action_root_causes: (args) =>
      nodes()
        .filter((n) => n.rootCause)
        .map((n) => ({
          id: n.id,
          text: n.text,
          analysisId: n.analysisId,
          analysisTitle: "",
          rootCause: true,
          deleted: false,
        }))
        .filter(() => args.problemId !== undefined),
    problem_close: (args) => {
      const reason = String(args.reason).trim();
      if (reason === "") return invalid("closeReason", "required");
      const p = problems().find((x) => x.id === args.id);
      if (p === undefined)
        return reject({ code: "not_found", message: "problem", details: { entity: "problem" } });
      p.status = "closed";
      state.closeReasons[p.id] = reason;
      void changed({ entity: "problem", id: p.id, op: "update" });
      return p;
    },
    reminder_check: (args) => {
      const t = today(args);
      return {
        overdue: live().filter((a) => WORKING.includes(a.status) && a.dueOn !== null && a.dueOn < t).length,
        checksDue: live().filter((a) => a.status === "done" && a.checkDueOn !== null && a.checkDueOn <= t)
          .length,
      };
    },
    action_import: () => {
      const outcome = state.importOutcome ?? null;
      if (outcome !== null && outcome.imported > 0)
        void changed({ entity: "action", id: "import", op: "create" });
      return outcome;
    },
    action_export: (args): ExportOutcome =>
      state.exportOutcome ?? { outcome: "saved", path: `/tmp/${String(args.name)}` },
    notify: (args) => {
      state.notifications.push({ title: String(args.title), body: String(args.body) });
      return null;
    },
  };
}
