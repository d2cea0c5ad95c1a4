import { createQueryClient, useWorkspaceChangedListener } from "../../../api/freshness";
import { DataProvider } from "../../../api/DataProvider";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useBoard } from "../../../api/empathy";
import { installMockBackend, rejectWith } from "../../../test/mock-backend";
import { makePersona } from "../../../test/mock-personas";
import { setFullscreen } from "../../../api/window";
import type { Board } from "../../../bindings/Board";
import type { EmpathyMap } from "../../../bindings/EmpathyMap";
import type { ErrorPayload } from "../../../bindings/ErrorPayload";
import type { MapEdit } from "../../../bindings/MapEdit";
import type { Note } from "../../../bindings/Note";
import type { Persona } from "../../../bindings/Persona";
import type { VoteCount } from "../../../bindings/VoteCount";
import i18n from "../../../i18n";
import { playChime } from "./chime";
import { useWorkshop } from "./context";
import { MINUTE_MS } from "./countdown";
import { WORKSHOP_ROOT_CLASS, WorkshopFrame } from "./WorkshopFrame";

vi.mock("../../../api/window", () => ({
  setFullscreen: vi.fn(() => Promise.resolve()),
  isFullscreen: vi.fn(() => Promise.resolve(false)),
}));
vi.mock("./chime", () => ({ playChime: vi.fn(() => true), prepareChime: vi.fn() }));

const MAP_ID = "0190e000-0000-7000-8000-000000000001";

/** The backend's data for one map: what map_board returns and the commands change. */
interface World {
  map: EmpathyMap;
  persona: Persona;
  notes: Note[];
  /** One entry a dot. */
  dots: { noteId: string; voter: string }[];
  /** The next vote is refused with this error. */
  refuseVote?: Omit<ErrorPayload, "message">;
}

