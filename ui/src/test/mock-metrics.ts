/**
 * The CX metrics commands of the mock backend (component tests only):
 * answers and periods kept in memory and checked by the core's rules, the
 * dashboard and a problem's before/after as the test sets them (the figures
 * themselves are worked out and tested in the core), and the survey import's
 * steps.
 */
import type { ChangeEvent } from "../bindings/ChangeEvent";
import type { Dashboard } from "../bindings/Dashboard";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { Figure } from "../bindings/Figure";
import type { FixEffect } from "../bindings/FixEffect";
import type { ImportCheck } from "../bindings/ImportCheck";
import type { Measure } from "../bindings/Measure";
import type { PeriodFigures } from "../bindings/PeriodFigures";
import type { PeriodInput } from "../bindings/PeriodInput";
import type { ResponseImport } from "../bindings/ResponseImport";
import type { ResponseInput } from "../bindings/ResponseInput";
import type { SurveyResponse } from "../bindings/SurveyResponse";
import type { TouchpointRef } from "../bindings/TouchpointRef";
import { LIMITS } from "../bindings/rules";
import type { PickedSurveyFile } from "../api/metrics";
import type { MockHandlers } from "./mock-handlers";

/** The metrics part of the mock's state. */
export interface MockMetricsState {
  responses: SurveyResponse[];
  periods: PeriodFigures[];
  /** What `metrics_dashboard` answers; null works out NPS and CSAT from `responses` (no intervals). */
  dashboard: Dashboard | null;
  fixEffects: FixEffect[];
  /** The file the import dialog "picks" (null: the user cancelled). */
  importFile: PickedSurveyFile | null;
  importCheck: ImportCheck | null;
  importOutcome: ResponseImport | null;
  /** The journey touchpoints a filter or an answer can name. */
  touchpoints: TouchpointRef[];
}

export function defaultMetricsState(): MockMetricsState {
  return {
    responses: [],
    periods: [],
    dashboard: null,
    fixEffects: [],
    importFile: null,
    importCheck: null,
    importOutcome: null,
    touchpoints: [],
  };
}

/** A figure with no interval, thin under the core's threshold. */
export function plainFigure(value: number | null, n: number): Figure {
  return { value, low: null, high: null, n, thin: n < LIMITS.metrics.thinBelow };
}

/** A dashboard with nothing in it. */
export function emptyDashboard(): Dashboard {
  return {
    figures: (["nps", "csat", "ces5", "ces7"] as Measure[]).map((measure) => ({
      measure,
      figure: plainFigure(null, 0),
    })),
    ttr: { medianHours: null, p90Hours: null, n: 0, thin: true },
    trend: [],
    hurts: [],
    retention: [],
  };
}

function workedOut(responses: readonly SurveyResponse[]): Dashboard {
  const out = emptyDashboard();
  const nps = responses.filter((r) => r.kind === "nps");
  const csat = responses.filter((r) => r.kind === "csat");
  const share = (list: readonly SurveyResponse[], test: (s: number) => boolean) =>
    (100 * list.filter((r) => test(r.score)).length) / list.length;
  out.figures = out.figures.map((f) => {
    if (f.measure === "nps" && nps.length > 0)
      return { ...f, figure: plainFigure(share(nps, (s) => s >= 9) - share(nps, (s) => s <= 6), nps.length) };
    if (f.measure === "csat" && csat.length > 0)
      return {
        ...f,
        figure: plainFigure(
          share(csat, (s) => s >= 4),
          csat.length,
        ),
      };
    return f;
  });
  return out;
}

type Reject = (payload: ErrorPayload) => Promise<never>;

function invalid(reject: Reject, fields: { field: string; rule: string; limit: number | null }[]) {
  const first = fields[0];
  return reject({
    code: "invalid_input",
    message: "invalid input",
    details: {
      field: first?.field,
      rule: first?.rule,
      limit: first?.limit ?? undefined,
      fields,
    } as ErrorPayload["details"],
  });
}

