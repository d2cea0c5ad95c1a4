import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { localToday } from "../../../api/actions";
import { makeAnalysis, makeWhy } from "../../../test/mock-analysis";
import {
  installMockBackend,
  makeProblem,
  rejectWith,
  type MockBackendOptions,
} from "../../../test/mock-backend";
import type { CauseRef } from "../../../bindings/CauseRef";
import { renderApp } from "../../../test/render";

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function setUp(options: MockBackendOptions = {}) {
  const problem = makeProblem("Refunds reach the card two weeks late");
  const analysis = makeAnalysis(problem.id, "Late refunds");
  const root = makeWhy(analysis.id, "Refunds are batched weekly", { rootCause: true });
  const other = makeWhy(analysis.id, "Nobody owns the refund calendar", { rootCause: true });
  const causes: CauseRef[] = [root, other].map((n) => ({
    id: n.id,
    text: n.text,
    analysisId: analysis.id,
    analysisTitle: analysis.title,
    rootCause: true,
    deleted: false,
  }));
  const backend = installMockBackend({
    problems: [problem],
    analysis: { analyses: [analysis], nodes: [root, other] },
    ...options,
    handlers: { action_root_causes: () => causes, ...options.handlers },
  });
  const rendered = renderApp(`/problems/${problem.id}`);
  return { problem, analysis, root, other, backend, ...rendered };
}

async function openForm(user: ReturnType<typeof setUp>["user"]) {
  await user.click(await screen.findByTestId("problem-action-add"));
  return screen.findByTestId("new-action-form");
}

