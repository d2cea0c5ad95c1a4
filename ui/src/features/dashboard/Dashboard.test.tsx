import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Dashboard } from "../../bindings/Dashboard";
import type { ImportCheck } from "../../bindings/ImportCheck";
import { localToday } from "../../kit/fields";
import { addDays } from "../../kit/fields/dates";
import { installMockBackend, makeProblem, rejectWith } from "../../test/mock-backend";
import { emptyDashboard } from "../../test/mock-metrics";
import { renderApp } from "../../test/render";
import { chartIn } from "../../test/uplot-double";
import { finishMapping, guessMapping } from "./ImportWizard";
import { checkPeriod } from "./CustomersScreen";
import { queryOf, readFilters, writeFilters } from "./range";
import { checkScore } from "./ResponseForm";

vi.mock("uplot", () => import("../../test/uplot-double"));

const hurting = makeProblem("Refund takes three weeks");

function dashboard(): Dashboard {
  const base = emptyDashboard();
  return {
    ...base,
    figures: [
      { measure: "nps", figure: { value: 35, low: 24.5, high: 44.8, n: 200, thin: false } },
      { measure: "csat", figure: { value: 75, low: 69.2, high: 80, n: 12, thin: true } },
      { measure: "ces5", figure: { value: null, low: null, high: null, n: 0, thin: true } },
      { measure: "ces7", figure: { value: 6, low: 5.1, high: 6.9, n: 40, thin: false } },
    ],
    ttr: { medianHours: 4, p90Hours: 26, n: 50, thin: false },
    trend: [
      {
        start: "2026-11-02",
        figures: [{ measure: "nps", figure: { value: 20, low: 10, high: 30, n: 40, thin: false } }],
        ttr: { medianHours: null, p90Hours: null, n: 0, thin: true },
      },
      {
        start: "2026-11-09",
        figures: [{ measure: "nps", figure: { value: 40, low: 5, high: 60, n: 8, thin: true } }],
        ttr: { medianHours: 3, p90Hours: 9, n: 5, thin: true },
      },
    ],
    hurts: [
      {
        measure: "nps",
        problems: [
          {
            problemId: hurting.id,
            title: hurting.title,
            negative: 17,
            figure: { value: -40, low: -60, high: -15, n: 25, thin: true },
          },
        ],
      },
    ],
    retention: [
      {
        period: {
          id: "per-1",
          periodStart: "2026-10-01",
          periodEnd: "2026-10-31",
          customersStart: 1000,
          customersEnd: 1050,
          customersNew: 150,
          revenuePerCustomer: 1200,
          margin: 0.25,
          createdAt: "2026-11-01T00:00:00Z",
          updatedAt: "2026-11-01T00:00:00Z",
        },
        retention: { value: 90, low: 88, high: 91.7, n: 1000, thin: false },
        churn: { value: 10, low: 8.3, high: 12, n: 1000, thin: false },
        lifetimeValue: 3000,
      },
    ],
  };
}

