import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { makeAnalysis, makeWhy } from "../../test/mock-analysis";
import {
  installMockBackend,
  makeProblem,
  rejectWith,
  type MockBackendOptions,
} from "../../test/mock-backend";
import type { Analysis } from "../../bindings/Analysis";
import type { AnalysisTree } from "../../bindings/AnalysisTree";
import type { WhyNode } from "../../bindings/WhyNode";
import { renderApp } from "../../test/render";
import type { TreeEditor } from "./model/useTreeEditor";

// The outline and the diagram have their own tests; here they are stand-ins
// that show what they were given and make one tree edit through the editor.
vi.mock("./outline/OutlineView", () => ({
  OutlineView: ({
    tree,
    editor,
    focusNodeId,
  }: {
    tree: AnalysisTree;
    editor: TreeEditor;
    focusNodeId?: string;
  }) => (
    <div data-testid="outline-stub" data-focus={focusNodeId ?? ""}>
      {tree.nodes.map((n) => n.text).join(" | ")}
      <button
        type="button"
        data-testid="stub-rename"
        onClick={() => {
          const first = tree.nodes[0];
          if (first !== undefined)
            void editor.edit(first, { field: "text", value: "Renamed" }).catch(() => null);
        }}
      >
        rename
      </button>
      <input aria-label="stub field" data-testid="stub-input" />
    </div>
  ),
}));
vi.mock("./diagram/DiagramView", () => ({
  DiagramView: ({ tree }: { tree: AnalysisTree }) => (
    <div data-testid="diagram-stub">{tree.nodes.length}</div>
  ),
}));

const problem = makeProblem("Refunds never reach the card");

interface Setup {
  analysis?: Partial<Analysis>;
  nodes?: (analysisId: string) => WhyNode[];
  options?: MockBackendOptions;
}

function setup({ analysis: fields = {}, nodes, options = {} }: Setup = {}) {
  const analysis = makeAnalysis(problem.id, "Why refunds stall", {
    facilitator: "Rana",
    participants: ["Omar"],
    heldOn: "2025-03-10",
    ...fields,
  });
  const backend = installMockBackend({
    problems: [problem],
    ...options,
    analysis: { analyses: [analysis], nodes: nodes?.(analysis.id) ?? [], ...options.analysis },
  });
  return { analysis, backend };
}

/** Problem ← "The batch runs daily" ← "Nobody owns the schedule" (root cause); Problem ← "Support promises 3 days". */
function chain(analysisId: string): WhyNode[] {
  const a = makeWhy(analysisId, "The batch runs daily.", { status: "confirmed" });
  const b = makeWhy(analysisId, "Nobody owns the schedule", {
    parentId: a.id,
    rootCause: true,
    status: "confirmed",
    evidence: [
      {
        id: "e1",
        note: "No owner in the wiki",
        reference: "WIKI-1",
        author: "",
        createdAt: "2025-03-10T00:00:00Z",
      },
      { id: "e2", note: "Asked ops", reference: "", author: "", createdAt: "2025-03-10T00:00:00Z" },
    ],
  });
  const c = makeWhy(analysisId, "Support promises 3 days", { position: 1 });
  return [a, b, c];
}