export function metricsHandlers(
  state: MockMetricsState,
  changed: (event: ChangeEvent) => Promise<void>,
  reject: Reject,
  dialogPath: () => string | null,
): MockHandlers {
  let next = 0;
  const today = () => new Date().toISOString().slice(0, 10);
  const checkResponse = (input: ResponseInput) => {
    const high = input.kind === "nps" ? 10 : input.kind === "csat" ? 5 : (input.cesScale ?? 5);
    const low = input.kind === "nps" ? 0 : 1;
    const fields: { field: string; rule: string; limit: number | null }[] = [];
    if (input.score < low || input.score > high)
      fields.push({ field: "score", rule: "out_of_scale", limit: high });
    if (input.respondedOn > today()) fields.push({ field: "respondedOn", rule: "in_future", limit: null });
    return fields;
  };
  const stored = (id: string, input: ResponseInput): SurveyResponse => ({
    id,
    kind: input.kind,
    score: input.score,
    cesScale: input.cesScale ?? null,
    cesEasy: input.cesEasy ?? null,
    respondedOn: input.respondedOn,
    channel: input.channel ?? null,
    comment: input.comment ?? "",
    ticketRef: input.ticketRef ?? "",
    customer: input.customer ?? "",
    problemId: input.problemId ?? null,
    touchpointId: input.touchpointId ?? null,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  });
  const checkPeriod = (input: PeriodInput) => {
    const fields: { field: string; rule: string; limit: number | null }[] = [];
    if (input.periodEnd < input.periodStart)
      fields.push({ field: "periodEnd", rule: "before_start", limit: null });
    const most = input.customersStart + input.customersNew;
    if (input.customersEnd > most)
      fields.push({ field: "customersEnd", rule: "over_start_plus_new", limit: most });
    return fields;
  };
  const period = (id: string, input: PeriodInput): PeriodFigures => ({
    id,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    customersStart: input.customersStart,
    customersEnd: input.customersEnd,
    customersNew: input.customersNew,
    revenuePerCustomer: input.revenuePerCustomer ?? null,
    margin: input.margin ?? null,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  });
  const notFound = (entity: string, id: string) =>
    reject({ code: "not_found", message: `${entity} ${id}`, details: { entity, id } });

  return {
    metrics_dashboard: () => state.dashboard ?? workedOut(state.responses),
    metrics_fix_effects: () => state.fixEffects,
    response_recent: (args) =>
      state.responses
        .filter((r) => typeof args.problemId !== "string" || r.problemId === args.problemId)
        .slice(0, Number(args.limit)),
    response_add: async (args) => {
      const input = args.input as ResponseInput;
      const fields = checkResponse(input);
      if (fields.length > 0) return invalid(reject, fields);
      next += 1;
      const response = stored(`resp-${String(next)}`, input);
      state.responses = [response, ...state.responses];
      await changed({ entity: "survey_response", id: response.id, op: "create" });
      return response;
    },
    response_edit: async (args) => {
      const id = String(args.id);
      const input = args.input as ResponseInput;
      if (!state.responses.some((r) => r.id === id)) return notFound("survey_response", id);
      const fields = checkResponse(input);
      if (fields.length > 0) return invalid(reject, fields);
      const response = stored(id, input);
      state.responses = state.responses.map((r) => (r.id === id ? response : r));
      await changed({ entity: "survey_response", id, op: "update" });
      return response;
    },
    response_delete: async (args) => {
      const id = String(args.id);
      if (!state.responses.some((r) => r.id === id)) return notFound("survey_response", id);
      state.responses = state.responses.filter((r) => r.id !== id);
      await changed({ entity: "survey_response", id, op: "delete" });
      return null;
    },
    period_list: () => [...state.periods].sort((a, b) => b.periodStart.localeCompare(a.periodStart)),
    period_add: async (args) => {
      const input = args.input as PeriodInput;
      const fields = checkPeriod(input);
      if (fields.length > 0) return invalid(reject, fields);
      next += 1;
      const added = period(`period-${String(next)}`, input);
      state.periods = [added, ...state.periods];
      await changed({ entity: "period", id: added.id, op: "create" });
      return added;
    },
    period_edit: async (args) => {
      const id = String(args.id);
      const input = args.input as PeriodInput;
      if (!state.periods.some((p) => p.id === id)) return notFound("period", id);
      const fields = checkPeriod(input);
      if (fields.length > 0) return invalid(reject, fields);
      const edited = period(id, input);
      state.periods = state.periods.map((p) => (p.id === id ? edited : p));
      await changed({ entity: "period", id, op: "update" });
      return edited;
    },
    period_delete: async (args) => {
      const id = String(args.id);
      if (!state.periods.some((p) => p.id === id)) return notFound("period", id);
      state.periods = state.periods.filter((p) => p.id !== id);
      await changed({ entity: "period", id, op: "delete" });
      return null;
    },
    touchpoint_choices: () => state.touchpoints,
    survey_import_pick: () => state.importFile,
    survey_import_check: () =>
      state.importCheck ??
      reject({ code: "invalid_input", message: "no file", details: { field: "file", rule: "required" } }),
    survey_import_run: async (args) => {
      const outcome = state.importOutcome ?? {
        imported: 0,
        skipped: 0,
        cancelled: false,
        issues: [],
        issueCount: 0,
      };
      const shown = args.skipBadRows === true ? outcome : { ...outcome, skipped: 0 };
      if (shown.imported > 0) await changed({ entity: "survey_response", id: "", op: "create" });
      return shown;
    },
    survey_import_cancel: () => null,
    metrics_export_csv: (args) => {
      const path = dialogPath();
      return path === null ? null : `${path}/${String(args.name)}`;
    },
    occurrence_times: async (args) => {
      const openedAt = typeof args.openedAt === "string" ? args.openedAt : null;
      const resolvedAt = typeof args.resolvedAt === "string" ? args.resolvedAt : null;
      if (resolvedAt !== null && openedAt === null)
        return invalid(reject, [{ field: "openedAt", rule: "required", limit: null }]);
      if (openedAt !== null && resolvedAt !== null && resolvedAt < openedAt)
        return invalid(reject, [{ field: "resolvedAt", rule: "before_start", limit: null }]);
      await changed({ entity: "problem", id: "", op: "update" });
      return { id: String(args.id), openedAt: openedAt ?? undefined, resolvedAt: resolvedAt ?? undefined };
    },
  };
}
