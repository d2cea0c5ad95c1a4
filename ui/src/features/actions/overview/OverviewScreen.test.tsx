import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { ChartSeries } from "../../../kit/charts/Chart";
import { localToday } from "../../../api/actions";
import { chartIn } from "../../../test/uplot-double";
import { installMockBackend, makeProblem } from "../../../test/mock-backend";
import { makeAction } from "../../../test/mock-actions";
import type { Overview } from "../../../bindings/Overview";
import { renderApp } from "../../../test/render";

vi.mock("uplot", () => import("../../../test/uplot-double"));

const problem = makeProblem("Checkout fails on retry");

/** What the overview's chart was given to draw: its bars by series, x direction, bar sides and week names. */
function drawnChart(chart: HTMLElement) {
  const { options, data } = chartIn(chart);
  const series: ChartSeries[] = options.series.slice(1);
  const xAxis = options.axes?.[0];
  const names = (xAxis?.values as (u: unknown, splits: number[]) => string[])(null, data[0] as number[]);
  return {
    planned: data[1] as number[],
    completed: data[2] as number[],
    labels: series.map((s) => s.label),
    direction: options.scales?.x?.dir,
    align: series.map((s) => s.bars?.align),
    yAxisSide: options.axes?.[1]?.side,
    names,
  };
}

/** Twelve Mondays from 2025-01-06, with planned and completed counts. */
function weeks(planned: number[], completed: number[]): Overview["weeks"] {
  const start = Date.UTC(2025, 0, 6);
  return planned.map((p, i) => ({
    weekStart: new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10),
    planned: p,
    completed: completed[i] ?? 0,
  }));
}

const OVERVIEW: Overview = {
  open: 7,
  overdue: 3,
  dueThisWeek: 2,
  awaitingCheck: 4,
  byOwner: [
    { owner: "Reem", open: 4, overdue: 2 },
    { owner: "", open: 3, overdue: 1 },
  ],
  weeks: weeks([1, 0, 2, 3, 0, 1, 4, 2, 0, 1, 2, 3], [0, 0, 1, 2, 0, 1, 3, 2, 0, 0, 1, 1]),
  checksDue: [
    {
      action: makeAction(problem.id, "Patch timeout", {
        problemTitle: problem.title,
        status: "done",
        owner: "Reem",
        checkDueOn: "2025-03-24",
        recurredOn: "2025-03-20",
      }),
      flags: { overdue: false, checkDue: true, recurred: true, noRootCause: false },
    },
  ],
};

function withOverview(overview: Overview, settings: { language?: "en" | "ar" } = {}) {
  return installMockBackend({ problems: [problem], settings, handlers: { action_overview: () => overview } });
}

