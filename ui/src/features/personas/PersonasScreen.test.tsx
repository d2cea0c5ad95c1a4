import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  installMockBackend,
  makeProblem,
  rejectWith,
  type MockBackendOptions,
} from "../../test/mock-backend";
import { makePersona, makeQuote } from "../../test/mock-personas";
import { renderApp } from "../../test/render";

const PICTURE = "data:image/png;base64,iVBORw0KGgo=";

function setUp(options: MockBackendOptions = {}) {
  const backend = installMockBackend(options);
  const rendered = renderApp("/personas");
  return { backend, ...rendered };
}

function sample() {
  const problem = makeProblem("Refund never reaches the card");
  const huda = makePersona("Huda, shop owner", {
    role: "Runs a small online shop",
    segment: "Small business",
    hasPicture: true,
  });
  const omar = makePersona("Omar, first-time buyer", { segment: "Consumers" });
  const older = makeQuote(huda.id, "I check my card every morning.", "interview", { saidOn: "2025-01-10" });
  const lead = makeQuote(huda.id, "The refund said issued, but my bank shows nothing.", "support_ticket", {
    reference: "#4411",
    saidOn: "2025-03-02",
  });
  return {
    problem,
    huda,
    omar,
    options: {
      problems: [problem],
      personas: {
        personas: [omar, huda],
        quotes: [older, lead],
        links: { [huda.id]: [problem.id] },
        pictures: { [huda.id]: PICTURE },
      },
    } satisfies MockBackendOptions,
  };
}

