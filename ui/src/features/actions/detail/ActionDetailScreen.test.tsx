import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { makeAction } from "../../../test/mock-actions";
import { makeAnalysis, makeWhy } from "../../../test/mock-analysis";
import {
  installMockBackend,
  makeProblem,
  rejectWith,
  type MockBackendOptions,
} from "../../../test/mock-backend";
import type { Action } from "../../../bindings/Action";
import type { ActionStatus } from "../../../bindings/ActionStatus";
import type { CauseRef } from "../../../bindings/CauseRef";
import type { HistoryEntry } from "../../../bindings/HistoryEntry";
import { renderApp } from "../../../test/render";

function setUp(fields: Partial<Action> = {}, options: MockBackendOptions = {}) {
  const problem = makeProblem("Refunds reach the card late");
  const analysis = makeAnalysis(problem.id, "Late refunds");
  const root = makeWhy(analysis.id, "Refunds are batched weekly", { rootCause: true });
  const action = makeAction(problem.id, "Run refunds daily", fields);
  const backend = installMockBackend({
    problems: [problem],
    analysis: { analyses: [analysis], nodes: [root] },
    actions: { actions: [action] },
    ...options,
    handlers: { history_list: () => [], ...options.handlers },
  });
  const rendered = renderApp(`/actions/${action.id}`);
  return { problem, analysis, root, action, backend, ...rendered };
}

const stored = (backend: ReturnType<typeof setUp>["backend"]) => backend.state.actions.actions[0];

