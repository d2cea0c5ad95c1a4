import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { installMockBackend, makeProblem } from "../../../test/mock-backend";
import type { ProblemEffect } from "../../../bindings/ProblemEffect";
import { chartIn } from "../../../test/uplot-double";
import { renderApp } from "../../../test/render";
import { placeMarks, truncateTitle, weekIndexOf, weekMarks } from "./ActionEffectChart";

vi.mock("uplot", () => import("../../../test/uplot-double"));

/** Eight Mondays from 6 Jan 2025 with the given counts. */
function weeks(counts: number[]) {
  const start = Date.UTC(2025, 0, 6);
  return counts.map((count, i) => ({
    weekStart: new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10),
    count,
  }));
}

/** Text without the isolates around user text. */
const plain = (element: HTMLElement | undefined) =>
  (element?.textContent ?? "").replace(/[\u2068\u2069]/g, "");

const EFFECT: ProblemEffect = {
  weeks: weeks([4, 3, 4, 3, 1, 0, 1, 0]),
  actions: [
    {
      actionId: "a1",
      title: "Run refunds every day instead of once a week",
      kind: "corrective",
      status: "done",
      doneOn: "2025-02-05",
      beforePerWeek: 3.5,
      afterPerWeek: 0.5,
      weeksAfter: 4,
    },
    {
      actionId: "a2",
      title: "Tell the bank",
      kind: "preventive",
      status: "done",
      doneOn: "2025-02-26",
      beforePerWeek: 1,
      afterPerWeek: null,
      weeksAfter: 0,
    },
  ],
};

function setUp(language: "en" | "ar" = "en", effect: ProblemEffect = EFFECT) {
  const problem = makeProblem("Refunds late");
  installMockBackend({
    problems: [problem],
    settings: { language },
    handlers: { action_effect: () => effect },
  });
  return renderApp(`/problems/${problem.id}`);
}

describe("Before/after chart", () => {
  it("gives fixes done the same week one marker that counts them", async () => {
    const [first] = EFFECT.actions;
    if (first === undefined) throw new Error("no action");
    setUp("en", {
      ...EFFECT,
      actions: [first, { ...first, actionId: "a3", title: "Add a sent-form check", doneOn: "2025-02-06" }],
    });
    const chart = await screen.findByTestId("effect-chart");
    const markers = within(chart).getAllByTestId("effect-marker");
    expect(markers).toHaveLength(1);
    expect(markers[0]).toHaveTextContent("2 fixes");
    expect(screen.getAllByTestId("effect-sentence")).toHaveLength(2);
  });

  it("draws a bar per week and a marker at each action's week, and says the same in words", async () => {
    setUp();
    const chart = await screen.findByTestId("effect-chart");
    expect(chart).toHaveAttribute("role", "img");
    const { options, data } = await waitFor(() => chartIn(chart));
    expect(data[1]).toEqual([4, 3, 4, 3, 1, 0, 1, 0]);
    // Time runs left to right in English: each week further along.
    expect(options.scales?.x?.dir).toBe(1);
    const markers = within(chart).getAllByTestId("effect-marker");
    expect(markers.map((m) => m.getAttribute("data-week"))).toEqual(["4", "7"]);
    // Each marker stands at its week's middle, from the line's start (the right in Arabic).
    expect(markers.map((m) => m.style.insetInlineStart)).toEqual(["56.25%", "93.75%"]);
    // Long titles are cut beside the marker.
    expect(markers[0]).toHaveTextContent("Run refunds every day i…");
    expect(chart.getAttribute("aria-label")).toContain("Reports per week over 8 weeks");
    expect(chart.getAttribute("aria-label")).toContain(
      "“\u2068Run refunds every day instead of once a week\u2069” was done on Feb 5.",
    );

    const sentences = screen.getAllByTestId("effect-sentence").map(plain);
    expect(sentences[0]).toContain(
      "Before “Run refunds every day instead of once a week”: 3.5 reports a week; since: 0.5 a week (over 4 weeks)",
    );
    expect(sentences[1]).toContain("Before “Tell the bank”: 1 report a week; since: not measured yet");
  });

  it("runs right to left in Arabic, in Arabic words", async () => {
    setUp("ar");
    await waitFor(() => {
      expect(document.documentElement).toHaveAttribute("dir", "rtl");
    });
    const chart = await screen.findByTestId("effect-chart");
    await waitFor(() => {
      expect(chart).toHaveAttribute("data-direction", "rtl");
    });
    // The oldest week is at the right: uPlot's x scale runs right to left.
    await waitFor(() => {
      expect(chartIn(chart).options.scales?.x?.dir).toBe(-1);
    });
    expect(chartIn(chart).data[1]).toEqual([4, 3, 4, 3, 1, 0, 1, 0]);
    expect(within(chart).getAllByTestId("effect-marker")).toHaveLength(2);
    await waitFor(() => {
      expect(plain(screen.getAllByTestId("effect-sentence")[0])).toContain(
        "معدّل البلاغات قبل «Run refunds every day instead of once a week»: 3.5 في الأسبوع؛ وبعده: 0.5 في الأسبوع (على مدى 4 أسابيع)",
      );
    });
    expect(screen.getAllByTestId("effect-sentence")[1]).toHaveTextContent("وبعده: لم يُقَس بعد");
  });

  it("finds the week of a day and cuts long titles", () => {
    const w = weeks([1, 2, 3]);
    expect(weekIndexOf(w, "2025-01-06")).toBe(0);
    expect(weekIndexOf(w, "2025-01-19")).toBe(1);
    expect(weekIndexOf(w, "2025-01-26")).toBe(2);
    expect(weekIndexOf(w, "2025-01-27")).toBe(-1);
    expect(weekIndexOf(w, "2024-12-31")).toBe(-1);
    expect(truncateTitle("short")).toBe("short");
    expect(Array.from(truncateTitle("x".repeat(40)))).toHaveLength(24);
  });

  it("gives each week with fixes one marker, oldest first, and stacks labels so none overlap", () => {
    const w = weeks([1, 1, 1, 1, 1, 1, 1, 1]);
    const [a] = EFFECT.actions;
    if (a === undefined) throw new Error("no action");
    const actions = [
      { ...a, title: "Late", doneOn: "2025-02-26" },
      { ...a, title: "First", doneOn: "2025-01-07" },
      { ...a, title: "Same week", doneOn: "2025-01-10" },
      { ...a, title: "Outside", doneOn: "2026-01-01" },
    ];
    expect(weekMarks(w, actions)).toEqual([
      { index: 0, titles: ["First", "Same week"] },
      { index: 7, titles: ["Late"] },
    ]);

    // Neighbouring weeks with long labels: each next one needs a new row
    // until the first row is clear again.
    const long = "x".repeat(24);
    const placed = placeMarks(
      [0, 1, 2, 6].map((index) => ({ index, text: long })),
      8,
      480,
    );
    expect(placed.map((p) => p.row)).toEqual([0, 1, 2, 0]);
    // Near the end of the line a label runs back from its marker.
    expect(placed.map((p) => p.back)).toEqual([false, false, false, true]);
    const span = (p: (typeof placed)[number]) =>
      p.back ? [p.at * 480 - p.width, p.at * 480] : [p.at * 480, p.at * 480 + p.width];
    for (const p of placed)
      for (const q of placed)
        if (p !== q && p.row === q.row) {
          const [ps = 0, pe = 0] = span(p);
          const [qs = 0, qe = 0] = span(q);
          expect(pe <= qs || qe <= ps).toBe(true);
        }
  });
});