describe("Actions overview", () => {
  it("shows the four figures, each a link to the table so filtered", async () => {
    withOverview(OVERVIEW);
    renderApp("/actions/overview");
    const open = await screen.findByTestId("overview-open");
    expect(open).toHaveTextContent("7");
    expect(open).toHaveTextContent("Open");
    expect(open).toHaveAttribute("href", "#/actions?status=open%2Cin_progress%2Cnot_effective");
    expect(screen.getByTestId("overview-overdue")).toHaveTextContent("3Overdue");
    expect(screen.getByTestId("overview-overdue")).toHaveAttribute("href", "#/actions?due=overdue");
    expect(screen.getByTestId("overview-due-week")).toHaveTextContent("2Due this week");
    expect(screen.getByTestId("overview-due-week")).toHaveAttribute("href", "#/actions?due=this_week");
    expect(screen.getByTestId("overview-awaiting")).toHaveTextContent("4Waiting for check");
    expect(screen.getByTestId("overview-awaiting")).toHaveAttribute("href", "#/actions?status=done");
    expect(screen.getByTestId("actions-tab-overview")).toHaveAttribute("aria-current", "page");
  });

  it("lists the work per owner, unassigned included, with links", async () => {
    withOverview(OVERVIEW);
    renderApp("/actions/overview");
    const rows = await screen.findAllByTestId("overview-owner");
    expect(rows.map((row) => Array.from(row.children).map((cell) => cell.textContent))).toEqual([
      ["Reem", "4", "2", ""],
      ["Unassigned", "3", "1", ""],
    ]);
    expect(within(rows[0] as HTMLElement).getByRole("link")).toHaveAttribute(
      "href",
      "#/actions?status=open%2Cin_progress%2Cnot_effective&owner=Reem",
    );
    expect(within(rows[1] as HTMLElement).getByRole("link")).toHaveAttribute(
      "href",
      "#/actions?status=open%2Cin_progress%2Cnot_effective&owner=",
    );
  });

  it("draws completed versus planned for twelve weeks, with a summary and the numbers for screen readers", async () => {
    withOverview(OVERVIEW);
    renderApp("/actions/overview");
    const chart = await screen.findByTestId("overview-chart");
    const plot = within(chart).getByRole("img");
    const drawn = await waitFor(() => drawnChart(plot));
    expect(drawn.labels).toEqual(["Planned", "Completed"]);
    expect(drawn.planned).toEqual([1, 0, 2, 3, 0, 1, 4, 2, 0, 1, 2, 3]);
    expect(drawn.completed).toHaveLength(12);
    // The tallest bar is the week with 4 planned; a zero has no height.
    expect(Math.max(...drawn.planned)).toBe(drawn.planned[6]);
    expect(drawn.planned[1]).toBe(0);
    // Oldest week first, left to right, planned before completed; counts on the left.
    expect(drawn.direction).toBe(1);
    expect(drawn.align).toEqual([-1, 1]);
    expect(drawn.yAxisSide).toBe(3);

    expect(plot).toHaveAccessibleName(
      "Completed versus planned over the last 12 weeks: 19 planned, 11 completed. This week: 3 planned, 1 completed.",
    );
    expect(drawn.names[0]).toBe("Jan 6");
    expect(drawn.names[11]).toBe("Mar 24");
    const table = within(chart).getByTestId("overview-chart-table");
    const body = within(table).getAllByRole("row").slice(1);
    expect(body).toHaveLength(12);
    expect(body[6]).toHaveTextContent("Feb 17, 202543");
  });

  it("lists the checks due with their flags, or says none are due", async () => {
    withOverview(OVERVIEW);
    const { unmount } = renderApp("/actions/overview");
    const checks = await screen.findByTestId("overview-checks");
    const [item] = within(checks).getAllByTestId("overview-check");
    expect(within(item as HTMLElement).getByRole("link", { name: "Patch timeout" })).toHaveAttribute(
      "href",
      `#/actions/${OVERVIEW.checksDue[0]?.action.id ?? ""}`,
    );
    expect(item).toHaveTextContent("Checkout fails on retry");
    expect(item).toHaveTextContent("Check on Mar 24, 2025");
    expect(item).toHaveTextContent("Reem");
    expect(within(item as HTMLElement).getByTestId("action-flag-checkDue")).toBeInTheDocument();
    expect(within(item as HTMLElement).getByTestId("action-flag-recurred")).toBeInTheDocument();
    unmount();

    withOverview({ ...OVERVIEW, checksDue: [], byOwner: [] });
    renderApp("/actions/overview");
    expect(await screen.findByTestId("overview-checks-empty")).toHaveTextContent(
      "No effectiveness checks are due in the coming week.",
    );
    expect(screen.getByTestId("overview-owners")).toHaveTextContent("Nobody has unfinished actions.");
  });

  it("counts from the backend's own actions", async () => {
    const today = localToday();
    installMockBackend({
      problems: [problem],
      actions: {
        actions: [
          makeAction(problem.id, "Late", { dueOn: "2020-01-01", owner: "Sam" }),
          makeAction(problem.id, "Today", { dueOn: today, status: "in_progress", owner: "Sam" }),
          makeAction(problem.id, "Waiting", { status: "done", doneOn: today, checkDueOn: today }),
        ],
      },
    });
    renderApp("/actions/overview");
    await waitFor(() => {
      expect(screen.getByTestId("overview-open")).toHaveTextContent("2Open");
    });
    expect(screen.getByTestId("overview-overdue")).toHaveTextContent("1Overdue");
    expect(screen.getByTestId("overview-due-week")).toHaveTextContent("1Due this week");
    expect(screen.getByTestId("overview-awaiting")).toHaveTextContent("1Waiting for check");
    expect(within(screen.getByTestId("overview-checks")).getAllByTestId("overview-check")).toHaveLength(1);
  });

  it("speaks Arabic and runs the weeks from right to left", async () => {
    withOverview(OVERVIEW, { language: "ar" });
    renderApp("/actions/overview");
    await waitFor(() => {
      expect(screen.getByTestId("overview-open")).toHaveTextContent("مفتوحة");
    });
    const chart = screen.getByTestId("overview-chart");
    // Time runs right to left (uPlot's mirrored x scale), planned still first
    // in time order (so to the right of completed), counts on the right.
    await waitFor(() => {
      expect(drawnChart(within(chart).getByRole("img")).direction).toBe(-1);
    });
    const drawn = drawnChart(within(chart).getByRole("img"));
    expect(drawn.align).toEqual([-1, 1]);
    expect(drawn.yAxisSide).toBe(1);
    expect(drawn.planned).toEqual([1, 0, 2, 3, 0, 1, 4, 2, 0, 1, 2, 3]);
    expect(within(chart).getByRole("img")).toHaveAccessibleName(
      "المنجز مقابل المخطط خلال آخر 12 أسبوعًا: المخطط 19، والمنجز 11. هذا الأسبوع: المخطط 3، والمنجز 1.",
    );
    expect(screen.getByTestId("overview-owners")).toHaveTextContent("بلا مسؤول");
    expect(screen.getByTestId("overview-checks")).toHaveTextContent("عمليات التحقق المستحقة");
  });
});
