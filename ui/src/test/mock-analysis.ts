/**
 * The analysis commands of the mock backend (component tests only): an
 * in-memory why-tree with the shell's command names, argument shapes and
 * `workspace-changed` events. The push-back checks are not recomputed here
 * (the core owns them and tests them); a test sets `checks` to what it needs.
 */
import type { MockHandlers } from "./mock-handlers";
import type { Analysis } from "../bindings/Analysis";
import type { AnalysisEdit } from "../bindings/AnalysisEdit";
import type { AnalysisSummary } from "../bindings/AnalysisSummary";
import type { AnalysisTree } from "../bindings/AnalysisTree";
import type { ChangeEvent } from "../bindings/ChangeEvent";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { Evidence } from "../bindings/Evidence";
import type { NewAnalysis } from "../bindings/NewAnalysis";
import type { NewEvidence } from "../bindings/NewEvidence";
import type { NewWhy } from "../bindings/NewWhy";
import type { NodeCheck } from "../bindings/NodeCheck";
import type { Problem } from "../bindings/Problem";
import type { WhyEdit } from "../bindings/WhyEdit";
import type { WhyNode } from "../bindings/WhyNode";

/** The analyses part of the mock's state. */
export interface MockAnalysisState {
  analyses: Analysis[];
  /** Live and trashed causes; `deleted` marks the trashed ones. */
  nodes: (WhyNode & { deleted?: boolean })[];
  /** What `analysis_get` reports as checks. */
  checks: NodeCheck[];
  /** Files `export_save` wrote: name → contents. */
  exports: Record<string, string>;
}

let nextId = 1;
function mockId(prefix: string): string {
  return `0190b${prefix}-0000-7000-8000-${String(nextId++).padStart(12, "0")}`;
}

