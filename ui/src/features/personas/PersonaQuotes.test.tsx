import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { installMockBackend, rejectWith, type MockBackendOptions } from "../../test/mock-backend";
import { makePersona, makeQuote } from "../../test/mock-personas";
import { localToday } from "../../kit/fields";
import { renderApp } from "../../test/render";

function setUp(options: MockBackendOptions = {}) {
  const persona = makePersona("Huda, shop owner");
  const quote = makeQuote(
    persona.id,
    "The refund said issued, but my bank shows nothing.",
    "call_recording",
    {
      reference: "call-2025-03-02.ogg",
      saidOn: "2025-03-02",
    },
  );
  const backend = installMockBackend({
    personas: { personas: [persona], quotes: [quote], links: {}, pictures: {} },
    ...options,
  });
  const rendered = renderApp(`/personas/${persona.id}`);
  return { persona, quote, backend, ...rendered };
}

const addForm = () => screen.getByTestId("quote-add-form");

describe("Persona quotes", () => {
  it("shows each quote in quotation marks with its source, reference and day", async () => {
    setUp();
    const item = await screen.findByTestId("quote-item");
    expect(within(item).getByTestId("quote-text-shown")).toHaveTextContent(
      "“\u2068The refund said issued, but my bank shows nothing.\u2069”",
    );
    expect(within(item).getByTestId("quote-source-label")).toHaveTextContent("Call recording");
    expect(within(item).getByTestId("quote-reference-label")).toHaveTextContent("call-2025-03-02.ogg");
    expect(within(item).getByTestId("quote-date-label")).toHaveTextContent("Mar 2, 2025");
    expect(screen.getByTestId("persona-quotes-count")).toHaveTextContent("1 quote");
  });

  it("adds a quote with today as the default day; the newest comes first", async () => {
    const { backend, persona, user } = setUp();
    await screen.findByTestId("quote-item");
    const form = addForm();
    expect(within(form).getByTestId("quote-date")).toHaveAttribute("data-day", localToday());
    // No day after today: the calendar stops there.
    await user.click(within(form).getByTestId("quote-date-calendar"));
    await user.keyboard("{PageDown}");
    expect(document.activeElement).toHaveAttribute("data-day", localToday());
    await user.keyboard("{Escape}");
    await user.type(within(form).getByTestId("quote-text"), "I just want to know where my money is.");
    await user.selectOptions(within(form).getByTestId("quote-source"), "survey");
    await user.click(within(form).getByTestId("quote-save"));
    await waitFor(() => {
      expect(screen.getAllByTestId("quote-item")).toHaveLength(2);
    });
    expect(backend.callsTo("quote_add")).toEqual([
      {
        personaId: persona.id,
        input: {
          text: "I just want to know where my money is.",
          source: "survey",
          reference: "",
          saidOn: localToday(),
        },
      },
    ]);
    const [first] = screen.getAllByTestId("quote-item");
    expect(first).toHaveTextContent("“\u2068I just want to know where my money is.\u2069”");
    expect(first).toHaveTextContent("Survey");
    // Ready for the next one.
    // The list refreshes as the write's change lands; the form then clears and says so.
    await waitFor(() => {
      expect(screen.getByTestId("persona-announcement")).toHaveTextContent("Quote added");
    });
    expect(within(form).getByTestId("quote-text")).toHaveValue("");
  });

  it("needs a reference for a support ticket: says so, shows it beside the reference, keeps the words", async () => {
    const { backend, persona, user } = setUp();
    await screen.findByTestId("quote-item");
    const form = addForm();
    const text = within(form).getByTestId("quote-text");
    await user.type(text, "Third time I write to you about this refund.");
    const reference = within(form).getByTestId("quote-reference");
    expect(reference).toHaveAccessibleName("Reference");
    await user.selectOptions(within(form).getByTestId("quote-source"), "support_ticket");
    expect(reference).toHaveAccessibleName("Ticket reference (required)");
    expect(reference).toHaveAccessibleDescription(
      "A support ticket needs its reference, such as the ticket number.",
    );
    await user.click(within(form).getByTestId("quote-save"));

    expect(within(form).getByTestId("quote-reference-error")).toHaveTextContent("This field is required");
    expect(reference).toHaveAttribute("aria-invalid", "true");
    await waitFor(() => {
      expect(reference).toHaveFocus();
    });
    expect(text).toHaveValue("Third time I write to you about this refund.");
    expect(within(form).getByTestId("quote-source")).toHaveValue("support_ticket");
    expect(backend.callsTo("quote_add")).toEqual([]);

    await user.type(reference, "#4411");
    await user.click(within(form).getByTestId("quote-save"));
    await waitFor(() => {
      expect(screen.getAllByTestId("quote-item")).toHaveLength(2);
    });
    expect(backend.callsTo("quote_add")).toEqual([
      {
        personaId: persona.id,
        input: {
          text: "Third time I write to you about this refund.",
          source: "support_ticket",
          reference: "#4411",
          saidOn: localToday(),
        },
      },
    ]);
    expect(screen.getAllByTestId("quote-item")[0]).toHaveTextContent("Support ticket · #4411");
  });

  it("shows the core's refusal beside its field and keeps everything typed", async () => {
    const { backend, user } = setUp({
      handlers: {
        quote_add: () =>
          rejectWith({
            code: "invalid_input",
            details: {
              field: "reference",
              rule: "required",
              fields: [{ field: "reference", rule: "required", limit: null }],
            },
          }),
      },
    });
    await screen.findByTestId("quote-item");
    const form = addForm();
    await user.type(within(form).getByTestId("quote-text"), "Words");
    await user.type(within(form).getByTestId("quote-reference"), "  x  ");
    await user.click(within(form).getByTestId("quote-save"));
    expect(await within(form).findByTestId("quote-reference-error")).toHaveTextContent(
      "This field is required",
    );
    expect(within(form).getByTestId("quote-text")).toHaveValue("Words");
    expect(within(form).getByTestId("quote-reference")).toHaveValue("  x  ");
    expect(backend.callsTo("quote_add")).toHaveLength(1);
  });

  it("refuses a day in the future beside the day", async () => {
    const { backend, user } = setUp();
    await screen.findByTestId("quote-item");
    const form = addForm();
    await user.type(within(form).getByTestId("quote-text"), "Words");
    const date = within(form).getByTestId("quote-date");
    await user.clear(date);
    await user.type(date, "2999-01-01");
    await user.click(within(form).getByTestId("quote-save"));
    expect(within(form).getByTestId("quote-date-error")).toHaveTextContent("The date can't be in the future");
    expect(backend.callsTo("quote_add")).toEqual([]);
  });

  it("edits a quote in place", async () => {
    const { backend, quote, user } = setUp();
    const item = await screen.findByTestId("quote-item");
    await user.click(within(item).getByTestId("quote-edit"));
    const form = within(screen.getByTestId("quote-item")).getByTestId("quote-edit-form");
    expect(within(form).getByTestId("quote-text")).toHaveValue(quote.text);
    expect(within(form).getByTestId("quote-source")).toHaveValue("call_recording");
    expect(within(form).getByTestId("quote-reference")).toHaveValue("call-2025-03-02.ogg");
    expect(within(form).getByTestId("quote-date")).toHaveAttribute("data-day", "2025-03-02");
    await user.clear(within(form).getByTestId("quote-text"));
    await user.type(within(form).getByTestId("quote-text"), "My bank shows nothing at all.");
    await user.click(within(form).getByTestId("quote-save"));
    await waitFor(() => {
      expect(screen.getByTestId("quote-text-shown")).toHaveTextContent(
        "“\u2068My bank shows nothing at all.\u2069”",
      );
    });
    expect(backend.callsTo("quote_edit")).toEqual([
      {
        id: quote.id,
        input: {
          text: "My bank shows nothing at all.",
          source: "call_recording",
          reference: "call-2025-03-02.ogg",
          saidOn: "2025-03-02",
        },
      },
    ]);
    await waitFor(() => {
      expect(screen.getByTestId("quote-edit")).toHaveFocus();
    });
  });

  it("deletes a quote and Undo restores it through the trash", async () => {
    const { backend, quote, user } = setUp({
      handlers: {
        trash_restore: (args, state) => {
          const q = state.personas.quotes.find((x) => x.id === args.id);
          if (q !== undefined) q.deleted = false;
          return null;
        },
      },
    });
    const item = await screen.findByTestId("quote-item");
    await user.click(within(item).getByTestId("quote-delete"));
    expect(await screen.findByTestId("persona-quotes-empty")).toBeInTheDocument();
    expect(backend.callsTo("quote_delete")).toEqual([{ id: quote.id }]);
    const toast = screen.getByTestId("quote-undo-toast");
    expect(toast).toHaveTextContent(
      "The quote “\u2068The refund said issued, but my bank shows nothing.\u2069” was moved",
    );
    await user.click(within(toast).getByTestId("quote-undo-delete"));
    expect(await screen.findByTestId("quote-item")).toHaveTextContent("my bank shows nothing");
    expect(backend.callsTo("trash_restore")).toEqual([{ entity: "quote", id: quote.id }]);
    await waitFor(() => {
      expect(screen.queryByTestId("quote-undo-toast")).toBeNull();
    });
  });

  it("formats the day in Arabic and uses Arabic quotation marks", async () => {
    setUp({ settings: { language: "ar" } });
    const item = await screen.findByTestId("quote-item");
    await waitFor(() => {
      expect(document.documentElement).toHaveAttribute("dir", "rtl");
    });
    expect(within(item).getByTestId("quote-text-shown")).toHaveTextContent("«\u2068The refund said issued");
    expect(within(item).getByTestId("quote-source-label")).toHaveTextContent("تسجيل مكالمة");
    // Arabic's medium date: day, month, year, with right-to-left marks between them.
    expect(within(item).getByTestId("quote-date-label")).toHaveTextContent(/^02\u200f?\/03\u200f?\/2025$/);
    expect(screen.getByTestId("persona-quotes-count")).toHaveTextContent("اقتباس واحد");
  });
});
