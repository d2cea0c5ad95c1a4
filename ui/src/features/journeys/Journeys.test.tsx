import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installMockBackend, makeProblem } from "../../test/mock-backend";
import { makeMap, makeNote } from "../../test/mock-empathy";
import { makePersona, makeQuote } from "../../test/mock-personas";
import { renderApp } from "../../test/render";

/** The `index`th element of `test id` in `root`. */
function nth(root: HTMLElement, testId: string, index = 0): HTMLElement {
  const found = within(root).getAllByTestId(testId)[index];
  if (found === undefined) throw new Error(`no ${testId} #${String(index)}`);
  return found;
}

/** A current map `map-1` named `name`, made on 1 November 2026, never reviewed. */
function makeJourneyMap(name: string) {
  return {
    id: "map-1",
    name,
    state: "current" as const,
    madeFrom: null,
    reviewMonths: 4,
    reviewedAt: null,
    createdAt: "2026-11-01T00:00:00Z",
    updatedAt: "2026-11-01T00:00:00Z",
  };
}

/** A touchpoint of map-1's stage st-1, with nothing recorded but its name. */
function makeTouchpoint(id: string, name: string, position: number) {
  return {
    id,
    mapId: "map-1",
    stageId: "st-1",
    name,
    position,
    channel: null,
    direct: true,
    ownerTeam: "",
    emotionCurrent: null,
    emotionTarget: null,
  };
}

async function createMap(user: ReturnType<typeof renderApp>["user"], name: string) {
  await user.type(await screen.findByTestId("journey-name"), name);
  await user.click(screen.getByTestId("journey-create"));
  return screen.findByTestId("journey-grid");
}

