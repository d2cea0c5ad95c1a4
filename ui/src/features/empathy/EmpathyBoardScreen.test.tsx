import { createQueryClient } from "../../api/freshness";
import { DataProvider } from "../../api/DataProvider";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { useBoard, voteNote } from "../../api/empathy";
import { makeAnalysis, makeWhy } from "../../test/mock-analysis";
import { installMockBackend, makeProblem, type MockBackendOptions } from "../../test/mock-backend";
import { makeBoardPersona, makeMap, makeNote } from "../../test/mock-empathy";
import type { Area } from "../../bindings/Area";
import type { EmpathyMap } from "../../bindings/EmpathyMap";
import type { HistoryEntry } from "../../bindings/HistoryEntry";
import type { Note } from "../../bindings/Note";
import i18n from "../../i18n";
import { renderApp } from "../../test/render";
import { EmpathyBoard } from "./board/EmpathyBoard";
import { WorkshopContext, type WorkshopState } from "./workshop/context";

const persona = makeBoardPersona("Layla the shop owner", { segment: "Small shops" });

function setup(
  notes: (map: EmpathyMap) => Note[] = () => [],
  options: MockBackendOptions & { map?: Partial<EmpathyMap> } = {},
) {
  const map = makeMap(persona, "Checkout workshop", options.map);
  const backend = installMockBackend({
    ...options,
    settings: { displayName: "Sam", ...options.settings },
    personas: { personas: [persona], ...options.personas },
    empathy: { maps: [map], notes: notes(map), ...options.empathy },
  });
  return { backend, map };
}

const area = (a: Area) => screen.getByTestId(`empathy-area-${a}`);
const cards = (a: Area) => within(area(a)).queryAllByTestId("note-card");
const card = (text: string) => {
  const found = screen.getAllByTestId("note-card").find((el) => el.textContent.includes(text));
  if (found === undefined) throw new Error(`no note "${text}"`);
  return found;
};

async function openBoard(map: EmpathyMap) {
  const rendered = renderApp(`/empathy/${map.id}`);
  await screen.findByTestId("empathy-board");
  return rendered;
}

