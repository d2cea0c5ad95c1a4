import { describe, expect, it } from "vitest";
import { makeBoardPersona, makeGroup, makeMap, makeNote } from "../../../test/mock-empathy";
import type { Board } from "../../../bindings/Board";
import i18n from "../../../i18n";
import { boardMarkdown, markdownFileName } from "./markdown";

function sample(): Board {
  const persona = makeBoardPersona("Layla");
  const map = makeMap(persona, "Refunds *workshop*", {
    heldOn: "2024-03-05",
    participants: ["Rana", "Sam"],
    problemId: "p1",
    problemTitle: "Refund never arrives",
  });
  const group = makeGroup(map.id, "pains", "Money");
  return {
    map,
    persona,
    groups: [group],
    votes: [],
    notes: [
      makeNote(map.id, "says", "Where is my refund?", { author: "Rana", votes: 1, position: 1 }),
      makeNote(map.id, "pains", "Waits two weeks\n# not a heading", {
        votes: 3,
        groupId: group.id,
        position: 1,
      }),
      makeNote(map.id, "feels", "Secret", { hidden: true, author: "Omar", votes: 0 }),
    ],
  };
}

describe("boardMarkdown", () => {
  it("writes the map's facts, each area's notes and the votes, in English", () => {
    const text = boardMarkdown(sample(), i18n.getFixedT("en"), "en");
    expect(text).toContain("# Refunds \\*workshop\\*");
    expect(text).toContain("- **Persona:** Layla");
    expect(text).toContain("- **Date:** March 5, 2024");
    expect(text).toContain("- **Participants:** Rana, Sam");
    expect(text).toContain("- **Problem:** Refund never arrives");
    expect(text).toContain("## Says\n\n- Where is my refund? — by Rana · 1 vote");
    expect(text).toContain("- Waits two weeks\\\n  \\# not a heading — 3 votes · group: Money");
    expect(text).toContain("## Thinks\n\n*(no notes)*");
    expect(text).toContain("- *(hidden until revealed)* — by Omar · 0 votes");
    expect(text).not.toContain("Secret");
    const votes = text.slice(text.indexOf("## Votes"));
    expect(votes).toMatch(
      /1\. Waits two weeks[\s\S]*\(Pains\) — 3 votes\n2\. Where is my refund\? \(Says\) — 1 vote/,
    );
  });

  it("translates the headings in Arabic", () => {
    const text = boardMarkdown(sample(), i18n.getFixedT("ar"), "ar");
    expect(text).toContain("## يقول");
    expect(text).toContain("## المكاسب");
    expect(text).toContain("**الشخصية:** Layla");
    expect(text).toContain("## الأصوات");
    expect(text).toContain("3 أصوات");
  });

  it("names the file after the map", () => {
    expect(markdownFileName(sample(), "map")).toBe(
      "Refunds *workshop*.md".replace("*", "-").replace("*", "-"),
    );
  });
});