describe("the dashboard", () => {
  it("shows each figure with its interval and count, marks thin ones, and links the hurting problems", async () => {
    installMockBackend({ problems: [hurting], metrics: { dashboard: dashboard() } });
    renderApp("/dashboard");
    const nps = await screen.findByTestId("figure-nps");
    expect(within(nps).getByTestId("figure-nps-value-value")).toHaveTextContent("+35");
    expect(
      within(nps)
        .getByTestId("figure-nps-value-interval")
        .textContent.replace(/[\u202a-\u202e\u2066-\u2069]/g, ""),
    ).toBe("95% interval +25 to +45");
    expect(nps).toHaveTextContent("200 answers");
    expect(within(nps).queryByText("Few answers")).toBeNull();
    const csat = screen.getByTestId("figure-csat");
    expect(csat).toHaveTextContent("75%");
    expect(within(csat).getByTestId("figure-csat-value-thin")).toHaveTextContent("Few answers");
    // CES on a 7-point scale has answers; the empty 5-point figure is left out.
    expect(screen.getByTestId("figure-ces7")).toHaveTextContent("6.0");
    expect(screen.queryByTestId("figure-ces5")).toBeNull();
    expect(screen.getByTestId("figure-ttr")).toHaveTextContent("4.0 h");
    expect(screen.getByTestId("figure-ttr")).toHaveTextContent("90% within 26 h");

    const link = within(screen.getByTestId("hurts-nps")).getByRole("link", {
      name: /Refund takes three weeks/,
    });
    expect(link).toHaveAttribute("href", `#/problems/${hurting.id}`);
    expect(screen.getByTestId("hurts-nps")).toHaveTextContent("17 negative answers");
    expect(within(screen.getByTestId("retention-table")).getByTestId("retention-clv")).toHaveTextContent(
      "3,000",
    );
    expect(screen.getByTestId("retention-crr")).toHaveTextContent("90%");
  });

  it("draws the trend with its band, hollow thin buckets, right to left in Arabic", async () => {
    installMockBackend({ metrics: { dashboard: dashboard() }, settings: { language: "ar" } });
    renderApp("/dashboard");
    const plot = await screen.findByTestId("trend-plot");
    const drawn = await waitFor(() => chartIn(plot));
    expect(drawn.options.scales?.x?.dir).toBe(-1);
    // Signed figures are embedded left to right, without Intl's direction marks.
    expect(screen.getByTestId("figure-nps-value-value").textContent).toBe("\u202a+35\u202c");
    expect(drawn.data[3]).toEqual([20, 40]);
    expect(drawn.data[1]).toEqual([10, 5]);
    expect(drawn.options.bands?.[0]?.series).toEqual([2, 1]);
    expect(screen.getByTestId("trend-table")).toHaveTextContent("+20");
  });

  it("sends the filters to the core and refuses a reversed custom range", async () => {
    const backend = installMockBackend({ metrics: { dashboard: dashboard() } });
    const { user } = renderApp("/dashboard");
    await screen.findByTestId("figure-nps");
    await user.selectOptions(screen.getByTestId("dashboard-channel"), "email");
    await waitFor(() => {
      expect(backend.callsTo("metrics_dashboard").at(-1)?.query).toMatchObject({
        channel: "email",
        granularity: "week",
      });
    });
    await user.selectOptions(screen.getByTestId("dashboard-granularity"), "month");
    await waitFor(() => {
      expect(backend.callsTo("metrics_dashboard").at(-1)?.query).toMatchObject({ granularity: "month" });
    });
    expect(window.location.hash).toContain("channel=email");
    expect(window.location.hash).toContain("by=month");
  });

  it("filters by journey touchpoint and by customer segment", async () => {
    const backend = installMockBackend({
      problems: [makeProblem("Card declined at checkout", undefined, { segment: "Enterprise" })],
      metrics: {
        dashboard: dashboard(),
        touchpoints: [
          {
            id: "tp-1",
            name: "Tracking page",
            stageName: "Delivery",
            mapId: "map-1",
            mapName: "Online order",
          },
          { id: "tp-2", name: "صفحة الدفع", stageName: "الشراء", mapId: "map-2", mapName: "رحلة المتجر" },
        ],
      },
    });
    const { user } = renderApp("/dashboard");
    await screen.findByTestId("figure-nps");
    const touchpoint = screen.getByTestId("dashboard-touchpoint");
    await waitFor(() => {
      expect(within(touchpoint).getAllByRole("option")).toHaveLength(3);
    });
    expect(within(touchpoint).getByRole("group", { name: "Online order" })).toBeInTheDocument();
    await user.selectOptions(touchpoint, "tp-2");
    await waitFor(() => {
      expect(backend.callsTo("metrics_dashboard").at(-1)?.query).toMatchObject({ touchpointId: "tp-2" });
    });
    await user.selectOptions(screen.getByTestId("dashboard-segment"), "Enterprise");
    await waitFor(() => {
      expect(backend.callsTo("metrics_dashboard").at(-1)?.query).toMatchObject({
        touchpointId: "tp-2",
        segment: "Enterprise",
      });
    });
    expect(window.location.hash).toContain("touchpoint=tp-2");
    expect(window.location.hash).toContain("segment=Enterprise");
  });

  it("says there are no touchpoints to filter by before a journey map exists", async () => {
    installMockBackend({ metrics: { dashboard: dashboard() } });
    renderApp("/dashboard");
    const touchpoint = await screen.findByTestId("dashboard-touchpoint");
    await waitFor(() => {
      expect(touchpoint).toBeDisabled();
    });
    expect(touchpoint).toHaveTextContent("No journey maps yet");
  });

  it("exports the figures as CSV in the reader's words", async () => {
    const backend = installMockBackend({
      metrics: { dashboard: dashboard() },
      dialogPath: "/tmp",
      settings: { language: "ar" },
    });
    const { user } = renderApp("/dashboard");
    await screen.findByTestId("figure-nps");
    await user.click(screen.getByTestId("dashboard-export-csv"));
    await screen.findByTestId("dashboard-export-saved");
    const call = backend.callsTo("metrics_export_csv")[0];
    expect(call?.words).toMatchObject({ columns: { measure: "المؤشر" }, thinYes: "نعم" });
    expect(String(call?.name)).toMatch(/\.csv$/);
  });

  it("explains every formula with a worked example", async () => {
    installMockBackend({ metrics: { dashboard: dashboard() } });
    renderApp("/dashboard");
    const help = await screen.findByTestId("dashboard-help");
    expect(within(help).getByTestId("help-nps")).toHaveTextContent("55 − 20 = 35");
    expect(within(help).getByTestId("help-clv")).toHaveTextContent("3,000");
  });
});