describe("journey maps", () => {
  it("refuses a map without a name and creates one with the usual stages", async () => {
    const backend = installMockBackend();
    const { user } = renderApp("/journeys");
    expect(await screen.findByTestId("journeys-empty")).toBeInTheDocument();
    await user.click(screen.getByTestId("journey-create"));
    expect(await screen.findByTestId("journey-name-error")).toHaveTextContent("required");
    expect(backend.callsTo("journey_create")).toEqual([]);
    const grid = await createMap(user, "Online order");
    expect(backend.callsTo("journey_create")[0]?.input).toMatchObject({
      name: "Online order",
      startingStages: "en",
    });
    const stages = within(grid)
      .getAllByTestId("stage-name")
      .map((s) => s.textContent);
    expect(stages).toEqual([
      "Awareness",
      "Consideration",
      "Purchase",
      "Onboarding",
      "Use and service",
      "Loyalty and advocacy",
    ]);
    // Every lane has a row, labelled.
    expect(
      within(grid)
        .getAllByRole("rowheader")
        .map((h) => h.textContent),
    ).toEqual([
      "Touchpoints",
      "Emotion curve",
      "Customer actions",
      "Expectations",
      "Thoughts",
      "Emotions",
      "Motivations",
      "Obstacles",
      "Opportunities",
    ]);
  });

  it("adds touchpoints, emotions and cards in place, and moves a stage by keyboard", async () => {
    const backend = installMockBackend();
    const { user } = renderApp("/journeys");
    const grid = await createMap(user, "رحلة المتجر");
    await user.type(nth(grid, "touchpoint-add"), "صفحة المنتج{Enter}");
    const touchpoint = await within(grid).findByTestId("journey-touchpoint");
    expect(touchpoint).toHaveTextContent("صفحة المنتج");
    await user.selectOptions(within(touchpoint).getByTestId("touchpoint-emotionCurrent"), "-2");
    await waitFor(() => {
      expect(backend.callsTo("touchpoint_edit")[0]?.edit).toEqual({ field: "emotionCurrent", value: -2 });
    });
    await user.type(nth(grid, "card-add-obstacles"), "Delivery fee shown only at the end{Enter}");
    expect(await within(grid).findByText("Delivery fee shown only at the end")).toBeInTheDocument();
    // The card's text is edited in place: Escape goes back, Ctrl+Enter saves, an empty text is refused.
    await user.click(within(grid).getByTestId("journey-card-text"));
    const editor = within(grid).getByTestId("journey-card-edit");
    await user.clear(editor);
    await user.type(editor, "Delivery fee shown late{Escape}");
    expect(within(grid).getByTestId("journey-card-text")).toHaveTextContent(
      "Delivery fee shown only at the end",
    );
    await user.click(within(grid).getByTestId("journey-card-text"));
    await user.clear(within(grid).getByTestId("journey-card-edit"));
    await user.type(within(grid).getByTestId("journey-card-edit"), "{Control>}{Enter}{/Control}");
    expect(await within(grid).findByTestId("journey-card-edit-error")).toHaveTextContent("required");
    await user.type(
      within(grid).getByTestId("journey-card-edit"),
      "Delivery fee appears only at checkout{Control>}{Enter}{/Control}",
    );
    await waitFor(() => {
      expect(within(grid).getByTestId("journey-card-text")).toHaveTextContent(
        "Delivery fee appears only at checkout",
      );
    });
    expect(backend.callsTo("card_edit").map((call) => call.text)).toEqual([
      "Delivery fee appears only at checkout",
    ]);
    // The second stage moves before the first.
    await user.click(nth(grid, "stage-earlier", 1));
    await waitFor(() => {
      expect(within(grid).getAllByTestId("stage-name")[0]).toHaveTextContent("Consideration");
    });
  });

  it("draws the emotion curve across the stages in reading order, broken where an emotion is missing", async () => {
    installMockBackend();
    const { user } = renderApp("/journeys");
    const grid = await createMap(user, "Online order");
    let count = 0;
    const add = async (stage: number, name: string) => {
      await user.type(nth(grid, "touchpoint-add", stage), `${name}{Enter}`);
      count += 1;
      await waitFor(() => {
        expect(within(grid).getAllByTestId("journey-touchpoint")).toHaveLength(count);
      });
    };
    await add(0, "Advert");
    await add(0, "Search page");
    await add(1, "Comparison table");
    const set = async (index: number, field: "emotionCurrent" | "emotionTarget", value: string) => {
      const tp = nth(grid, "journey-touchpoint", index);
      await user.selectOptions(within(tp).getByTestId(`touchpoint-${field}`), value);
    };
    await set(0, "emotionCurrent", "1");
    await set(1, "emotionCurrent", "-2");
    await set(2, "emotionCurrent", "0");
    await set(0, "emotionTarget", "2");
    const curve = screen.getByTestId("journey-curve");
    await waitFor(() => {
      expect(within(curve).getAllByTestId("curve-current")).toHaveLength(3);
    });
    const dots = within(curve).getAllByTestId("curve-current");
    const across = dots.map((d) => parseFloat(d.getAttribute("cx") ?? ""));
    const down = dots.map((d) => parseFloat(d.getAttribute("cy") ?? ""));
    // Six stages share the width: the first stage's two touchpoints sit at a
    // quarter and three quarters of its sixth, the second stage's one in the middle of its own.
    expect(across.map((x) => Math.round(x * 100) / 100)).toEqual([4.17, 12.5, 25]);
    // +1 above 0 above −2.
    expect(down[0]).toBeLessThan(down[2] ?? 0);
    expect(down[2]).toBeLessThan(down[1] ?? 0);
    // One target: no target line, only its dot.
    expect(within(curve).getAllByTestId("curve-target")).toHaveLength(1);
    expect(curve.querySelectorAll(".journey-curve-line--target")).toHaveLength(0);
    expect(curve.querySelectorAll(".journey-curve-line--current")).toHaveLength(2);
  });

  it("asks before a stage goes to the trash with its touchpoints", async () => {
    const backend = installMockBackend();
    const { user } = renderApp("/journeys");
    const grid = await createMap(user, "Support");
    await user.type(nth(grid, "touchpoint-add"), "Help centre{Enter}");
    await within(grid).findByTestId("journey-touchpoint");
    await user.click(nth(grid, "stage-delete"));
    const dialog = await screen.findByTestId("stage-delete-dialog");
    expect(dialog).toHaveTextContent("The stage \u2068Awareness\u2069 has 1 touchpoint.");
    await user.click(within(dialog).getByTestId("stage-delete-confirm"));
    await waitFor(() => {
      expect(within(grid).getAllByTestId("stage-name")[0]).toHaveTextContent("Consideration");
    });
    expect(backend.callsTo("stage_delete").map((c) => c.withTouchpoints)).toEqual([false, true]);
  });

  it("links a problem to a touchpoint, lists it with a way to its page, and unlinks it", async () => {
    const problem = makeProblem("Tracking link opens an empty page");
    const backend = installMockBackend({ problems: [problem] });
    const { user } = renderApp("/journeys");
    const grid = await createMap(user, "Delivery");
    await user.type(nth(grid, "touchpoint-add"), "Tracking page{Enter}");
    const touchpoint = await within(grid).findByTestId("journey-touchpoint");
    await user.selectOptions(within(touchpoint).getByTestId("touchpoint-channel"), "self_service");
    await waitFor(() => {
      expect(backend.callsTo("touchpoint_edit").at(-1)?.edit).toEqual({
        field: "channel",
        value: "self_service",
      });
    });
    await user.click(within(touchpoint).getByTestId("touchpoint-problems-toggle"));
    await user.click(await within(touchpoint).findByTestId("touchpoint-link-problem"));
    await user.type(within(touchpoint).getByTestId("touchpoint-problem-search"), "Tracking");
    await user.click(await within(touchpoint).findByTestId("touchpoint-problem-option"));
    const linked = await within(touchpoint).findByTestId("touchpoint-problem");
    expect(within(linked).getByRole("link")).toHaveAttribute("href", `#/problems/${problem.id}`);
    expect(within(touchpoint).getByTestId("touchpoint-problems-toggle")).toHaveTextContent("(1)");
    await user.click(within(linked).getByRole("button", { name: /Unlink/ }));
    await waitFor(() => {
      expect(within(touchpoint).queryByTestId("touchpoint-problem")).toBeNull();
    });
    expect(backend.callsTo("touchpoint_link_problem").map((c) => c.linked)).toEqual([true, false]);
  });

  it("exports the map as Markdown in the reader's words", async () => {
    const backend = installMockBackend({ dialogPath: "/tmp", settings: { language: "ar" } });
    const { user } = renderApp("/journeys");
    await createMap(user, "رحلة الطلب");
    await user.click(screen.getByTestId("journey-export"));
    await user.click(screen.getByTestId("journey-export-md"));
    expect(await screen.findByTestId("journey-export-saved")).toHaveTextContent("/tmp/رحلة الطلب.md");
    expect(backend.callsTo("journey_markdown")[0]?.labels).toMatchObject({
      rtl: true,
      lanes: { obstacles: "العقبات" },
      channels: { email: "البريد الإلكتروني" },
    });
  });

  it("exports the map as an SVG picture running right to left in Arabic", async () => {
    const backend = installMockBackend({ settings: { language: "ar" } });
    const { user } = renderApp("/journeys");
    await createMap(user, "رحلة <الطلب> & co");
    await user.click(screen.getByTestId("journey-export"));
    expect(screen.getByRole("menu")).toBeInTheDocument();
    await user.click(screen.getByTestId("journey-export-svg"));
    expect(await screen.findByTestId("journey-export-saved")).toHaveTextContent(".svg");
    const call = backend.callsTo("export_save")[0];
    expect(call?.name).toBe("رحلة -الطلب- & co.svg");
    const doc = new DOMParser().parseFromString(String(call?.contents), "image/svg+xml");
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.querySelector("title")?.textContent).toBe("رحلة <الطلب> & co");
    const texts = [...doc.getElementsByTagName("text")];
    const x = (label: string) => Number(texts.find((n) => n.textContent === label)?.getAttribute("x"));
    // The first stage at the right, the next to its left; English names run left to right.
    expect(x("Awareness")).toBeGreaterThan(x("Consideration"));
    expect(texts.find((n) => n.textContent === "Awareness")?.getAttribute("direction")).toBe("ltr");
    expect(texts.find((n) => n.textContent === "العقبات")?.getAttribute("direction")).toBe("rtl");
  });

  it("prints the map's picture", async () => {
    installMockBackend();
    const print = vi.spyOn(window, "print").mockImplementation(() => undefined);
    const { user } = renderApp("/journeys");
    await createMap(user, "Online order");
    await user.click(screen.getByTestId("journey-export"));
    await user.click(screen.getByTestId("journey-export-print"));
    const picture = await screen.findByTestId("journey-print");
    expect(picture.getAttribute("src")).toMatch(/^blob:/);
    fireEvent.load(picture);
    expect(print).toHaveBeenCalledOnce();
    print.mockRestore();
  });

  it("lists the maps with their counts in each language's plural", async () => {
    installMockBackend({
      settings: { language: "ar" },
      journeys: {
        maps: [makeJourneyMap("رحلة فتح حساب")],
        stages: [
          { id: "st-1", mapId: "map-1", name: "الوعي", position: 1 },
          { id: "st-2", mapId: "map-1", name: "الشراء", position: 2 },
        ],
      },
    });
    renderApp("/journeys");
    const card = await screen.findByTestId("journey-card");
    expect(card).toHaveTextContent("مرحلتان");
    expect(card).toHaveTextContent("لا نقاط تواصل");
  });

  it("shows how much pain sits at each touchpoint", async () => {
    installMockBackend({
      journeys: {
        maps: [makeJourneyMap("Delivery")],
        stages: [{ id: "st-1", mapId: "map-1", name: "Delivery", position: 1 }],
        touchpoints: [
          {
            id: "tp-1",
            mapId: "map-1",
            stageId: "st-1",
            name: "Tracking page",
            position: 1,
            channel: "self_service",
            direct: true,
            ownerTeam: "",
            emotionCurrent: -1,
            emotionTarget: 1,
          },
        ],
        pain: [
          {
            touchpointId: "tp-1",
            stageId: "st-1",
            problems: 3,
            occurrences: 12,
            highestSeverity: "high",
            allFixed: false,
            heat: 0.8,
          },
        ],
      },
    });
    renderApp("/journeys/map-1");
    const pain = await screen.findByTestId("touchpoint-pain");
    expect(pain).toHaveTextContent("3 problems");
    expect(pain).toHaveTextContent("12 reports");
    expect(pain).toHaveTextContent("Highest severity: High");
    expect(pain.className).toContain("journey-pain--heat-4");
    expect(screen.getByTestId("touchpoint-emotionCurrent")).toHaveValue("-1");
  });

  describe("a stage taller than the window", () => {
    /**
     * A map whose one stage holds seven touchpoints, in a view 800 px tall
     * where nothing comes near until `near` says so: the first touchpoints
     * drawn are the window's worth (4), the rest wait under a button.
     */
    async function openTallStage() {
      const seen = { near: (): void => undefined };
      vi.stubGlobal(
        "IntersectionObserver",
        class {
          constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
            seen.near = () => {
              callback([{ isIntersecting: true }]);
            };
          }
          observe() {}
          disconnect() {}
        },
      );
      vi.stubGlobal("innerHeight", 800);
      const touchpoints = [1, 2, 3, 4, 5, 6, 7].map((i) =>
        makeTouchpoint(`tp-${String(i)}`, `Touchpoint ${String(i)}`, i),
      );
      const backend = installMockBackend({
        journeys: {
          maps: [makeJourneyMap("Renewal")],
          stages: [{ id: "st-1", mapId: "map-1", name: "Renewal", position: 1 }],
          touchpoints,
        },
      });
      const { user } = renderApp("/journeys/map-1");
      const grid = await screen.findByTestId("journey-grid");
      const names = () =>
        within(grid)
          .queryAllByTestId("touchpoint-name")
          .map((n) => n.textContent);
      await waitFor(() => {
        expect(names()).toEqual(["Touchpoint 1", "Touchpoint 2", "Touchpoint 3", "Touchpoint 4"]);
      });
      expect(within(grid).getByTestId("touchpoint-more")).toHaveTextContent("Show 3 more touchpoints");
      return { backend, user, grid, names, seen };
    }

    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it("draws the rest as they come near the view", async () => {
      const { grid, names, seen } = await openTallStage();
      act(() => {
        seen.near();
      });
      await waitFor(() => {
        expect(names()).toHaveLength(7);
      });
      expect(within(grid).queryByTestId("touchpoint-more")).toBeNull();
    });

    it("draws the rest with the placeholder's button, the keyboard's way to them", async () => {
      const { user, grid, names } = await openTallStage();
      await user.click(within(within(grid).getByTestId("touchpoint-more")).getByRole("button"));
      expect(names()).toHaveLength(7);
    });

    it("draws the rest when the last touchpoint drawn moves later, so it stays in sight", async () => {
      const { backend, user, grid, names } = await openTallStage();
      await user.click(nth(grid, "touchpoint-later", 3));
      await waitFor(() => {
        expect(names()).toHaveLength(7);
      });
      expect(backend.callsTo("touchpoint_move")[0]).toMatchObject({ id: "tp-4", before: "tp-6" });
    });
  });

  it("ranks the touchpoints by pain, leaving out those without problems, with their problems a click away", async () => {
    const refund = makeProblem("Refund takes three weeks");
    const pain = (touchpointId: string, problems: number, occurrences: number) => ({
      touchpointId,
      stageId: "st-1",
      problems,
      occurrences,
      highestSeverity: problems === 0 ? null : ("medium" as const),
      allFixed: false,
      heat: occurrences / 12,
    });
    const backend = installMockBackend({
      problems: [refund],
      journeys: {
        maps: [makeJourneyMap("Delivery")],
        stages: [{ id: "st-1", mapId: "map-1", name: "بعد الشراء", position: 1 }],
        touchpoints: [
          makeTouchpoint("tp-1", "Order email", 1),
          makeTouchpoint("tp-2", "Refund form", 2),
          makeTouchpoint("tp-3", "Courier call", 3),
        ],
        links: { "tp-2": [refund.id] },
        // As the core sorts them: most reports first.
        pain: [pain("tp-2", 1, 12), pain("tp-3", 2, 4), pain("tp-1", 0, 0)],
      },
    });
    const { user } = renderApp("/journeys/map-1");
    const ranking = await screen.findByTestId("pain-ranking");
    await user.click(within(ranking).getByText("Where it hurts most"));
    await waitFor(() => {
      expect(
        within(ranking)
          .getAllByTestId("pain-ranked-name")
          .map((n) => n.textContent),
      ).toEqual(["Refund form", "Courier call"]);
    });
    expect(backend.callsTo("journey_pain").some((c) => (c.query as { sort?: string }).sort === "pain")).toBe(
      true,
    );
    await user.click(nth(ranking, "pain-ranked-toggle"));
    const link = await within(ranking).findByRole("link", { name: "Refund takes three weeks" });
    expect(link).toHaveAttribute("href", `#/problems/${refund.id}`);
  });

  it("keeps the map's personas and review period, each change saved", async () => {
    const noor = makePersona("Noor, night-shift nurse");
    const sami = makePersona("سامي، صاحب متجر");
    const backend = installMockBackend({ personas: { personas: [noor, sami] } });
    const { user } = renderApp("/journeys");
    await createMap(user, "Clinic booking");
    const settings = screen.getByTestId("journey-settings");
    expect(within(settings).getByText("No persona yet.")).toBeInTheDocument();
    await user.selectOptions(await within(settings).findByTestId("journey-persona-add"), sami.id);
    const chip = await within(settings).findByTestId("journey-persona");
    expect(within(chip).getByRole("link")).toHaveAttribute("href", `#/personas/${sami.id}`);
    expect(chip).toHaveTextContent("سامي، صاحب متجر");
    await user.selectOptions(within(settings).getByTestId("journey-persona-add"), noor.id);
    await waitFor(() => {
      expect(within(settings).getAllByTestId("journey-persona")).toHaveLength(2);
    });
    // Both are on the map now: none is offered again.
    expect(within(settings).queryByTestId("journey-persona-add")).toBeNull();
    await user.click(
      within(settings).getByRole("button", { name: /^Remove .*سامي، صاحب متجر.* from this map$/ }),
    );
    await waitFor(() => {
      expect(within(settings).getAllByTestId("journey-persona")).toHaveLength(1);
    });
    expect(backend.callsTo("journey_edit").map((c) => c.edit)).toEqual([
      { field: "personaIds", value: [sami.id] },
      { field: "personaIds", value: [sami.id, noor.id] },
      { field: "personaIds", value: [noor.id] },
    ]);
    const months = within(settings).getByTestId("journey-review-months");
    expect(months).toHaveDisplayValue("4 months");
    await user.selectOptions(months, "6");
    await waitFor(() => {
      expect(backend.callsTo("journey_edit").at(-1)?.edit).toEqual({ field: "reviewMonths", value: 6 });
    });
    expect(months).toHaveDisplayValue("6 months");
  });

  it("makes a future map from a current one, refusing an empty name, and links back to it", async () => {
    const backend = installMockBackend();
    const { user } = renderApp("/journeys");
    const grid = await createMap(user, "Online order");
    await user.type(nth(grid, "touchpoint-add"), "Checkout page{Enter}");
    await within(grid).findByTestId("journey-touchpoint");
    await user.click(screen.getByTestId("journey-future"));
    const name = screen.getByTestId("journey-future-name");
    expect(name).toHaveValue("Online order (future)");
    await user.clear(name);
    await user.click(screen.getByTestId("journey-future-create"));
    expect(await screen.findByTestId("journey-future-name-error")).toHaveTextContent("required");
    expect(backend.callsTo("journey_future")).toEqual([]);
    await user.type(name, "Online order, one page");
    await user.click(screen.getByTestId("journey-future-create"));
    const madeFrom = await screen.findByTestId("journey-made-from");
    expect(within(madeFrom).getByRole("link")).toHaveTextContent("Online order");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Online order, one page");
    expect(screen.getByText("Future (to be)")).toBeInTheDocument();
    // A future map is not made from a future map.
    expect(screen.queryByTestId("journey-future")).toBeNull();
    const future = await screen.findByTestId("journey-grid");
    expect(within(future).getAllByTestId("stage-name")).toHaveLength(6);
    expect(within(future).getByTestId("touchpoint-name")).toHaveTextContent("Checkout page");
  });

  it("links the problems that name the map's stages after saying how many", async () => {
    const backend = installMockBackend();
    const { user } = renderApp("/journeys");
    await createMap(user, "Support");
    const mapId = backend.state.journeys.maps[0]?.id ?? "";
    backend.state.journeys.match[mapId] = { linked: 3, unmatched: 1 };
    await user.click(screen.getByTestId("journey-match"));
    expect(await screen.findByTestId("journey-match-preview")).toHaveTextContent(
      "3 problems name a stage or touchpoint of this map and can be linked. 1 problem names something that is not on this map and stays as it is.",
    );
    await user.click(screen.getByTestId("journey-match-link"));
    await waitFor(() => {
      expect(screen.getByTestId("journey-announcement")).toHaveTextContent("3 problems linked.");
    });
    expect(backend.callsTo("journey_match_link")).toEqual([{ id: mapId }]);
    // Nothing left to link: the button waits.
    await user.click(screen.getByTestId("journey-match"));
    expect(await screen.findByTestId("journey-match-preview")).toHaveTextContent(
      "0 problems name a stage or touchpoint",
    );
    expect(screen.getByTestId("journey-match-link")).toBeDisabled();
  });

  it("makes an opportunity card a corrective action on a picked problem, and the card remembers it", async () => {
    const problem = makeProblem("Refunds take three weeks");
    const backend = installMockBackend({ problems: [problem] });
    const { user } = renderApp("/journeys");
    const grid = await createMap(user, "Refunds");
    await user.type(nth(grid, "card-add-opportunities"), "Refund at the counter{Enter}");
    await user.type(nth(grid, "card-add-obstacles"), "Refund form is long{Enter}");
    const cards = await within(grid).findAllByTestId("journey-card-item");
    // Only opportunities become actions.
    expect(within(grid).getAllByTestId("opportunity-make")).toHaveLength(1);
    const card = cards.find((c) => c.textContent.includes("Refund at the counter"));
    if (card === undefined) throw new Error("no opportunity card");
    await user.click(within(card).getByTestId("opportunity-make"));
    await user.type(within(card).getByTestId("opportunity-problem-search"), "Refunds");
    await user.click(await within(card).findByTestId("opportunity-problem-option"));
    expect(within(card).getByTestId("opportunity-for")).toHaveTextContent("Refunds take three weeks");
    const title = within(card).getByTestId("opportunity-action-title");
    expect(title).toHaveValue("Refund at the counter");
    await user.click(within(card).getByTestId("opportunity-action-save"));
    const became = await within(card).findByTestId("opportunity-became");
    expect(became).toHaveTextContent("Became an action: action 1");
    const call = backend.callsTo("card_make_action")[0];
    expect(call?.input).toMatchObject({ problemId: problem.id, title: "Refund at the counter" });
    const actionId = backend.state.actions.actions[0]?.id ?? "";
    expect(within(became).getByRole("link")).toHaveAttribute("href", `#/actions/${actionId}`);
    await waitFor(() => {
      expect(screen.getByTestId("opportunity-announcement")).toHaveTextContent(
        /^Action .*Refund at the counter.* created\.$/,
      );
    });
  });

  it("keeps every word of a long opportunity: the title takes what fits, the description all of it", async () => {
    const problem = makeProblem("Refunds take three weeks");
    const backend = installMockBackend({ problems: [problem] });
    const { user } = renderApp("/journeys");
    const grid = await createMap(user, "Refunds");
    const long = `Refund at the counter ${"with the receipt and the card used to pay ".repeat(8)}then send a text`;
    expect(long.length).toBeGreaterThan(300);
    await user.click(nth(grid, "card-add-opportunities"));
    await user.paste(long);
    await user.keyboard("{Enter}");
    const card = await within(grid).findByTestId("opportunity-action");
    await user.click(within(card).getByTestId("opportunity-make"));
    await user.type(within(card).getByTestId("opportunity-problem-search"), "Refunds");
    await user.click(await within(card).findByTestId("opportunity-problem-option"));
    const title = within(card).getByTestId("opportunity-action-title");
    expect((title as HTMLInputElement).value).toHaveLength(300);
    expect(within(card).getByTestId("opportunity-action-description")).toHaveValue(long);
    await user.click(within(card).getByTestId("opportunity-action-save"));
    await within(card).findByTestId("opportunity-became");
    expect(backend.callsTo("card_make_action")[0]?.input).toMatchObject({ description: long });
  });

  it("pins a persona's quote and an empathy note to a touchpoint, and unpins them", async () => {
    const huda = makePersona("Huda, first-time buyer");
    const quote = makeQuote(huda.id, "أين رقم التتبع؟");
    const board = makeMap(huda, "Checkout workshop");
    const note = makeNote(board.id, "pains", "Cannot find the delivery fee");
    const hidden = makeNote(board.id, "pains", "Still hidden", { hidden: true });
    const backend = installMockBackend({
      personas: { personas: [huda], quotes: [quote] },
      empathy: { maps: [board], notes: [note, hidden] },
    });
    const { user } = renderApp("/journeys");
    const grid = await createMap(user, "Checkout");
    await user.type(nth(grid, "touchpoint-add"), "Delivery options{Enter}");
    const touchpoint = await within(grid).findByTestId("journey-touchpoint");
    await user.click(within(touchpoint).getByTestId("touchpoint-pin"));
    await user.selectOptions(within(touchpoint).getByTestId("pin-from"), huda.id);
    await user.click(await within(touchpoint).findByTestId("pin-quote-choice"));
    const pinnedQuote = await within(touchpoint).findByTestId("pinned-quote");
    expect(pinnedQuote).toHaveTextContent("“أين رقم التتبع؟” — Huda, first-time buyer");
    // Pinned already: not offered again.
    expect(await within(touchpoint).findByText("No other quote to pin.")).toBeInTheDocument();
    await user.selectOptions(within(touchpoint).getByTestId("pin-source"), "note");
    await user.selectOptions(within(touchpoint).getByTestId("pin-from"), board.id);
    // Hidden notes (a workshop still writing) are not offered.
    const choices = await within(touchpoint).findAllByTestId("pin-note-choice");
    expect(choices.map((c) => c.textContent)).toEqual(["Cannot find the delivery fee"]);
    await user.click(choices[0] as HTMLElement);
    expect(await within(touchpoint).findByTestId("pinned-note")).toHaveTextContent(
      "Cannot find the delivery fee",
    );
    await user.click(within(touchpoint).getByTestId("pin-done"));
    expect(within(touchpoint).queryByTestId("pin-picker")).toBeNull();
    await user.click(within(pinnedQuote).getByRole("button", { name: /^Unpin / }));
    await waitFor(() => {
      expect(within(touchpoint).queryByTestId("pinned-quote")).toBeNull();
    });
    expect(backend.callsTo("touchpoint_pin_quote").map((c) => c.pinned)).toEqual([true, false]);
    expect(backend.callsTo("touchpoint_pin_note")[0]).toMatchObject({ noteId: note.id, pinned: true });
  });

  it("moves a card by keyboard within its cell and to the next stage", async () => {
    const backend = installMockBackend();
    const { user } = renderApp("/journeys");
    const grid = await createMap(user, "Returns");
    await user.type(nth(grid, "card-add-obstacles"), "Label printer missing{Enter}");
    // The line is busy (disabled) until the first card is saved.
    await waitFor(() => {
      expect(nth(grid, "card-add-obstacles")).toBeEnabled();
    });
    await user.type(nth(grid, "card-add-obstacles"), "No drop-off point nearby{Enter}");
    await waitFor(() => {
      expect(within(nth(grid, "cell-obstacles")).getAllByTestId("journey-card-item")).toHaveLength(2);
    });
    const texts = (index: number) =>
      within(nth(grid, "cell-obstacles", index))
        .queryAllByTestId("journey-card-text")
        .map((c) => c.textContent);
    // Alt+Up: the second card goes first.
    within(nth(grid, "cell-obstacles")).getAllByTestId("journey-card-text")[1]?.focus();
    await user.keyboard("{Alt>}{ArrowUp}{/Alt}");
    await waitFor(() => {
      expect(texts(0)).toEqual(["No drop-off point nearby", "Label printer missing"]);
    });
    // Alt+Right (reading forward in English): to the next stage, last.
    within(nth(grid, "cell-obstacles")).getAllByTestId("journey-card-text")[0]?.focus();
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    await waitFor(() => {
      expect(texts(1)).toEqual(["No drop-off point nearby"]);
    });
    expect(texts(0)).toEqual(["Label printer missing"]);
    const stages = backend.state.journeys.stages;
    expect(backend.callsTo("card_move").at(-1)).toMatchObject({
      stageId: stages[1]?.id,
      lane: "obstacles",
      before: null,
    });
    // Alt+Left from the first stage goes nowhere.
    within(nth(grid, "cell-obstacles")).getAllByTestId("journey-card-text")[0]?.focus();
    await user.keyboard("{Alt>}{ArrowLeft}{/Alt}");
    expect(backend.callsTo("card_move")).toHaveLength(2);
  });
});
