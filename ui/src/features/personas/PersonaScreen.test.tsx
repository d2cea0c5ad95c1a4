import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import {
  installMockBackend,
  makeProblem,
  rejectWith,
  type MockBackendOptions,
} from "../../test/mock-backend";
import { makePersona, makeQuote } from "../../test/mock-personas";
import type { Persona } from "../../bindings/Persona";
import type { PersonaDetail } from "../../bindings/PersonaDetail";
import { renderApp } from "../../test/render";

function setUp(fields: Partial<Persona> = {}, options: MockBackendOptions = {}) {
  const refunds = makeProblem("Refund never reaches the card", undefined, { status: "investigating" });
  const otp = makeProblem("OTP text message never arrives");
  const persona = makePersona("Huda, shop owner", { role: "Runs a small online shop", ...fields });
  const quote = makeQuote(persona.id, "My bank shows nothing.", "interview", { saidOn: "2025-03-02" });
  const backend = installMockBackend({
    problems: [refunds, otp],
    personas: { personas: [persona], quotes: [quote], links: { [persona.id]: [refunds.id] }, pictures: {} },
    ...options,
  });
  const rendered = renderApp(`/personas/${persona.id}`);
  return { persona, quote, refunds, otp, backend, ...rendered };
}

const stored = (backend: ReturnType<typeof setUp>["backend"]) => backend.state.personas.personas[0];

