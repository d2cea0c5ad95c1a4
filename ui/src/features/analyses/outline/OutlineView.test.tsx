import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { rejectWith } from "../../../test/mock-backend";
import i18n from "../../../i18n";
import en from "../../../i18n/en.json";
import { setRowRenderProbe } from "./OutlineRow";
import { generatedSpecs, renderOutline, type Spec } from "./testing";

const ABC: Spec[] = [{ text: "Alpha" }, { text: "Bravo" }, { text: "Charlie" }];

async function ready() {
  return screen.findByRole("tree");
}

function texts(): string[] {
  return screen.getAllByTestId("outline-text").map((input) => (input as HTMLInputElement).value);
}

function rowOf(text: string): HTMLElement {
  const row = screen.getByDisplayValue(text).closest<HTMLElement>('[role="treeitem"]');
  if (row === null) throw new Error(`no row for ${text}`);
  return row;
}

function focusText(text: string): HTMLInputElement {
  const input = screen.getByDisplayValue<HTMLInputElement>(text);
  act(() => {
    input.focus();
  });
  return input;
}

afterEach(() => {
  setRowRenderProbe(null);
});

describe("outline editor", () => {
  it("shows the problem on top and every cause as a tree item with its level", async () => {
    const { problem } = renderOutline([
      { text: "Alpha", children: [{ text: "Alpha one" }] },
      { text: "Bravo" },
    ]);
    await ready();
    expect(screen.getByTestId("outline-problem")).toHaveTextContent(problem.title);
    expect(rowOf("Alpha")).toHaveAttribute("aria-level", "1");
    expect(rowOf("Alpha")).toHaveAttribute("aria-expanded", "true");
    expect(rowOf("Alpha one")).toHaveAttribute("aria-level", "2");
    expect(rowOf("Bravo")).not.toHaveAttribute("aria-expanded");
  });

  it("Enter adds a sibling right after the row and focuses it", async () => {
    const { user, backend, analysis } = renderOutline(ABC);
    await ready();
    focusText("Alpha");
    await user.keyboard("{Enter}");
    await waitFor(() => {
      expect(texts()).toEqual(["Alpha", "", "Bravo", "Charlie"]);
    });
    expect(backend.callsTo("why_add")).toEqual([
      { analysisId: analysis.id, input: { text: "", position: 1 } },
    ]);
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getAllByTestId("outline-text")[1]);
    });
    await user.keyboard("Delta");
    await user.keyboard("{Enter}");
    await waitFor(() => {
      expect(texts()).toEqual(["Alpha", "Delta", "", "Bravo", "Charlie"]);
    });
    expect(backend.callsTo("why_edit")).toContainEqual(
      expect.objectContaining({ edit: { field: "text", value: "Delta" } }),
    );
  });

  it("Enter on the problem adds the first cause of an empty tree", async () => {
    const { user, backend } = renderOutline([]);
    const problemRow = await screen.findByTestId("outline-problem");
    expect(screen.getByText(en.outline.empty)).toBeInTheDocument();
    act(() => {
      problemRow.focus();
    });
    await user.keyboard("{Enter}");
    await waitFor(() => {
      expect(texts()).toEqual([""]);
    });
    expect(backend.callsTo("why_add")[0]).toMatchObject({ input: { position: 0 } });
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByTestId("outline-text"));
    });
  });

  it("Tab indents under the previous sibling and Shift+Tab outdents after the parent", async () => {
    const { user, backend, byText } = renderOutline([
      { text: "Alpha", children: [{ text: "Alpha one" }] },
      { text: "Bravo" },
      { text: "Charlie" },
    ]);
    await ready();
    const alpha = byText.get("Alpha")?.id;
    const bravo = byText.get("Bravo")?.id;
    focusText("Bravo");
    await user.keyboard("{Tab}");
    await waitFor(() => {
      expect(rowOf("Bravo")).toHaveAttribute("aria-level", "2");
    });
    expect(backend.callsTo("why_move")).toEqual([{ id: bravo, parentId: alpha, position: 1 }]);
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByDisplayValue("Bravo"));
    });

    await user.keyboard("{Shift>}{Tab}{/Shift}");
    await waitFor(() => {
      expect(rowOf("Bravo")).toHaveAttribute("aria-level", "1");
    });
    expect(backend.callsTo("why_move")[1]).toEqual({ id: bravo, parentId: null, position: 1 });
    expect(texts()).toEqual(["Alpha", "Alpha one", "Bravo", "Charlie"]);

    // The first of its siblings has nothing to go under: Tab does nothing and stays in the row.
    focusText("Alpha");
    await user.keyboard("{Tab}");
    expect(backend.callsTo("why_move")).toHaveLength(2);
    expect(document.activeElement).toBe(screen.getByDisplayValue("Alpha"));
  });

  it("Alt+Up and Alt+Down move among siblings", async () => {
    const { user, backend, byText } = renderOutline(ABC);
    await ready();
    focusText("Charlie");
    await user.keyboard("{Alt>}{ArrowUp}{/Alt}");
    await waitFor(() => {
      expect(texts()).toEqual(["Alpha", "Charlie", "Bravo"]);
    });
    expect(backend.callsTo("why_move")).toEqual([
      { id: byText.get("Charlie")?.id, parentId: null, position: 1 },
    ]);
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByDisplayValue("Charlie"));
    });
    focusText("Alpha");
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");
    await waitFor(() => {
      expect(texts()).toEqual(["Charlie", "Alpha", "Bravo"]);
    });
  });

  it("Alt+Right indents and Alt+Left outdents in English", async () => {
    const { user, backend, byText } = renderOutline(ABC);
    await ready();
    focusText("Bravo");
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    await waitFor(() => {
      expect(rowOf("Bravo")).toHaveAttribute("aria-level", "2");
    });
    expect(backend.callsTo("why_move")[0]).toEqual({
      id: byText.get("Bravo")?.id,
      parentId: byText.get("Alpha")?.id,
      position: 0,
    });
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByDisplayValue("Bravo"));
    });
    await user.keyboard("{Alt>}{ArrowLeft}{/Alt}");
    await waitFor(() => {
      expect(rowOf("Bravo")).toHaveAttribute("aria-level", "1");
    });
  });

  it("mirrors Alt+arrows in Arabic: Alt+Left indents, Alt+Right outdents", async () => {
    await i18n.changeLanguage("ar");
    expect(document.documentElement.dir).toBe("rtl");
    const { user, backend, byText } = renderOutline(ABC);
    await ready();
    focusText("Bravo");
    await user.keyboard("{Alt>}{ArrowLeft}{/Alt}");
    await waitFor(() => {
      expect(rowOf("Bravo")).toHaveAttribute("aria-level", "2");
    });
    expect(backend.callsTo("why_move")[0]).toMatchObject({ parentId: byText.get("Alpha")?.id });
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByDisplayValue("Bravo"));
    });
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    await waitFor(() => {
      expect(rowOf("Bravo")).toHaveAttribute("aria-level", "1");
    });
    expect(backend.callsTo("why_move")[1]).toMatchObject({ parentId: null, position: 1 });
  });

  it("Alt+R marks a root cause and Alt+S cycles the status, on an Arabic layout too", async () => {
    const { user, backend, byText } = renderOutline(ABC);
    await ready();
    const id = byText.get("Bravo")?.id;
    focusText("Bravo");
    await user.keyboard("{Alt>}r{/Alt}");
    await waitFor(() => {
      expect(rowOf("Bravo")).toHaveAttribute("data-root-cause", "true");
    });
    expect(within(rowOf("Bravo")).getByTestId("outline-root-toggle")).toHaveAttribute("aria-pressed", "true");
    expect(backend.callsTo("why_edit")).toEqual([{ id, edit: { field: "rootCause", value: true } }]);

    // The physical S key on an Arabic layout types "س".
    fireEvent.keyDown(screen.getByDisplayValue("Bravo"), { key: "س", code: "KeyS", altKey: true });
    await waitFor(() => {
      expect(rowOf("Bravo")).toHaveAttribute("data-status", "confirmed");
    });
    await user.keyboard("{Alt>}s{/Alt}");
    await waitFor(() => {
      expect(rowOf("Bravo")).toHaveAttribute("data-status", "ruled_out");
    });
    await user.keyboard("{Alt>}s{/Alt}");
    await waitFor(() => {
      expect(rowOf("Bravo")).toHaveAttribute("data-status", "hypothesis");
    });
    expect(backend.callsTo("why_edit").map((c) => c.edit)).toEqual([
      { field: "rootCause", value: true },
      { field: "status", value: "confirmed" },
      { field: "status", value: "ruled_out" },
      { field: "status", value: "hypothesis" },
    ]);
  });

  it("Ctrl+Z undoes and Ctrl+Shift+Z / Ctrl+Y redo, but leaves unsaved typing to the field", async () => {
    const { user } = renderOutline(ABC);
    await ready();
    focusText("Alpha");
    await user.keyboard("{Alt>}r{/Alt}");
    await waitFor(() => {
      expect(rowOf("Alpha")).toHaveAttribute("data-root-cause", "true");
    });
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => {
      expect(rowOf("Alpha")).not.toHaveAttribute("data-root-cause");
    });
    await user.keyboard("{Control>}{Shift>}z{/Shift}{/Control}");
    await waitFor(() => {
      expect(rowOf("Alpha")).toHaveAttribute("data-root-cause", "true");
    });
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => {
      expect(rowOf("Alpha")).not.toHaveAttribute("data-root-cause");
    });
    await user.keyboard("{Control>}y{/Control}");
    await waitFor(() => {
      expect(rowOf("Alpha")).toHaveAttribute("data-root-cause", "true");
    });

    // Typed but not saved yet: Ctrl+Z is the text field's own.
    const input = screen.getByDisplayValue("Alpha");
    fireEvent.change(input, { target: { value: "Alphabet" } });
    const notPrevented = fireEvent.keyDown(input, { key: "z", code: "KeyZ", ctrlKey: true });
    expect(notPrevented).toBe(true);
    expect(rowOf("Alphabet")).toHaveAttribute("data-root-cause", "true");
  });

  it("undoes a move and a deletion", async () => {
    const { user } = renderOutline(ABC);
    await ready();
    focusText("Charlie");
    await user.keyboard("{Alt>}{ArrowUp}{/Alt}");
    await waitFor(() => {
      expect(texts()).toEqual(["Alpha", "Charlie", "Bravo"]);
    });
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByDisplayValue("Charlie"));
    });
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => {
      expect(texts()).toEqual(["Alpha", "Bravo", "Charlie"]);
    });
    focusText("Bravo");
    await user.keyboard("{Control>}{Shift>}{Backspace}{/Shift}{/Control}");
    await waitFor(() => {
      expect(texts()).toEqual(["Alpha", "Charlie"]);
    });
    expect(document.activeElement).toBe(screen.getByDisplayValue("Alpha"));
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => {
      expect(texts()).toEqual(["Alpha", "Bravo", "Charlie"]);
    });
  });

  it("ArrowUp and ArrowDown walk the visible rows, and a collapsed branch hides its causes", async () => {
    const { user } = renderOutline([{ text: "Alpha", children: [{ text: "Alpha one" }] }, { text: "Bravo" }]);
    await ready();
    focusText("Alpha");
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(screen.getByDisplayValue("Alpha one"));
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(screen.getByDisplayValue("Bravo"));
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(document.activeElement).toBe(screen.getByDisplayValue("Alpha"));
    await user.keyboard("{Control>}{ArrowUp}{/Control}");
    expect(rowOf("Alpha")).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByDisplayValue("Alpha one")).toBeNull();
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(screen.getByDisplayValue("Bravo"));
    await user.keyboard("{ArrowUp}{Control>}{ArrowDown}{/Control}");
    expect(screen.getByDisplayValue("Alpha one")).toBeInTheDocument();
    await user.keyboard("{ArrowUp}");
    expect(document.activeElement).toBe(screen.getByTestId("outline-problem"));
  });

  it("shows each check beside the node it names, as a note", async () => {
    renderOutline([{ text: "Alpha", children: [{ text: "Sam forgot to call back" }] }, { text: "Bravo" }], {
      checks: (byText) => [
        { nodeId: byText.get("Sam forgot to call back")?.id ?? "", kind: "blames_person" },
        { nodeId: byText.get("Bravo")?.id ?? "", kind: "open_branch" },
      ],
    });
    await ready();
    const blamed = rowOf("Sam forgot to call back");
    expect(within(blamed).getByRole("note")).toHaveTextContent(en.why.check.blames_person);
    expect(screen.getByDisplayValue("Sam forgot to call back")).toHaveAccessibleDescription(
      en.why.check.blames_person,
    );
    expect(within(rowOf("Bravo")).getByRole("note")).toHaveTextContent(en.why.check.open_branch);
    // Only notes of its own: Alpha's row holds its child, so look at its first line only.
    expect(rowOf("Alpha").querySelector(":scope > .outline-checks")).toBeNull();
    expect(screen.getAllByRole("note")).toHaveLength(2);
  });

  it("shows a refused move as a translated error", async () => {
    const { user } = renderOutline(ABC, {
      handlers: {
        why_move: () =>
          rejectWith({ code: "invalid_input", details: { field: "parentId", rule: "invalid" } }),
      },
    });
    await ready();
    focusText("Bravo");
    await user.keyboard("{Tab}");
    expect(await screen.findByTestId("analysis-editor-error")).toHaveTextContent(
      en.outline.errors.moveUnderItself,
    );
    expect(rowOf("Bravo")).toHaveAttribute("aria-level", "1");
  });

  it("Alt+E opens the details; evidence the core refuses keeps what was typed, with the reason beside it", async () => {
    const { user, backend } = renderOutline(ABC, {
      handlers: {
        evidence_add: () =>
          rejectWith({
            code: "invalid_input",
            details: {
              field: "reference",
              rule: "too_long",
              limit: 500,
              fields: [{ field: "reference", rule: "too_long", limit: 500 }],
            },
          }),
      },
    });
    await ready();
    focusText("Bravo");
    await user.keyboard("{Alt>}e{/Alt}");
    const panel = await screen.findByTestId("outline-panel");
    expect(document.activeElement).toBe(within(panel).getByTestId("panel-status"));
    // Nothing typed yet: asked for a note or a reference, without a round trip.
    await user.click(within(panel).getByRole("button", { name: en.outline.panel.addEvidence }));
    expect(within(panel).getByTestId("evidence-add-note-error")).toHaveTextContent(
      en.outline.panel.noteOrReference,
    );
    expect(backend.callsTo("evidence_add")).toHaveLength(0);

    await user.type(within(panel).getByTestId("evidence-add-note"), "Queue log shows 14 agents on shift");
    await user.type(within(panel).getByTestId("evidence-add-reference"), "TICKET-42");
    await user.click(within(panel).getByRole("button", { name: en.outline.panel.addEvidence }));
    expect(await within(panel).findByTestId("evidence-add-reference-error")).toHaveTextContent(
      "At most 500 characters",
    );
    expect(within(panel).getByTestId("evidence-add-note")).toHaveValue("Queue log shows 14 agents on shift");
    expect(within(panel).getByTestId("evidence-add-reference")).toHaveValue("TICKET-42");
    expect(within(panel).queryByTestId("evidence-add-note-error")).toBeNull();
    expect(screen.queryByTestId("analysis-editor-error")).toBeNull();

    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("outline-panel")).toBeNull();
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByDisplayValue("Bravo"));
    });
  });

  it("adds, edits and removes evidence from the details, each undoable", async () => {
    const { user } = renderOutline(ABC);
    await ready();
    focusText("Alpha");
    await user.keyboard("{Alt>}e{/Alt}");
    const panel = await screen.findByTestId("outline-panel");
    await user.type(within(panel).getByTestId("evidence-add-note"), "Hold times doubled in March");
    await user.click(within(panel).getByRole("button", { name: en.outline.panel.addEvidence }));
    // A textarea holding the text matches too: the saved note is a paragraph.
    expect(await within(panel).findByText("Hold times doubled in March", { selector: "p" })).toBeInTheDocument();
    expect(within(rowOf("Alpha")).getByText("1 piece of evidence")).toBeInTheDocument();
    expect(within(panel).getByTestId("evidence-add-note")).toHaveValue("");

    await user.click(within(panel).getByRole("button", { name: en.outline.panel.edit }));
    const note = within(panel).getByTestId("evidence-edit-note");
    await user.clear(note);
    await user.type(note, "Hold times tripled in March");
    await user.click(within(panel).getByRole("button", { name: en.outline.panel.save }));
    // A textarea holding the text matches too: the saved note is a paragraph.
    expect(await within(panel).findByText("Hold times tripled in March", { selector: "p" })).toBeInTheDocument();

    await user.click(within(panel).getByRole("button", { name: en.outline.panel.remove }));
    await waitFor(() => {
      expect(within(panel).queryByTestId("evidence-item")).toBeNull();
    });
    await user.click(screen.getByRole("button", { name: "Harness undo" }));
    // A textarea holding the text matches too: the saved note is a paragraph.
    expect(await within(panel).findByText("Hold times tripled in March", { selector: "p" })).toBeInTheDocument();

    await user.selectOptions(within(panel).getByTestId("panel-category"), "process");
    await waitFor(() => {
      expect(within(rowOf("Alpha")).getByText(en.why.category.process)).toBeInTheDocument();
    });
  });

  it("a key press in a 300-cause tree re-renders only the row typed in", async () => {
    const { backend } = renderOutline(generatedSpecs(300), {
      focus: "Cause 150: the step before it was skipped",
    });
    await ready();
    const input = await screen.findByDisplayValue<HTMLInputElement>(
      "Cause 150: the step before it was skipped",
    );
    const rendered: string[] = [];
    setRowRenderProbe((id) => rendered.push(id));
    fireEvent.change(input, { target: { value: "Cause 150: the step before it was skipped!" } });
    const id = rowOf("Cause 150: the step before it was skipped!").dataset.nodeId;
    expect(rendered).toEqual([id]);

    // Saving refreshes the tree from the core: unchanged rows keep their nodes and skip rendering.
    rendered.length = 0;
    fireEvent.blur(input);
    await waitFor(() => {
      expect(backend.callsTo("why_edit")).toHaveLength(1);
    });
    await waitFor(() => {
      expect(rendered.length).toBeGreaterThan(0);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(new Set(rendered)).toEqual(new Set([id]));
  });

  it("renders only a window of a long tree's rows, each still announcing its place in the tree", async () => {
    renderOutline(generatedSpecs(300));
    await ready();
    const items = screen.getAllByRole("treeitem");
    // A screenful (jsdom: one 768 px window of 36 px rows) and the overscan, not 300 rows.
    expect(items.length).toBeGreaterThan(15);
    expect(items.length).toBeLessThan(60);
    // Depth first: Cause 1, its first child Cause 6, that one's first child Cause 31, ...
    expect(items[0]).toHaveAttribute("aria-label", "Cause 1: the step before it was skipped");
    expect(items[0]).toHaveAttribute("aria-level", "1");
    expect(items[0]).toHaveAttribute("aria-posinset", "1");
    expect(items[0]).toHaveAttribute("aria-setsize", "5");
    expect(items[1]).toHaveAttribute("aria-label", "Cause 6: the step before it was skipped");
    expect(items[1]).toHaveAttribute("aria-level", "2");
    expect(items[1]).toHaveAttribute("aria-setsize", "5");
    // The list is as tall as every row, so the page scrolls over all of them.
    expect(Number.parseFloat(screen.getByRole("tree").style.blockSize)).toBeGreaterThan(300 * 30);
  });

  it("focuses a cause outside the window by id: its row is rendered, selected and in its place", async () => {
    const last = "Cause 300: the step before it was skipped";
    renderOutline(generatedSpecs(300), { focus: last });
    await ready();
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByDisplayValue(last));
    });
    const row = rowOf(last);
    expect(row).toHaveAttribute("aria-selected", "true");
    // Cause 300 is the last of the five answers to Cause 59 (under Cause 11, under Cause 2).
    expect(row).toHaveAttribute("aria-level", "4");
    expect(row).toHaveAttribute("aria-posinset", "5");
    expect(row).toHaveAttribute("aria-setsize", "5");
    expect(Number(row.dataset.index)).toBeGreaterThan(100);
    expect(screen.getAllByRole("treeitem").length).toBeLessThan(60);
  });

  it("ArrowUp from a row far down renders and focuses the row above it", async () => {
    const { user } = renderOutline(generatedSpecs(300), {
      focus: "Cause 300: the step before it was skipped",
    });
    await ready();
    await waitFor(() => {
      expect(document.activeElement).toBe(
        screen.getByDisplayValue("Cause 300: the step before it was skipped"),
      );
    });
    const below = Number(rowOf("Cause 300: the step before it was skipped").dataset.index);
    await user.keyboard("{ArrowUp}");
    await waitFor(() => {
      expect(document.activeElement).toBe(
        screen.getByDisplayValue("Cause 299: the step before it was skipped"),
      );
    });
    expect(Number(rowOf("Cause 299: the step before it was skipped").dataset.index)).toBe(below - 1);
    // The row typed in last stays in the page while focus moves on (it may hold unsaved text).
    expect(screen.getAllByRole("treeitem").length).toBeLessThan(60);
  });

  it("keeps the focused row far down, and its typing, while the rows above it change", async () => {
    const { backend } = renderOutline(generatedSpecs(300), {
      focus: "Cause 299: the step before it was skipped",
    });
    await ready();
    const input = await screen.findByDisplayValue<HTMLInputElement>(
      "Cause 299: the step before it was skipped",
    );
    await waitFor(() => {
      expect(document.activeElement).toBe(input);
    });
    fireEvent.change(input, { target: { value: "Cause 299, typed and not saved yet" } });
    const before = Number(rowOf("Cause 299, typed and not saved yet").dataset.index);
    // Collapsing the first cause (a click, so focus stays) moves every row below it up.
    fireEvent.click(
      within(rowOf("Cause 1: the step before it was skipped")).getByRole("button", {
        name: en.outline.collapse,
      }),
    );
    await waitFor(() => {
      expect(Number(rowOf("Cause 299, typed and not saved yet").dataset.index)).toBeLessThan(before);
    });
    expect(screen.getByDisplayValue("Cause 299, typed and not saved yet")).toBe(input);
    expect(input.isConnected).toBe(true);
    expect(document.activeElement).toBe(input);
    expect(backend.callsTo("why_edit")).toHaveLength(0);
  });

  it("focuses the cause it is asked to on mount", async () => {
    renderOutline(ABC, { focus: "Charlie" });
    await ready();
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByDisplayValue("Charlie"));
    });
    expect(rowOf("Charlie")).toHaveAttribute("aria-selected", "true");
    expect(rowOf("Alpha")).toHaveAttribute("aria-selected", "false");
  });
});
