import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import {
  installMockBackend,
  makeProblem,
  rejectWith,
  type MockBackendOptions,
} from "../../../test/mock-backend";
import { makeAction } from "../../../test/mock-actions";
import type { Action } from "../../../bindings/Action";
import i18n from "../../../i18n";
import { renderApp } from "../../../test/render";

const problem = makeProblem("Checkout fails on retry");

function setup(actions: Action[], options: MockBackendOptions = {}) {
  return installMockBackend({ problems: [problem], actions: { actions }, ...options });
}

const column = (status: string) => screen.getByTestId(`board-column-${status}`);

/** The card of the action called `title`. */
function card(title: string): HTMLElement {
  const found = screen
    .getAllByTestId("board-card")
    .find((el) => within(el).queryByRole("heading", { name: title }) !== null);
  if (found === undefined) throw new Error(`no card "${title}"`);
  return found;
}

async function findCard(title: string, status: string): Promise<HTMLElement> {
  return waitFor(() => {
    const el = card(title);
    expect(column(status)).toContainElement(el);
    return el;
  });
}

const COLUMN_ORDER = ["open", "in_progress", "done", "verified_effective", "not_effective", "cancelled"];

/**
 * Drags `element` with pointer events to x = `toX` (columns are laid out 200px
 * apart, jsdom having no layout), runs `whileOver` before the drop.
 */
/** Column and card boxes for dnd-kit to measure (jsdom has no layout); undo with mockRestore. */
function fakeLayout() {
  const rect = (x: number, y: number, width: number, height: number) =>
    ({
      x,
      y,
      left: x,
      top: y,
      width,
      height,
      right: x + width,
      bottom: y + height,
      toJSON: () => ({}),
    }) as DOMRect;
  return vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
    const testId = (this as HTMLElement).dataset.testid ?? "";
    const index = COLUMN_ORDER.findIndex((s) => testId === `board-column-${s}`);
    if (index >= 0) return rect(index * 200, 0, 190, 600);
    if (testId === "board-card" || testId === "board-card-preview") return rect(10, 50, 170, 80);
    return rect(0, 0, 0, 0);
  });
}

async function drag(element: HTMLElement, toX: number, whileOver?: () => Promise<void>) {
  // jsdom has no PointerEvent: a mouse event with the pointer fields dnd-kit reads.
  class FakePointerEvent extends MouseEvent {
    readonly isPrimary: boolean;
    readonly pointerId: number;
    constructor(type: string, init: PointerEventInit = {}) {
      super(type, init);
      this.isPrimary = init.isPrimary ?? true;
      this.pointerId = init.pointerId ?? 1;
    }
  }
  vi.stubGlobal("PointerEvent", FakePointerEvent);
  const layout = fakeLayout();
  try {
    fireEvent.pointerDown(element, { clientX: 20, clientY: 60, isPrimary: true, button: 0 });
    fireEvent.pointerMove(document, { clientX: 40, clientY: 60 });
    await act(async () => {
      await Promise.resolve();
    });
    fireEvent.pointerMove(document, { clientX: toX, clientY: 100 });
    await act(async () => {
      await Promise.resolve();
    });
    await whileOver?.();
    fireEvent.pointerUp(document, { clientX: toX, clientY: 100 });
  } finally {
    layout.mockRestore();
    vi.unstubAllGlobals();
  }
}

