import { describe, expect, it } from "vitest";
import { makePersona, makeQuote } from "../../test/mock-personas";
import type { PersonaDetail } from "../../bindings/PersonaDetail";
import i18n from "../../i18n";
import { personaFileName, personaMarkdown } from "./markdown";

function detail(): PersonaDetail {
  const persona = makePersona("Huda, shop *owner*", {
    role: "Runs a small online shop",
    segment: "Small business",
    painPoints: "Refunds stall.\n# Not a heading",
    channels: ["email", "chat"],
    demographics: "",
  });
  return {
    persona,
    quotes: [
      makeQuote(persona.id, "My bank shows nothing.\nNothing at all.", "support_ticket", {
        reference: "#4411",
        saidOn: "2025-03-02",
      }),
      makeQuote(persona.id, "I check every morning.", "interview", { saidOn: "2025-01-10" }),
    ],
    problems: [{ id: "p1", title: "Refund never reaches the card", status: "investigating" }],
    maps: [
      {
        id: "m1",
        title: "Refunds workshop",
        heldOn: "2025-03-04",
        personaId: persona.id,
        personaName: "",
        noteCount: 2,
      },
    ],
  };
}

describe("persona Markdown", () => {
  it("writes the quotes with source, reference and day, the fields, the problems and maps, in English", () => {
    const text = personaMarkdown(detail(), i18n.getFixedT("en"), "en", "2025-03-10");
    expect(text).toBe(
      [
        "# Huda, shop \\*owner\\*",
        "",
        "*Persona*",
        "",
        "## In their own words",
        "",
        "> “My bank shows nothing.\\",
        "> Nothing at all.”",
        ">",
        "> — Support ticket · #4411 · March 2, 2025",
        "",
        "> “I check every morning.”",
        ">",
        "> — Interview · January 10, 2025",
        "",
        "## Profile",
        "",
        "### Role and responsibilities",
        "",
        "Runs a small online shop",
        "",
        "### Segment",
        "",
        "Small business",
        "",
        "### Pain points",
        "",
        "Refunds stall.\\",
        "\\# Not a heading",
        "",
        "### Preferred channels",
        "",
        "Email and Chat",
        "",
        "## Problems that hurt them",
        "",
        "- Refund never reaches the card (Investigating)",
        "",
        "## Empathy maps",
        "",
        "- Refunds workshop — March 4, 2025 (2 notes)",
        "",
        "---",
        "",
        "*Exported from Rootwise on March 10, 2025.*",
        "",
      ].join("\n"),
    );
  });

  it("translates the headings, sources and marks in Arabic", () => {
    const text = personaMarkdown(detail(), i18n.getFixedT("ar"), "ar", "2025-03-10");
    expect(text).toContain("## بكلماتهم");
    expect(text).toContain("> «I check every morning.»");
    expect(text).toContain("> — تذكرة دعم · #4411 · 2 مارس 2025");
    expect(text).toContain("### الدور والمسؤوليات");
    expect(text).toContain("### القنوات المفضّلة");
    expect(text).toContain("البريد الإلكتروني");
    expect(text).toContain("## المشكلات التي تؤذيهم");
    expect(text).toContain("- Refund never reaches the card (");
    expect(text).toContain("## خرائط التعاطف");
    expect(text).toContain("ملاحظتان");
    expect(text).not.toContain("In their own words");
  });

  it("says when there is nothing yet", () => {
    const empty: PersonaDetail = { persona: makePersona("Omar"), quotes: [], problems: [], maps: [] };
    const text = personaMarkdown(empty, i18n.getFixedT("en"), "en", "2025-03-10");
    expect(text.match(/None yet\./g)).toHaveLength(3);
    expect(text).not.toContain("### ");
  });

  it("names the file after the persona", () => {
    expect(personaFileName("Huda / shop: owner", "persona")).toBe("Huda - shop- owner.md");
    expect(personaFileName("   ", "شخصية")).toBe("شخصية.md");
  });
});
