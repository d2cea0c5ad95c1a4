/**
 * The workshop frame around the real board, in the whole app, over the mock
 * backend: the way a facilitator reaches it (`?workshop=1`), votes on a note
 * and leaves.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { installMockBackend } from "../../../test/mock-backend";
import { makeBoardPersona, makeMap, makeNote } from "../../../test/mock-empathy";
import { setFullscreen } from "../../../api/window";
import { renderApp } from "../../../test/render";

vi.mock("../../../api/window", () => ({
  setFullscreen: vi.fn(() => Promise.resolve()),
  isFullscreen: vi.fn(() => Promise.resolve(false)),
}));

beforeEach(() => {
  vi.clearAllMocks();
});

describe("Workshop mode in the app", () => {
  it("runs the board inside the frame, votes through it and leaves for the ordinary board", async () => {
    const persona = makeBoardPersona("Layla the shop owner");
    const map = makeMap(persona, "Checkout workshop", { participants: ["Sam", "Rana"], votesPerPerson: 2 });
    const note = makeNote(map.id, "says", "Where is my refund?");
    const backend = installMockBackend({
      settings: { displayName: "Sam" },
      personas: { personas: [persona] },
      empathy: { maps: [map], notes: [note] },
    });
    const { user } = renderApp(`/empathy/${map.id}?workshop=1`);

    const frame = await screen.findByTestId("workshop-frame");
    expect(within(frame).getByTestId("empathy-board")).toBeInTheDocument();
    expect(within(frame).getByTestId("workshop-title")).toHaveTextContent("Checkout workshop");
    expect(setFullscreen).toHaveBeenCalledWith(true);

    await user.click(screen.getByTestId("voting-start"));
    await user.click(screen.getByTestId("voting-voter-Rana"));
    await user.click(within(frame).getByText("Where is my refund?"));
    await waitFor(() => {
      expect(backend.callsTo("note_vote")).toEqual([{ id: note.id, voter: "Rana" }]);
    });
    await waitFor(() => {
      expect(screen.getByTestId("voting-remaining")).toHaveTextContent("\u2068Rana\u2069 has 1 dot left");
    });
    await user.click(screen.getByTestId("voting-show-results"));
    const [item] = within(screen.getByTestId("voting-results")).getAllByTestId("voting-result-item");
    expect(item).toHaveTextContent("Where is my refund?");
    expect(item).toHaveTextContent("1 dot");
    expect(item).toHaveTextContent("Says");

    await user.click(screen.getByTestId("workshop-leave"));
    await waitFor(() => {
      expect(screen.queryByTestId("workshop-frame")).not.toBeInTheDocument();
    });
    expect(screen.getByTestId("board-workshop")).toBeInTheDocument();
    await waitFor(() => {
      expect(setFullscreen).toHaveBeenLastCalledWith(false);
    });
  });
});
