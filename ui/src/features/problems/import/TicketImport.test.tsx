import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { HelpdeskCheck } from "../../../bindings/HelpdeskCheck";
import type { ImportOptions } from "../../../bindings/ImportOptions";
import { installMockBackend } from "../../../test/mock-backend";
import { emptyCheck } from "../../../test/mock-helpdesk";
import { renderApp } from "../../../test/render";
import { timeZones } from "./ImportSettings";

const HEADERS = ["Summation column", "Id", "Subject", "Status", "Priority", "Via", "Created at", "Problem"];

/** A Zendesk CSV with one bad row, an incident of a ticket in the file, and one like a logged problem. */
function zendesk(options: ImportOptions): HelpdeskCheck {
  const split = options.split.includes("similar:p1");
  return {
    ...emptyCheck(),
    format: options.format ?? "zendesk_csv",
    headers: HEADERS,
    columns: options.columns ?? {
      reference: "Id",
      subject: "Subject",
      status: "Status",
      priority: "Priority",
      channel: "Via",
      createdAt: "Created at",
      problemRef: "Problem",
    },
    values: {
      channels: [{ value: "Web form", channel: "self_service" }],
      severities: [{ value: "Urgent", severity: "critical" }],
      statuses: [{ value: "Solved", status: options.values.statuses[0]?.status ?? "new" }],
    },
    timeZone: options.timeZone ?? "UTC",
    rows: 4,
    good: 3,
    problems: split ? 2 : 1,
    reports: split ? 1 : 2,
    alreadyImported: 0,
    csatAnswers: 1,
    preview: [
      {
        row: 2,
        reference: "101",
        subject: "تأخر استرداد المبلغ",
        becomes: "problem",
        channel: "self_service",
        severity: "critical",
        status: "new",
        createdAt: "2026-11-02T08:30:00Z",
        solvedAt: null,
        csat: 5,
        tags: [],
      },
      {
        row: 3,
        reference: "102",
        subject: "Refund still pending",
        becomes: "report_of_ticket",
        problemRef: "101",
        channel: "email",
        severity: "medium",
        status: "new",
        createdAt: "2026-11-03T09:00:00Z",
        solvedAt: null,
        csat: null,
        tags: [],
      },
      {
        row: 4,
        reference: "103",
        subject: "Login page loops",
        becomes: split ? "problem" : "report_of_existing",
        ...(split ? {} : { problemId: "p1" }),
        channel: null,
        severity: "medium",
        status: "new",
        createdAt: "2026-11-04T10:00:00Z",
        solvedAt: null,
        csat: null,
        tags: [],
      },
      {
        row: 5,
        reference: "104",
        subject: "",
        becomes: null,
        channel: null,
        severity: "medium",
        status: "new",
        createdAt: null,
        solvedAt: null,
        csat: null,
        tags: [],
      },
    ],
    groups: [
      {
        key: "ticket:101",
        reason: "problem_ticket",
        problemRef: "101",
        title: "تأخر استرداد المبلغ",
        tickets: ["102"],
        count: 1,
        split: false,
      },
      {
        key: "similar:p1",
        reason: "similar",
        problemId: "p1",
        title: "Login page loops forever",
        tickets: ["103"],
        count: 1,
        split,
      },
    ],
    issues: [{ row: 5, column: "Subject", rule: "required", limit: null, value: "" }],
    issueCount: 1,
  };
}

function backendWithFile() {
  return installMockBackend({
    helpdesk: {
      file: { name: "tickets-2026-11.csv", size: 4 * 1024 },
      check: zendesk,
      outcome: {
        problemsCreated: 1,
        reportsAdded: 2,
        alreadyImported: 0,
        csatAnswers: 1,
        skipped: 1,
        refused: false,
        cancelled: false,
        issues: [],
        issueCount: 1,
      },
    },
  });
}