describe("Personas list", () => {
  it("shows a card per persona with its picture or initials, lead quote, source and counts", async () => {
    const { options } = sample();
    setUp(options);
    const cards = await screen.findAllByTestId("persona-card");
    // By name, as the core sorts them.
    expect(cards.map((c) => within(c).getByTestId("persona-card-name").textContent)).toEqual([
      "Huda, shop owner",
      "Omar, first-time buyer",
    ]);
    const huda = cards[0] as HTMLElement;
    expect(within(huda).getByTestId("persona-card-role")).toHaveTextContent("Runs a small online shop");
    expect(within(huda).getByTestId("persona-card-segment")).toHaveTextContent("Small business");
    expect(within(huda).getByTestId("persona-card-quote")).toHaveTextContent(
      "“\u2068The refund said issued, but my bank shows nothing.\u2069” — Support ticket · #4411",
    );
    expect(within(huda).getByTestId("persona-card-counts")).toHaveTextContent(
      "2 quotes1 problem0 empathy maps",
    );
    expect(await within(huda).findByTestId("persona-card-avatar-picture")).toHaveAttribute("src", PICTURE);
    expect(within(huda).getByTestId("persona-card-avatar-picture")).toHaveAttribute(
      "alt",
      "Huda, shop owner",
    );

    const omar = cards[1] as HTMLElement;
    // No picture: initials, never a stock photo.
    expect(within(omar).getByTestId("persona-card-avatar-initials")).toHaveTextContent("OF");
    expect(within(omar).getByRole("img", { name: "Omar, first-time buyer" })).toBeInTheDocument();
    expect(within(omar).queryByRole("img", { name: /stock/i })).toBeNull();
    expect(within(omar).queryByTestId("persona-card-quote")).toBeNull();
    expect(within(omar).getByTestId("persona-card-link")).toHaveAttribute(
      "href",
      expect.stringMatching(/^#\/personas\//),
    );
  });

  it("filters by name, role, segment or the words of the lead quote", async () => {
    const { options } = sample();
    const { user } = setUp(options);
    await screen.findAllByTestId("persona-card");
    await user.type(screen.getByTestId("persona-filter"), "bank");
    expect(screen.getAllByTestId("persona-card")).toHaveLength(1);
    expect(screen.getByTestId("personas-count")).toHaveTextContent("1 persona");
    await user.clear(screen.getByTestId("persona-filter"));
    await user.type(screen.getByTestId("persona-filter"), "nobody here");
    expect(screen.queryAllByTestId("persona-card")).toHaveLength(0);
    expect(screen.getByTestId("personas-nomatch")).toHaveTextContent("No persona matches");
  });

  it("moves between cards with the arrow keys and opens one with Enter", async () => {
    const { options, omar } = sample();
    const { user } = setUp(options);
    await screen.findAllByTestId("persona-card");
    screen.getByTestId("persona-filter").focus();
    await user.keyboard("{ArrowDown}");
    const links = screen.getAllByTestId("persona-card-link");
    expect(links[0]).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(links[1]).toHaveFocus();
    await user.keyboard("{ArrowUp}");
    expect(links[0]).toHaveFocus();
    await user.keyboard("{End}{Enter}");
    expect(await screen.findByTestId("persona-detail")).toBeInTheDocument();
    expect(window.location.hash).toBe(`#/personas/${omar.id}`);
  });

  it("explains what a persona is when there is none, and creates one: the name is required", async () => {
    const { backend, user } = setUp();
    const empty = await screen.findByTestId("personas-empty");
    expect(empty).toHaveTextContent("built from their own words");
    await user.click(screen.getByTestId("persona-new"));
    const name = await screen.findByTestId("persona-new-name");
    await waitFor(() => {
      expect(name).toHaveFocus();
    });
    await user.type(name, "   ");
    await user.click(screen.getByTestId("persona-create"));
    expect(screen.getByTestId("persona-new-name-error")).toHaveTextContent("This field is required");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(backend.callsTo("persona_create")).toEqual([]);

    await user.clear(name);
    await user.type(name, "Rana, support lead");
    await user.click(screen.getByTestId("persona-create"));
    expect(await screen.findByTestId("persona-detail")).toBeInTheDocument();
    expect(backend.callsTo("persona_create")).toEqual([{ input: { name: "Rana, support lead" } }]);
    const created = backend.state.personas.personas[0];
    expect(window.location.hash).toBe(`#/personas/${created?.id ?? ""}`);
    expect(screen.getByTestId("persona-name")).toHaveValue("Rana, support lead");
  });

  it("shows the core's refusal beside the name and keeps what was typed", async () => {
    const { backend, user } = setUp({
      personas: { personas: [makePersona("Existing")], quotes: [], links: {}, pictures: {} },
      handlers: {
        persona_create: () =>
          rejectWith({
            code: "invalid_input",
            details: {
              field: "name",
              rule: "too_long",
              limit: 200,
              fields: [{ field: "name", rule: "too_long", limit: 200 }],
            },
          }),
      },
    });
    await screen.findAllByTestId("persona-card");
    await user.click(screen.getByTestId("persona-new"));
    await user.type(screen.getByTestId("persona-new-name"), "A very long name");
    await user.click(screen.getByTestId("persona-create"));
    expect(await screen.findByTestId("persona-new-name-error")).toHaveTextContent("At most 200 characters");
    expect(screen.getByTestId("persona-new-name")).toHaveValue("A very long name");
    expect(backend.callsTo("persona_create")).toHaveLength(1);
  });

  it("reads right to left in Arabic, with Arabic plural forms", async () => {
    const { options } = sample();
    setUp({ ...options, settings: { language: "ar" } });
    await waitFor(() => {
      expect(document.documentElement).toHaveAttribute("dir", "rtl");
    });
    expect(await screen.findByRole("heading", { name: "الشخصيات" })).toBeInTheDocument();
    const cards = await screen.findAllByTestId("persona-card");
    expect(within(cards[0] as HTMLElement).getByTestId("persona-card-counts")).toHaveTextContent(
      "اقتباسانمشكلة واحدةلا خرائط تعاطف",
    );
    expect(within(cards[0] as HTMLElement).getByTestId("persona-card-quote")).toHaveTextContent(
      "«\u2068The refund said issued, but my bank shows nothing.\u2069» — تذكرة دعم · #4411",
    );
    expect(screen.getByTestId("persona-new")).toHaveTextContent("شخصية جديدة");
  });
});