describe("Empathy map board", () => {
  it("shows the map's history with translated field names, in English and Arabic", async () => {
    const history: HistoryEntry[] = [];
    const { map } = setup(() => [], { handlers: { history_list: () => history } });
    history.push(
      {
        seq: 1,
        entity: "empathy_map",
        entityId: map.id,
        op: "create",
        field: "title",
        oldValue: null,
        newValue: map.title,
        author: "Sam",
        at: "2025-03-01T10:00:00Z",
      },
      {
        seq: 2,
        entity: "empathy_map",
        entityId: map.id,
        op: "update",
        field: "phase",
        oldValue: "open",
        newValue: "private",
        author: "Sam",
        at: "2025-03-02T10:00:00Z",
      },
      {
        seq: 3,
        entity: "empathy_map",
        entityId: map.id,
        op: "update",
        field: "votesPerPerson",
        oldValue: "3",
        newValue: "5",
        author: "Sam",
        at: "2025-03-03T10:00:00Z",
      },
    );
    const { user } = await openBoard(map);
    // Folded under the header until asked for.
    expect(screen.getByTestId("map-history-disclosure")).not.toHaveAttribute("open");
    await user.click(screen.getByTestId("map-history-toggle"));
    const rows = await within(await screen.findByTestId("map-history")).findAllByTestId("map-history-row");
    const fields = () =>
      within(screen.getByTestId("map-history"))
        .getAllByTestId("history-field")
        .map((el) => el.textContent);
    expect(fields()).toEqual(["Votes per person", "Workshop phase", "Title"]);
    expect(rows[1]).toHaveTextContent(/Open board\s*→\s*changed to\s*Private round/);
    await i18n.changeLanguage("ar");
    try {
      await waitFor(() => {
        expect(fields()).toEqual(["الأصوات لكل شخص", "مرحلة الورشة", "العنوان"]);
      });
    } finally {
      await i18n.changeLanguage("en");
    }
  });

  it("shows the six areas around the persona with their prompt questions", async () => {
    const { map } = setup();
    await openBoard(map);
    expect(screen.getByTestId("map-title")).toHaveTextContent("Checkout workshop");
    const ids = screen.getAllByTestId(/^empathy-area-/).map((el) => el.dataset.testid);
    expect(ids).toEqual([
      "empathy-area-says",
      "empathy-area-thinks",
      "empathy-area-does",
      "empathy-area-feels",
      "empathy-area-pains",
      "empathy-area-gains",
    ]);
    expect(within(area("says")).getByRole("heading", { name: "Says" })).toBeInTheDocument();
    expect(
      within(area("thinks")).getByText("What are their goals, and which fears come with them?"),
    ).toBeVisible();
    expect(within(area("does")).getByText("What is their environment like while they use it?")).toBeVisible();
    expect(within(area("gains")).getByText("How do they measure success?")).toBeVisible();
    expect(screen.getByTestId("board-persona")).toHaveTextContent("Layla the shop owner");
    expect(screen.getByTestId("board-persona")).toHaveTextContent("Small shops");

    // Prompts fold away and come back.
    await userEvent.click(screen.getByTestId("empathy-prompts-toggle-says"));
    expect(screen.getByTestId("empathy-prompts-says")).not.toBeVisible();
  });

  it("shows the areas and prompts in Arabic", async () => {
    const { map } = setup(() => [], { settings: { language: "ar" } });
    await openBoard(map);
    await waitFor(() => {
      expect(document.documentElement.dir).toBe("rtl");
    });
    expect(within(area("says")).getByRole("heading", { name: "يقول" })).toBeInTheDocument();
    expect(within(area("feels")).getByRole("heading", { name: "يشعر" })).toBeInTheDocument();
    expect(within(area("pains")).getByText(i18n.t("empathy.area.pains.p1", { lng: "ar" }))).toBeVisible();
    expect(screen.getByTestId("empathy-add-says")).toHaveTextContent(
      i18n.t("empathy.area.add", { lng: "ar" }),
    );
  });

  it("adds a note by double-clicking an area, written by the user", async () => {
    const { map, backend } = setup();
    const { user } = await openBoard(map);
    await user.dblClick(within(area("feels")).getByText("No notes yet"));
    const editor = await screen.findByTestId("note-editor");
    await waitFor(() => {
      expect(editor).toHaveFocus();
    });
    await user.type(editor, "Anxious at the{Shift>}{Enter}{/Shift}till");
    await user.keyboard("{Enter}");
    await waitFor(() => {
      expect(cards("feels")).toHaveLength(1);
    });
    expect(backend.callsTo("note_add")).toEqual([
      {
        input: {
          mapId: map.id,
          area: "feels",
          text: "Anxious at the\ntill",
          colour: "yellow",
          author: "Sam",
        },
      },
    ]);
    expect(cards("feels")[0]).toHaveTextContent("Sam");
    // The editor stays open, empty, for the next note; Escape closes it.
    expect(screen.getByTestId("note-editor")).toHaveValue("");
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("note-editor")).not.toBeInTheDocument();
  });

  it("adds a note from the keyboard with N on a focused area", async () => {
    const { map, backend } = setup();
    const { user } = await openBoard(map);
    act(() => {
      area("pains").focus();
    });
    await user.keyboard("n");
    const editor = await screen.findByTestId("note-editor");
    await waitFor(() => {
      expect(editor).toHaveFocus();
    });
    await user.keyboard("Card declined twice{Enter}");
    await waitFor(() => {
      expect(cards("pains")).toHaveLength(1);
    });
    expect(backend.callsTo("note_add")[0]).toMatchObject({
      input: { area: "pains", text: "Card declined twice" },
    });
    // N did not open the new-problem page.
    expect(window.location.hash).toContain(`/empathy/${map.id}`);
  });

  it("refuses an empty note beside the editor, which keeps the focus", async () => {
    const { map, backend } = setup((m) => [makeNote(m.id, "says", "Keeps the receipts")]);
    const { user } = await openBoard(map);
    await user.click(screen.getByTestId("empathy-add-does"));
    const editor = await screen.findByTestId("note-editor");
    await user.type(editor, "   {Enter}");
    expect(await screen.findByTestId("note-error")).toHaveTextContent("This field is required");
    expect(editor).toHaveFocus();
    expect(editor).toHaveAttribute("aria-invalid", "true");
    expect(backend.callsTo("note_add")).toHaveLength(0);
    expect(card("Keeps the receipts")).toBeInTheDocument();
  });

  it("edits a note in place with Enter", async () => {
    const { map, backend } = setup((m) => [makeNote(m.id, "says", "Too many steps")]);
    const { user } = await openBoard(map);
    act(() => {
      card("Too many steps").focus();
    });
    await user.keyboard("{Enter}");
    const editor = await screen.findByTestId("note-editor");
    expect(editor).toHaveValue("Too many steps");
    await user.clear(editor);
    await user.type(editor, "Far too many steps{Enter}");
    await waitFor(() => {
      expect(screen.queryByTestId("note-editor")).not.toBeInTheDocument();
    });
    expect(card("Far too many steps")).toBeInTheDocument();
    expect(backend.callsTo("note_edit")[0]).toMatchObject({
      edit: { field: "text", value: "Far too many steps" },
    });
  });

  it("deletes a note with the Delete key and brings it back with Undo", async () => {
    const { map, backend } = setup((m) => [makeNote(m.id, "thinks", "Is this safe?")]);
    const { user } = await openBoard(map);
    const note = card("Is this safe?");
    const id = note.dataset.noteId;
    act(() => {
      note.focus();
    });
    await user.keyboard("{Delete}");
    await waitFor(() => {
      expect(cards("thinks")).toHaveLength(0);
    });
    expect(backend.callsTo("note_delete")).toEqual([{ id }]);
    await user.click(await screen.findByTestId("note-undo"));
    await waitFor(() => {
      expect(cards("thinks")).toHaveLength(1);
    });
    expect(backend.callsTo("note_restore")).toEqual([{ id }]);
  });

  it("moves a note to the area on the right with Alt+Right, at once", async () => {
    const { map, backend } = setup((m) => [makeNote(m.id, "says", "Calls support first")]);
    const { user } = await openBoard(map);
    act(() => {
      card("Calls support first").focus();
    });
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    expect(cards("thinks")).toHaveLength(1);
    expect(cards("thinks")[0]).toHaveFocus();
    expect(backend.callsTo("note_edit")[0]).toMatchObject({
      edit: { field: "move", value: { area: "thinks" } },
    });
    expect(screen.getByTestId("board-announce")).toHaveTextContent(
      "Moved “\u2068Calls support first\u2069” to Thinks",
    );
    // Alt+Down at the bottom of Thinks goes into Feels, below it.
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");
    await waitFor(() => {
      expect(cards("feels")).toHaveLength(1);
    });
    expect(backend.callsTo("note_edit")[1]).toMatchObject({
      edit: { field: "move", value: { area: "feels" } },
    });
  });

  it("mirrors Alt+arrows in Arabic: Alt+Left goes to the area drawn on the left", async () => {
    const { map, backend } = setup((m) => [makeNote(m.id, "says", "يتصل بالدعم أولًا")], {
      settings: { language: "ar" },
    });
    const { user } = await openBoard(map);
    await waitFor(() => {
      expect(document.documentElement.dir).toBe("rtl");
    });
    act(() => {
      card("يتصل بالدعم أولًا").focus();
    });
    await user.keyboard("{Alt>}{ArrowLeft}{/Alt}");
    expect(cards("thinks")).toHaveLength(1);
    expect(backend.callsTo("note_edit")[0]).toMatchObject({
      edit: { field: "move", value: { area: "thinks" } },
    });
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    await waitFor(() => {
      expect(cards("says")).toHaveLength(1);
    });
  });

  it("reorders within an area with Alt+Up, moving before the previous note", async () => {
    const { map, backend } = setup((m) => [
      makeNote(m.id, "does", "First", { position: 1 }),
      makeNote(m.id, "does", "Second", { position: 2 }),
    ]);
    const { user } = await openBoard(map);
    const first = card("First");
    act(() => {
      card("Second").focus();
    });
    await user.keyboard("{Alt>}{ArrowUp}{/Alt}");
    expect(cards("does").map((el) => el.textContent)).toEqual([
      expect.stringContaining("Second"),
      expect.stringContaining("First"),
    ]);
    expect(backend.callsTo("note_edit")[0]).toMatchObject({
      edit: { field: "move", value: { area: "does", before: first.dataset.noteId } },
    });
  });

  it("moves a note with its Move to… menu", async () => {
    const { map, backend } = setup((m) => [makeNote(m.id, "says", "Reads every review")]);
    const { user } = await openBoard(map);
    await user.click(within(card("Reads every review")).getByTestId("note-menu"));
    await user.click(await screen.findByTestId("note-move-gains"));
    expect(cards("gains")).toHaveLength(1);
    expect(backend.callsTo("note_edit")[0]).toMatchObject({
      edit: { field: "move", value: { area: "gains" } },
    });
  });

  it("groups selected notes under a label, and ungroups them", async () => {
    const { map, backend } = setup((m) => [
      makeNote(m.id, "pains", "Slow refunds"),
      makeNote(m.id, "pains", "Hidden fees"),
      makeNote(m.id, "pains", "Rude agent"),
    ]);
    const { user } = await openBoard(map);
    fireEvent.click(card("Slow refunds"), { ctrlKey: true });
    act(() => {
      card("Hidden fees").focus();
    });
    await user.keyboard(" ");
    expect(screen.getByTestId("board-selection")).toHaveTextContent("2 notes selected");
    await user.click(screen.getByTestId("board-group"));
    await user.type(screen.getByTestId("board-group-label"), "Money{Enter}");
    const group = await screen.findByTestId("note-group");
    expect(within(group).getByRole("heading", { name: "Money" })).toBeInTheDocument();
    await waitFor(() => {
      expect(within(group).getAllByTestId("note-card")).toHaveLength(2);
    });
    const [call] = backend.callsTo("group_create");
    expect(call).toMatchObject({ mapId: map.id, area: "pains", label: "Money" });
    expect(new Set(call?.noteIds as string[])).toEqual(
      new Set([card("Slow refunds").dataset.noteId, card("Hidden fees").dataset.noteId]),
    );
    await user.click(within(group).getByTestId("group-dissolve"));
    await waitFor(() => {
      expect(screen.queryByTestId("note-group")).not.toBeInTheDocument();
    });
    expect(backend.callsTo("group_dissolve")).toHaveLength(1);
  });

  it("shows hidden notes of a private round face down", async () => {
    const { map } = setup(
      (m) => [makeNote(m.id, "feels", "Secret worry", { hidden: true, author: "Rana" })],
      {
        map: { phase: "private" },
      },
    );
    await openBoard(map);
    const [note] = cards("feels");
    expect(note).toHaveTextContent("Hidden until revealed");
    expect(note).toHaveTextContent("Rana");
    expect(note).not.toHaveTextContent("Secret worry");
    expect(note).toHaveAttribute("data-hidden", "true");
    expect(within(note as HTMLElement).queryByTestId("note-menu")).not.toBeInTheDocument();
    expect(screen.getByTestId("board-private")).toBeInTheDocument();
  });

  it("shows a note just written in a private round to its writer while the editor is open", async () => {
    const { map } = setup(() => [], { map: { phase: "private" } });
    const { user } = await openBoard(map);
    await user.click(screen.getByTestId("empathy-add-says"));
    await user.type(await screen.findByTestId("note-editor"), "My own words{Enter}");
    await waitFor(() => {
      expect(cards("says")).toHaveLength(1);
    });
    expect(cards("says")[0]).toHaveTextContent("My own words");
    await user.keyboard("{Escape}");
    await waitFor(() => {
      expect(cards("says")[0]).toHaveTextContent("Hidden until revealed");
    });
  });

  it("links a note to a cause of an analysis and to a problem", async () => {
    const problem = makeProblem("Checkout fails on retry");
    const analysis = makeAnalysis(problem.id, "Why checkout fails");
    const why = makeWhy(analysis.id, "The retry button posts twice");
    const { map, backend } = setup((m) => [makeNote(m.id, "does", "Presses pay twice")], {
      problems: [problem],
      analysis: { analyses: [analysis], nodes: [why] },
    });
    const { user } = await openBoard(map);
    await user.click(card("Presses pay twice"));
    const details = await screen.findByTestId("note-details");
    expect(within(details).getByTestId("note-causes-empty")).toBeInTheDocument();
    const analyses = within(details).getByTestId("note-cause-analysis");
    await waitFor(() => {
      expect(within(analyses).getByRole("option", { name: "Why checkout fails" })).toBeInTheDocument();
    });
    await user.selectOptions(analyses, analysis.id);
    const pick = await within(details).findByTestId("note-cause-pick");
    await waitFor(() => {
      expect(within(pick).getByRole("option", { name: "The retry button posts twice" })).toBeInTheDocument();
    });
    await user.selectOptions(pick, why.id);
    const list = await within(details).findByTestId("note-causes");
    expect(within(list).getByRole("link", { name: "The retry button posts twice" })).toHaveAttribute(
      "href",
      expect.stringContaining(`#/analyses/${analysis.id}`),
    );
    expect(backend.callsTo("note_edit")).toContainEqual({
      id: card("Presses pay twice").dataset.noteId,
      edit: { field: "causeIds", value: [why.id] },
    });
    expect(within(card("Presses pay twice")).getByTestId("note-linked")).toBeInTheDocument();

    const problemSelect = within(details).getByTestId("note-link-problem");
    await waitFor(() => {
      expect(
        within(problemSelect).getByRole("option", { name: "Checkout fails on retry" }),
      ).toBeInTheDocument();
    });
    await user.selectOptions(problemSelect, problem.id);
    await waitFor(() => {
      expect(backend.callsTo("note_edit")).toContainEqual(
        expect.objectContaining({ edit: { field: "problem", value: problem.id } }),
      );
    });

    await user.click(within(list).getByTestId("note-cause-remove"));
    await waitFor(() => {
      expect(within(details).getByTestId("note-causes-empty")).toBeInTheDocument();
    });
  });

  it("saves a Markdown export of the board", async () => {
    const { map, backend } = setup(
      (m) => [makeNote(m.id, "says", "Where is my refund?", { author: "Rana" })],
      {
        dialogPath: "/tmp/map.md",
      },
    );
    const { user } = await openBoard(map);
    await user.click(screen.getByTestId("board-export-md"));
    expect(await screen.findByTestId("board-export-saved")).toBeInTheDocument();
    const [call] = backend.callsTo("export_save");
    expect(call?.name).toBe("Checkout workshop.md");
    expect(String(call?.contents)).toContain("## Says");
    expect(String(call?.contents)).toContain("Where is my refund? — by Rana");
  });

  it("renames the map and deletes it with undo", async () => {
    const { map, backend } = setup(() => [], {
      handlers: {
        trash_restore: (args, state) => {
          const m = state.empathy.maps.find((x) => x.id === args.id);
          if (m !== undefined) m.deleted = false;
          return null;
        },
      },
    });
    const { user } = await openBoard(map);
    await user.click(screen.getByTestId("map-title-rename"));
    const input = screen.getByTestId("map-title-edit");
    await user.clear(input);
    await user.type(input, "Refunds workshop{Enter}");
    await waitFor(() => {
      expect(screen.getByTestId("map-title")).toHaveTextContent("Refunds workshop");
    });
    expect(backend.callsTo("map_edit")).toEqual([
      { id: map.id, edit: { field: "title", value: "Refunds workshop" } },
    ]);

    await user.click(screen.getByTestId("map-delete"));
    await user.click(screen.getByTestId("map-delete-confirm"));
    await user.click(await screen.findByTestId("map-undo"));
    expect(backend.callsTo("trash_restore")).toEqual([{ entity: "empathy_map", id: map.id }]);
    expect(await screen.findByTestId("empathy-board")).toBeInTheDocument();
  });

  it("opens workshop mode with ?workshop=1", async () => {
    const { map } = setup();
    const { user } = await openBoard(map);
    await user.click(screen.getByTestId("board-workshop"));
    await waitFor(() => {
      expect(window.location.hash).toContain("workshop=1");
    });
    expect(screen.getByTestId("empathy-board")).toBeInTheDocument();
  });
});