describe("the help-desk import", () => {
  it("shows what each ticket becomes, lists the bad row, and imports the good ones", async () => {
    const backend = backendWithFile();
    const { user } = renderApp("/problems");
    await user.click(await screen.findByTestId("ticket-import-open"));
    await user.click(screen.getByTestId("ticket-pick"));
    expect(await screen.findByTestId("ticket-file")).toHaveTextContent(
      "File: \u2068tickets-2026-11.csv\u2069 (4 KB)",
    );
    expect(await screen.findByTestId("ticket-summary")).toHaveTextContent(
      "4 tickets read · 1 new problem · 2 reports of problems · 1 satisfaction rating · 1 bad row",
    );
    expect(screen.getByTestId("ticket-format")).toHaveValue("zendesk_csv");
    expect(screen.getByTestId("ticket-map-subject")).toHaveValue("Subject");
    expect(screen.getByTestId("import-issue")).toHaveTextContent(/^Row 5, \u2068Subject\u2069: /);
    const becomes = screen.getAllByTestId("ticket-becomes").map((cell) => cell.textContent);
    expect(becomes).toEqual([
      "A new problem",
      "A report of ticket \u2068101\u2069",
      "A report of “\u2068Login page loops forever\u2069”",
      "Not imported (see the rows above)",
    ]);
    expect(screen.queryByTestId("ticket-import-all")).toBeNull();
    await user.click(screen.getByTestId("ticket-import-good"));
    expect(await screen.findByTestId("ticket-outcome")).toHaveTextContent(
      "1 problem created · 2 reports added · 1 satisfaction rating added · 1 bad row left out.",
    );
    const run = backend.callsTo("helpdesk_import_run")[0];
    expect((run?.options as ImportOptions).skipBadRows).toBe(true);
  });

  it("re-checks when a column, a value table or a group changes, and sends what the user chose", async () => {
    const backend = backendWithFile();
    const { user } = renderApp("/problems");
    await user.click(await screen.findByTestId("ticket-import-open"));
    await user.click(screen.getByTestId("ticket-pick"));
    await screen.findByTestId("ticket-summary");
    await user.selectOptions(screen.getByTestId("ticket-map-description"), "Summation column");
    await waitFor(() => {
      const last = backend.callsTo("helpdesk_import_check").at(-1)?.options as ImportOptions;
      expect(last.columns?.description).toBe("Summation column");
    });
    await user.selectOptions(screen.getByTestId("ticket-status-0"), "closed");
    await waitFor(() => {
      const last = backend.callsTo("helpdesk_import_check").at(-1)?.options as ImportOptions;
      expect(last.values.statuses).toEqual([{ value: "Solved", status: "closed" }]);
    });
    const groups = screen.getAllByTestId("ticket-group");
    expect(within(groups[0] as HTMLElement).queryByTestId("ticket-group-split")).toBeNull();
    await user.click(within(groups[1] as HTMLElement).getByTestId("ticket-group-split"));
    expect(
      await screen.findByText("Each of these tickets becomes a problem of its own."),
    ).toBeInTheDocument();
    expect(screen.getByTestId("ticket-summary")).toHaveTextContent("2 new problems");
    const last = backend.callsTo("helpdesk_import_check").at(-1)?.options as ImportOptions;
    expect(last.split).toEqual(["similar:p1"]);
  });

  it("saves the mapping by name, applies it again and refuses an empty name", async () => {
    const backend = backendWithFile();
    const { user } = renderApp("/problems");
    await user.click(await screen.findByTestId("ticket-import-open"));
    await user.click(screen.getByTestId("ticket-pick"));
    await screen.findByTestId("ticket-summary");
    await user.click(screen.getByTestId("ticket-save"));
    expect(await screen.findByTestId("ticket-saved-error")).toHaveTextContent(/required/i);
    await user.type(screen.getByTestId("ticket-save-name"), "Zendesk nightly");
    await user.click(screen.getByTestId("ticket-save"));
    await waitFor(() => {
      expect(screen.getByTestId("ticket-saved")).toHaveDisplayValue("Zendesk nightly");
    });
    const saved = backend.callsTo("helpdesk_mapping_save").at(-1);
    expect(saved?.format).toBe("zendesk_csv");
    expect((saved?.columns as Record<string, string>).subject).toBe("Subject");
    await user.click(screen.getByTestId("ticket-saved-delete"));
    await waitFor(() => {
      expect(backend.callsTo("helpdesk_mapping_delete")).toHaveLength(1);
    });
    expect(screen.getByTestId("ticket-saved")).toHaveValue("");
  });

  it("says a cancelled import added nothing", async () => {
    installMockBackend({
      helpdesk: {
        file: { name: "big.json", size: 3 * 1024 * 1024 },
        check: (options) => ({
          ...zendesk(options),
          issues: [],
          issueCount: 0,
          good: 4,
          format: "zendesk_json",
        }),
        outcome: {
          problemsCreated: 0,
          reportsAdded: 0,
          alreadyImported: 0,
          csatAnswers: 0,
          skipped: 0,
          refused: false,
          cancelled: true,
          issues: [],
          issueCount: 0,
        },
      },
    });
    const { user } = renderApp("/problems");
    await user.click(await screen.findByTestId("ticket-import-open"));
    await user.click(screen.getByTestId("ticket-pick"));
    expect(await screen.findByTestId("ticket-file")).toHaveTextContent("File: \u2068big.json\u2069 (3 MB)");
    // A JSON export has no columns to map and its times are in UTC.
    expect(screen.queryByTestId("ticket-map-subject")).toBeNull();
    expect(screen.queryByTestId("ticket-time-zone")).toBeNull();
    await user.click(screen.getByTestId("ticket-import-all"));
    expect(await screen.findByTestId("ticket-outcome")).toHaveTextContent(
      "The import was cancelled: nothing was added.",
    );
  });

  it("reads in Arabic, right to left", async () => {
    installMockBackend({
      settings: { language: "ar" },
      helpdesk: { file: { name: "تذاكر.csv", size: 2048 }, check: zendesk },
    });
    const { user } = renderApp("/problems");
    await user.click(await screen.findByTestId("ticket-import-open"));
    await user.click(screen.getByTestId("ticket-pick"));
    expect(await screen.findByTestId("ticket-summary")).toHaveTextContent("قُرئت 4 تذاكر");
    expect(screen.getAllByTestId("ticket-becomes")[0]).toHaveTextContent("مشكلة جديدة");
    expect(document.documentElement.dir).toBe("rtl");
  });

  it("offers the computer's own time zone and UTC", () => {
    const zones = timeZones("Asia/Riyadh");
    expect(zones).toContain("UTC");
    expect(zones).toContain("Asia/Riyadh");
    expect(new Set(zones).size).toBe(zones.length);
  });
});