describe("survey answers", () => {
  it("refuses an NPS of 11 in the form and sends nothing", async () => {
    const backend = installMockBackend();
    const { user } = renderApp("/dashboard/answers");
    await user.type(await screen.findByTestId("response-score"), "11");
    await user.click(screen.getByTestId("response-submit"));
    expect(await screen.findByTestId("response-score-error")).toHaveTextContent("Enter a score from 0 to 10");
    expect(backend.callsTo("response_add")).toEqual([]);
  });

  it("adds an answer with Arabic digits and lists it, then deletes it", async () => {
    const backend = installMockBackend();
    const { user } = renderApp("/dashboard/answers");
    await user.selectOptions(await screen.findByTestId("response-kind"), "csat");
    await user.type(screen.getByTestId("response-score"), "٤");
    await user.type(screen.getByTestId("response-customer"), "سارة");
    await user.click(screen.getByTestId("response-submit"));
    const row = await screen.findByTestId("recent-answer");
    expect(row).toHaveTextContent("4 of 5");
    expect(row).toHaveTextContent("سارة");
    expect(backend.callsTo("response_add")[0]?.input).toMatchObject({
      kind: "csat",
      score: 4,
      customer: "سارة",
    });
    await user.click(within(row).getByTestId("recent-answer-delete"));
    await waitFor(() => {
      expect(screen.queryByTestId("recent-answer")).toBeNull();
    });
  });

  it("asks for a CES scale and shows the core's refusal beside the field", async () => {
    installMockBackend({
      handlers: {
        response_add: () =>
          rejectWith({
            code: "invalid_input",
            details: {
              field: "respondedOn",
              rule: "in_future",
              fields: [{ field: "respondedOn", rule: "in_future", limit: null }],
            },
          }),
      },
    });
    const { user } = renderApp("/dashboard/answers");
    await user.selectOptions(await screen.findByTestId("response-kind"), "ces");
    expect(screen.getByTestId("response-ces-scale")).toHaveValue("7");
    await user.type(screen.getByTestId("response-score"), "8");
    await user.click(screen.getByTestId("response-submit"));
    expect(await screen.findByTestId("response-score-error")).toHaveTextContent("from 1 to 7");
    await user.clear(screen.getByTestId("response-score"));
    await user.type(screen.getByTestId("response-score"), "6");
    await user.click(screen.getByTestId("response-submit"));
    expect(await screen.findByTestId("response-date-error")).toHaveTextContent("can't be in the future");
  });
});

