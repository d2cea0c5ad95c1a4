import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { installMockBackend, makeProblem, type MockBackendOptions } from "../../test/mock-backend";
import { makePersona } from "../../test/mock-personas";
import type { MapRef } from "../../bindings/MapRef";
import type { NoteRef } from "../../bindings/NoteRef";
import { renderApp } from "../../test/render";

function setUp(options: MockBackendOptions = {}) {
  const problem = makeProblem("Refund never reaches the card");
  const huda = makePersona("Huda", { segment: "Small business" });
  const omar = makePersona("Omar", { segment: "Consumers" });
  const map: MapRef = {
    id: "map-1",
    title: "Refunds workshop",
    heldOn: "2025-03-04",
    personaId: huda.id,
    personaName: "Huda",
    noteCount: 7,
  };
  const note: NoteRef = {
    id: "note-1",
    text: "Checks the bank app every morning",
    area: "does",
    author: "Rana",
    mapId: "map-1",
    mapTitle: "Refunds workshop",
    personaName: "Huda",
  };
  const backend = installMockBackend({
    problems: [problem],
    personas: { personas: [huda, omar], quotes: [], links: { [huda.id]: [problem.id] }, pictures: {} },
    handlers: {
      history_list: () => [],
      action_for_problem: () => [],
      problem_maps: () => [map],
      problem_notes: () => [note],
    },
    ...options,
  });
  const rendered = renderApp(`/problems/${problem.id}`);
  return { problem, huda, omar, backend, ...rendered };
}

describe("Personas and empathy on a problem's page", () => {
  it("shows the personas it hurts, the maps about it and the notes that are evidence", async () => {
    const { huda } = setUp();
    const panel = await screen.findByTestId("problem-personas");
    const persona = await within(panel).findByTestId("problem-persona");
    expect(persona).toHaveTextContent("Huda");
    expect(persona).toHaveTextContent("Small business");
    expect(within(persona).getByTestId("problem-persona-link")).toHaveAttribute(
      "href",
      `#/personas/${huda.id}`,
    );

    const map = await within(panel).findByTestId("problem-map");
    expect(map).toHaveTextContent("Refunds workshop");
    expect(map).toHaveTextContent("7 notes");
    expect(within(map).getByTestId("problem-map-link")).toHaveAttribute("href", "#/empathy/map-1");

    const note = await within(panel).findByTestId("problem-note");
    expect(within(note).getByTestId("problem-note-text")).toHaveTextContent(
      "Checks the bank app every morning",
    );
    expect(within(note).getByTestId("problem-note-area")).toHaveTextContent("Does");
    expect(within(note).getByTestId("problem-note-map")).toHaveAttribute("href", "#/empathy/map-1");
    expect(within(note).getByTestId("problem-note-map")).toHaveTextContent("Refunds workshop");
  });

  it("links a persona from the select and unlinks one", async () => {
    const { backend, problem, huda, omar, user } = setUp();
    const panel = await screen.findByTestId("problem-personas");
    await within(panel).findByTestId("problem-persona");
    const select = await within(panel).findByTestId("problem-persona-select");
    // Only the personas not linked yet are offered.
    expect(
      within(select)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Choose a persona…", "Omar — Consumers"]);
    expect(within(panel).getByTestId("problem-persona-add")).toBeDisabled();
    await user.selectOptions(select, omar.id);
    await user.click(within(panel).getByTestId("problem-persona-add"));
    await waitFor(() => {
      expect(within(panel).getAllByTestId("problem-persona")).toHaveLength(2);
    });
    expect(backend.callsTo("persona_link_problem")).toEqual([
      { personaId: omar.id, problemId: problem.id, linked: true },
    ]);

    await user.click(within(panel).getByRole("button", { name: /^Unlink \u2068Huda\u2069$/ }));
    await waitFor(() => {
      expect(within(panel).getAllByTestId("problem-persona")).toHaveLength(1);
    });
    expect(within(panel).getByTestId("problem-persona")).toHaveTextContent("Omar");
    expect(backend.callsTo("persona_link_problem")[1]).toEqual({
      personaId: huda.id,
      problemId: problem.id,
      linked: false,
    });
  });

  it("says so when nothing is linked yet, in Arabic too", async () => {
    const problem = makeProblem("لا يصل رمز التحقق");
    installMockBackend({
      problems: [problem],
      settings: { language: "ar" },
      handlers: { history_list: () => [], action_for_problem: () => [] },
    });
    renderApp(`/problems/${problem.id}`);
    const panel = await screen.findByTestId("problem-personas");
    await waitFor(() => {
      expect(document.documentElement).toHaveAttribute("dir", "rtl");
    });
    expect(await within(panel).findByTestId("problem-personas-empty")).toHaveTextContent(
      "لم تُربط أي شخصية بعد.",
    );
    expect(within(panel).getByTestId("problem-maps-empty")).toBeInTheDocument();
    expect(within(panel).getByTestId("problem-notes-empty")).toBeInTheDocument();
    expect(await within(panel).findByTestId("problem-personas-create")).toHaveAttribute("href", "#/personas");
  });
});