describe("Analysis page", () => {
  it("shows the problem statement, every field and the outline by default", async () => {
    const { analysis } = setup({ nodes: chain });
    renderApp(`/analyses/${analysis.id}`);
    expect(await screen.findByTestId("analysis-title")).toHaveValue("Why refunds stall");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Why refunds stall");
    const link = screen.getByTestId("analysis-problem");
    expect(link).toHaveTextContent("Refunds never reach the card");
    expect(link).toHaveAttribute("href", `#/problems/${problem.id}`);
    expect(screen.getByTestId("analysis-facilitator")).toHaveValue("Rana");
    expect(screen.getByTestId("analysis-heldOn")).toHaveAttribute("data-day", "2025-03-10");
    expect(screen.getByTestId("analysis-status")).toHaveValue("draft");
    expect(screen.getByTestId("analysis-status")).toHaveAccessibleName("Status");
    expect(screen.getAllByTestId("participant-chip").map((c) => c.textContent)).toEqual(["Omar"]);
    expect(screen.getByTestId("analysis-tab-outline")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("outline-stub")).toHaveTextContent("The batch runs daily.");
    expect(screen.getByTestId("analysis-undo")).toBeDisabled();
    expect(screen.getByTestId("analysis-redo")).toBeDisabled();
  });

  it("keeps the chosen view in the URL and opens on the view the URL names", async () => {
    const { analysis } = setup({ nodes: chain });
    const { user } = renderApp(`/analyses/${analysis.id}?view=diagram`);
    expect(await screen.findByTestId("diagram-stub")).toHaveTextContent("3");
    expect(screen.getByTestId("analysis-tab-diagram")).toHaveAttribute("aria-selected", "true");

    await user.click(screen.getByTestId("analysis-tab-readback"));
    expect(await screen.findByTestId("readback")).toBeInTheDocument();
    expect(window.location.hash).toBe(`#/analyses/${analysis.id}?view=readback`);
    expect(screen.queryByTestId("diagram-stub")).toBeNull();

    // Arrow keys move between tabs (the tab list is one tab stop).
    screen.getByTestId("analysis-tab-readback").focus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByTestId("analysis-tab-outline")).toHaveFocus();
    expect(window.location.hash).toBe(`#/analyses/${analysis.id}?view=outline`);
  });

  it("passes ?node= on to the outline, so a search hit opens on its cause", async () => {
    const { analysis } = setup({ nodes: chain });
    renderApp(`/analyses/${analysis.id}?node=abc`);
    expect(await screen.findByTestId("outline-stub")).toHaveAttribute("data-focus", "abc");
  });

  it("saves an edited title and a new participant as analysis edits", async () => {
    const { analysis, backend } = setup();
    const { user } = renderApp(`/analyses/${analysis.id}`);
    const title = await screen.findByTestId("analysis-title");
    await user.clear(title);
    await user.type(title, "Why do refunds stall?{Enter}");
    await waitFor(() => {
      expect(backend.callsTo("analysis_edit")).toEqual([
        { id: analysis.id, edit: { field: "title", value: "Why do refunds stall?" } },
      ]);
    });
    await waitFor(() => {
      expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Why do refunds stall?");
    });

    await user.type(screen.getByTestId("analysis-participants-input"), "Lina، Sam{Enter}");
    await waitFor(() => {
      expect(backend.callsTo("analysis_edit").at(-1)).toEqual({
        id: analysis.id,
        edit: { field: "participants", value: ["Omar", "Lina", "Sam"] },
      });
    });
    await user.selectOptions(screen.getByTestId("analysis-status"), "concluded");
    await waitFor(() => {
      expect(backend.callsTo("analysis_edit").at(-1)?.edit).toEqual({ field: "status", value: "concluded" });
    });
  });

  it("refuses an empty title beside the field before any round trip", async () => {
    const { analysis, backend } = setup();
    const { user } = renderApp(`/analyses/${analysis.id}`);
    const title = await screen.findByTestId("analysis-title");
    await user.clear(title);
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("analysis-title-error")).toHaveTextContent("This field is required");
    expect(title).toHaveAttribute("aria-invalid", "true");
    expect(backend.callsTo("analysis_edit")).toEqual([]);
  });

  it("shows the core's rejection of the date beside the field and keeps what was typed", async () => {
    const { analysis, backend } = setup({
      options: {
        handlers: {
          analysis_edit: () =>
            rejectWith({ code: "invalid_input", details: { field: "heldOn", rule: "in_future" } }),
        },
      },
    });
    renderApp(`/analyses/${analysis.id}`);
    const date = await screen.findByTestId("analysis-heldOn");
    fireEvent.change(date, { target: { value: "2025-01-02" } });
    fireEvent.keyDown(date, { key: "Enter" });
    const error = await screen.findByTestId("analysis-heldOn-error");
    expect(error).toHaveTextContent("The date can't be in the future");
    expect(date).toHaveAccessibleDescription("The date can't be in the future");
    expect(date).toHaveAttribute("data-day", "2025-01-02");
    expect(backend.callsTo("analysis_edit")).toEqual([
      { id: analysis.id, edit: { field: "heldOn", value: "2025-01-02" } },
    ]);
  });

  it("undoes and redoes tree edits with the buttons and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, but not inside a text field", async () => {
    const { analysis, backend } = setup({ nodes: chain });
    const { user } = renderApp(`/analyses/${analysis.id}`);
    await user.click(await screen.findByTestId("stub-rename"));
    await waitFor(() => {
      expect(screen.getByTestId("analysis-undo")).toBeEnabled();
    });
    const texts = () => backend.callsTo("why_edit").map((c) => (c.edit as { value: string }).value);
    expect(texts()).toEqual(["Renamed"]);

    // In a text field, Ctrl+Z belongs to the field.
    await user.click(screen.getByTestId("stub-input"));
    await user.keyboard("{Control>}z{/Control}");
    expect(texts()).toEqual(["Renamed"]);

    (document.activeElement as HTMLElement).blur();
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => {
      expect(texts()).toEqual(["Renamed", "The batch runs daily."]);
    });
    await waitFor(() => {
      expect(screen.getByTestId("analysis-redo")).toBeEnabled();
    });
    expect(screen.getByTestId("analysis-undo")).toBeDisabled();

    await user.keyboard("{Control>}{Shift>}z{/Shift}{/Control}");
    await waitFor(() => {
      expect(texts()).toEqual(["Renamed", "The batch runs daily.", "Renamed"]);
    });
    await user.click(screen.getByTestId("analysis-undo"));
    await waitFor(() => {
      expect(texts()).toHaveLength(4);
    });
    (document.activeElement as HTMLElement).blur();
    await user.keyboard("{Control>}y{/Control}");
    await waitFor(() => {
      expect(texts()).toEqual([
        "Renamed",
        "The batch runs daily.",
        "Renamed",
        "The batch runs daily.",
        "Renamed",
      ]);
    });

    // A view that handled the key itself is left alone.
    const handled = new KeyboardEvent("keydown", {
      key: "z",
      code: "KeyZ",
      ctrlKey: true,
      bubbles: true,
      cancelable: true,
    });
    handled.preventDefault();
    act(() => {
      document.body.dispatchEvent(handled);
    });
    expect(texts()).toHaveLength(5);
  });

  it("shows a failed tree edit as a translated alert", async () => {
    const { analysis } = setup({
      nodes: chain,
      options: {
        handlers: {
          why_edit: () =>
            rejectWith({ code: "invalid_input", details: { field: "text", rule: "too_long", limit: 2000 } }),
        },
      },
    });
    const { user } = renderApp(`/analyses/${analysis.id}`);
    await user.click(await screen.findByTestId("stub-rename"));
    const alert = await screen.findByTestId("analysis-editor-error");
    expect(alert).toHaveTextContent("The last change to the tree was not saved: At most 2000 characters");
    await user.click(within(alert).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("analysis-editor-error")).toBeNull();
  });

  it("reads every chain back from the root cause to the problem, and down again", async () => {
    const { analysis } = setup({ nodes: chain });
    renderApp(`/analyses/${analysis.id}?view=readback`);
    const roots = await screen.findByTestId("readback-roots");
    const [rootChain] = within(roots).getAllByTestId("readback-chain");
    const sentences = within(rootChain as HTMLElement)
      .getAllByTestId("readback-sentence")
      .map((s) => s.textContent.replace(/[\u2068\u2069]/g, ""));
    expect(sentences[0]).toMatch(/^Because nobody owns the schedule, the batch runs daily\./);
    expect(sentences[1]).toMatch(
      /^Because the batch runs daily, the problem happened: Refunds never reach the card\./,
    );
    expect(within(rootChain as HTMLElement).getByTestId("readback-downward").textContent).toBe(
      "\u2068Refunds never reach the card\u2069 — why? \u2068The batch runs daily\u2069 — why? \u2068Nobody owns the schedule\u2069",
    );
    // Root cause, status and evidence count are shown.
    expect(rootChain).toHaveTextContent("Root cause");
    expect(rootChain).toHaveTextContent("Confirmed");
    expect(rootChain).toHaveTextContent("2 pieces of evidence");

    const others = screen.getByTestId("readback-others");
    expect(within(others).getByTestId("readback-sentence").textContent).toBe(
      "Because \u2068support promises 3 days\u2069, the problem happened: \u2068Refunds never reach the card\u2069.",
    );
  });

  it("reads the chains back in Arabic", async () => {
    const { analysis } = setup({
      nodes: (id) => {
        const a = makeWhy(id, "تعمل الدفعة مرة يوميًا");
        const b = makeWhy(id, "لا مالك للجدول", { parentId: a.id, rootCause: true });
        return [a, b];
      },
      options: { settings: { language: "ar" } },
    });
    renderApp(`/analyses/${analysis.id}?view=readback`);
    const sentences = await screen.findAllByTestId("readback-sentence");
    expect(sentences.map((s) => s.textContent.replace(/[\u2068\u2069]/g, ""))).toEqual([
      expect.stringMatching(/^لأنّ لا مالك للجدول، تعمل الدفعة مرة يوميًا\./) as string,
      expect.stringMatching(
        /^لأنّ تعمل الدفعة مرة يوميًا، حدثت المشكلة: Refunds never reach the card\./,
      ) as string,
    ]);
    expect(screen.getByTestId("readback-downward").textContent.replace(/[\u2068\u2069]/g, "")).toBe(
      "Refunds never reach the card — لماذا؟ تعمل الدفعة مرة يوميًا — لماذا؟ لا مالك للجدول",
    );
    expect(screen.getByTestId("analysis-tab-readback")).toHaveTextContent("القراءة العكسية");
    expect(document.documentElement).toHaveAttribute("dir", "rtl");
  });

  it("says so in the read-back when no root cause is marked yet", async () => {
    const { analysis } = setup({ nodes: (id) => [makeWhy(id, "Only a hypothesis")] });
    renderApp(`/analyses/${analysis.id}?view=readback`);
    expect(await screen.findByTestId("readback-no-roots")).toHaveTextContent(
      "No cause is marked as a root cause yet.",
    );
    expect(within(screen.getByTestId("readback-others")).getAllByTestId("readback-chain")).toHaveLength(1);
  });

  it("exports Markdown through the save dialog and says where it went", async () => {
    const { analysis, backend } = setup({ nodes: chain });
    const { user } = renderApp(`/analyses/${analysis.id}`);
    await user.click(await screen.findByTestId("analysis-export"));
    expect(await screen.findByTestId("analysis-export-saved")).toHaveTextContent(
      "Saved the Markdown to \u202A/tmp/exports/Why refunds stall.md\u202C",
    );
    const [call] = backend.callsTo("export_save");
    expect(call).toMatchObject({ name: "Why refunds stall.md", base64: false });
    const contents = String(call?.contents);
    expect(contents).toMatch(/^# Why refunds stall\n/);
    expect(contents).toContain("## Root causes");
    expect(contents).toContain("- Because nobody owns the schedule, the batch runs daily.");
  });

  it("exports in Arabic when the app is in Arabic", async () => {
    const { analysis, backend } = setup({ nodes: chain, options: { settings: { language: "ar" } } });
    const { user } = renderApp(`/analyses/${analysis.id}`);
    await user.click(await screen.findByTestId("analysis-export"));
    await screen.findByTestId("analysis-export-saved");
    expect(String(backend.callsTo("export_save")[0]?.contents)).toContain("## الأسباب الجذرية");
  });

  it("says nothing when the save dialog is cancelled, and shows a failure as an alert", async () => {
    let answer: "cancel" | "fail" = "cancel";
    const { analysis } = setup({
      options: {
        handlers: {
          export_save: () =>
            answer === "cancel" ? null : rejectWith({ code: "not_writable", details: { path: "/x.md" } }),
        },
      },
    });
    const { user } = renderApp(`/analyses/${analysis.id}`);
    const button = await screen.findByTestId("analysis-export");
    await user.click(button);
    await waitFor(() => {
      expect(button).toBeEnabled();
    });
    expect(screen.queryByTestId("analysis-export-saved")).toBeNull();
    expect(screen.queryByTestId("analysis-export-error")).toBeNull();
    answer = "fail";
    await user.click(button);
    expect(await screen.findByTestId("analysis-export-error")).toHaveTextContent(
      /^The Markdown could not be saved: /,
    );
  });

  it("opens the guided session", async () => {
    const { analysis } = setup();
    const { user } = renderApp(`/analyses/${analysis.id}`);
    await user.click(await screen.findByTestId("analysis-session"));
    await waitFor(() => {
      expect(window.location.hash).toBe(`#/analyses/${analysis.id}/session`);
    });
  });

  it("moves the analysis to the trash, goes to the list and offers Undo there", async () => {
    const { analysis, backend } = setup({
      options: {
        handlers: {
          trash_restore: (args, state) => {
            state.analysis.analyses.push(analysis);
            return args.entity === "analysis" ? null : rejectWith({ code: "not_found", details: {} });
          },
        },
      },
    });
    const { user } = renderApp(`/analyses/${analysis.id}`);
    await user.click(await screen.findByTestId("analysis-delete"));
    await waitFor(() => {
      expect(window.location.hash).toBe("#/analyses");
    });
    expect(backend.callsTo("analysis_delete")).toEqual([{ id: analysis.id }]);
    const toast = await screen.findByTestId("analysis-undo-toast");
    expect(toast).toHaveTextContent("“\u2068Why refunds stall\u2069” was moved to the trash.");
    await user.click(within(toast).getByTestId("analysis-undo-delete"));
    await waitFor(() => {
      expect(backend.callsTo("trash_restore")).toEqual([{ entity: "analysis", id: analysis.id }]);
    });
    await waitFor(() => {
      expect(window.location.hash).toBe(`#/analyses/${analysis.id}`);
    });
    expect(await screen.findByTestId("analysis-title")).toHaveValue("Why refunds stall");
  });

  it("says so when the analysis does not exist, with a way back", async () => {
    installMockBackend({ problems: [problem] });
    renderApp("/analyses/0190b000-0000-7000-8000-999999999999");
    const state = await screen.findByTestId("analysis-not-found");
    expect(within(state).getByRole("link", { name: "All analyses" })).toHaveAttribute("href", "#/analyses");
  });
});