const CHECK: ImportCheck = {
  headers: ["التاريخ", "الدرجة", "القناة"],
  rows: 3,
  good: 2,
  preview: [
    { row: 2, response: { kind: "nps", score: 9, respondedOn: "2026-11-03", channel: "email" } },
    { row: 3, response: null },
    { row: 4, response: { kind: "nps", score: 3, respondedOn: "2026-11-04" } },
  ],
  issues: [{ row: 3, column: "الدرجة", rule: "out_of_scale", limit: 10, value: "11" }],
  issueCount: 1,
};

describe("the survey import", () => {
  it("guesses the mapping from Arabic headers, lists bad rows by row and column, and imports the good ones", async () => {
    const backend = installMockBackend({
      metrics: {
        importFile: { name: "survey.csv", headers: CHECK.headers },
        importCheck: CHECK,
        importOutcome: { imported: 2, skipped: 1, cancelled: false, issues: CHECK.issues, issueCount: 1 },
      },
    });
    const { user } = renderApp("/dashboard/answers");
    await user.click(await screen.findByTestId("open-survey-import"));
    await user.click(screen.getByTestId("import-pick"));
    expect(await screen.findByTestId("import-map-score")).toHaveValue("1");
    expect(screen.getByTestId("import-map-respondedOn")).toHaveValue("0");
    expect(screen.getByTestId("import-map-channel")).toHaveValue("2");
    await user.click(screen.getByTestId("import-check"));
    expect(backend.callsTo("survey_import_check")[0]?.mapping).toEqual({
      score: 1,
      respondedOn: 0,
      channel: 2,
      fixedKind: "nps",
    });
    const issue = await screen.findByTestId("import-issue");
    expect(issue).toHaveTextContent(/^Row 3, \u2068الدرجة\u2069: Enter a score from 0 to 10/);
    expect(issue).toHaveTextContent("11");
    expect(screen.getAllByTestId("preview-row")).toHaveLength(2);
    expect(screen.getByTestId("preview-row-bad")).toHaveTextContent("Not imported");
    expect(screen.queryByTestId("import-all")).toBeNull();
    await user.click(screen.getByTestId("import-good"));
    expect(await screen.findByTestId("import-outcome")).toHaveTextContent(
      "2 answers imported. 1 bad row left out.",
    );
    expect(backend.callsTo("survey_import_run")[0]?.skipBadRows).toBe(true);
  });

  it("will not check until the score and date columns are chosen", async () => {
    installMockBackend({ metrics: { importFile: { name: "x.csv", headers: ["a", "b"] } } });
    const { user } = renderApp("/dashboard/answers");
    await user.click(await screen.findByTestId("open-survey-import"));
    await user.click(screen.getByTestId("import-pick"));
    expect(await screen.findByTestId("import-map-score-missing")).toHaveTextContent("required");
    expect(screen.getByTestId("import-check")).toBeDisabled();
  });
});

describe("customer periods", () => {
  it("refuses more customers at the end than at the start plus the new ones, then adds the period", async () => {
    const backend = installMockBackend();
    const { user } = renderApp("/dashboard/customers");
    await user.type(await screen.findByTestId("period-customersStart"), "1000");
    await user.type(screen.getByTestId("period-customersNew"), "150");
    await user.type(screen.getByTestId("period-customersEnd"), "1200");
    await user.click(screen.getByTestId("period-submit"));
    expect(await screen.findByTestId("period-customersEnd-error")).toHaveTextContent("(1150)");
    expect(backend.callsTo("period_add")).toEqual([]);
    await user.clear(screen.getByTestId("period-customersEnd"));
    await user.type(screen.getByTestId("period-customersEnd"), "1050");
    await user.type(screen.getByTestId("period-margin"), "25");
    await user.click(screen.getByTestId("period-submit"));
    await screen.findByTestId("period-row");
    expect(backend.callsTo("period_add")[0]?.input).toMatchObject({ customersEnd: 1050, margin: 0.25 });
  });
});