describe("New action form", () => {
  it("creates an action with everything that was filled in", async () => {
    const { problem, root, backend, user } = setUp();
    const form = await openForm(user);
    const title = within(form).getByTestId("new-action-title");
    expect(title).toHaveFocus();
    // Corrective is the default; each kind says what it is for.
    expect(within(form).getByTestId("new-action-kind-corrective")).toBeChecked();
    expect(form).toHaveTextContent("Stops the bleeding now, before the cause is removed");

    await user.type(title, "Run refunds daily");
    await user.click(within(form).getByTestId("new-action-kind-preventive"));
    // Each root cause shows its text and the analysis it was found in.
    const options = await within(form).findAllByTestId("new-action-causes-option");
    expect(options).toHaveLength(2);
    expect(within(form).getByTestId("new-action-causes")).toHaveTextContent(
      "Refunds are batched weekly in Late refunds",
    );
    await user.click(options[0] as HTMLElement);
    await user.type(within(form).getByTestId("new-action-owner"), "  Huda Saleh ");
    const due = addDays(localToday(), 7);
    await user.type(within(form).getByTestId("new-action-dueOn"), due);
    await user.selectOptions(within(form).getByTestId("new-action-priority"), "Urgent");
    await user.type(within(form).getByTestId("new-action-checkMethod"), "Fewer refund tickets");
    await user.type(within(form).getByTestId("new-action-description"), "Finance agrees");
    await user.click(within(form).getByTestId("new-action-save"));

    await waitFor(() => {
      expect(backend.callsTo("action_create")).toHaveLength(1);
    });
    expect(backend.callsTo("action_create")[0]).toEqual({
      input: {
        problemId: problem.id,
        title: "Run refunds daily",
        kind: "preventive",
        causeIds: [root.id],
        owner: "Huda Saleh",
        dueOn: due,
        priority: "urgent",
        checkMethod: "Fewer refund tickets",
        description: "Finance agrees",
      },
    });
    // The form closes and the new action is listed, linking to its page.
    await waitFor(() => {
      expect(screen.queryByTestId("new-action-form")).toBeNull();
    });
    const link = await screen.findByTestId("problem-action-link");
    expect(link).toHaveTextContent("Run refunds daily");
    expect(link).toHaveAttribute("href", `#/actions/${backend.state.actions.actions[0]?.id ?? ""}`);
    expect(screen.getByTestId("problem-action-add")).toHaveFocus();
  });

  it("creates with Enter in the title, preselecting nothing and warning when a corrective action names no root cause", async () => {
    const { problem, backend, user } = setUp();
    const form = await openForm(user);
    expect(await within(form).findByTestId("new-action-causes-warning")).toHaveTextContent(
      "A corrective action should name the root cause it removes",
    );
    // The warning is about corrective actions only.
    await user.click(within(form).getByTestId("new-action-kind-containment"));
    expect(within(form).queryByTestId("new-action-causes-warning")).toBeNull();
    await user.click(within(form).getByTestId("new-action-kind-corrective"));
    expect(within(form).getByTestId("new-action-causes-warning")).toBeInTheDocument();

    // Still allowed to save.
    await user.type(within(form).getByTestId("new-action-title"), "Call the bank{Enter}");
    await waitFor(() => {
      expect(backend.callsTo("action_create")).toEqual([
        {
          input: {
            problemId: problem.id,
            title: "Call the bank",
            kind: "corrective",
            causeIds: [],
            priority: "medium",
          },
        },
      ]);
    });
  });

  it("shows every broken rule beside its field before sending, focusing the first", async () => {
    const { backend, user } = setUp();
    const form = await openForm(user);
    await user.type(within(form).getByTestId("new-action-owner"), "x".repeat(201));
    await user.type(within(form).getByTestId("new-action-dueOn"), addDays(localToday(), -1));
    await user.click(within(form).getByTestId("new-action-save"));

    expect(within(form).getByTestId("new-action-title-error")).toHaveTextContent("This field is required");
    expect(within(form).getByTestId("new-action-owner-error")).toHaveTextContent("At most 200 characters");
    expect(within(form).getByTestId("new-action-dueOn-error")).toHaveTextContent(
      "The date can't be before the day it was created",
    );
    await waitFor(() => {
      expect(within(form).getByTestId("new-action-title")).toHaveFocus();
    });
    expect(within(form).getByTestId("new-action-title")).toHaveAttribute("aria-invalid", "true");
    expect(backend.callsTo("action_create")).toEqual([]);
    // Nothing typed is lost.
    expect(within(form).getByTestId("new-action-owner")).toHaveValue("x".repeat(201));
  });

  it("shows every rule the core refuses beside its field and keeps what was typed", async () => {
    const { backend, user } = setUp({
      handlers: {
        action_create: () =>
          rejectWith({
            code: "invalid_input",
            details: {
              field: "owner",
              rule: "too_long",
              limit: 200,
              fields: [
                { field: "owner", rule: "too_long", limit: 200 },
                { field: "dueOn", rule: "before_created", limit: null },
              ],
            },
          }),
      },
    });
    const form = await openForm(user);
    await user.type(within(form).getByTestId("new-action-title"), "Run refunds daily");
    await user.type(within(form).getByTestId("new-action-owner"), "Huda");
    await user.click(within(form).getByTestId("new-action-save"));
    expect(await within(form).findByTestId("new-action-owner-error")).toHaveTextContent(
      "At most 200 characters",
    );
    expect(within(form).getByTestId("new-action-dueOn-error")).toHaveTextContent(
      "The date can't be before the day it was created",
    );
    await waitFor(() => {
      expect(within(form).getByTestId("new-action-owner")).toHaveFocus();
    });
    expect(within(form).getByTestId("new-action-title")).toHaveValue("Run refunds daily");
    expect(within(form).getByTestId("new-action-owner")).toHaveValue("Huda");
    expect(backend.state.actions.actions).toEqual([]);
  });

  it("offers owners named before and cancels with Escape", async () => {
    const { user } = setUp({
      handlers: { action_owners: () => ["Huda Saleh", "Omar Haddad"] },
    });
    const form = await openForm(user);
    const owner = within(form).getByTestId("new-action-owner");
    const list = document.getElementById(owner.getAttribute("list") ?? "");
    await waitFor(() => {
      expect([...(list?.querySelectorAll("option") ?? [])].map((o) => o.value)).toEqual([
        "Huda Saleh",
        "Omar Haddad",
      ]);
    });
    await user.type(within(form).getByTestId("new-action-title"), "Draft{Escape}");
    expect(screen.queryByTestId("new-action-form")).toBeNull();
    expect(screen.getByTestId("problem-action-add")).toBeInTheDocument();
  });
});
