import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { installMockBackend, rejectWith } from "../../../test/mock-backend";
import i18n from "../../../i18n";
import { renderApp } from "../../../test/render";

describe("importing actions from a CSV file", () => {
  it("says how many were imported", async () => {
    const backend = installMockBackend({
      actions: { importOutcome: { imported: 3, issues: [], issueCount: 0 } },
    });
    const { user } = renderApp("/actions");
    await user.click(await screen.findByTestId("import-actions"));
    expect(await screen.findByTestId("import-done")).toHaveTextContent("Imported 3 actions.");
    expect(backend.callsTo("action_import")).toHaveLength(1);
  });

  it("lists each broken rule by row and column, and imports nothing", async () => {
    installMockBackend({
      actions: {
        importOutcome: {
          imported: 0,
          issueCount: 3,
          issues: [
            { row: 3, column: "Status", rule: "invalid", limit: null, value: "finished" },
            { row: 4, column: "Owner", rule: "too_long", limit: 200, value: "x".repeat(100) },
            { row: 4, column: "Due", rule: "before_created", limit: null, value: "2020-01-01" },
          ],
        },
      },
    });
    const { user } = renderApp("/actions");
    await user.click(await screen.findByTestId("import-actions"));
    const box = await screen.findByTestId("import-issues");
    expect(box).toHaveTextContent("Nothing was imported: the file has 3 errors.");
    const lines = screen.getAllByTestId("import-issue").map((li) => li.textContent);
    expect(lines[0]).toContain("Row 3, column \u2068Status\u2069:");
    expect(lines[0]).toContain("finished");
    expect(lines[0]).toContain("is not a value Rootwise knows");
    expect(lines[1]).toContain("At most 200 characters");
    expect(lines[2]).toContain("can't be before the day it was created");
  });

  it("says plainly when the file is not UTF-8 text", async () => {
    installMockBackend({
      handlers: {
        action_import: () =>
          rejectWith({ code: "invalid_input", details: { field: "file", rule: "invalid" } }),
      },
    });
    const { user } = renderApp("/actions");
    await user.click(await screen.findByTestId("import-actions"));
    expect(await screen.findByTestId("import-failure")).toHaveTextContent("save it as “CSV UTF-8”");
  });

  it("says nothing when the dialog is cancelled, and speaks Arabic", async () => {
    installMockBackend({ settings: { language: "ar" }, actions: { importOutcome: null } });
    const { user } = renderApp("/actions");
    await user.click(await screen.findByTestId("import-actions"));
    expect(screen.getByTestId("import-actions")).toHaveTextContent(
      i18n.t("actionImport.button", { lng: "ar" }),
    );
    expect(screen.queryByTestId("import-done")).toBeNull();
    expect(screen.queryByTestId("import-issues")).toBeNull();
  });
});
