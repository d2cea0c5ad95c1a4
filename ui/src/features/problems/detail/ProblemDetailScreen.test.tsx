import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import {
  installMockBackend,
  makeProblem,
  rejectWith,
  type MockBackendOptions,
} from "../../../test/mock-backend";
import type { HistoryEntry } from "../../../bindings/HistoryEntry";
import type { NewOccurrence } from "../../../bindings/NewOccurrence";
import type { Occurrence } from "../../../bindings/Occurrence";
import type { Problem } from "../../../bindings/Problem";
import type { ProblemDetail } from "../../../bindings/ProblemDetail";
import type { ProblemEdit } from "../../../bindings/ProblemEdit";
import type { WeekCount } from "../../../bindings/WeekCount";
import { renderApp } from "../../../test/render";
import { chartIn } from "../../../test/uplot-double";

vi.mock("uplot", () => import("../../../test/uplot-double"));

/** Twelve Mondays, oldest first, with the given counts. */
function weeks(counts: number[]): WeekCount[] {
  const start = Date.UTC(2025, 0, 6);
  return counts.map((count, i) => ({
    weekStart: new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10),
    count,
  }));
}

/**
 * A stand-in for the core's problem commands around one problem: get, edit,
 * log an occurrence, delete and restore behave as the shell does.
 */
function backendFor(
  problem: Problem,
  extra: Partial<Omit<ProblemDetail, "problem">> = {},
  options: MockBackendOptions = {},
) {
  let detail: ProblemDetail = {
    problem,
    occurrences: [],
    weekly: weeks([0, 0, 1, 0, 2, 0, 0, 3, 0, 0, 1, 1]),
    history: [],
    mergedFrom: [],
    ...extra,
  };
  let deleted = false;
  const notFound = (id: unknown) =>
    rejectWith({ code: "not_found", details: { entity: "problem", id: String(id) } });
  const backend = installMockBackend({
    problems: [problem],
    ...options,
    handlers: {
      problem_get: (args) => (args.id === problem.id && !deleted ? detail : notFound(args.id)),
      problem_edit: (args) => {
        const edit = args.edit as ProblemEdit;
        detail = { ...detail, problem: { ...detail.problem, [edit.field]: edit.value } };
        return detail.problem;
      },
      occurrence_log: (args) => {
        const input = args.input as NewOccurrence;
        const occurrence: Occurrence = {
          id: `occ-${detail.occurrences.length + 1}`,
          problemId: problem.id,
          occurredOn: input.occurredOn ?? "2025-03-01",
          channel: input.channel ?? null,
          ticketRef: input.ticketRef ?? "",
          note: input.note ?? "",
          author: "Sam",
          createdAt: new Date().toISOString(),
        };
        detail = {
          ...detail,
          occurrences: [occurrence, ...detail.occurrences],
          problem: { ...detail.problem, occurrenceCount: detail.problem.occurrenceCount + 1 },
        };
        return occurrence;
      },
      problem_delete: () => {
        deleted = true;
        return null;
      },
      problem_restore: () => {
        deleted = false;
        return detail.problem;
      },
      problem_suggestions: () => [],
      ...options.handlers,
    },
  });
  return backend;
}

const open = (problem: Problem) => renderApp(`/problems/${problem.id}`);