/** An analysis as the shell returns it. */
export function makeAnalysis(problemId: string, title: string, fields: Partial<Analysis> = {}): Analysis {
  const now = new Date().toISOString();
  return {
    id: mockId("aaa"),
    problemId,
    title,
    facilitator: "",
    participants: [],
    heldOn: now.slice(0, 10),
    status: "draft",
    summary: "",
    sample: false,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** A cause as the shell returns it. */
export function makeWhy(analysisId: string, text: string, fields: Partial<WhyNode> = {}): WhyNode {
  const now = new Date().toISOString();
  return {
    id: mockId("bbb"),
    analysisId,
    parentId: null,
    position: 0,
    text,
    status: "hypothesis",
    category: null,
    rootCause: false,
    joint: false,
    actionIntent: null,
    evidence: [],
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

type Reject = (code: ErrorCode, what: string, id: string) => Promise<never>;

/** The analysis command handlers, over `state` and the mock's problems. */
export function analysisHandlers(
  state: MockAnalysisState,
  problems: () => Problem[],
  changed: (event: ChangeEvent) => Promise<void>,
  reject: Reject,
): MockHandlers {
  const live = (analysisId: string) =>
    state.nodes.filter((n) => n.analysisId === analysisId && n.deleted !== true);
  const siblings = (analysisId: string, parentId: string | null) =>
    live(analysisId)
      .filter((n) => n.parentId === parentId)
      .sort((a, b) => a.position - b.position);
  const renumber = (list: WhyNode[]) => {
    list.forEach((n, i) => {
      n.position = i;
    });
  };
  const node = (id: string) => state.nodes.find((n) => n.id === id && n.deleted !== true);
  const strip = (n: WhyNode & { deleted?: boolean }): WhyNode => {
    const copy = { ...n };
    delete copy.deleted;
    return copy;
  };
  const depthFirst = (analysisId: string): WhyNode[] => {
    const out: WhyNode[] = [];
    const walk = (parentId: string | null) => {
      for (const n of siblings(analysisId, parentId)) {
        out.push(strip(n));
        walk(n.id);
      }
    };
    walk(null);
    return out;
  };
  const summary = (a: Analysis): AnalysisSummary => {
    const nodes = live(a.id);
    return {
      analysis: a,
      problemTitle: problems().find((p) => p.id === a.problemId)?.title ?? "",
      nodeCount: nodes.length,
      rootCauseCount: nodes.filter((n) => n.rootCause).length,
      confirmedRootCauseCount: nodes.filter((n) => n.rootCause && n.status === "confirmed").length,
    };
  };
  const why = (id: string) => {
    void changed({ entity: "why", id, op: "update" });
  };

  return {
    analysis_list: (args) => {
      const problemId = args.problemId as string | null;
      return state.analyses.filter((a) => problemId === null || a.problemId === problemId).map(summary);
    },
    analysis_get: (args) => {
      const a = state.analyses.find((x) => x.id === args.id);
      if (a === undefined) return reject("not_found", "analysis", String(args.id));
      const p = problems().find((x) => x.id === a.problemId);
      const tree: AnalysisTree = {
        analysis: a,
        problem: {
          id: a.problemId,
          title: p?.title ?? "",
          description: p?.description ?? "",
          status: p?.status ?? "new",
        },
        nodes: depthFirst(a.id),
        checks: state.checks,
      };
      return tree;
    },
    analysis_create: (args) => {
      const input = args.input as NewAnalysis;
      const a = makeAnalysis(input.problemId, input.title.trim(), {
        facilitator: input.facilitator ?? "",
        participants: input.participants ?? [],
        summary: input.summary ?? "",
        ...(input.heldOn === undefined ? {} : { heldOn: input.heldOn }),
      });
      state.analyses = [a, ...state.analyses];
      void changed({ entity: "analysis", id: a.id, op: "create" });
      return a;
    },
    analysis_edit: (args) => {
      const a = state.analyses.find((x) => x.id === args.id);
      if (a === undefined) return reject("not_found", "analysis", String(args.id));
      const edit = args.edit as AnalysisEdit;
      Object.assign(a, { [edit.field]: edit.value, updatedAt: new Date().toISOString() });
      void changed({ entity: "analysis", id: a.id, op: "update" });
      return a;
    },
    analysis_delete: (args) => {
      state.analyses = state.analyses.filter((x) => x.id !== args.id);
      void changed({ entity: "analysis", id: String(args.id), op: "delete" });
      return null;
    },
    analysis_search: (args) => {
      const text = String(args.text).toLowerCase();
      return state.nodes
        .filter((n) => n.deleted !== true && n.text.toLowerCase().includes(text))
        .map((n) => {
          const a = state.analyses.find((x) => x.id === n.analysisId);
          return {
            analysisId: n.analysisId,
            analysisTitle: a?.title ?? "",
            problemTitle: a === undefined ? "" : summary(a).problemTitle,
            whyId: n.id,
            text: n.text,
            status: n.status,
            rootCause: n.rootCause,
          };
        });
    },
    why_add: (args) => {
      const analysisId = String(args.analysisId);
      const input = args.input as NewWhy;
      const parentId = input.parentId ?? null;
      const list = siblings(analysisId, parentId);
      const n = makeWhy(analysisId, input.text, {
        parentId,
        status: input.status ?? "hypothesis",
        category: input.category ?? null,
      });
      list.splice(Math.min(input.position ?? list.length, list.length), 0, n);
      state.nodes.push(n);
      renumber(list);
      void changed({ entity: "why", id: n.id, op: "create" });
      return strip(n);
    },
    why_edit: (args) => {
      const n = node(String(args.id));
      if (n === undefined) return reject("not_found", "why", String(args.id));
      const edit = args.edit as WhyEdit;
      Object.assign(n, { [edit.field]: edit.value });
      why(n.id);
      return strip(n);
    },
    why_move: (args) => {
      const n = node(String(args.id));
      if (n === undefined) return reject("not_found", "why", String(args.id));
      const parentId = (args.parentId as string | null) ?? null;
      for (let at = parentId; at !== null; at = node(at)?.parentId ?? null) {
        if (at === n.id) return reject("invalid_input", "parentId", "invalid");
      }
      const old = siblings(n.analysisId, n.parentId).filter((s) => s.id !== n.id);
      renumber(old);
      n.parentId = parentId;
      const list = siblings(n.analysisId, parentId).filter((s) => s.id !== n.id);
      list.splice(Math.min(Number(args.position), list.length), 0, n);
      renumber(list);
      why(n.id);
      return strip(n);
    },
    why_delete: (args) => {
      const n = node(String(args.id));
      if (n === undefined) return reject("not_found", "why", String(args.id));
      const drop = (id: string) => {
        for (const child of state.nodes.filter((c) => c.parentId === id && c.deleted !== true))
          drop(child.id);
        const target = state.nodes.find((c) => c.id === id);
        if (target !== undefined) target.deleted = true;
      };
      drop(n.id);
      renumber(siblings(n.analysisId, n.parentId));
      void changed({ entity: "why", id: n.id, op: "delete" });
      return null;
    },
    why_restore: (args) => {
      const restoreAll = (id: string) => {
        const target = state.nodes.find((c) => c.id === id);
        if (target !== undefined) target.deleted = false;
        for (const child of state.nodes.filter((c) => c.parentId === id)) restoreAll(child.id);
      };
      const n = state.nodes.find((c) => c.id === args.id);
      if (n === undefined) return reject("not_found", "why", String(args.id));
      restoreAll(n.id);
      const list = siblings(n.analysisId, n.parentId).filter((s) => s.id !== n.id);
      list.splice(Math.min(n.position, list.length), 0, n);
      renumber(list);
      void changed({ entity: "why", id: n.id, op: "restore" });
      return strip(n);
    },
    evidence_add: (args) => {
      const n = node(String(args.whyId));
      if (n === undefined) return reject("not_found", "why", String(args.whyId));
      const input = args.input as NewEvidence;
      const e: Evidence = {
        id: mockId("ccc"),
        note: input.note.trim(),
        reference: input.reference.trim(),
        author: "Mock user",
        createdAt: new Date().toISOString(),
      };
      n.evidence = [...n.evidence, e];
      why(n.id);
      return e;
    },
    evidence_edit: (args) => {
      const n = state.nodes.find((c) => c.evidence.some((e) => e.id === args.id));
      if (n === undefined) return reject("not_found", "evidence", String(args.id));
      const input = args.input as NewEvidence;
      n.evidence = n.evidence.map((e) =>
        e.id === args.id ? { ...e, note: input.note.trim(), reference: input.reference.trim() } : e,
      );
      why(n.id);
      return n.evidence.find((e) => e.id === args.id);
    },
    evidence_remove: (args) => {
      const n = state.nodes.find((c) => c.evidence.some((e) => e.id === args.id));
      if (n === undefined) return reject("not_found", "evidence", String(args.id));
      n.evidence = n.evidence.filter((e) => e.id !== args.id);
      why(n.id);
      return strip(n);
    },
    export_save: (args) => {
      state.exports[String(args.name)] = String(args.contents);
      return `/tmp/exports/${String(args.name)}`;
    },
  };
}
