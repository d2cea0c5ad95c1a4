import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { makeAnalysis, makeWhy } from "../../../test/mock-analysis";
import {
  installMockBackend,
  makeProblem,
  rejectWith,
  type MockBackendOptions,
} from "../../../test/mock-backend";
import type { WhyNode } from "../../../bindings/WhyNode";
import { renderApp } from "../../../test/render";

function setUp(options: MockBackendOptions = {}, nodes: (analysisId: string) => WhyNode[] = () => []) {
  const problem = makeProblem("Refunds reach the card two weeks late");
  const analysis = makeAnalysis(problem.id, "Late refunds");
  const backend = installMockBackend({
    problems: [problem],
    ...options,
    analysis: { analyses: [analysis], nodes: nodes(analysis.id), ...options.analysis },
  });
  const rendered = renderApp(`/analyses/${analysis.id}/session`);
  // Keys without a pause between them: a long walk stays well inside the test timeout.
  return { problem, analysis, backend, ...rendered, user: userEvent.setup({ delay: null }) };
}

const question = () => screen.getByTestId("session-question");
const answerTexts = () =>
  screen.getAllByTestId("session-answer").map((a) => a.querySelector(".session-answer-text")?.textContent);

describe("Guided session", () => {
  it("walks a session: branches, goes deeper, attaches evidence, confirms, picks a root cause and records an action", async () => {
    const { problem, analysis, backend, user } = setUp();

    // A full-screen overlay showing the problem and the first question.
    const session = await screen.findByTestId("session");
    expect(session).toHaveAttribute("role", "dialog");
    expect(session).toHaveAttribute("aria-modal", "true");
    expect(session).toHaveAttribute("dir", "ltr");
    expect(await screen.findByTestId("session-problem")).toHaveTextContent(
      "Refunds reach the card two weeks late",
    );
    expect(question()).toHaveTextContent("Why did this happen?");
    expect(screen.getByTestId("key-legend")).toHaveTextContent("Ask why about answer 1 to 9");

    // Two answers to the problem: two branches. Enter adds; the field is ready for the next one.
    const input = screen.getByTestId("answer-input");
    await waitFor(() => {
      expect(input).toHaveFocus();
    });
    await user.type(input, "Refunds run weekly{Enter}");
    await waitFor(() => {
      expect(answerTexts()).toHaveLength(1);
    });
    expect(input).toHaveValue("");
    await user.type(input, "The bank holds them{Enter}");
    await waitFor(() => {
      expect(answerTexts()).toEqual(["Answer 1: Refunds run weekly", "Answer 2: The bank holds them"]);
    });
    expect(backend.callsTo("why_add")).toEqual([
      { analysisId: analysis.id, input: { text: "Refunds run weekly" } },
      { analysisId: analysis.id, input: { text: "The bank holds them" } },
    ]);
    const [weekly, bank] = backend.state.analysis.nodes;
    if (weekly === undefined || bank === undefined) throw new Error("two answers expected");

    // Keyboard alone: Escape leaves the field, 1 asks why about the first answer.
    await user.keyboard("{Escape}");
    expect(screen.getByTestId("session")).toBeInTheDocument();
    await user.keyboard("1");
    expect(question()).toHaveTextContent("Why did “\u2068Refunds run weekly\u2069” happen?");
    const crumbs = screen.getAllByTestId("crumb");
    expect(crumbs.map((c) => c.textContent)).toEqual([
      "ProblemRefunds reach the card two weeks late",
      "Why number 1Refunds run weekly",
    ]);
    expect(crumbs[1]).toHaveAttribute("aria-current", "step");
    await waitFor(() => {
      expect(screen.getByTestId("answer-input")).toHaveFocus();
    });

    await user.type(screen.getByTestId("answer-input"), "Batching saves fees{Enter}");
    await waitFor(() => {
      expect(answerTexts()).toEqual(["Answer 1: Batching saves fees"]);
    });
    expect(backend.callsTo("why_add")[2]).toEqual({
      analysisId: analysis.id,
      input: { parentId: weekly.id, text: "Batching saves fees" },
    });
    const batched = backend.state.analysis.nodes.find((n) => n.parentId === weekly.id);
    if (batched === undefined) throw new Error("a deeper answer expected");

    // Evidence: an empty note is refused here with a translated message, and what was typed stays.
    const card = screen.getByTestId("session-answer");
    await user.click(within(card).getByTestId("answer-add-evidence"));
    const note = within(card).getByTestId("evidence-note");
    expect(note).toHaveFocus();
    await user.type(note, "   ");
    await user.click(within(card).getByTestId("evidence-save"));
    expect(within(card).getByTestId("evidence-note-error")).toHaveTextContent("Write a note or a reference");
    expect(note).toHaveValue("   ");
    expect(note).toHaveAttribute("aria-invalid", "true");
    expect(backend.callsTo("evidence_add")).toEqual([]);

    await user.clear(note);
    await user.type(note, "Finance memo 2019");
    await user.type(within(card).getByTestId("evidence-reference"), "FIN-112");
    await user.click(within(card).getByTestId("evidence-save"));
    await waitFor(() => {
      expect(within(screen.getByTestId("session-answer")).getByTestId("evidence-item")).toHaveTextContent(
        "Finance memo 2019FIN-112",
      );
    });
    expect(backend.callsTo("evidence_add")).toEqual([
      {
        whyId: batched.id,
        input: { note: "Finance memo 2019", reference: "FIN-112" },
      },
    ]);

    // Mark it confirmed.
    await user.click(within(screen.getByTestId("session-answer")).getByTestId("status-confirmed"));
    await waitFor(() => {
      expect(within(screen.getByTestId("session-answer")).getByTestId("status-confirmed")).toHaveAttribute(
        "aria-pressed",
        "true",
      );
    });
    expect(backend.callsTo("why_edit")).toEqual([
      { id: batched.id, edit: { field: "status", value: "confirmed" } },
    ]);

    // Finish: the wrap-up lists every branch end, each with its read-back.
    await user.click(screen.getByTestId("session-finish"));
    expect(question()).toHaveTextContent("Which of these are root causes?");
    const candidates = screen.getAllByTestId("root-candidate");
    expect(candidates).toHaveLength(2);
    const [first, second] = candidates;
    if (first === undefined || second === undefined) throw new Error("two candidates expected");
    expect(first).toHaveTextContent(
      "Batching saves fees → Refunds run weekly → Refunds reach the card two weeks late",
    );
    expect(second).toHaveTextContent("The bank holds them");

    await user.click(within(first).getByTestId("root-toggle"));
    await waitFor(() => {
      expect(within(first).getByTestId("root-toggle")).toBeChecked();
    });
    expect(screen.getByTestId("ticked-count")).toHaveTextContent("1 root cause ticked");
    // Already confirmed: nothing left to confirm.
    expect(within(first).queryByTestId("root-confirm")).toBeNull();

    // A corrective action: prefilled with a suggestion, created for real for this root cause.
    await user.click(within(first).getByTestId("action-create"));
    const action = within(first).getByTestId("action-title");
    expect(action).toHaveValue("Change what lets this happen: Batching saves fees");
    expect(action).toHaveFocus();
    await user.clear(action);
    await user.type(action, "Run refunds daily");
    await user.type(within(first).getByTestId("action-owner"), "Huda");
    await user.type(action, "{Enter}");
    await waitFor(() => {
      expect(within(first).getByTestId("action-recorded")).toHaveTextContent(
        "Action created: Run refunds daily",
      );
    });
    expect(backend.callsTo("action_create")).toEqual([
      {
        input: {
          problemId: problem.id,
          title: "Run refunds daily",
          kind: "corrective",
          causeIds: [batched.id],
          owner: "Huda",
        },
      },
    ]);
    const created = backend.state.actions.actions[0];
    expect(created).toMatchObject({ title: "Run refunds daily", causeIds: [batched.id], owner: "Huda" });
    expect(within(first).getByTestId("action-link")).toHaveAttribute(
      "href",
      `#/actions/${created?.id ?? ""}`,
    );
    // Nothing is written on the cause itself any more.
    expect(backend.callsTo("why_edit").slice(1)).toEqual([
      { id: batched.id, edit: { field: "rootCause", value: true } },
    ]);
    expect(backend.state.analysis.nodes.find((n) => n.id === batched.id)).toMatchObject({
      status: "confirmed",
      rootCause: true,
      actionIntent: null,
      evidence: [expect.objectContaining({ note: "Finance memo 2019" })],
    });
    // Another one may follow.
    expect(within(first).getByTestId("action-create")).toHaveTextContent("Create another action");

    // Done: back to the analysis.
    await user.click(screen.getByTestId("session-done"));
    await waitFor(() => {
      expect(window.location.hash).toBe(`#/analyses/${analysis.id}`);
    });
    expect(screen.queryByTestId("session")).toBeNull();
  }, 30_000);

  it("shows a rejection from the core in words beside the field and keeps what was typed", async () => {
    const { user } = setUp(
      {
        handlers: {
          evidence_add: () =>
            rejectWith({
              code: "invalid_input",
              details: { field: "reference", rule: "too_long", limit: 500 },
            }),
        },
      },
      (analysisId) => [makeWhy(analysisId, "Chat agents cannot issue refunds")],
    );
    await user.click(await screen.findByTestId("answer-add-evidence"));
    await user.type(screen.getByTestId("evidence-reference"), "TICKET-9");
    await user.click(screen.getByTestId("evidence-save"));
    expect(await screen.findByTestId("evidence-reference-error")).toHaveTextContent("At most 500 characters");
    expect(screen.getByTestId("evidence-reference")).toHaveValue("TICKET-9");
    expect(screen.getByTestId("evidence-reference")).toHaveFocus();
  });

  it("lists a check's message on its answer and on the cause in question", async () => {
    const problem = makeProblem("Customers wait on hold for an hour");
    const analysis = makeAnalysis(problem.id, "Hold times");
    const blame = makeWhy(analysis.id, "Omar forgot to press the button");
    installMockBackend({
      problems: [problem],
      analysis: {
        analyses: [analysis],
        nodes: [blame],
        checks: [{ nodeId: blame.id, kind: "blames_person" }],
      },
    });
    const { user } = renderApp(`/analyses/${analysis.id}/session`);
    const card = await screen.findByTestId("session-answer");
    expect(within(card).getByTestId("checks")).toHaveTextContent(
      "This blames a person. Ask why the process allowed it to happen.",
    );
    await user.click(within(card).getByTestId("answer-deeper"));
    expect(
      within(screen.getByTestId("session")).getByRole("note", { name: "About the cause in question" }),
    ).toHaveTextContent("This blames a person.");
    // Not blocking: answers can still be added under it.
    expect(screen.getByTestId("answer-input")).toBeEnabled();
  });

  it("shows each new step's question at the top, below the sticky bar, whatever was scrolled", async () => {
    const scrolled: { text: string | null; block: ScrollLogicalPosition | undefined }[] = [];
    const proto = HTMLElement.prototype as Partial<Pick<HTMLElement, "scrollIntoView">>;
    proto.scrollIntoView = function (this: HTMLElement, options?: boolean | ScrollIntoViewOptions) {
      scrolled.push({
        text: this.textContent,
        block: typeof options === "object" ? options.block : undefined,
      });
    };
    try {
      const { user } = setUp();
      const session = await screen.findByTestId("session");
      const input = await screen.findByTestId("answer-input");
      await waitFor(() => {
        expect(input).toHaveFocus();
      });
      expect(scrolled.at(-1)).toEqual({ text: "Why did this happen?", block: "start" });
      // The bar's height is what scrolling stops below (jsdom lays nothing out: 0px).
      expect(session.style.getPropertyValue("--session-bar-size")).toBe("0px");

      await user.type(input, "Refunds run weekly{Enter}");
      await waitFor(() => {
        expect(answerTexts()).toHaveLength(1);
      });
      scrolled.length = 0;
      await user.keyboard("{Escape}1");
      await waitFor(() => {
        expect(question()).toHaveTextContent("Why did “\u2068Refunds run weekly\u2069” happen?");
      });
      await waitFor(() => {
        expect(scrolled.at(-1)?.block).toBe("start");
      });
      expect(scrolled.at(-1)?.text).toContain("Refunds run weekly");
    } finally {
      delete proto.scrollIntoView;
    }
  });

  it("goes back a step with Backspace and the chain, undoes with Ctrl+Z and exits with Escape", async () => {
    const { analysis, backend, user } = setUp({}, (analysisId) => {
      const top = makeWhy(analysisId, "Refund rules differ by channel");
      const deeper = makeWhy(analysisId, "Each channel wrote its own policy", { parentId: top.id });
      return [top, deeper];
    });
    await user.click(await screen.findByTestId("answer-deeper"));
    expect(question()).toHaveTextContent("Why did “\u2068Refund rules differ by channel\u2069” happen?");
    await user.click(screen.getByTestId("answer-deeper"));
    expect(question()).toHaveTextContent("Why did “\u2068Each channel wrote its own policy\u2069” happen?");
    expect(screen.getAllByTestId("crumb")).toHaveLength(3);

    // Back with the chain, then with Backspace outside a field.
    await user.click(screen.getAllByTestId("crumb")[1] as HTMLElement);
    expect(question()).toHaveTextContent("Why did “\u2068Refund rules differ by channel\u2069” happen?");
    await user.keyboard("{Escape}{Backspace}");
    expect(question()).toHaveTextContent("Why did this happen?");

    // Add, then undo outside the field: the answer goes (without landing in the trash list).
    await user.type(screen.getByTestId("answer-input"), "Nobody owns the policy{Enter}");
    await waitFor(() => {
      expect(answerTexts()).toHaveLength(2);
    });
    await user.keyboard("{Escape}{Control>}z{/Control}");
    await waitFor(() => {
      expect(answerTexts()).toHaveLength(1);
    });
    const added = backend.callsTo("why_add")[0];
    expect(added).toBeDefined();
    expect(backend.callsTo("why_delete")).toEqual([{ id: expect.any(String) as string, undo: true }]);
    await user.keyboard("{Control>}{Shift>}z{/Shift}{/Control}");
    await waitFor(() => {
      expect(answerTexts()).toHaveLength(2);
    });

    // Escape outside a field leaves the session for the analysis.
    await user.keyboard("{Escape}");
    await waitFor(() => {
      expect(window.location.hash).toBe(`#/analyses/${analysis.id}`);
    });
  });

  it("puts the window in full screen on request and leaves it on exit; says so when it cannot", async () => {
    const internals = (window as unknown as { __TAURI_INTERNALS__: { metadata?: unknown } })
      .__TAURI_INTERNALS__;
    const { analysis, backend, user } = setUp({
      handlers: { "plugin:window|set_fullscreen": () => null },
    });
    // Without a window to act on (as in a plain browser), the session says so and carries on.
    await user.click(await screen.findByTestId("session-fullscreen"));
    expect(await screen.findByTestId("session-alert")).toHaveTextContent(
      "Full screen is not available here.",
    );
    expect(screen.getByTestId("session")).toBeInTheDocument();

    internals.metadata = {
      currentWindow: { label: "main" },
      currentWebview: { windowLabel: "main", label: "main" },
    };
    try {
      await user.click(screen.getByTestId("session-fullscreen"));
      await waitFor(() => {
        expect(screen.getByTestId("session-fullscreen")).toHaveTextContent("Leave full screen");
      });
      await user.click(screen.getByTestId("session-exit"));
      await waitFor(() => {
        expect(backend.callsTo("plugin:window|set_fullscreen")).toEqual([
          { label: "main", value: true },
          { label: "main", value: false },
        ]);
      });
      expect(window.location.hash).toBe(`#/analyses/${analysis.id}`);
    } finally {
      delete internals.metadata;
    }
  });

  it("runs in Arabic, right to left, with the question in Arabic and mirrored arrows", async () => {
    const { user } = setUp({ settings: { language: "ar" } }, (analysisId) => [
      makeWhy(analysisId, "لا يصل إشعار الاسترداد إلى العميل"),
    ]);
    const session = await screen.findByTestId("session");
    await waitFor(() => {
      expect(session).toHaveAttribute("dir", "rtl");
    });
    expect(document.documentElement).toHaveAttribute("dir", "rtl");
    expect(question()).toHaveTextContent("لماذا حدث هذا؟");
    expect(screen.getByTestId("session-finish")).toHaveTextContent("اختم الجلسة");

    await user.click(screen.getByTestId("answer-deeper"));
    expect(question()).toHaveTextContent("لماذا حدث «\u2068لا يصل إشعار الاسترداد إلى العميل\u2069»؟");
    // In right-to-left, "back" points right.
    expect(screen.getByTestId("key-legend")).toHaveTextContent("Alt+→");
    await user.keyboard("{Alt>}{ArrowLeft}{/Alt}");
    expect(question()).toHaveTextContent("لماذا حدث «\u2068لا يصل إشعار الاسترداد إلى العميل\u2069»؟");
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    expect(question()).toHaveTextContent("لماذا حدث هذا؟");
  });
});