describe("Action page", () => {
  it("shows the action with links back, its root causes and what to look at", async () => {
    const { problem, analysis, root, action } = setUp(
      {
        status: "done",
        doneOn: "2025-03-01",
        recurredOn: "2025-03-09",
        checkDueOn: "2025-03-31",
        owner: "Huda Saleh",
      },
      {},
    );
    await screen.findByTestId("action-detail");
    expect(screen.getByTestId("action-back-to-table")).toHaveAttribute("href", "#/actions");
    expect(screen.getByTestId("action-problem-link")).toHaveAttribute("href", `#/problems/${problem.id}`);
    expect(screen.getByTestId("action-problem-link")).toHaveTextContent("Refunds reach the card late");
    expect(screen.getByTestId("action-field-title")).toHaveValue("Run refunds daily");
    expect(screen.getByTestId("action-field-owner")).toHaveValue("Huda Saleh");
    expect(screen.getByTestId("action-field-checkDueOn")).toHaveAttribute("data-day", "2025-03-31");
    // Recurred after the fix: said prominently, with the day.
    expect(screen.getByTestId("action-alert-recurred")).toHaveTextContent(
      "Reported again on Mar 9, 2025 after this was done — judge whether the fix works.",
    );
    expect(screen.getByTestId("action-alert-noRootCause")).toHaveTextContent(
      "A corrective action should name the root cause it removes",
    );
    expect(screen.getByTestId("action-check-when")).toHaveTextContent("The check is due on Mar 31, 2025.");
    expect(action.causeIds).toEqual([]);
    expect(root.analysisId).toBe(analysis.id);
  });

  it("lists the root causes addressed, marking those deleted or no longer root, and edits them", async () => {
    const problem = makeProblem("Refunds late");
    const analysis = makeAnalysis(problem.id, "Late refunds");
    const live = makeWhy(analysis.id, "Refunds are batched weekly", { rootCause: true });
    const demoted = makeWhy(analysis.id, "Bank cut-off", { rootCause: false });
    const action = makeAction(problem.id, "Run refunds daily", { causeIds: [live.id, demoted.id, "gone"] });
    const causes: CauseRef[] = [
      {
        id: live.id,
        text: live.text,
        analysisId: analysis.id,
        analysisTitle: analysis.title,
        rootCause: true,
        deleted: false,
      },
      {
        id: demoted.id,
        text: demoted.text,
        analysisId: analysis.id,
        analysisTitle: analysis.title,
        rootCause: false,
        deleted: false,
      },
      {
        id: "gone",
        text: "Old cause",
        analysisId: analysis.id,
        analysisTitle: analysis.title,
        rootCause: true,
        deleted: true,
      },
    ];
    const backend = installMockBackend({
      problems: [problem],
      analysis: { analyses: [analysis], nodes: [live, demoted] },
      actions: { actions: [action] },
      handlers: {
        history_list: () => [],
        action_get: () => ({
          action: { ...action, problemTitle: problem.title },
          flags: { overdue: false, checkDue: false, recurred: false, noRootCause: false },
          causes,
          comments: [],
        }),
        action_root_causes: () => [causes[0]],
      },
    });
    const { user } = renderApp(`/actions/${action.id}`);
    const items = await screen.findAllByTestId("action-cause");
    expect(items).toHaveLength(3);
    expect(within(items[0] as HTMLElement).getByTestId("action-cause-analysis")).toHaveAttribute(
      "href",
      `#/analyses/${analysis.id}`,
    );
    expect(items[0]).toHaveTextContent("Late refunds");
    expect(within(items[1] as HTMLElement).getByTestId("action-cause-notRoot")).toHaveTextContent(
      "No longer a root cause",
    );
    expect(within(items[2] as HTMLElement).getByTestId("action-cause-deleted")).toHaveTextContent("Deleted");

    await user.click(screen.getByTestId("action-causes-edit"));
    const options = await screen.findAllByTestId("action-causes-pick-option");
    // The problem's root causes, plus those named already (so they can be dropped).
    expect(options).toHaveLength(3);
    expect(options.map((o) => (o as HTMLInputElement).checked)).toEqual([true, true, true]);
    await user.click(options[1] as HTMLElement);
    await user.click(options[2] as HTMLElement);
    await user.click(screen.getByTestId("action-causes-save"));
    await waitFor(() => {
      expect(backend.callsTo("action_edit")).toEqual([
        { id: action.id, edit: { field: "causeIds", value: [live.id] } },
      ]);
    });
  });

  it("edits each field in place with the matching edit", async () => {
    const { action, backend, user } = setUp();
    const title = await screen.findByTestId("action-field-title");
    await user.clear(title);
    await user.type(title, "Run refunds twice a day{Enter}");
    await user.selectOptions(screen.getByTestId("action-field-priority"), "High");
    await user.selectOptions(screen.getByTestId("action-field-kind"), "Preventive");
    await user.type(screen.getByTestId("action-field-owner"), "Omar{Enter}");
    await user.type(screen.getByTestId("action-field-dueOn"), "2099-05-01{Enter}");
    const method = screen.getByTestId("action-field-checkMethod");
    await user.type(method, "Count refund tickets{Control>}{Enter}{/Control}");
    await waitFor(() => {
      expect(backend.callsTo("action_edit")).toEqual([
        { id: action.id, edit: { field: "title", value: "Run refunds twice a day" } },
        { id: action.id, edit: { field: "priority", value: "high" } },
        { id: action.id, edit: { field: "kind", value: "preventive" } },
        { id: action.id, edit: { field: "owner", value: "Omar" } },
        { id: action.id, edit: { field: "dueOn", value: "2099-05-01" } },
        { id: action.id, edit: { field: "checkMethod", value: "Count refund tickets" } },
      ]);
    });
    expect(stored(backend)).toMatchObject({
      title: "Run refunds twice a day",
      priority: "high",
      kind: "preventive",
      owner: "Omar",
      dueOn: "2099-05-01",
      checkMethod: "Count refund tickets",
    });
  });

  it("shows the core's refusal beside the field and keeps what was typed", async () => {
    const { user } = setUp(
      {},
      {
        handlers: {
          action_edit: () =>
            rejectWith({ code: "invalid_input", details: { field: "dueOn", rule: "before_created" } }),
        },
      },
    );
    const due = await screen.findByTestId("action-field-dueOn");
    await user.type(due, "2001-01-01{Enter}");
    expect(await screen.findByTestId("action-field-dueOn-error")).toHaveTextContent(
      "The date can't be before the day it was created",
    );
    expect(due).toHaveAttribute("data-day", "2001-01-01");
    expect(due).toHaveAttribute("aria-invalid", "true");
    // An empty title is refused before any round trip.
    const title = screen.getByTestId("action-field-title");
    await user.clear(title);
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("action-field-title-error")).toHaveTextContent("This field is required");
  });

  it.each<[ActionStatus, string[]]>([
    ["open", ["action-step-start", "action-step-markDone", "action-step-cancel"]],
    ["in_progress", ["action-step-markDone", "action-step-backToOpen", "action-step-cancel"]],
    ["done", ["action-step-check", "action-step-backToInProgress", "action-step-cancel"]],
    ["verified_effective", ["action-step-check"]],
    ["not_effective", ["action-step-reopen", "action-step-markDone", "action-step-cancel"]],
    ["cancelled", ["action-step-reopen"]],
  ])("offers only the allowed next steps from %s", async (status, steps) => {
    setUp({ status });
    const panel = await screen.findByTestId("action-status-panel");
    const shown = within(panel)
      .getAllByRole("button")
      .map((b) => b.getAttribute("data-testid"));
    expect(shown).toEqual(steps);
  });

  it("starts, then marks done, each a status move", async () => {
    const { action, backend, user } = setUp();
    await user.click(await screen.findByTestId("action-step-start"));
    await screen.findByTestId("action-step-backToOpen");
    await user.click(screen.getByTestId("action-step-markDone"));
    await screen.findByTestId("action-step-check");
    expect(backend.callsTo("action_edit")).toEqual([
      { id: action.id, edit: { field: "status", value: "in_progress" } },
      { id: action.id, edit: { field: "status", value: "done" } },
    ]);
    // Done: the check falls due 30 days later, as the core set it.
    expect(screen.getByTestId("action-status-panel")).toHaveTextContent("Done");
    expect(screen.getByTestId("action-check-when")).toHaveTextContent("The check is due on");
  });

  it("records a check's result only with notes, explaining what not effective does", async () => {
    const { action, backend, user } = setUp({
      status: "done",
      doneOn: "2025-03-01",
      checkDueOn: "2025-03-31",
    });
    await user.click(await screen.findByTestId("action-step-check"));
    const dialog = screen.getByTestId("action-check-dialog");
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(dialog).toHaveTextContent(
      "Not effective reopens its root causes and moves the problem back to investigating.",
    );
    expect(within(dialog).getByTestId("check-result-effective")).toBeChecked();
    await user.click(within(dialog).getByTestId("check-result-not_effective"));
    await user.click(within(dialog).getByTestId("action-check-dialog-confirm"));
    expect(within(dialog).getByTestId("action-check-dialog-error")).toHaveTextContent(
      "This field is required",
    );
    expect(backend.callsTo("action_edit")).toEqual([]);

    await user.type(within(dialog).getByTestId("action-check-dialog-text"), "Two more reports this week");
    await user.click(within(dialog).getByTestId("action-check-dialog-confirm"));
    await waitFor(() => {
      expect(screen.queryByTestId("action-check-dialog")).toBeNull();
    });
    expect(backend.callsTo("action_edit")).toEqual([
      {
        id: action.id,
        edit: { field: "check", value: { result: "not_effective", notes: "Two more reports this week" } },
      },
    ]);
    const result = await screen.findByTestId("action-check-result");
    expect(result).toHaveTextContent("Not effective");
    expect(result).toHaveTextContent("Two more reports this week");
    expect(screen.getByTestId("action-step-reopen")).toBeInTheDocument();
  });

  it("cancels only with a reason, and shows it", async () => {
    const { action, backend, user } = setUp();
    await user.click(await screen.findByTestId("action-step-cancel"));
    const dialog = screen.getByTestId("action-cancel-dialog");
    const reason = within(dialog).getByTestId("action-cancel-dialog-text");
    expect(reason).toHaveFocus();
    await user.keyboard("{Control>}{Enter}{/Control}");
    expect(within(dialog).getByTestId("action-cancel-dialog-error")).toHaveTextContent(
      "This field is required",
    );
    await user.type(reason, "Superseded by the new refund system{Control>}{Enter}{/Control}");
    await waitFor(() => {
      expect(screen.queryByTestId("action-cancel-dialog")).toBeNull();
    });
    expect(backend.callsTo("action_edit")).toEqual([
      { id: action.id, edit: { field: "cancel", value: { reason: "Superseded by the new refund system" } } },
    ]);
    expect(await screen.findByTestId("action-cancel-reason")).toHaveTextContent(
      "Superseded by the new refund system",
    );
    expect(screen.getByTestId("action-step-reopen")).toBeInTheDocument();
  });

  it("adds a comment with Ctrl+Enter, keeping its line breaks as plain text", async () => {
    const { action, backend, user } = setUp();
    const input = await screen.findByTestId("action-comment-input");
    expect(screen.getByTestId("action-comments-empty")).toBeInTheDocument();
    await user.click(screen.getByTestId("action-comment-send"));
    expect(screen.getByTestId("action-comment-error")).toHaveTextContent("This field is required");
    expect(backend.callsTo("action_comment")).toEqual([]);

    await user.type(
      input,
      "Spoke to finance.{Shift>}{Enter}{/Shift}<b>Agreed</b>{Control>}{Enter}{/Control}",
    );
    await waitFor(() => {
      expect(backend.callsTo("action_comment")).toEqual([
        { id: action.id, body: "Spoke to finance.\n<b>Agreed</b>" },
      ]);
    });
    const body = await screen.findByTestId("action-comment-body");
    expect(body.textContent).toBe("Spoke to finance.\n<b>Agreed</b>");
    expect(body.querySelector("b")).toBeNull();
    expect(body).toHaveClass("preserve-lines");
    expect(screen.getByTestId("action-comment")).toHaveTextContent("Tester");
    expect(input).toHaveValue("");
  });

  it("lists the history newest first with translated fields and values", async () => {
    const entry = (seq: number, fields: Partial<HistoryEntry>): HistoryEntry => ({
      seq,
      entity: "action",
      entityId: "a",
      op: "update",
      field: null,
      oldValue: null,
      newValue: null,
      author: "Sam",
      at: "2025-03-01T10:00:00Z",
      ...fields,
    });
    const { action, backend } = setUp(
      {},
      {
        handlers: {
          history_list: () => [
            entry(1, { op: "create" }),
            entry(2, { field: "status", oldValue: "open", newValue: "in_progress" }),
            entry(3, { field: "priority", oldValue: "medium", newValue: "urgent" }),
            entry(4, { field: "dueOn", oldValue: null, newValue: "2025-04-01" }),
          ],
        },
      },
    );
    const rows = await screen.findAllByTestId("action-history-row");
    expect(rows.map((r) => r.querySelector(".history-change")?.textContent)).toEqual([
      "DueApr 1, 2025",
      "PriorityMedium→changed toUrgent",
      "StatusOpen→changed toIn progress",
      "Created",
    ]);
    expect(backend.callsTo("history_list")).toEqual([{ entity: "action", id: action.id }]);
  });

  it("moves the action to the trash, lands on its problem and offers Undo", async () => {
    const { action, problem, backend, user } = setUp(
      {},
      {
        handlers: {
          history_list: () => [],
          trash_restore: (args, state) => {
            const a = state.actions.actions.find((x) => x.id === args.id);
            if (a !== undefined) a.deleted = false;
            return null;
          },
        },
      },
    );
    await user.click(await screen.findByTestId("action-delete"));
    await waitFor(() => {
      expect(window.location.hash).toBe(`#/problems/${problem.id}`);
    });
    const toast = await screen.findByTestId("action-undo-toast");
    expect(toast.textContent.replace(/[\u2068\u2069]/g, "")).toContain(
      "“Run refunds daily” was moved to the trash.",
    );
    await user.click(screen.getByTestId("action-undo-delete"));
    await waitFor(() => {
      expect(window.location.hash).toBe(`#/actions/${action.id}`);
    });
    expect(backend.callsTo("trash_restore")).toEqual([{ entity: "action", id: action.id }]);
    expect(await screen.findByTestId("action-detail")).toBeInTheDocument();
  });

  it("says so when the action does not exist", async () => {
    installMockBackend({ handlers: { history_list: () => [] } });
    renderApp("/actions/nope");
    expect(await screen.findByTestId("action-not-found")).toHaveTextContent("This action is not here");
  });

  it("speaks Arabic", async () => {
    setUp({ status: "done", doneOn: "2025-03-01" }, { settings: { language: "ar" } });
    await waitFor(() => {
      expect(document.documentElement).toHaveAttribute("dir", "rtl");
    });
    expect(await screen.findByTestId("action-field-owner")).toHaveAccessibleName("المسؤول");
    expect(screen.getByTestId("action-step-check")).toHaveTextContent("سجّل نتيجة التحقق");
    expect(screen.getByTestId("action-back-to-table")).toHaveTextContent("كل الإجراءات");
    expect(screen.getByTestId("action-status-panel")).toHaveTextContent("منجز");
  });
});
