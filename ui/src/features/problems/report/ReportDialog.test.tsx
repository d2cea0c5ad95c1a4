import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { installMockBackend, makeProblem } from "../../../test/mock-backend";
import { renderApp } from "../../../test/render";
import { lastMonth } from "./ReportDialog";

describe("The report dialog", () => {
  it("previews a problem's report in the chosen language and paper, and saves it as PDF or HTML", async () => {
    const problem = makeProblem("Refund form loses the IBAN");
    const backend = installMockBackend({ problems: [problem], dialogPath: "/home/mona/refund" });
    const { user } = renderApp(`/problems/${problem.id}`);
    await user.click(await screen.findByTestId("problem-report"));
    const dialog = within(await screen.findByTestId("report-dialog"));
    const frame = await dialog.findByTestId("report-preview-frame");
    expect(frame).toHaveAttribute("sandbox", "");
    expect(frame.getAttribute("srcdoc")).toContain("Refund form loses the IBAN");
    expect(backend.callsTo("report_preview")).toEqual([{ id: problem.id, language: "en", paper: "a3_landscape" }]);

    await user.selectOptions(dialog.getByTestId("report-language"), "ar");
    await user.selectOptions(dialog.getByTestId("report-paper"), "a4_portrait");
    await waitFor(() => {
      expect(backend.callsTo("report_preview").at(-1)).toEqual({ id: problem.id, language: "ar", paper: "a4_portrait" });
    });

    await user.click(dialog.getByTestId("report-save-pdf"));
    expect(await dialog.findByTestId("report-saved")).toHaveTextContent("/home/mona/refund.pdf");
    await user.click(dialog.getByTestId("report-save-html"));
    await waitFor(() => {
      expect(dialog.getByTestId("report-saved")).toHaveTextContent("/home/mona/refund.html");
    });
    expect(backend.callsTo("report_save")).toEqual([
      { id: problem.id, language: "ar", paper: "a4_portrait", format: "pdf" },
      { id: problem.id, language: "ar", paper: "a4_portrait", format: "html" },
    ]);
  });

  it("reports on last month's closed problems by default and refuses a period that ends before it starts", async () => {
    const backend = installMockBackend({ dialogPath: "/home/mona/month" });
    const { user } = renderApp("/problems");
    await user.click(await screen.findByTestId("period-report"));
    const dialog = within(await screen.findByTestId("report-dialog"));
    const { from, to } = lastMonth(new Date());
    await dialog.findByTestId("report-preview-frame");
    expect(backend.callsTo("report_period_preview")[0]).toEqual({ from, to, language: "en", paper: "a3_landscape" });

    const end = dialog.getByTestId("report-to");
    await user.clear(end);
    await user.type(end, "2020-01-01");
    expect(await dialog.findByTestId("report-period-error")).toHaveTextContent("The last day comes before the first.");
    expect(dialog.getByTestId("report-save-pdf")).toBeDisabled();
  });

  it("works out last month across a new year", () => {
    expect(lastMonth(new Date(Date.UTC(2027, 0, 15)))).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(lastMonth(new Date(Date.UTC(2026, 2, 3)))).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });
});