describe("Voting on the board", () => {
  function VotingBoard({ mapId, workshop }: { mapId: string; workshop: WorkshopState }) {
    const board = useBoard(mapId);
    if (board.data === undefined) return <p>Loading</p>;
    return (
      <WorkshopContext.Provider value={workshop}>
        <EmpathyBoard board={board.data} />
      </WorkshopContext.Provider>
    );
  }

  it("gives a dot on click and takes it back on Shift+click when a participant votes", async () => {
    const { map, backend } = setup((m) => [makeNote(m.id, "gains", "Instant refunds")], {
      map: { participants: ["Sam", "Rana"] },
    });
    const unvoted: string[] = [];
    const workshop: WorkshopState = {
      projector: true,
      voting: {
        voter: "Rana",
        remaining: 3,
        vote: (id) => void voteNote(id, "Rana"),
        unvote: (id) => {
          unvoted.push(id);
        },
      },
    };
    render(
      <DataProvider client={createQueryClient()}>
        <MemoryRouter>
          <VotingBoard mapId={map.id} workshop={workshop} />
        </MemoryRouter>
      </DataProvider>,
    );
    const user = userEvent.setup();
    await screen.findByTestId("empathy-board");
    const note = card("Instant refunds");
    await user.click(note);
    await waitFor(() => {
      expect(backend.callsTo("note_vote")).toEqual([{ id: note.dataset.noteId, voter: "Rana" }]);
    });
    // Clicking voted instead of opening the details.
    expect(screen.queryByTestId("note-details")).not.toBeInTheDocument();
    await user.keyboard("{Shift>}");
    await user.click(note);
    await user.keyboard("{/Shift}");
    expect(unvoted).toEqual([note.dataset.noteId]);
    act(() => {
      note.focus();
    });
    await user.keyboard("v");
    await waitFor(() => {
      expect(backend.callsTo("note_vote")).toHaveLength(2);
    });
  });

  it("shows every note's dots", async () => {
    const { map } = setup((m) => [makeNote(m.id, "gains", "Fast answers")], {
      empathy: { votes: [] },
    });
    await openBoard(map);
    expect(within(card("Fast answers")).getByTestId("note-votes")).toHaveAttribute("data-votes", "0");
  });
});
