import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { makeAnalysis, makeWhy } from "../../test/mock-analysis";
import { installMockBackend, makeProblem, rejectWith } from "../../test/mock-backend";
import { renderApp } from "../../test/render";

const refunds = makeProblem("Refunds never reach the card");
const otp = makeProblem("لا يصل رمز التحقق");

function workspace() {
  const first = makeAnalysis(refunds.id, "Why refunds stall", { heldOn: "2025-03-10", status: "in_review" });
  const second = makeAnalysis(otp.id, "لماذا لا يصل الرمز؟", { heldOn: "2025-02-01", status: "concluded" });
  const a = makeWhy(first.id, "The bank batch runs once a day", { status: "confirmed" });
  const b = makeWhy(first.id, "Nobody owns the batch schedule", {
    parentId: a.id,
    rootCause: true,
    status: "confirmed",
  });
  const c = makeWhy(second.id, "مزوّد الرسائل يحجب الأرقام الجديدة");
  const backend = installMockBackend({
    problems: [refunds, otp],
    analysis: { analyses: [first, second], nodes: [a, b, c] },
  });
  return { backend, first, second, a, b, c };
}

describe("Analyses section", () => {
  it("lists every analysis with its problem, status, date and counts, each linking to it", async () => {
    const { first, second } = workspace();
    renderApp("/analyses");
    const rows = await screen.findAllByTestId("analysis-row");
    expect(rows).toHaveLength(2);
    const [one, two] = rows as [HTMLElement, HTMLElement];
    expect(one).toHaveTextContent("Why refunds stall");
    expect(one).toHaveTextContent("Problem: \u2068Refunds never reach the card\u2069");
    expect(one).toHaveTextContent("In review");
    expect(within(one).getByTestId("analysis-row-date")).toHaveTextContent("Held Mar 10, 2025");
    expect(within(one).getByTestId("analysis-row-date")).toHaveAttribute("dateTime", "2025-03-10");
    expect(within(one).getByTestId("analysis-row-counts")).toHaveTextContent("2 causes, 1 root cause");
    expect(within(one).getByRole("link")).toHaveAttribute("href", `#/analyses/${first.id}`);
    expect(two).toHaveTextContent("لماذا لا يصل الرمز؟");
    expect(two).toHaveTextContent("Concluded");
    expect(within(two).getByTestId("analysis-row-counts")).toHaveTextContent("1 cause, 0 root causes");
    expect(within(two).getByRole("link")).toHaveAttribute("href", `#/analyses/${second.id}`);
  });

  it("finds causes by their text and opens the analysis on the cause", async () => {
    const { first, b } = workspace();
    const { user } = renderApp("/analyses");
    await user.type(await screen.findByTestId("cause-search"), "batch schedule");
    const hit = await screen.findByTestId("cause-hit");
    expect(screen.getByTestId("cause-search-count")).toHaveTextContent("1 cause found");
    expect(hit).toHaveTextContent("Nobody owns the batch schedule");
    expect(hit).toHaveTextContent("Root cause");
    expect(hit).toHaveTextContent("Confirmed");
    expect(hit).toHaveTextContent("\u2068Why refunds stall\u2069 · \u2068Refunds never reach the card\u2069");
    expect(window.location.hash).toBe("#/analyses?q=batch+schedule");

    await user.click(within(hit).getByRole("link"));
    await waitFor(() => {
      expect(window.location.hash).toBe(`#/analyses/${first.id}?node=${b.id}`);
    });
  });

  it("says when no cause matches, and shows a failed search as an alert", async () => {
    let fail = false;
    workspace();
    installMockBackend({
      problems: [refunds],
      analysis: { analyses: [makeAnalysis(refunds.id, "Only one")] },
      handlers: {
        analysis_search: () => (fail ? rejectWith({ code: "database", details: {} }) : []),
      },
    });
    const { user } = renderApp("/analyses");
    const search = await screen.findByTestId("cause-search");
    await user.type(search, "nothing");
    expect(await screen.findByTestId("cause-search-count")).toHaveTextContent(
      "No cause or evidence matches “\u2068nothing\u2069”.",
    );
    fail = true;
    await user.type(search, "x");
    expect(await screen.findByTestId("cause-search-error")).toHaveTextContent(/^The search failed: /);
  });

  it("explains that analyses start from a problem's page when there are none", async () => {
    installMockBackend({ problems: [refunds] });
    const { user } = renderApp("/analyses");
    const empty = await screen.findByTestId("analyses-empty");
    expect(empty).toHaveTextContent("An analysis always starts from a problem");
    expect(screen.queryByTestId("cause-search")).toBeNull();
    await user.click(within(empty).getByRole("link", { name: "Go to Problems" }));
    await waitFor(() => {
      expect(window.location.hash).toMatch(/^#\/problems/);
    });
  });

  it("reads in Arabic with Arabic plural forms", async () => {
    const { first } = workspace();
    installMockBackend({
      problems: [refunds, otp],
      settings: { language: "ar" },
      analysis: {
        analyses: [first],
        nodes: [
          makeWhy(first.id, "أ", { rootCause: true }),
          makeWhy(first.id, "ب", { position: 1, rootCause: true }),
          makeWhy(first.id, "ج", { position: 2 }),
        ],
      },
    });
    renderApp("/analyses");
    const row = await screen.findByTestId("analysis-row");
    await waitFor(() => {
      expect(document.documentElement).toHaveAttribute("dir", "rtl");
    });
    expect(within(row).getByTestId("analysis-row-counts")).toHaveTextContent("3 أسباب، سببان جذريان");
    expect(row).toHaveTextContent("قيد المراجعة");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("التحليلات");
    expect(screen.getByTestId("cause-search")).toHaveAccessibleName("ابحث في الأسباب والأدلة");
  });
});