describe("Persona page", () => {
  it("shows the persona's history with translated field names, through the shared history view", async () => {
    const { persona, backend } = setUp(
      {},
      {
        handlers: {
          history_list: (args) =>
            args.entity === "persona"
              ? [
                  {
                    seq: 1,
                    entity: "persona",
                    entityId: persona.id,
                    op: "create",
                    field: null,
                    oldValue: null,
                    newValue: null,
                    author: "Huda",
                    at: "2025-03-01T10:00:00Z",
                  },
                  {
                    seq: 2,
                    entity: "persona",
                    entityId: persona.id,
                    op: "update",
                    field: "problems",
                    oldValue: null,
                    newValue: "Refund never reaches the card",
                    author: "Huda",
                    at: "2025-03-02T10:00:00Z",
                  },
                  {
                    seq: 3,
                    entity: "persona",
                    entityId: persona.id,
                    op: "update",
                    field: "channels",
                    oldValue: "[]",
                    newValue: '["chat","email"]',
                    author: "Omar",
                    at: "2025-03-03T10:00:00Z",
                  },
                ]
              : [],
        },
      },
    );
    const history = await screen.findByTestId("persona-history");
    const rows = await within(history).findAllByTestId("persona-history-row");
    expect(rows.map((row) => within(row).queryByTestId("history-field")?.textContent ?? null)).toEqual([
      "Preferred channels",
      "Linked problems",
      null,
    ]);
    expect(rows[0]).toHaveTextContent("Chat, Email");
    expect(rows[1]).toHaveTextContent("Refund never reaches the card");
    expect(rows[2]).toHaveTextContent("Created");
    expect(backend.callsTo("history_list")).toContainEqual({ entity: "persona", id: persona.id });
  });

  it("edits a field in place and saves it through persona_edit", async () => {
    const { backend, persona, user } = setUp();
    const goals = await screen.findByTestId("persona-field-goals");
    expect(goals).toHaveAccessibleName("Goals and motivations");
    await user.type(goals, "Get paid on time");
    await user.tab();
    await waitFor(() => {
      expect(backend.callsTo("persona_edit")).toEqual([
        { id: persona.id, edit: { field: "goals", value: "Get paid on time" } },
      ]);
    });
    expect(stored(backend)?.goals).toBe("Get paid on time");
    expect(await screen.findByTestId("persona-announcement")).toHaveTextContent(
      "Goals and motivations saved",
    );
  });

  it("shows a refusal beside the field and keeps what was typed", async () => {
    const { backend, user } = setUp(
      {},
      {
        handlers: {
          persona_edit: () =>
            rejectWith({
              code: "invalid_input",
              details: {
                field: "role",
                rule: "too_long",
                limit: 500,
                fields: [{ field: "role", rule: "too_long", limit: 500 }],
              },
            }),
        },
      },
    );
    const role = await screen.findByTestId("persona-field-role");
    await user.clear(role);
    await user.type(role, "Owner and only employee{Enter}");
    expect(await screen.findByTestId("persona-field-role-error")).toHaveTextContent("At most 500 characters");
    expect(role).toHaveValue("Owner and only employee");
    expect(role).toHaveAttribute("aria-invalid", "true");
    expect(backend.callsTo("persona_edit")).toHaveLength(1);
    // Clearing the name is caught before any round trip.
    const name = screen.getByTestId("persona-name");
    await user.clear(name);
    await user.tab();
    expect(await screen.findByTestId("persona-name-error")).toHaveTextContent("This field is required");
    expect(backend.callsTo("persona_edit")).toHaveLength(1);
    // The other fields are still there.
    expect(role).toHaveValue("Owner and only employee");
  });

  it("saves the preferred channels as soon as one is ticked, with the problem channels' names", async () => {
    const { backend, persona, user } = setUp({ channels: ["email"] });
    const chat = await screen.findByTestId("persona-channel-chat");
    expect(screen.getByTestId("persona-channel-email")).toBeChecked();
    expect(screen.getByTestId("persona-field-channels")).toHaveTextContent("Self-service / web");
    await user.click(chat);
    await waitFor(() => {
      expect(backend.callsTo("persona_edit")).toEqual([
        { id: persona.id, edit: { field: "channels", value: ["email", "chat"] } },
      ]);
    });
    await waitFor(() => {
      expect(screen.getByTestId("persona-channel-chat")).toBeChecked();
    });
  });

  it("adds a picture, shows it with the name as alt text, and removes it", async () => {
    const png = "data:image/png;base64,iVBORw0KGgo=";
    const { backend, persona, user } = setUp({}, {});
    backend.state.personas.nextPicture = png;
    expect(await screen.findByTestId("persona-avatar-initials")).toHaveTextContent("HS");
    await user.click(screen.getByTestId("persona-picture-add"));
    const img = await screen.findByTestId("persona-avatar-picture");
    expect(img).toHaveAttribute("src", png);
    expect(img).toHaveAttribute("alt", "Huda, shop owner");
    expect(backend.callsTo("persona_picture_pick")).toEqual([{ id: persona.id }]);
    expect(screen.getByTestId("persona-picture-add")).toHaveTextContent("Change picture…");
    await user.click(screen.getByTestId("persona-picture-remove"));
    expect(await screen.findByTestId("persona-avatar-initials")).toBeInTheDocument();
    expect(backend.callsTo("persona_picture_clear")).toEqual([{ id: persona.id }]);
  });

  it("says why a picture was refused, beside the picture, and keeps the page as it was", async () => {
    const { backend, user } = setUp();
    backend.state.personas.nextPicture = {
      code: "invalid_input",
      message: "picture: too_large",
      details: {
        field: "picture",
        rule: "too_large",
        limit: 5,
        fields: [{ field: "picture", rule: "too_large", limit: 5 }],
      },
    };
    const goals = await screen.findByTestId("persona-field-goals");
    await user.type(goals, "Unsaved words");
    await user.click(screen.getByTestId("persona-picture-add"));
    expect(await screen.findByTestId("persona-picture-error")).toHaveTextContent(
      "The file is too large: at most 5 MB",
    );
    expect(screen.getByTestId("persona-picture-add")).toHaveAccessibleDescription(
      "The file is too large: at most 5 MB",
    );
    expect(screen.getByTestId("persona-avatar-initials")).toBeInTheDocument();
    expect(screen.getByTestId("persona-quotes")).toHaveTextContent("My bank shows nothing.");

    backend.state.personas.nextPicture = {
      code: "invalid_input",
      message: "picture: not_image",
      details: {
        field: "picture",
        rule: "not_image",
        fields: [{ field: "picture", rule: "not_image", limit: null }],
      },
    };
    await user.click(screen.getByTestId("persona-picture-add"));
    expect(await screen.findByTestId("persona-picture-error")).toHaveTextContent(
      "This file is not a picture",
    );
  });

  it("links a problem through the search picker and unlinks one; both sides show it", async () => {
    const { backend, persona, refunds, otp, user } = setUp();
    const linked = await screen.findAllByTestId("persona-problem");
    expect(linked).toHaveLength(1);
    expect(within(linked[0] as HTMLElement).getByTestId("persona-problem-link")).toHaveAttribute(
      "href",
      `#/problems/${refunds.id}`,
    );
    expect(within(linked[0] as HTMLElement).getByTestId("persona-problem-status")).toHaveTextContent(
      "Investigating",
    );

    await user.click(screen.getByTestId("persona-link-problem"));
    const search = await screen.findByTestId("persona-problem-search");
    await waitFor(() => {
      expect(search).toHaveFocus();
    });
    await user.type(search, "OTP");
    await waitFor(() => {
      expect(screen.getAllByTestId("persona-problem-option")).toHaveLength(1);
    });
    // Already linked problems are not offered.
    expect(screen.getByTestId("persona-problem-picker")).not.toHaveTextContent(
      "Refund never reaches the card",
    );
    await user.click(
      screen.getByRole("button", { name: /^Link \u2068OTP text message never arrives\u2069$/ }),
    );
    await waitFor(() => {
      expect(screen.getAllByTestId("persona-problem")).toHaveLength(2);
    });
    expect(backend.callsTo("persona_link_problem")).toEqual([
      { personaId: persona.id, problemId: otp.id, linked: true },
    ]);
    expect(backend.state.personas.links[persona.id]).toEqual([refunds.id, otp.id]);

    await user.click(
      screen.getByRole("button", { name: /^Unlink \u2068Refund never reaches the card\u2069$/ }),
    );
    await waitFor(() => {
      expect(screen.getAllByTestId("persona-problem")).toHaveLength(1);
    });
    expect(backend.callsTo("persona_link_problem")[1]).toEqual({
      personaId: persona.id,
      problemId: refunds.id,
      linked: false,
    });
    expect(backend.state.personas.links[persona.id]).toEqual([otp.id]);
  });

  it("duplicates as a template under the name given, saying what is not copied", async () => {
    const { backend, persona, user } = setUp({ goals: "Get paid on time" });
    await user.click(await screen.findByTestId("persona-duplicate"));
    const form = screen.getByTestId("persona-duplicate-form");
    expect(form).toHaveTextContent("Quotes, the picture and the links to problems and maps are not copied");
    const name = screen.getByTestId("persona-duplicate-name");
    expect(name).toHaveValue("Huda, shop owner (copy)");
    await user.clear(name);
    await user.click(screen.getByTestId("persona-duplicate-confirm"));
    expect(screen.getByTestId("persona-duplicate-name-error")).toHaveTextContent("This field is required");
    expect(backend.callsTo("persona_duplicate")).toEqual([]);
    await user.type(name, "Salma, shop owner");
    await user.click(screen.getByTestId("persona-duplicate-confirm"));
    await waitFor(() => {
      expect(screen.getByTestId("persona-name")).toHaveValue("Salma, shop owner");
    });
    expect(backend.callsTo("persona_duplicate")).toEqual([{ id: persona.id, name: "Salma, shop owner" }]);
    const copy = backend.state.personas.personas[1];
    expect(copy?.goals).toBe("Get paid on time");
    expect(window.location.hash).toBe(`#/personas/${copy?.id ?? ""}`);
    expect(screen.getByTestId("persona-quotes-empty")).toBeInTheDocument();
  });

  it("deletes the persona, lands on the list and Undo restores it through the trash", async () => {
    const { backend, persona, user } = setUp(
      {},
      {
        handlers: {
          trash_restore: (args, state) => {
            const p = state.personas.personas.find((x) => x.id === args.id);
            if (p !== undefined) p.deleted = false;
            return null;
          },
        },
      },
    );
    await user.click(await screen.findByTestId("persona-delete"));
    const toast = await screen.findByTestId("persona-undo-toast");
    expect(toast).toHaveTextContent("The persona “\u2068Huda, shop owner\u2069” was moved to the trash.");
    expect(window.location.hash).toBe("#/personas");
    expect(stored(backend)?.deleted).toBe(true);
    await user.click(screen.getByTestId("persona-undo-delete"));
    expect(await screen.findByTestId("persona-detail")).toBeInTheDocument();
    expect(backend.callsTo("trash_restore")).toEqual([{ entity: "persona", id: persona.id }]);
    expect(window.location.hash).toBe(`#/personas/${persona.id}`);
  });

  it("exports Markdown through the save dialog, named after the persona", async () => {
    const { backend, user } = setUp();
    await user.click(await screen.findByTestId("persona-export-md"));
    expect(await screen.findByTestId("persona-export-saved")).toHaveTextContent("Saved to");
    const [call] = backend.callsTo("export_save");
    expect(call?.name).toBe("Huda, shop owner.md");
    expect(String(call?.contents)).toContain("# Huda, shop owner");
    expect(String(call?.contents)).toContain("> “My bank shows nothing.”");
    expect(String(call?.contents)).toContain("- Refund never reaches the card (Investigating)");
  });

  it("prints with the browser's print", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => undefined);
    const { user } = setUp();
    await user.click(await screen.findByTestId("persona-print"));
    expect(print).toHaveBeenCalledOnce();
    print.mockRestore();
  });

  it("lists the persona's maps and starts a new one titled after it, then opens it", async () => {
    const persona = makePersona("Huda");
    const detail: PersonaDetail = {
      persona,
      quotes: [],
      problems: [],
      maps: [
        {
          id: "map-1",
          title: "March workshop",
          heldOn: "2025-03-04",
          personaId: persona.id,
          personaName: "Huda",
          noteCount: 12,
        },
      ],
    };
    const backend = installMockBackend({
      personas: { personas: [persona], quotes: [], links: {}, pictures: {} },
      handlers: {
        persona_get: () => detail,
        map_create: (args) => ({ id: "map-2", ...(args.input as object) }),
      },
    });
    const { user } = renderApp(`/personas/${persona.id}`);
    const map = await screen.findByTestId("persona-map");
    expect(map).toHaveTextContent("March workshop");
    expect(map).toHaveTextContent("held on Mar 4, 2025");
    expect(map).toHaveTextContent("12 notes");
    expect(within(map).getByTestId("persona-map-link")).toHaveAttribute("href", "#/empathy/map-1");
    await user.click(screen.getByTestId("persona-new-map"));
    await waitFor(() => {
      expect(window.location.hash).toBe("#/empathy/map-2");
    });
    const [call] = backend.callsTo("map_create");
    expect(call?.input).toMatchObject({ personaId: persona.id, title: "Huda — workshop" });
    expect((call?.input as { heldOn: string }).heldOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("says when the persona is not there", async () => {
    installMockBackend();
    renderApp("/personas/missing");
    expect(await screen.findByTestId("persona-not-found")).toHaveTextContent("This persona is not here");
  });

  it("reads right to left in Arabic", async () => {
    setUp({}, { settings: { language: "ar" } });
    await waitFor(() => {
      expect(document.documentElement).toHaveAttribute("dir", "rtl");
    });
    expect(await screen.findByTestId("persona-field-goals")).toHaveAccessibleName("الأهداف والدوافع");
    expect(screen.getByTestId("persona-quotes")).toHaveTextContent("بكلماتهم");
    expect(screen.getByTestId("quote-item")).toHaveTextContent("«\u2068My bank shows nothing.\u2069»");
    expect(screen.getByTestId("quote-item")).toHaveTextContent("مقابلة");
    expect(screen.getByTestId("persona-picture-add")).toHaveTextContent("أضف صورة…");
  });
});