describe("a problem's measures", () => {
  it("shows each measure before and after a fix with a plain verdict", async () => {
    const problem = makeProblem("Checkout fails on retry");
    installMockBackend({
      problems: [problem],
      metrics: {
        dashboard: {
          ...emptyDashboard(),
          figures: [{ measure: "nps", figure: { value: -10, low: -30, high: 12, n: 45, thin: false } }],
        },
        fixEffects: [
          {
            actionId: "act-1",
            title: "Retry the payment once",
            doneOn: "2026-10-01",
            measures: [
              {
                measure: "nps",
                before: { value: -30, low: -45, high: -12, n: 60, thin: false },
                after: { value: 20, low: 4, high: 35, n: 55, thin: false },
                difference: { value: 50, low: 27, high: 71, n: 115, thin: false },
                verdict: "improved",
              },
            ],
            ttrBefore: { medianHours: 30, p90Hours: 70, n: 40, thin: false },
            ttrAfter: { medianHours: 6, p90Hours: 20, n: 35, thin: false },
          },
        ],
      },
    });
    renderApp(`/problems/${problem.id}`);
    const section = await screen.findByTestId("problem-measures");
    const fix = await within(section).findByTestId("fix-effect");
    expect(fix).toHaveTextContent("Retry the payment once");
    expect(within(fix).getByTestId("fix-verdict")).toHaveTextContent("Improved");
    expect(within(fix).getByTestId("fix-nps-before-value")).toHaveTextContent("-30");
    expect(within(fix).getByTestId("fix-ttr")).toHaveTextContent("6.0 h");
    expect(within(section).getByTestId("problem-figure-nps")).toHaveTextContent("-10");
  });
});

describe("rules and helpers", () => {
  it("checks scores on each question's scale", () => {
    expect(checkScore("nps", 7, "11")).toEqual({ field: "score", rule: "out_of_scale", limit: 10 });
    expect(checkScore("csat", 7, "0")).toEqual({ field: "score", rule: "out_of_scale", limit: 5 });
    expect(checkScore("ces", 5, "6")).toEqual({ field: "score", rule: "out_of_scale", limit: 5 });
    expect(checkScore("ces", 7, "٦")).toBeNull();
    expect(checkScore("nps", 7, "")).toMatchObject({ rule: "required" });
  });

  it("guesses a mapping from English headers and adds the CES scale only where CES may come", () => {
    const mapping = guessMapping([
      "Survey type",
      "Score",
      "Submitted at",
      "Comment",
      "Ticket ID",
      "Customer email",
    ]);
    expect(mapping).toEqual({ kind: 0, score: 1, respondedOn: 2, comment: 3, ticketRef: 4, customer: 5 });
    expect(finishMapping(mapping, 5, "low")).toMatchObject({ cesScale: 5, cesEasy: "low" });
    expect(finishMapping({ score: 0, respondedOn: 1, fixedKind: "nps" }, 5, "low")).toEqual({
      score: 0,
      respondedOn: 1,
      fixedKind: "nps",
    });
  });

  it("keeps the filters in the address and refuses ranges the core would", () => {
    const today = localToday();
    const filters = readFilters(
      new URLSearchParams("period=custom&from=2026-05-01&to=2026-04-01&channel=chat"),
      today,
    );
    expect(queryOf(filters, today)).toBeNull();
    expect(writeFilters(filters).get("channel")).toBe("chat");
    const last30 = queryOf(readFilters(new URLSearchParams("period=30d"), today), today);
    expect(last30).toEqual({ from: addDays(today, -29), to: today, granularity: "week" });
  });

  it("checks a period as the core does", () => {
    const draft = {
      periodStart: "2026-01-01",
      periodEnd: "2025-12-01",
      customersStart: "10",
      customersEnd: "5",
      customersNew: "x",
      revenuePerCustomer: "-1",
      margin: "120",
    };
    const { issues, input } = checkPeriod(draft, "2026-12-07");
    expect(input).toBeNull();
    const rules = issues.filter((i) => i !== null).map((i) => `${i.field}:${i.rule}`);
    expect(rules).toEqual([
      "periodEnd:before_start",
      "customersNew:invalid",
      "revenuePerCustomer:out_of_range",
      "margin:out_of_range",
    ]);
  });
});
