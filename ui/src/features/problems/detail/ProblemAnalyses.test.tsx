import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { makeAnalysis } from "../../../test/mock-analysis";
import { installMockBackend, makeProblem, rejectWith } from "../../../test/mock-backend";
import { renderApp } from "../../../test/render";

describe("Problem page: analyses", () => {
  it("lists the problem's analyses, each linking to it", async () => {
    const problem = makeProblem("Refunds never reach the card");
    const other = makeProblem("Another problem");
    const mine = makeAnalysis(problem.id, "Why refunds stall", { heldOn: "2025-03-10", status: "concluded" });
    installMockBackend({
      problems: [problem, other],
      analysis: { analyses: [mine, makeAnalysis(other.id, "Not this one")] },
    });
    renderApp(`/problems/${problem.id}`);
    const [row] = await screen.findAllByTestId("problem-analysis", {}, { timeout: 5000 });
    expect(screen.getAllByTestId("problem-analysis")).toHaveLength(1);
    expect(within(row as HTMLElement).getByRole("link", { name: "Why refunds stall" })).toHaveAttribute(
      "href",
      `#/analyses/${mine.id}`,
    );
    expect(row).toHaveTextContent("Concluded");
    expect(row).toHaveTextContent("Mar 10, 2025");
  });

  it("starts an analysis with a prefilled title and opens it", async () => {
    const problem = makeProblem("Refunds never reach the card");
    const backend = installMockBackend({ problems: [problem] });
    const { user } = renderApp(`/problems/${problem.id}`);
    expect(await screen.findByTestId("problem-analyses-empty")).toBeInTheDocument();
    await user.click(screen.getByTestId("analysis-start-open"));
    const title = screen.getByTestId("analysis-start-title");
    expect(title).toHaveValue("Why: Refunds never reach the card");
    expect(title).toHaveFocus();
    await user.type(screen.getByTestId("analysis-start-facilitator"), "Rana");
    fireEvent.change(screen.getByTestId("analysis-start-heldOn"), { target: { value: "2025-03-01" } });
    await user.click(screen.getByTestId("analysis-start-submit"));
    await waitFor(() => {
      expect(backend.callsTo("analysis_create")).toEqual([
        {
          input: {
            problemId: problem.id,
            title: "Why: Refunds never reach the card",
            heldOn: "2025-03-01",
            facilitator: "Rana",
          },
        },
      ]);
    });
    const created = backend.state.analysis.analyses[0];
    await waitFor(() => {
      expect(window.location.hash).toBe(`#/analyses/${created?.id ?? ""}`);
    });
  });

  it("keeps a long prefilled title within 300 characters, in Arabic too", async () => {
    const problem = makeProblem("م".repeat(400));
    installMockBackend({ problems: [problem], settings: { language: "ar" } });
    const { user } = renderApp(`/problems/${problem.id}`);
    await user.click(await screen.findByTestId("analysis-start-open"));
    const value = screen.getByTestId<HTMLInputElement>("analysis-start-title").value;
    expect(value.startsWith("لماذا: م")).toBe(true);
    expect(Array.from(value)).toHaveLength(300);
  });

  it("checks the form before sending and shows the core's errors beside the fields", async () => {
    const problem = makeProblem("Refunds");
    const backend = installMockBackend({
      problems: [problem],
      handlers: {
        analysis_create: () =>
          rejectWith({
            code: "invalid_input",
            details: { fields: [{ field: "facilitator", rule: "too_long", limit: 200 }] },
          }),
      },
    });
    const { user } = renderApp(`/problems/${problem.id}`);
    await user.click(await screen.findByTestId("analysis-start-open"));
    const title = screen.getByTestId("analysis-start-title");
    await user.clear(title);
    fireEvent.change(screen.getByTestId("analysis-start-heldOn"), { target: { value: "2999-01-01" } });
    await user.click(screen.getByTestId("analysis-start-submit"));
    expect(await screen.findByTestId("analysis-start-title-error")).toHaveTextContent(
      "This field is required",
    );
    expect(screen.getByTestId("analysis-start-heldOn-error")).toHaveTextContent(
      "The date can't be in the future",
    );
    await waitFor(() => {
      expect(title).toHaveFocus();
    });
    expect(backend.callsTo("analysis_create")).toEqual([]);

    await user.type(title, "Why");
    fireEvent.change(screen.getByTestId("analysis-start-heldOn"), { target: { value: "2025-01-01" } });
    await user.type(screen.getByTestId("analysis-start-facilitator"), "Rana");
    await user.click(screen.getByTestId("analysis-start-submit"));
    expect(await screen.findByTestId("analysis-start-facilitator-error")).toHaveTextContent(
      "At most 200 characters",
    );
    expect(screen.queryByTestId("analysis-start-title-error")).toBeNull();
    expect(window.location.hash).toBe(`#/problems/${problem.id}`);
  });
});
