import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { installMockBackend, makeProblem } from "../../test/mock-backend";
import { makeBoardPersona, makeMap, makeNote } from "../../test/mock-empathy";
import type { Persona } from "../../bindings/Persona";
import type { PersonaCard } from "../../bindings/PersonaCard";
import { renderApp } from "../../test/render";

const layla = makeBoardPersona("Layla");
const omar = makeBoardPersona("Omar");

function cards(personas: Persona[]): PersonaCard[] {
  return personas.map((persona) => ({
    persona,
    leadQuote: null,
    quoteCount: 0,
    problemCount: 0,
    mapCount: 0,
  }));
}

function setup(personas: Persona[] = [layla, omar], extra: Parameters<typeof installMockBackend>[0] = {}) {
  return installMockBackend({
    ...extra,
    personas: { personas, ...extra.personas },
    handlers: { persona_list: () => cards(personas), ...extra.handlers },
  });
}

describe("Empathy maps list", () => {
  it("lists maps with their persona, date and note count, linking to the board", async () => {
    const map = makeMap(layla, "Refunds workshop", { heldOn: "2024-03-05" });
    setup([layla, omar], {
      empathy: { maps: [map], notes: [makeNote(map.id, "says", "a"), makeNote(map.id, "does", "b")] },
    });
    renderApp("/empathy");
    const row = await screen.findByTestId("map-row");
    expect(row).toHaveTextContent("Refunds workshop");
    expect(row).toHaveTextContent("Layla");
    expect(row).toHaveTextContent("Mar 5, 2024");
    expect(within(row).getByTestId("map-row-count")).toHaveTextContent("2 notes");
    expect(within(row).getByRole("link")).toHaveAttribute("href", `#/empathy/${map.id}`);
  });

  it("creates a map with a persona, participants, a problem and votes, then opens its board", async () => {
    const problem = makeProblem("Refund never arrives");
    const backend = setup([layla, omar], { problems: [problem] });
    const { user } = renderApp("/empathy");
    await screen.findByTestId("maps-empty");
    await waitFor(() => {
      expect(
        within(screen.getByTestId("map-persona")).getByRole("option", { name: "Omar" }),
      ).toBeInTheDocument();
    });
    await user.selectOptions(screen.getByTestId("map-persona"), omar.id);
    await user.type(screen.getByTestId("map-title-input"), "Support workshop");
    await user.type(within(screen.getByTestId("map-participants")).getByRole("textbox"), "Rana, Sam{Enter}");
    await waitFor(() => {
      expect(
        within(screen.getByTestId("map-problem")).getByRole("option", { name: problem.title }),
      ).toBeInTheDocument();
    });
    await user.selectOptions(screen.getByTestId("map-problem"), problem.id);
    await user.clear(screen.getByTestId("map-votes"));
    await user.type(screen.getByTestId("map-votes"), "5");
    await user.click(screen.getByTestId("map-create"));
    await screen.findByTestId("empathy-board");
    const [call] = backend.callsTo("map_create");
    expect(call?.input).toMatchObject({
      personaId: omar.id,
      title: "Support workshop",
      participants: ["Rana", "Sam"],
      problemId: problem.id,
      votesPerPerson: 5,
    });
    expect((call?.input as { heldOn?: string }).heldOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("shows what is missing beside the fields and keeps what was typed", async () => {
    const backend = setup();
    const { user } = renderApp("/empathy");
    await screen.findByTestId("maps-empty");
    await user.clear(screen.getByTestId("map-votes"));
    await user.type(screen.getByTestId("map-votes"), "40");
    await user.click(screen.getByTestId("map-create"));
    expect(await screen.findByTestId("map-persona-error")).toHaveTextContent("This field is required");
    expect(screen.getByTestId("map-title-error")).toHaveTextContent("This field is required");
    expect(screen.getByTestId("map-votes-error")).toHaveTextContent("Enter a number from 1 to 20");
    expect(screen.getByTestId("map-votes")).toHaveValue(40);
    expect(backend.callsTo("map_create")).toHaveLength(0);
  });

  it("explains that a persona is needed when there is none", async () => {
    setup([]);
    renderApp("/empathy");
    expect(await screen.findByTestId("map-no-personas")).toBeInTheDocument();
    expect(screen.getByTestId("map-personas-link")).toHaveAttribute("href", "#/personas");
  });
});