describe("Actions board", () => {
  it("shows a column per status in workflow order with each action's card", async () => {
    const action0 = makeAction(problem.id, "Add retry guard", {
      owner: "Sam",
      dueOn: "2020-03-05",
      priority: "urgent",
    });
    setup([
      action0,
      makeAction(problem.id, "Rewrite payment client", { status: "in_progress" }),
      makeAction(problem.id, "Patch timeout", {
        status: "done",
        doneOn: "2020-01-01",
        checkDueOn: "2020-02-01",
      }),
      makeAction(problem.id, "Old fix", { status: "cancelled", cancelReason: "Duplicate" }),
    ]);
    renderApp("/actions/board");

    const open = await findCard("Add retry guard", "open");
    const columns = screen.getAllByTestId(/^board-column-/).filter((el) => el.tagName === "SECTION");
    expect(columns.map((el) => el.dataset.testid)).toEqual([
      "board-column-open",
      "board-column-in_progress",
      "board-column-done",
      "board-column-verified_effective",
      "board-column-not_effective",
      "board-column-cancelled",
    ]);
    expect(within(column("open")).getByRole("heading", { level: 2 })).toHaveTextContent("Open");
    expect(within(column("done")).getByText("Waiting for the effectiveness check")).toBeInTheDocument();

    expect(within(open).getByRole("link", { name: "Add retry guard" })).toHaveAttribute(
      "href",
      `#/actions/${action0.id}`,
    );
    expect(open).toHaveTextContent("Checkout fails on retry");
    expect(open).toHaveTextContent("Sam");
    expect(open).toHaveTextContent("Due Mar 5, 2020");
    expect(within(open).getByTestId("action-priority-badge")).toHaveTextContent("Urgent");
    expect(within(open).getByTestId("action-flag-overdue")).toBeInTheDocument();
    expect(open).toHaveAttribute("tabindex", "0");

    const done = card("Patch timeout");
    expect(column("done")).toContainElement(done);
    expect(within(done).getByTestId("action-flag-checkDue")).toBeInTheDocument();
    expect(done).toHaveTextContent("Unassigned");
    expect(column("in_progress")).toContainElement(card("Rewrite payment client"));
    expect(column("cancelled")).toContainElement(card("Old fix"));
    expect(within(column("verified_effective")).getByText("No actions here")).toBeInTheDocument();
  });

  it("moves a card with its Move to menu, offering only the allowed columns", async () => {
    const action = makeAction(problem.id, "Add retry guard");
    const backend = setup([action]);
    const { user } = renderApp("/actions/board");
    const open = await findCard("Add retry guard", "open");

    await user.click(within(open).getByTestId("card-move"));
    const menu = screen.getByRole("menu");
    expect(
      within(menu)
        .getAllByRole("menuitem")
        .map((el) => el.textContent),
    ).toEqual(["In progress", "Done", "Cancelled"]);
    expect(within(menu).getAllByRole("menuitem")[0]).toHaveFocus();
    await user.keyboard("{ArrowDown}{Enter}");

    await findCard("Add retry guard", "done");
    expect(backend.callsTo("action_edit")).toEqual([
      { id: action.id, edit: { field: "status", value: "done" } },
    ]);
    expect(screen.getByTestId("board-notice")).toHaveTextContent(
      "Moved “\u2068Add retry guard\u2069” to Done.",
    );
    await waitFor(() => {
      expect(card("Add retry guard")).toHaveFocus();
    });
  });

  it("moves the focused card to the next or previous allowed column with Alt+arrow", async () => {
    const action = makeAction(problem.id, "Add retry guard", { status: "in_progress" });
    const backend = setup([action]);
    const { user } = renderApp("/actions/board");
    const start = await findCard("Add retry guard", "in_progress");

    start.focus();
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    const moved = await findCard("Add retry guard", "done");
    expect(backend.callsTo("action_edit")).toEqual([
      { id: action.id, edit: { field: "status", value: "done" } },
    ]);
    await waitFor(() => {
      expect(moved).toHaveFocus();
    });

    await user.keyboard("{Alt>}{ArrowLeft}{/Alt}");
    await findCard("Add retry guard", "in_progress");
    expect(backend.callsTo("action_edit")[1]).toEqual({
      id: action.id,
      edit: { field: "status", value: "in_progress" },
    });
  });

  it("says so when there is no allowed column that way", async () => {
    const backend = setup([makeAction(problem.id, "Old fix", { status: "cancelled" })]);
    const { user } = renderApp("/actions/board");
    (await findCard("Old fix", "cancelled")).focus();
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    expect(await screen.findByTestId("board-error")).toHaveTextContent(
      "“\u2068Old fix\u2069” has no column further along that it can move to.",
    );
    expect(backend.callsTo("action_edit")).toEqual([]);
  });

  it("asks what the check found before Verified effective, and requires it", async () => {
    const action = makeAction(problem.id, "Patch timeout", {
      status: "done",
      doneOn: "2020-01-01",
      checkMethod: "Count retry failures for 4 weeks",
    });
    const backend = setup([action]);
    const { user } = renderApp("/actions/board");
    (await findCard("Patch timeout", "done")).focus();
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");

    const dialog = await screen.findByTestId("check-dialog");
    expect(dialog).toHaveAttribute("role", "dialog");
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(dialog).toHaveTextContent("Count retry failures for 4 weeks");
    const notes = within(dialog).getByLabelText("What the check found");
    expect(notes).toHaveFocus();

    await user.click(within(dialog).getByTestId("move-dialog-confirm"));
    expect(within(dialog).getByTestId("move-dialog-field-error")).toHaveTextContent("This field is required");
    expect(notes).toHaveAttribute("aria-invalid", "true");
    expect(backend.callsTo("action_edit")).toEqual([]);

    await user.type(notes, "No failed retries in four weeks");
    await user.click(within(dialog).getByTestId("move-dialog-confirm"));

    await findCard("Patch timeout", "verified_effective");
    expect(screen.queryByTestId("check-dialog")).not.toBeInTheDocument();
    expect(backend.callsTo("action_edit")).toEqual([
      {
        id: action.id,
        edit: { field: "check", value: { result: "effective", notes: "No failed retries in four weeks" } },
      },
    ]);
  });

  it("records a check that shows the fix did not work", async () => {
    const action = makeAction(problem.id, "Patch timeout", { status: "done", doneOn: "2020-01-01" });
    const backend = setup([action]);
    const { user } = renderApp("/actions/board");
    const done = await findCard("Patch timeout", "done");
    await user.click(within(done).getByTestId("card-move"));
    await user.click(screen.getByRole("menuitem", { name: "Not effective" }));
    const dialog = await screen.findByTestId("check-dialog");
    expect(dialog).toHaveTextContent("Record that it did not work");
    await user.type(within(dialog).getByLabelText("What the check found"), "Still failing");
    await user.click(within(dialog).getByRole("button", { name: "Record as not effective" }));
    await findCard("Patch timeout", "not_effective");
    expect(backend.callsTo("action_edit")).toEqual([
      { id: action.id, edit: { field: "check", value: { result: "not_effective", notes: "Still failing" } } },
    ]);
  });

  it("asks for a reason to cancel; Escape leaves the card where it was and focus on it", async () => {
    const action = makeAction(problem.id, "Add retry guard");
    const backend = setup([action]);
    const { user } = renderApp("/actions/board");
    const open = await findCard("Add retry guard", "open");

    await user.click(within(open).getByTestId("card-move"));
    await user.click(screen.getByRole("menuitem", { name: "Cancelled" }));
    let dialog = await screen.findByTestId("cancel-dialog");
    await user.type(within(dialog).getByLabelText("Reason for cancelling"), "Not needed");
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("cancel-dialog")).not.toBeInTheDocument();
    expect(column("open")).toContainElement(card("Add retry guard"));
    expect(card("Add retry guard")).toHaveFocus();
    expect(backend.callsTo("action_edit")).toEqual([]);

    await user.click(within(card("Add retry guard")).getByTestId("card-move"));
    await user.click(screen.getByRole("menuitem", { name: "Cancelled" }));
    dialog = await screen.findByTestId("cancel-dialog");
    await user.click(within(dialog).getByRole("button", { name: "Cancel the action" }));
    expect(within(dialog).getByTestId("move-dialog-field-error")).toHaveTextContent("This field is required");
    await user.type(within(dialog).getByLabelText("Reason for cancelling"), "Duplicate of another action");
    await user.click(within(dialog).getByRole("button", { name: "Cancel the action" }));
    await findCard("Add retry guard", "cancelled");
    expect(backend.callsTo("action_edit")).toEqual([
      { id: action.id, edit: { field: "cancel", value: { reason: "Duplicate of another action" } } },
    ]);
  });

  it("keeps the typed notes and shows the core's refusal in the dialog", async () => {
    const action = makeAction(problem.id, "Patch timeout", { status: "done" });
    const backend = setup([action], {
      handlers: {
        action_edit: () =>
          rejectWith({
            code: "invalid_input",
            details: { field: "checkNotes", rule: "too_long", limit: 5000 },
          }),
      },
    });
    const { user } = renderApp("/actions/board");
    (await findCard("Patch timeout", "done")).focus();
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    const dialog = await screen.findByTestId("check-dialog");
    const notes = within(dialog).getByLabelText("What the check found");
    await user.type(notes, "Looked at the reports");
    await user.click(within(dialog).getByTestId("move-dialog-confirm"));
    expect(await within(dialog).findByTestId("move-dialog-field-error")).toHaveTextContent(
      "At most 5000 characters",
    );
    expect(notes).toHaveValue("Looked at the reports");
    expect(backend.callsTo("action_edit")).toHaveLength(1);
  });

  it("shows a transition the core refuses, translated, and leaves the card", async () => {
    const action = makeAction(problem.id, "Add retry guard");
    setup([action], {
      handlers: {
        action_edit: () =>
          rejectWith({ code: "invalid_input", details: { field: "status", rule: "transition" } }),
      },
    });
    const { user } = renderApp("/actions/board");
    (await findCard("Add retry guard", "open")).focus();
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    expect(await screen.findByTestId("board-error")).toHaveTextContent(
      "“\u2068Add retry guard\u2069” can't move from Open to In progress. It can move to In progress, Done, or Cancelled.",
    );
    expect(column("open")).toContainElement(card("Add retry guard"));
  });

  it("refuses a drop on a column the card may not go to, and says why", async () => {
    const action = makeAction(problem.id, "Add retry guard");
    const backend = setup([action]);
    renderApp("/actions/board");
    const open = await findCard("Add retry guard", "open");

    await drag(open, 650, async () => {
      await waitFor(() => {
        expect(column("verified_effective")).toHaveClass("board-column--refused");
      });
      expect(column("verified_effective")).toHaveAttribute("aria-disabled", "true");
      expect(column("done")).toHaveClass("board-column--accepts");
    });

    expect(await screen.findByTestId("board-error")).toHaveTextContent(
      "“\u2068Add retry guard\u2069” can't move from Open to Verified effective. It can move to In progress, Done, or Cancelled.",
    );
    expect(column("open")).toContainElement(card("Add retry guard"));
    expect(backend.callsTo("action_edit")).toEqual([]);
  });

  it("moves a card dragged with the pointer onto an allowed column", async () => {
    const action = makeAction(problem.id, "Add retry guard");
    const backend = setup([action]);
    renderApp("/actions/board");
    await drag(await findCard("Add retry guard", "open"), 250);
    await findCard("Add retry guard", "in_progress");
    expect(backend.callsTo("action_edit")).toEqual([
      { id: action.id, edit: { field: "status", value: "in_progress" } },
    ]);
  });

  it("moves a card with the keyboard drag: Space, arrow, Space", async () => {
    const action = makeAction(problem.id, "Add retry guard");
    const backend = setup([action]);
    const { user } = renderApp("/actions/board");
    const open = await findCard("Add retry guard", "open");
    const layout = fakeLayout();
    try {
      open.focus();
      await user.keyboard(" ");
      await waitFor(() => {
        expect(column("verified_effective")).toHaveClass("board-column--refused");
      });
      await user.keyboard("{ArrowRight}");
      await waitFor(() => {
        expect(column("in_progress")).toHaveClass("board-column--over");
      });
      await user.keyboard(" ");
    } finally {
      layout.mockRestore();
    }
    await findCard("Add retry guard", "in_progress");
    expect(backend.callsTo("action_edit")).toEqual([
      { id: action.id, edit: { field: "status", value: "in_progress" } },
    ]);
  });

  it("links to the table for the cards past the column's first 200", async () => {
    const many = Array.from({ length: 203 }, (_, i) =>
      makeAction(problem.id, `Action ${String(i)}`, { status: "in_progress", owner: "Sam" }),
    );
    setup(many);
    const { user } = renderApp("/actions/board");
    const more = await within(await screen.findByTestId("board-column-in_progress")).findByTestId(
      "board-column-more",
    );
    expect(more).toHaveTextContent("+3 more");
    expect(more).toHaveAttribute("href", "#/actions?status=in_progress");
    expect(within(column("in_progress")).getAllByTestId("board-card")).toHaveLength(200);
    await user.selectOptions(screen.getByTestId("board-filter-owner"), "o:Sam");
    await waitFor(() => {
      expect(within(column("in_progress")).getByTestId("board-column-more")).toHaveAttribute(
        "href",
        "#/actions?status=in_progress&owner=Sam",
      );
    });
  }, 20_000);

  it("filters by owner and kind, kept in the URL", async () => {
    const backend = setup([
      makeAction(problem.id, "Sam's fix", { owner: "Sam" }),
      makeAction(problem.id, "Lina's containment", { owner: "Lina", kind: "containment" }),
    ]);
    const { user } = renderApp("/actions/board");
    await findCard("Sam's fix", "open");
    await user.selectOptions(screen.getByTestId("board-filter-owner"), "o:Lina");
    await waitFor(() => {
      expect(screen.queryByText("Sam's fix")).not.toBeInTheDocument();
    });
    expect(card("Lina's containment")).toBeInTheDocument();
    expect(window.location.hash).toContain("owner=Lina");
    await user.selectOptions(screen.getByTestId("board-filter-kind"), "corrective");
    await waitFor(() => {
      expect(screen.queryAllByTestId("board-card")).toHaveLength(0);
    });
    expect(window.location.hash).toContain("kind=corrective");
    const last = backend.callsTo("action_list").at(-1) as { query: { owner?: string; kinds: string[] } };
    expect(last.query.owner).toBe("Lina");
    expect(last.query.kinds).toEqual(["corrective"]);
    await user.click(screen.getByTestId("board-clear-filters"));
    await findCard("Sam's fix", "open");
  });

  it("speaks Arabic and runs right to left: Alt+Left moves to the next column", async () => {
    const action = makeAction(problem.id, "إضافة حماية لإعادة المحاولة", { status: "in_progress" });
    const backend = setup([action], { settings: { language: "ar" } });
    const { user } = renderApp("/actions/board");
    const start = await findCard("إضافة حماية لإعادة المحاولة", "in_progress");
    await waitFor(() => {
      expect(i18n.resolvedLanguage).toBe("ar");
    });
    expect(within(column("open")).getByRole("heading", { level: 2 })).toHaveTextContent("مفتوح");
    expect(within(column("verified_effective")).getByRole("heading", { level: 2 })).toHaveTextContent(
      "ثبتت فعاليته",
    );
    expect(within(start).getByTestId("card-move")).toHaveTextContent("نقل إلى…");

    start.focus();
    await user.keyboard("{Alt>}{ArrowLeft}{/Alt}");
    await findCard("إضافة حماية لإعادة المحاولة", "done");
    expect(backend.callsTo("action_edit")).toEqual([
      { id: action.id, edit: { field: "status", value: "done" } },
    ]);
    expect(screen.getByTestId("board-notice")).toHaveTextContent(
      "نُقل «\u2068إضافة حماية لإعادة المحاولة\u2069» إلى «منجز».",
    );
  });
});