let nextNote = 1;
function makeNote(text: string, fields: Partial<Note> = {}): Note {
  const now = "2024-05-01T09:00:00Z";
  return {
    id: `0190e000-0000-7000-8000-1${String(nextNote++).padStart(11, "0")}`,
    mapId: MAP_ID,
    area: "says",
    position: nextNote,
    text,
    colour: "yellow",
    author: "",
    groupId: null,
    problemId: null,
    hidden: false,
    causeIds: [],
    votes: 0,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

function makeWorld(map: Partial<EmpathyMap> = {}, notes: Note[] = []): World {
  const persona = makePersona("Noor, the night-shift nurse");
  const now = "2024-05-01T09:00:00Z";
  return {
    persona,
    map: {
      id: MAP_ID,
      personaId: persona.id,
      personaName: persona.name,
      problemId: null,
      problemTitle: null,
      title: "Refund calls, May workshop",
      heldOn: "2024-05-01",
      participants: ["Sam", "Lina"],
      votesPerPerson: 3,
      phase: "open",
      sample: false,
      createdAt: now,
      updatedAt: now,
      ...map,
    },
    notes,
    dots: [],
  };
}

function boardOf(world: World): Board {
  const votes: VoteCount[] = [];
  for (const dot of world.dots) {
    const entry = votes.find((v) => v.noteId === dot.noteId && v.voter === dot.voter);
    if (entry === undefined) votes.push({ noteId: dot.noteId, voter: dot.voter, count: 1 });
    else entry.count += 1;
  }
  return {
    map: { ...world.map },
    persona: world.persona,
    notes: world.notes.map((n) => ({ ...n, votes: world.dots.filter((d) => d.noteId === n.id).length })),
    groups: [],
    votes,
  };
}

/** The mock backend over `world`, for the commands the workshop uses. */
function install(world: World) {
  return installMockBackend({
    handlers: {
      map_board: () => boardOf(world),
      map_edit: (args) => {
        const edit = args.edit as MapEdit;
        if (edit.field === "phase") {
          world.map.phase = edit.value;
          if (edit.value === "open") world.notes = world.notes.map((n) => ({ ...n, hidden: false }));
        } else if (edit.field === "votesPerPerson") {
          world.map.votesPerPerson = edit.value;
        }
        return { ...world.map };
      },
      note_vote: (args) => {
        if (world.refuseVote !== undefined) {
          const refusal = world.refuseVote;
          world.refuseVote = undefined;
          return rejectWith(refusal);
        }
        world.dots.push({ noteId: String(args.id), voter: String(args.voter) });
        return world.notes.find((n) => n.id === args.id);
      },
      note_unvote: (args) => {
        const i = world.dots.map((d) => d.noteId === args.id && d.voter === args.voter).lastIndexOf(true);
        if (i >= 0) world.dots.splice(i, 1);
        return world.notes.find((n) => n.id === args.id);
      },
    },
  });
}

/** A stand-in for the board: a note editor and one button per shown note, voting through the context. */
function BoardStub({ board }: { board: Board }) {
  const workshop = useWorkshop();
  const voting = workshop?.voting ?? null;
  return (
    <div>
      <label>
        Note text
        <textarea />
      </label>
      {board.notes
        .filter((n) => !n.hidden)
        .map((n) => (
          <button
            key={n.id}
            type="button"
            onClick={(event) => {
              if (event.shiftKey) voting?.unvote(n.id);
              else voting?.vote(n.id);
            }}
          >
            {n.text}
          </button>
        ))}
      <output data-testid="stub-voting">
        {voting === null ? "not voting" : `${voting.voter}:${String(voting.remaining)}`}
      </output>
      <output data-testid="stub-projector">{String(workshop?.projector ?? false)}</output>
    </div>
  );
}

function Harness({ onExit, now }: { onExit: () => void; now?: () => number }) {
  useWorkspaceChangedListener();
  const board = useBoard(MAP_ID);
  const [inWorkshop, setInWorkshop] = useState(true);
  if (board.data === undefined) return <p>Loading</p>;
  if (!inWorkshop) return <p>Ordinary board</p>;
  return (
    <WorkshopFrame
      board={board.data}
      now={now}
      onExit={() => {
        onExit();
        setInWorkshop(false);
      }}
    >
      <BoardStub board={board.data} />
    </WorkshopFrame>
  );
}

async function renderFrame(world: World, now?: () => number) {
  const backend = install(world);
  const onExit = vi.fn();
  const user = userEvent.setup();
  render(
    <DataProvider client={createQueryClient()}>
      <Harness onExit={onExit} now={now} />
    </DataProvider>,
  );
  await screen.findByTestId("workshop-frame");
  return { backend, onExit, user };
}

beforeEach(() => {
  vi.clearAllMocks();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("WorkshopFrame", () => {
  it("goes full screen with large type and the board inside, and leaves with the button", async () => {
    const { onExit, user } = await renderFrame(makeWorld());
    const frame = screen.getByTestId("workshop-frame");
    expect(
      within(frame).getByRole("heading", { level: 1, name: "Refund calls, May workshop" }),
    ).toBeVisible();
    expect(screen.getByTestId("workshop-persona")).toHaveTextContent("Noor, the night-shift nurse");
    expect(screen.getByTestId("stub-projector")).toHaveTextContent("true");
    expect(screen.getByTestId("stub-voting")).toHaveTextContent("not voting");
    expect(setFullscreen).toHaveBeenCalledWith(true);
    expect(document.documentElement).toHaveClass(WORKSHOP_ROOT_CLASS);

    await user.click(screen.getByRole("button", { name: "Leave workshop" }));
    expect(onExit).toHaveBeenCalledTimes(1);
    expect(await screen.findByText("Ordinary board")).toBeInTheDocument();
    await waitFor(() => {
      expect(setFullscreen).toHaveBeenLastCalledWith(false);
    });
    expect(document.documentElement).not.toHaveClass(WORKSHOP_ROOT_CLASS);
  });

  it("says so politely when the window cannot go full screen, and carries on", async () => {
    vi.mocked(setFullscreen).mockRejectedValueOnce(new Error("not allowed"));
    const { user } = await renderFrame(makeWorld());
    const notice = await screen.findByTestId("workshop-fullscreen-failed");
    expect(notice).toHaveTextContent(/F11/);
    expect(screen.getByTestId("timer-start")).toBeEnabled();
    await user.click(within(notice).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("workshop-fullscreen-failed")).not.toBeInTheDocument();
  });

  it("leaves with Escape, but not while typing in a note or when something else used the key", async () => {
    const { onExit, user } = await renderFrame(makeWorld());
    await user.click(screen.getByRole("textbox", { name: "Note text" }));
    await user.keyboard("{Escape}");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onExit).not.toHaveBeenCalled();

    (document.activeElement as HTMLElement).blur();
    const handled = new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true });
    handled.preventDefault();
    document.body.dispatchEvent(handled);
    // A listener added later (a keyboard drag's) uses the key after the frame saw it.
    const cancelDrag = (event: KeyboardEvent) => {
      event.preventDefault();
    };
    window.addEventListener("keydown", cancelDrag);
    await user.keyboard("{Escape}");
    window.removeEventListener("keydown", cancelDrag);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onExit).not.toHaveBeenCalled();

    await user.keyboard("{Escape}");
    await waitFor(() => {
      expect(onExit).toHaveBeenCalledTimes(1);
    });
    expect(await screen.findByText("Ordinary board")).toBeInTheDocument();
  });

  it("counts down from the clock, warns at one minute and signals gently at zero", async () => {
    let clock = 1_000;
    await renderFrame(makeWorld(), () => clock);
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });

    fireEvent.click(screen.getByTestId("timer-preset-3"));
    expect(screen.getByTestId("timer-preset-3")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByTestId("timer-minutes")).toHaveValue(3);
    expect(screen.getByRole("timer")).toHaveTextContent("03:00");
    fireEvent.click(screen.getByTestId("timer-start"));

    act(() => {
      clock += 65_000;
      vi.advanceTimersByTime(250);
    });
    expect(screen.getByTestId("timer-display")).toHaveTextContent("01:55");

    // Paused time does not count.
    fireEvent.click(screen.getByRole("button", { name: "Pause" }));
    act(() => {
      clock += 10 * MINUTE_MS;
      vi.advanceTimersByTime(1_000);
    });
    expect(screen.getByTestId("timer-display")).toHaveTextContent("01:55");
    fireEvent.click(screen.getByRole("button", { name: "Resume" }));

    act(() => {
      clock += 60_000;
      vi.advanceTimersByTime(250);
    });
    expect(screen.getByTestId("timer-display")).toHaveTextContent("00:55");
    expect(screen.getByTestId("workshop-announcement")).toHaveTextContent("One minute left");
    expect(playChime).not.toHaveBeenCalled();

    // A throttled window: one late tick well past zero.
    act(() => {
      clock += 5 * MINUTE_MS;
      vi.advanceTimersByTime(250);
    });
    expect(screen.getByTestId("timer-display")).toHaveTextContent("00:00");
    expect(screen.getByTestId("timer-done")).toHaveTextContent("Time's up");
    expect(screen.getByTestId("workshop-timer")).toHaveAttribute("data-status", "done");
    expect(screen.getByTestId("workshop-announcement")).toHaveTextContent("Time's up");
    expect(playChime).toHaveBeenCalledTimes(1);
    // Nothing blocks the board.
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Note text" })).toBeEnabled();

    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(playChime).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByTestId("timer-add-minute"));
    expect(screen.getByTestId("timer-display")).toHaveTextContent("01:00");
    expect(screen.queryByTestId("timer-done")).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId("timer-reset"));
    expect(screen.getByTestId("timer-display")).toHaveTextContent("03:00");
    expect(screen.getByTestId("workshop-timer")).toHaveAttribute("data-status", "idle");
  });

  it("keeps quiet when the chime is off, and refuses minutes out of range without losing them", async () => {
    let clock = 0;
    const { user } = await renderFrame(makeWorld(), () => clock);
    const minutes = screen.getByTestId("timer-minutes");
    await user.clear(minutes);
    await user.type(minutes, "120");
    expect(minutes).toHaveValue(120);
    expect(minutes).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("alert")).toHaveTextContent("Enter whole minutes from 1 to 99");
    expect(screen.getByTestId("timer-start")).toBeDisabled();
    await user.clear(minutes);
    await user.type(minutes, "1");
    expect(screen.getByTestId("timer-display")).toHaveTextContent("01:00");

    await user.click(screen.getByTestId("timer-sound"));
    expect(screen.getByTestId("timer-sound")).toHaveAttribute("aria-pressed", "false");
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    fireEvent.click(screen.getByTestId("timer-start"));
    act(() => {
      clock += MINUTE_MS;
      vi.advanceTimersByTime(250);
    });
    expect(screen.getByTestId("timer-done")).toBeInTheDocument();
    expect(playChime).not.toHaveBeenCalled();
  });

  it("starts a private-writing round with the timer, and suggests revealing when time is up", async () => {
    let clock = 0;
    const world = makeWorld({}, [makeNote("Wants a refund")]);
    const { backend, user } = await renderFrame(world, () => clock);
    // Only the countdown's interval is faked: the backend's promises run as usual.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    expect(screen.queryByTestId("private-banner")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("timer-preset-1"));
    expect(screen.getByTestId("private-with-timer")).toBeChecked();

    await user.click(screen.getByRole("button", { name: "Start private writing" }));
    expect(backend.callsTo("map_edit")).toEqual([{ id: MAP_ID, edit: { field: "phase", value: "private" } }]);
    const banner = await screen.findByTestId("private-banner");
    expect(banner).toHaveTextContent("Private writing: new notes stay hidden until you reveal them.");
    expect(banner).toHaveTextContent("0 notes hidden");
    // The timer started with the chosen minute.
    expect(screen.getByTestId("timer-pause")).toHaveTextContent("Pause");

    // Notes written now stay hidden; the banner counts them.
    world.notes.push(makeNote("Feels ignored", { hidden: true, area: "feels" }));
    await backend.emitChange({ entity: "empathy_note", id: "", op: "create" });
    await waitFor(() => {
      expect(screen.getByTestId("private-banner")).toHaveTextContent("1 note hidden");
    });

    act(() => {
      clock += MINUTE_MS;
      vi.advanceTimersByTime(250);
    });
    expect(screen.getByTestId("timer-done")).toHaveTextContent(
      "Time's up. Reveal the notes when everyone is ready.",
    );
    // Time's up does not reveal anything by itself.
    expect(backend.callsTo("map_edit")).toHaveLength(1);
    expect(screen.getByTestId("private-banner")).toBeInTheDocument();
  });

  it("counts the hidden notes of a private round and reveals them", async () => {
    const world = makeWorld({ phase: "private" }, [
      makeNote("Wants a refund"),
      makeNote("Calls twice a day", { hidden: true, area: "does" }),
      makeNote("Feels ignored", { hidden: true, area: "feels" }),
    ]);
    const { backend, user } = await renderFrame(world);
    expect(screen.getByTestId("private-banner")).toHaveTextContent("2 notes hidden");
    expect(screen.queryByRole("button", { name: "Feels ignored" })).not.toBeInTheDocument();

    await user.click(screen.getByTestId("private-reveal"));
    expect(backend.callsTo("map_edit")).toEqual([{ id: MAP_ID, edit: { field: "phase", value: "open" } }]);
    await waitFor(() => {
      expect(screen.queryByTestId("private-banner")).not.toBeInTheDocument();
    });
    expect(screen.getByRole("button", { name: "Feels ignored" })).toBeInTheDocument();
    expect(screen.getByTestId("private-start")).toBeEnabled();
    expect(screen.getByTestId("workshop-announcement")).toHaveTextContent("The notes are revealed.");
  });

  it("runs dot voting through the context: a voter, their dots, refusals translated, then the end", async () => {
    const refund = makeNote("Wants a refund");
    const ignored = makeNote("Feels ignored", { area: "feels" });
    const world = makeWorld({ votesPerPerson: 2 }, [refund, ignored]);
    const { backend, user } = await renderFrame(world);

    await user.click(screen.getByTestId("voting-start"));
    const panel = screen.getByTestId("voting-panel");
    expect(within(panel).getByTestId("voting-remaining")).toHaveTextContent("Choose who is voting.");
    expect(screen.getByTestId("stub-voting")).toHaveTextContent("not voting");

    await user.click(within(panel).getByTestId("voting-voter-Sam"));
    expect(within(panel).getByTestId("voting-voter-Sam")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByTestId("voting-remaining")).toHaveTextContent("\u2068Sam\u2069 has 2 dots left");
    expect(screen.getByTestId("stub-voting")).toHaveTextContent("Sam:2");

    await user.click(screen.getByRole("button", { name: "Wants a refund" }));
    expect(backend.callsTo("note_vote")).toEqual([{ id: refund.id, voter: "Sam" }]);
    await waitFor(() => {
      expect(screen.getByTestId("voting-remaining")).toHaveTextContent("\u2068Sam\u2069 has 1 dot left");
    });
    expect(screen.getByTestId("stub-voting")).toHaveTextContent("Sam:1");
    expect(screen.getByTestId("voting-usage-Sam")).toHaveTextContent("1 of 2 used");
    expect(screen.getByTestId("voting-usage-Lina")).toHaveTextContent("0 of 2 used");

    // The core refuses: its reason shows in the panel, translated.
    world.refuseVote = {
      code: "invalid_input",
      details: { field: "voter", rule: "no_votes_left", limit: 2 },
    };
    await user.click(screen.getByRole("button", { name: "Feels ignored" }));
    expect(await screen.findByTestId("voting-error")).toHaveTextContent(
      "No votes left: each participant has 2 votes",
    );
    expect(screen.getByTestId("voting-remaining")).toHaveTextContent("\u2068Sam\u2069 has 1 dot left");

    // Shift+click takes a dot back.
    await user.keyboard("{Shift>}");
    await user.click(screen.getByRole("button", { name: "Wants a refund" }));
    await user.keyboard("{/Shift}");
    expect(backend.callsTo("note_unvote")).toEqual([{ id: refund.id, voter: "Sam" }]);
    await waitFor(() => {
      expect(screen.getByTestId("voting-remaining")).toHaveTextContent("\u2068Sam\u2069 has 2 dots left");
    });
    expect(screen.queryByTestId("voting-error")).not.toBeInTheDocument();

    // Another participant, then all their dots: the next one is refused before any call.
    await user.click(screen.getByTestId("voting-voter-Lina"));
    await user.click(screen.getByRole("button", { name: "Feels ignored" }));
    await waitFor(() => {
      expect(screen.getByTestId("voting-remaining")).toHaveTextContent("\u2068Lina\u2069 has 1 dot left");
    });
    await user.click(screen.getByRole("button", { name: "Feels ignored" }));
    await waitFor(() => {
      expect(screen.getByTestId("voting-remaining")).toHaveTextContent("\u2068Lina\u2069 has 0 dots left");
    });
    await user.click(screen.getByRole("button", { name: "Wants a refund" }));
    expect(screen.getByTestId("voting-error")).toHaveTextContent(
      "No votes left: each participant has 2 votes",
    );
    expect(backend.callsTo("note_vote")).toHaveLength(4);

    await user.click(screen.getByTestId("voting-end"));
    expect(screen.queryByTestId("voting-panel")).not.toBeInTheDocument();
    expect(screen.getByTestId("stub-voting")).toHaveTextContent("not voting");
    expect(screen.getByTestId("voting-start")).toBeInTheDocument();
  });

  it("shows the results sorted by dots, then area, then text", async () => {
    const notes = [
      makeNote("Angry at hold music", { area: "feels" }),
      makeNote("Wants a refund", { area: "says" }),
      makeNote("Beta", { area: "says" }),
      makeNote("Thinks it is broken", { area: "thinks" }),
      makeNote("Alpha", { area: "says" }),
      makeNote("No dots", { area: "gains" }),
    ];
    const world = makeWorld({ votesPerPerson: 4 }, notes);
    const [angry, refund, beta, thinks, alpha] = notes.map((n) => n.id);
    for (const [noteId, voter] of [
      [refund, "Sam"],
      [refund, "Lina"],
      [refund, "Sam"],
      [angry, "Lina"],
      [beta, "Sam"],
      [thinks, "Lina"],
      [alpha, "Lina"],
    ] as const) {
      world.dots.push({ noteId: noteId ?? "", voter });
    }
    const { user } = await renderFrame(world);
    await user.click(screen.getByTestId("voting-start"));
    expect(screen.getByTestId("voting-usage-Sam")).toHaveTextContent("3 of 4 used");
    expect(screen.getByTestId("voting-usage-Lina")).toHaveTextContent("4 of 4 used");

    await user.click(screen.getByRole("button", { name: "Show results" }));
    const items = within(screen.getByTestId("voting-results")).getAllByTestId("voting-result-item");
    expect(items.map((li) => li.querySelector(".workshop-result-text")?.textContent)).toEqual([
      "Wants a refund",
      "Alpha",
      "Beta",
      "Thinks it is broken",
      "Angry at hold music",
    ]);
    expect(items[0]).toHaveTextContent("3 dots");
    expect(items[0]).toHaveTextContent("Says");
    expect(items[4]).toHaveTextContent("1 dot");
    expect(items[4]).toHaveTextContent("Feels");
  });

  it("saves the dots per person, and keeps a number out of range with a message", async () => {
    const { backend, user } = await renderFrame(makeWorld());
    await user.click(screen.getByTestId("voting-start"));
    const field = screen.getByTestId("votes-per-person");
    expect(field).toHaveValue(3);

    await user.clear(field);
    await user.type(field, "25{Enter}");
    expect(screen.getByTestId("votes-per-person-error")).toHaveTextContent(
      "Enter a whole number from 1 to 20",
    );
    expect(field).toHaveValue(25);
    expect(backend.callsTo("map_edit")).toEqual([]);

    await user.clear(field);
    await user.type(field, "5");
    await user.click(screen.getByTestId("votes-per-person-save"));
    expect(backend.callsTo("map_edit")).toEqual([
      { id: MAP_ID, edit: { field: "votesPerPerson", value: 5 } },
    ]);
    await waitFor(() => {
      expect(screen.getByTestId("voting-usage-Sam")).toHaveTextContent("0 of 5 used");
    });
    expect(screen.queryByTestId("votes-per-person-error")).not.toBeInTheDocument();
  });

  it("lets a voter type their name when the map has no participants", async () => {
    const note = makeNote("Wants a refund");
    const { backend, user } = await renderFrame(makeWorld({ participants: [] }, [note]));
    await user.click(screen.getByTestId("voting-start"));
    expect(screen.getByTestId("voting-panel")).toHaveTextContent(/Add participants in the map header/);
    expect(screen.getByTestId("voting-voter-set")).toBeDisabled();
    await user.type(screen.getByTestId("voting-voter-name"), "  Omar {Enter}");
    expect(screen.getByTestId("voting-remaining")).toHaveTextContent("\u2068Omar\u2069 has 3 dots left");
    await user.click(screen.getByRole("button", { name: "Wants a refund" }));
    expect(backend.callsTo("note_vote")).toEqual([{ id: note.id, voter: "Omar" }]);
    await waitFor(() => {
      expect(screen.getByTestId("voting-usage-Omar")).toHaveTextContent("1 of 3 used");
    });
  });

  it("runs in Arabic: the toolbar, the private round's count and the voter's dots", async () => {
    await i18n.changeLanguage("ar");
    const world = makeWorld({ phase: "private", participants: ["سامي", "لينا"] }, [
      makeNote("يريد استرداد المبلغ"),
      makeNote("يتصل مرتين", { hidden: true }),
      makeNote("يشعر بالتجاهل", { hidden: true, area: "feels" }),
    ]);
    const { backend, user } = await renderFrame(world);
    expect(screen.getByRole("button", { name: "مغادرة الورشة" })).toBeInTheDocument();
    expect(screen.getByTestId("private-banner")).toHaveTextContent("ملاحظتان مخفيتان");
    expect(screen.getByRole("timer")).toHaveTextContent("05:00");

    await user.click(screen.getByRole("button", { name: "اكشف الملاحظات" }));
    expect(backend.callsTo("map_edit")).toEqual([{ id: MAP_ID, edit: { field: "phase", value: "open" } }]);
    await waitFor(() => {
      expect(screen.queryByTestId("private-banner")).not.toBeInTheDocument();
    });

    await user.click(screen.getByRole("button", { name: "ابدأ التصويت" }));
    await user.click(screen.getByTestId("voting-voter-سامي"));
    expect(screen.getByTestId("voting-remaining")).toHaveTextContent("لدى \u2068سامي\u2069 3 نقاط متبقية");
    await user.click(screen.getByRole("button", { name: "يشعر بالتجاهل" }));
    await waitFor(() => {
      expect(screen.getByTestId("voting-remaining")).toHaveTextContent(
        "لدى \u2068سامي\u2069 نقطتان متبقيتان",
      );
    });
    world.refuseVote = {
      code: "invalid_input",
      details: { field: "voter", rule: "not_participant" },
    };
    await user.click(screen.getByRole("button", { name: "يتصل مرتين" }));
    expect(await screen.findByTestId("voting-error")).toHaveTextContent(
      i18n.t("errors.rule.not_participant"),
    );
    await user.click(screen.getByRole("button", { name: "اعرض النتائج" }));
    const [first] = within(screen.getByTestId("voting-results")).getAllByTestId("voting-result-item");
    expect(first).toHaveTextContent("يشعر بالتجاهل");
    expect(first).toHaveTextContent("نقطة واحدة");
    expect(first).toHaveTextContent(i18n.t("empathy.area.feels.title"));
  });
});
