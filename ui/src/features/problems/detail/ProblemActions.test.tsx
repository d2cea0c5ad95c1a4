import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { makeAction } from "../../../test/mock-actions";
import {
  installMockBackend,
  makeProblem,
  rejectWith,
  type MockBackendOptions,
} from "../../../test/mock-backend";
import type { Problem } from "../../../bindings/Problem";
import type { ProblemEdit } from "../../../bindings/ProblemEdit";
import i18n, { applyDocumentLanguage } from "../../../i18n";
import { renderApp } from "../../../test/render";

function setUp(problem: Problem, options: MockBackendOptions = {}) {
  const backend = installMockBackend({ problems: [problem], ...options });
  return { backend, ...renderApp(`/problems/${problem.id}`) };
}

describe("Problem page: corrective actions", () => {
  it("lists the problem's actions with links, kind, status, owner, due day and flags", async () => {
    const problem = makeProblem("Refunds reach the card late");
    const fixed = makeAction(problem.id, "Run refunds daily", {
      status: "done",
      owner: "Huda Saleh",
      dueOn: "2030-03-04",
      doneOn: "2030-03-01",
      recurredOn: "2030-03-10",
      causeIds: ["c1"],
    });
    const contain = makeAction(problem.id, "Tell waiting customers", { kind: "containment" });
    const elsewhere = makeAction(makeProblem("Another").id, "Not this problem's");
    setUp(problem, { actions: { actions: [fixed, contain, elsewhere] } });

    const panel = await screen.findByTestId("problem-actions");
    await waitFor(() => {
      expect(within(panel).getAllByTestId("problem-action")).toHaveLength(2);
    });
    expect(within(panel).getByRole("heading", { name: "Corrective actions 2" })).toBeInTheDocument();
    const [first, second] = within(panel).getAllByTestId("problem-action") as [HTMLElement, HTMLElement];
    expect(within(first).getByTestId("problem-action-link")).toHaveAttribute("href", `#/actions/${fixed.id}`);
    expect(first).toHaveTextContent("Corrective");
    expect(first).toHaveTextContent("Done");
    expect(first).toHaveTextContent("Huda Saleh");
    expect(first).toHaveTextContent("Due Mar 4, 2030");
    // Recurred after the fix stands out.
    expect(first).toHaveClass("problem-action--recurred");
    expect(within(first).getByTestId("action-flag-recurred")).toBeInTheDocument();
    expect(within(first).getByTestId("problem-action-recurred")).toHaveTextContent(
      "Reported again on Mar 10, 2030 after this was done — judge whether the fix works.",
    );
    expect(second).toHaveTextContent("Containment");
    expect(second).toHaveTextContent("Unassigned");
    expect(second).toHaveTextContent("No due date");
    expect(within(panel).getByTestId("problem-actions-table")).toHaveAttribute(
      "href",
      `#/actions?problem=${problem.id}`,
    );
  });

  it("explains what actions are for when there are none", async () => {
    const problem = makeProblem("Nothing done yet");
    setUp(problem);
    expect(await screen.findByTestId("problem-actions-empty")).toHaveTextContent(
      "Actions are what the team does about this problem",
    );
    expect(screen.getByTestId("action-effect-none")).toHaveTextContent("Once an action is marked done");
  });

  it("closes a problem with unfinished actions only after asking for a reason", async () => {
    const problem = makeProblem("Still being fixed", undefined, { status: "monitoring" });
    const { backend, user } = setUp(problem, {
      actions: { actions: [makeAction(problem.id, "Unfinished")] },
      handlers: {
        problem_edit: (args) => {
          const edit = args.edit as ProblemEdit;
          if (edit.field === "status" && edit.value === "closed") {
            return rejectWith({ code: "invalid_input", details: { field: "status", rule: "open_actions" } });
          }
          return problem;
        },
      },
    });
    const status = await screen.findByTestId("field-status");
    await user.selectOptions(status, "closed");

    const dialog = await screen.findByTestId("close-anyway");
    expect(dialog).toHaveAttribute("role", "dialog");
    expect(within(dialog).getByRole("heading", { name: "Close anyway?" })).toBeInTheDocument();
    const reason = within(dialog).getByTestId("close-anyway-text");
    expect(reason).toHaveFocus();
    // The reason is required.
    await user.click(within(dialog).getByTestId("close-anyway-confirm"));
    expect(within(dialog).getByTestId("close-anyway-error")).toHaveTextContent("This field is required");
    expect(backend.callsTo("problem_close")).toEqual([]);

    await user.type(reason, "The customer left; the rest is tracked elsewhere");
    await user.click(within(dialog).getByTestId("close-anyway-confirm"));
    await waitFor(() => {
      expect(screen.queryByTestId("close-anyway")).toBeNull();
    });
    expect(backend.callsTo("problem_close")).toEqual([
      { id: problem.id, reason: "The customer left; the rest is tracked elsewhere" },
    ]);
    expect(backend.state.actions.closeReasons[problem.id]).toBe(
      "The customer left; the rest is tracked elsewhere",
    );
  });

  it("goes back to the saved status when the user does not close it after all", async () => {
    const problem = makeProblem("Still being fixed", undefined, { status: "monitoring" });
    const { backend, user } = setUp(problem, {
      handlers: {
        problem_edit: () =>
          rejectWith({ code: "invalid_input", details: { field: "status", rule: "open_actions" } }),
      },
    });
    const status = await screen.findByTestId("field-status");
    await user.selectOptions(status, "closed");
    await screen.findByTestId("close-anyway");
    await user.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.queryByTestId("close-anyway")).toBeNull();
    });
    expect(status).toHaveValue("monitoring");
    expect(backend.callsTo("problem_close")).toEqual([]);
  });

  it("speaks Arabic", async () => {
    await i18n.changeLanguage("ar");
    applyDocumentLanguage("ar");
    const problem = makeProblem("لا يصل رمز التحقق");
    setUp(problem, {
      settings: { language: "ar" },
      actions: { actions: [makeAction(problem.id, "إرسال الرمز عبر مزوّد ثانٍ")] },
    });
    const panel = await screen.findByTestId("problem-actions");
    expect(within(panel).getByRole("heading", { level: 2, name: /الإجراءات التصحيحية/ })).toBeInTheDocument();
    expect(await within(panel).findByTestId("problem-action")).toHaveTextContent("تصحيحي");
    expect(within(panel).getByTestId("problem-action")).toHaveTextContent("مفتوح");
    expect(within(panel).getByTestId("problem-action-add")).toHaveTextContent("أضف إجراءً");
    expect(within(panel).getByTestId("problem-actions-table")).toHaveTextContent("افتح في جدول الإجراءات");
  });
});