describe("Problem detail", () => {
  it("shows every field of the problem and its recurrence, with no note about sections to come", async () => {
    const problem = makeProblem("Refund never reaches the card", "2025-03-01T09:00:00Z", {
      description: "Line one\nسطر ثانٍ",
      customer: "Acme",
      owner: "Omar",
      severity: "high",
      status: "investigating",
      channel: "email",
      tags: ["refunds", "فواتير"],
      references: ["https://help.example/t/1"],
      nps: 3,
      customersAffected: 120,
      occurrenceCount: 8,
      firstSeen: "2025-01-20",
      lastSeen: "2025-03-28",
    });
    backendFor(problem);
    open(problem);

    expect(await screen.findByTestId("field-title")).toHaveValue("Refund never reaches the card");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Refund never reaches the card");
    expect(screen.getByTestId("field-description")).toHaveValue("Line one\nسطر ثانٍ");
    expect(screen.getByTestId("field-description")).toHaveAttribute("dir", "auto");
    expect(screen.getByTestId("field-customer")).toHaveValue("Acme");
    expect(screen.getByTestId("field-owner")).toHaveValue("Omar");
    expect(screen.getByTestId("field-severity")).toHaveValue("high");
    expect(screen.getByTestId("field-status")).toHaveValue("investigating");
    expect(screen.getByTestId("field-channel")).toHaveValue("email");
    expect(screen.getByTestId("field-nps")).toHaveValue("3");
    expect(screen.getByTestId("field-customersAffected")).toHaveValue("120");
    expect(screen.getByTestId("field-csat")).toHaveValue("");
    expect(screen.getByTestId("field-reportedOn")).toHaveAttribute("data-day", "2025-03-01");
    expect(screen.getByTestId("field-nps")).toHaveAccessibleName("NPS answer (0–10)");
    expect(screen.getByTestId("field-journeyStage")).toHaveAccessibleName("Journey stage");
    expect(screen.getAllByTestId("tag-chip").map((chip) => chip.textContent)).toEqual(["refunds", "فواتير"]);
    // A link is plain text: nothing on the page opens the network.
    expect(screen.getByTestId("reference-item")).toHaveTextContent("https://help.example/t/1");
    expect(document.querySelector('a[href^="http"]')).toBeNull();

    expect(screen.getByTestId("occurrence-count")).toHaveTextContent("8");
    expect(screen.getByTestId("first-seen")).toHaveAttribute("dateTime", "2025-01-20");
    expect(screen.getByTestId("first-seen")).toHaveTextContent("Jan 20, 2025");
    expect(screen.getByTestId("last-seen")).toHaveTextContent("Mar 28, 2025");
    // The personas and actions panels are built: no note promises them any more.
    expect(screen.queryByTestId("links-note")).toBeNull();
    expect(screen.queryByText(/once those sections are built/)).toBeNull();
    expect(screen.getByTestId("back-to-list")).toHaveAttribute("href", "#/problems");
  });

  it("draws the weekly counts as bars with a text alternative that lists them", async () => {
    const problem = makeProblem("Chat drops");
    backendFor(problem);
    open(problem);
    const chart = await screen.findByTestId("sparkline");
    expect(chart).toHaveAttribute("role", "img");
    const label = chart.getAttribute("aria-label") ?? "";
    expect(label).toMatch(/^Reports per week over the last 12 weeks, oldest first: /);
    expect(label).toContain("week of Jan 6: 0");
    expect(label).toContain("week of Feb 24: 3");
    expect(label).toContain("week of Mar 24: 1");
    expect(screen.getByText("8 reports in the last 12 weeks")).toBeInTheDocument();
    const { options, data } = await waitFor(() => chartIn(chart));
    // A bar a week, oldest first; left to right in English.
    expect(data[1]).toEqual([0, 0, 1, 0, 2, 0, 0, 3, 0, 0, 1, 1]);
    expect(options.scales?.x?.dir).toBe(1);
    expect(chart).toHaveAttribute("data-direction", "ltr");
  });

  it("saves an edited title with Enter as a title edit", async () => {
    const problem = makeProblem("Old title");
    const backend = backendFor(problem);
    const { user } = open(problem);
    const title = await screen.findByTestId("field-title");
    await user.clear(title);
    await user.type(title, "Checkout fails on slow networks{Enter}");
    await waitFor(() => {
      expect(backend.callsTo("problem_edit")).toEqual([
        { id: problem.id, edit: { field: "title", value: "Checkout fails on slow networks" } },
      ]);
    });
    await waitFor(() => {
      expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Checkout fails on slow networks");
    });
    expect(screen.getByTestId("detail-announcement")).toBeInTheDocument();
  });

  it("saves on leaving a field, and Escape drops what was typed", async () => {
    const problem = makeProblem("A problem", undefined, { customer: "Acme" });
    const backend = backendFor(problem);
    const { user } = open(problem);
    const customer = await screen.findByTestId("field-customer");
    await user.clear(customer);
    await user.type(customer, "Globex");
    await user.keyboard("{Escape}");
    expect(customer).toHaveValue("Acme");
    expect(backend.callsTo("problem_edit")).toEqual([]);

    const segment = screen.getByTestId("field-segment");
    await user.type(segment, "Enterprise");
    await user.tab();
    await waitFor(() => {
      expect(backend.callsTo("problem_edit")).toEqual([
        { id: problem.id, edit: { field: "segment", value: "Enterprise" } },
      ]);
    });
  });

  it("sends the matching edit for selects, dates, scores, tags and references", async () => {
    const problem = makeProblem("Edit everything", "2025-03-01T09:00:00Z", {
      channel: "phone",
      tags: ["billing"],
      references: ["ZD-1"],
    });
    const backend = backendFor(problem);
    const { user } = open(problem);
    await user.selectOptions(await screen.findByTestId("field-severity"), "critical");
    await user.selectOptions(screen.getByTestId("field-channel"), "");
    const nps = screen.getByTestId("field-nps");
    await user.type(nps, "9{Enter}");
    const reported = screen.getByTestId("field-reportedOn");
    fireEvent.change(reported, { target: { value: "2025-02-14" } });
    fireEvent.keyDown(reported, { key: "Enter" });
    const tagInput = screen.getByTestId("field-tags-input");
    await user.type(tagInput, "refunds{Enter}");
    await waitFor(() => {
      expect(screen.getAllByTestId("tag-chip")).toHaveLength(2);
    });
    await user.type(screen.getByTestId("field-references-input"), "https://help.example/t/9{Enter}");
    await waitFor(() => {
      expect(screen.getAllByTestId("reference-item")).toHaveLength(2);
    });
    await user.click(screen.getAllByTestId("tag-remove")[0] as HTMLElement);

    await waitFor(() => {
      expect(backend.callsTo("problem_edit").map((call) => call.edit)).toEqual([
        { field: "severity", value: "critical" },
        { field: "channel", value: null },
        { field: "nps", value: 9 },
        { field: "reportedOn", value: "2025-02-14" },
        { field: "tags", value: ["billing", "refunds"] },
        { field: "references", value: ["ZD-1", "https://help.example/t/9"] },
        { field: "tags", value: ["refunds"] },
      ]);
    });
    // Emptying a score clears it.
    await user.clear(nps);
    await user.keyboard("{Enter}");
    await waitFor(() => {
      expect(backend.callsTo("problem_edit").at(-1)?.edit).toEqual({ field: "nps", value: null });
    });
  });

  it("explains an NPS of 11 beside the field before any round trip, keeping what was typed", async () => {
    const problem = makeProblem("Scores");
    const backend = backendFor(problem);
    const { user } = open(problem);
    const nps = await screen.findByTestId("field-nps");
    await user.type(nps, "11{Enter}");
    const error = await screen.findByTestId("field-nps-error");
    expect(error).toHaveTextContent("Enter a number from 0 to 10");
    expect(nps).toHaveValue("11");
    expect(nps).toHaveAttribute("aria-invalid", "true");
    expect(nps).toHaveAccessibleDescription("Enter a number from 0 to 10");
    expect(backend.callsTo("problem_edit")).toEqual([]);
    // Escape goes back to the saved value and clears the message.
    await user.keyboard("{Escape}");
    expect(nps).toHaveValue("");
    expect(screen.queryByTestId("field-nps-error")).toBeNull();
  });

  it("shows the core's rejection beside the field, keeps the typed value and loses nothing else", async () => {
    const problem = makeProblem("Scores", undefined, { nps: 4 });
    const backend = backendFor(
      problem,
      {},
      {
        handlers: {
          problem_edit: () =>
            rejectWith({
              code: "invalid_input",
              details: {
                field: "nps",
                rule: "out_of_range",
                limit: 10,
                fields: [{ field: "nps", rule: "out_of_range", limit: 10 }],
              },
            }),
        },
      },
    );
    const { user } = open(problem);
    // Something typed elsewhere on the page, not saved yet.
    await user.click(await screen.findByTestId("occurrence-log-open"));
    await user.type(screen.getByTestId("occurrence-note"), "Called twice");

    const nps = screen.getByTestId("field-nps");
    await user.clear(nps);
    await user.type(nps, "7{Enter}");
    expect(await screen.findByTestId("field-nps-error")).toHaveTextContent("Enter a number from 0 to 10");
    expect(backend.callsTo("problem_edit")).toEqual([{ id: problem.id, edit: { field: "nps", value: 7 } }]);
    expect(nps).toHaveValue("7");
    expect(nps).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("occurrence-note")).toHaveValue("Called twice");
    expect(screen.getByTestId("field-title")).toHaveValue("Scores");
    // Leaving the field does not send the refused value again.
    await user.tab();
    expect(backend.callsTo("problem_edit")).toHaveLength(1);
  });

  it("keeps an over-long tag on screen, marked and explained, until it is removed", async () => {
    const problem = makeProblem("Tags", undefined, { tags: ["billing"] });
    const backend = backendFor(problem);
    const { user } = open(problem);
    const input = await screen.findByTestId("field-tags-input");
    await user.click(input);
    await user.paste("x".repeat(51));
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("field-tags-error")).toHaveTextContent("At most 50 characters");
    const chips = screen.getAllByTestId("tag-chip");
    expect(chips.map((chip) => chip.textContent)).toEqual(["billing", "x".repeat(51)]);
    expect(chips[1]).toHaveClass("chip--invalid");
    expect(backend.callsTo("problem_edit")).toEqual([]);

    await user.click(screen.getAllByTestId("tag-remove")[1] as HTMLElement);
    expect(screen.queryByTestId("field-tags-error")).toBeNull();
    expect(screen.getAllByTestId("tag-chip").map((chip) => chip.textContent)).toEqual(["billing"]);
    expect(backend.callsTo("problem_edit")).toEqual([]);
  });

  it("shows the core's message for a too-long title and an empty one", async () => {
    const problem = makeProblem("Title");
    const backend = backendFor(
      problem,
      {},
      {
        handlers: {
          problem_edit: () =>
            rejectWith({ code: "invalid_input", details: { field: "title", rule: "too_long", limit: 300 } }),
        },
      },
    );
    const { user } = open(problem);
    const title = await screen.findByTestId("field-title");
    await user.clear(title);
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("field-title-error")).toHaveTextContent("This field is required");
    expect(backend.callsTo("problem_edit")).toEqual([]);
    await user.type(title, "Short but refused{Enter}");
    await waitFor(() => {
      expect(screen.getByTestId("field-title-error")).toHaveTextContent("At most 300 characters");
    });
    expect(title).toHaveValue("Short but refused");
  });

  it.each([
    ["new", ["New", "Investigating", "Root cause found", "Actions in progress", "Monitoring", "Closed"]],
    [
      "root_cause_found",
      ["Investigating", "Root cause found", "Actions in progress", "Monitoring", "Closed"],
    ],
    ["monitoring", ["Investigating", "Actions in progress", "Monitoring", "Closed"]],
    ["closed", ["Reopen", "Closed"]],
  ] as const)("offers only the allowed status moves from %s", async (status, labels) => {
    const problem = makeProblem("Status", undefined, { status });
    backendFor(problem);
    open(problem);
    const select = await screen.findByTestId("field-status");
    expect(
      within(select)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(labels);
  });

  it("reopens a closed problem to investigating", async () => {
    const problem = makeProblem("Closed one", undefined, { status: "closed" });
    const backend = backendFor(problem);
    const { user } = open(problem);
    await user.selectOptions(await screen.findByTestId("field-status"), "Reopen");
    await waitFor(() => {
      expect(backend.callsTo("problem_edit")).toEqual([
        { id: problem.id, edit: { field: "status", value: "investigating" } },
      ]);
    });
    await waitFor(() => {
      expect(
        within(screen.getByTestId("field-status"))
          .getAllByRole("option")
          .map((option) => option.textContent),
      ).toEqual(["Investigating", "Root cause found", "Actions in progress", "Monitoring", "Closed"]);
    });
  });

  it("names both statuses when the core refuses a move", async () => {
    const problem = makeProblem("Status", undefined, { status: "investigating" });
    backendFor(
      problem,
      {},
      {
        handlers: {
          problem_edit: () =>
            rejectWith({ code: "invalid_input", details: { field: "status", rule: "transition" } }),
        },
      },
    );
    const { user } = open(problem);
    await user.selectOptions(await screen.findByTestId("field-status"), "closed");
    expect(await screen.findByTestId("field-status-error")).toHaveTextContent(
      "The status can't change from Investigating to Closed",
    );
  });

  it("starts a new report on the problem's own channel", async () => {
    const problem = { ...makeProblem("Reported by phone"), channel: "phone" as const };
    backendFor(problem);
    const { user } = open(problem);
    await user.click(await screen.findByTestId("occurrence-log-open"));
    expect(screen.getByTestId("occurrence-channel")).toHaveValue("phone");
  });

  it("logs another occurrence with what was typed and lists it", async () => {
    const problem = makeProblem("Recurring");
    const backend = backendFor(problem);
    const { user } = open(problem);
    expect(await screen.findByTestId("occurrences-empty")).toBeInTheDocument();
    await user.click(screen.getByTestId("occurrence-log-open"));
    const date = screen.getByTestId("occurrence-date");
    expect(date).toHaveFocus();
    expect(date).toHaveAttribute("data-day", localDay(new Date()));
    fireEvent.change(date, { target: { value: "2025-03-05" } });
    await user.selectOptions(screen.getByTestId("occurrence-channel"), "email");
    await user.type(screen.getByTestId("occurrence-ticket"), "ZD-4821");
    await user.type(screen.getByTestId("occurrence-note"), "Second customer, same bank");
    await user.click(screen.getByTestId("occurrence-submit"));

    await waitFor(() => {
      expect(backend.callsTo("occurrence_log")).toEqual([
        {
          problemId: problem.id,
          input: {
            occurredOn: "2025-03-05",
            channel: "email",
            ticketRef: "ZD-4821",
            note: "Second customer, same bank",
          },
        },
      ]);
    });
    const row = await screen.findByTestId("occurrence-row");
    expect(row).toHaveTextContent("Mar 5, 2025");
    expect(row).toHaveTextContent("Email");
    expect(row).toHaveTextContent("ZD-4821");
    expect(row).toHaveTextContent("Second customer, same bank");
    expect(row).toHaveTextContent("Sam");
    expect(screen.getByTestId("occurrence-count")).toHaveTextContent("2");
    expect(screen.queryByTestId("occurrence-form")).toBeNull();
  });

  it("checks an occurrence before sending it and shows the core's errors beside the fields", async () => {
    const problem = makeProblem("Recurring");
    const backend = backendFor(
      problem,
      {},
      {
        handlers: {
          occurrence_log: () =>
            rejectWith({
              code: "invalid_input",
              details: { fields: [{ field: "ticketRef", rule: "too_long", limit: 500 }] },
            }),
        },
      },
    );
    const { user } = open(problem);
    await user.click(await screen.findByTestId("occurrence-log-open"));
    const date = screen.getByTestId("occurrence-date");
    fireEvent.change(date, { target: { value: "2999-01-01" } });
    await user.click(screen.getByTestId("occurrence-submit"));
    expect(await screen.findByTestId("occurrence-date-error")).toHaveTextContent(
      "The date can't be in the future",
    );
    expect(backend.callsTo("occurrence_log")).toEqual([]);

    fireEvent.change(date, { target: { value: "2025-01-02" } });
    await user.type(screen.getByTestId("occurrence-ticket"), "ZD-1");
    await user.click(screen.getByTestId("occurrence-submit"));
    expect(await screen.findByTestId("occurrence-ticket-error")).toHaveTextContent("At most 500 characters");
    expect(screen.queryByTestId("occurrence-date-error")).toBeNull();
    expect(screen.getByTestId("occurrence-ticket")).toHaveValue("ZD-1");
  });

  it("lists the history newest first with translated field names and values", async () => {
    const problem = makeProblem("With history");
    const entry = (seq: number, fields: Partial<HistoryEntry>): HistoryEntry => ({
      seq,
      entity: "problem",
      entityId: problem.id,
      op: "update",
      field: null,
      oldValue: null,
      newValue: null,
      author: "Rana",
      at: `2025-03-0${seq}T10:00:00Z`,
      ...fields,
    });
    backendFor(problem, {
      history: [
        entry(1, { op: "create" }),
        entry(2, { field: "status", oldValue: "new", newValue: "investigating" }),
        entry(3, { field: "tags", oldValue: "[]", newValue: '["billing","فواتير"]' }),
        entry(4, { field: "journeyStage", oldValue: "", newValue: "Checkout", author: "" }),
        entry(5, { field: "deleted_at", op: "restore", oldValue: "2025-03-04T00:00:00Z" }),
        entry(6, { field: "personas", newValue: "Nadia, the shop owner" }),
      ],
    });
    open(problem);
    const all = await screen.findAllByTestId("history-row");
    expect(all).toHaveLength(6);
    // Linking a persona reads as a labelled change, not the raw field key.
    expect(within(all[0] as HTMLElement).getByTestId("history-field")).toHaveTextContent("Linked personas");
    expect(all[0]).not.toHaveTextContent(/^personas/);
    const rows = all.slice(1);
    expect(rows[0]).toHaveTextContent("Restored from the trash");
    expect(within(rows[1] as HTMLElement).getByTestId("history-field")).toHaveTextContent("Journey stage");
    expect(rows[1]).toHaveTextContent("Checkout");
    expect(rows[1]).toHaveTextContent("Unnamed user");
    expect(within(rows[2] as HTMLElement).getByTestId("history-field")).toHaveTextContent("Tags");
    expect(rows[2]).toHaveTextContent("billing, فواتير");
    expect(rows[2]).not.toHaveTextContent("[");
    expect(within(rows[3] as HTMLElement).getByTestId("history-field")).toHaveTextContent("Status");
    expect(rows[3]).toHaveTextContent(/New\s*→\s*changed to\s*Investigating/);
    expect(rows[3]).toHaveTextContent("Rana");
    expect(rows[3]).toHaveTextContent("Mar 2, 2025");
    expect(rows[4]).toHaveTextContent("Logged the problem");
  });

  it("moves the problem to the trash, goes back to the list and offers Undo", async () => {
    const problem = makeProblem("Delete me");
    const backend = backendFor(problem);
    const { user } = open(problem);
    await user.click(await screen.findByTestId("problem-delete"));
    await waitFor(() => {
      expect(window.location.hash).toBe("#/problems");
    });
    expect(backend.callsTo("problem_delete")).toEqual([{ id: problem.id }]);
    const toast = await screen.findByTestId("undo-toast");
    expect(toast).toHaveTextContent("“\u2068Delete me\u2069” was moved to the trash.");

    await user.click(within(toast).getByTestId("undo-delete"));
    await waitFor(() => {
      expect(backend.callsTo("problem_restore")).toEqual([{ id: problem.id }]);
    });
    await waitFor(() => {
      expect(window.location.hash).toBe(`#/problems/${problem.id}`);
    });
    expect(await screen.findByTestId("field-title")).toHaveValue("Delete me");
    expect(screen.queryByTestId("undo-toast")).toBeNull();
  });

  it("lets the Undo offer go after about six seconds, unless the pointer rests on it", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const problem = makeProblem("Short-lived");
      backendFor(problem);
      const { user } = open(problem);
      await user.click(await screen.findByTestId("problem-delete"));
      const toast = await screen.findByTestId("undo-toast");
      act(() => {
        vi.advanceTimersByTime(5000);
      });
      expect(screen.getByTestId("undo-toast")).toBeInTheDocument();
      fireEvent.pointerEnter(toast);
      act(() => {
        vi.advanceTimersByTime(10_000);
      });
      expect(screen.getByTestId("undo-toast")).toBeInTheDocument();
      fireEvent.pointerLeave(toast);
      act(() => {
        vi.advanceTimersByTime(6100);
      });
      expect(screen.queryByTestId("undo-toast")).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("says so when the problem does not exist, with a way back", async () => {
    installMockBackend({
      handlers: {
        problem_get: (args) =>
          rejectWith({ code: "not_found", details: { entity: "problem", id: String(args.id) } }),
      },
    });
    renderApp("/problems/0190a000-0000-7000-8000-999999999999");
    const state = await screen.findByTestId("problem-not-found");
    expect(state).toHaveTextContent("This problem isn't here");
    expect(within(state).getByRole("link", { name: "All problems" })).toHaveAttribute("href", "#/problems");
  });

  it("shows user text exactly as typed, never as markup", async () => {
    const text = `<script>alert("x")</script> <b>bold</b>`;
    const problem = makeProblem(text, undefined, { tags: ["<i>tag</i>"], references: ["<img src=x>"] });
    backendFor(problem, {
      occurrences: [
        {
          id: "o1",
          problemId: problem.id,
          occurredOn: "2025-01-02",
          channel: null,
          ticketRef: "<a href=x>t</a>",
          note: "<script>1</script>",
          author: "<b>me</b>",
          createdAt: "2025-01-02T00:00:00Z",
        },
      ],
    });
    open(problem);
    expect(await screen.findByTestId("field-title")).toHaveValue(text);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(text);
    expect(screen.getByTestId("tag-chip")).toHaveTextContent("<i>tag</i>");
    expect(screen.getByTestId("reference-item")).toHaveTextContent("<img src=x>");
    const row = screen.getByTestId("occurrence-row");
    expect(row).toHaveTextContent("<script>1</script>");
    const main = screen.getByTestId("problem-detail");
    expect(main.querySelector("script, b, i, img, a[href='x']")).toBeNull();
  });

  it("reads right to left in Arabic, with translated labels and a mirrored sparkline", async () => {
    const problem = makeProblem("لا يصل رمز التحقق", undefined, { status: "closed" });
    backendFor(problem, {}, { settings: { language: "ar" } });
    open(problem);
    await waitFor(() => {
      expect(document.documentElement).toHaveAttribute("dir", "rtl");
    });
    const status = await screen.findByTestId("field-status");
    expect(status).toHaveAccessibleName("الحالة");
    expect(
      within(status)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["إعادة الفتح", "مغلقة"]);
    expect(screen.getByTestId("field-nps")).toHaveAccessibleName("إجابة NPS (0–10)");
    expect(screen.getByTestId("problem-delete")).toHaveTextContent("نقل إلى سلة المحذوفات");
    expect(screen.getByTestId("occurrence-log-open")).toHaveTextContent("تسجيل تكرار آخر");
    expect(screen.getByTestId("field-title")).toHaveAttribute("dir", "auto");
    const chart = screen.getByTestId("sparkline");
    expect(chart).toHaveAttribute("data-direction", "rtl");
    // Time flows right to left (uPlot's mirrored x scale): the newest week is drawn leftmost.
    await waitFor(() => {
      expect(chartIn(chart).options.scales?.x?.dir).toBe(-1);
    });
    expect(chartIn(chart).data[1]).toEqual([0, 0, 1, 0, 2, 0, 0, 3, 0, 0, 1, 1]);
    expect(chart.getAttribute("aria-label")).toMatch(/^عدد البلاغات في كل أسبوع/);
  });
});

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
