import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Occurrence } from "../../../bindings/Occurrence";
import type { ProblemDetail } from "../../../bindings/ProblemDetail";
import { installMockBackend, makeProblem } from "../../../test/mock-backend";
import { renderApp } from "../../../test/render";
import { hoursBetween, instantOf } from "./ContactTimes";

const problem = makeProblem("Invoice shows the wrong VAT");

function withOccurrence(occurrence: Partial<Occurrence>) {
  const detail: ProblemDetail = {
    problem,
    occurrences: [
      {
        id: "occ-1",
        problemId: problem.id,
        occurredOn: "2026-11-20",
        channel: "email",
        ticketRef: "ZD-88",
        note: "",
        author: "Reem",
        createdAt: "2026-11-20T10:00:00Z",
        ...occurrence,
      },
    ],
    weekly: [],
    history: [],
    mergedFrom: [],
  };
  return installMockBackend({ problems: [problem], handlers: { problem_get: () => detail } });
}

describe("a report's contact times", () => {
  it("shows the time to resolution worked out from them", async () => {
    withOccurrence({ openedAt: "2026-11-20T08:00:00Z", resolvedAt: "2026-11-20T11:30:00Z" });
    renderApp(`/problems/${problem.id}`);
    expect(await screen.findByTestId("occurrence-ttr")).toHaveTextContent("Resolved in 3.5 h");
  });

  it("refuses a resolution before the opening and sends the times as instants", async () => {
    const backend = withOccurrence({});
    const { user } = renderApp(`/problems/${problem.id}`);
    await user.click(await screen.findByTestId("contact-times-edit"));
    const form = screen.getByTestId("contact-times-form");
    await user.type(within(form).getByTestId("contact-opened-time"), "14:00");
    await user.type(within(form).getByTestId("contact-resolved-time"), "09:15");
    await user.click(within(form).getByTestId("contact-times-save"));
    expect(await screen.findByTestId("contact-resolved-error")).toHaveTextContent(
      "can't come before the start",
    );
    expect(backend.callsTo("occurrence_times")).toEqual([]);
    await user.clear(within(form).getByTestId("contact-resolved-time"));
    await user.type(within(form).getByTestId("contact-resolved-time"), "١٦:٣٠");
    await user.click(within(form).getByTestId("contact-times-save"));
    await screen.findByTestId("contact-times-edit");
    const sent = backend.callsTo("occurrence_times")[0];
    expect(hoursBetween(String(sent?.openedAt), String(sent?.resolvedAt))).toBe(2.5);
  });

  it("reads a local day and time as an instant", () => {
    expect(instantOf("2026-11-20", "25:00")).toBeNull();
    expect(instantOf("2026-11-20", "7:05")).toBe(new Date(2026, 10, 20, 7, 5).toISOString());
  });
});
