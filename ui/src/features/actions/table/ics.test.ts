import { describe, expect, it } from "vitest";
import { makeAction } from "../../../api/mock-actions";
import type { ActionRow } from "../../../bindings/ActionRow";
import { actionsIcs, escapeText, foldLine, icsEventCount, icsStamp, nextDay, type IcsText } from "./ics";

const NO_FLAGS = { overdue: false, checkDue: false, recurred: false, noRootCause: false };
const octets = (s: string) => new TextEncoder().encode(s).length;

function row(title: string, fields: Parameters<typeof makeAction>[2] = {}): ActionRow {
  return { action: makeAction("p-1", title, { problemTitle: "Refunds", ...fields }), flags: NO_FLAGS };
}

const TEXT: IcsText = {
  calendarName: "Rootwise actions",
  dueSummary: (title) => `Due: ${title}`,
  checkSummary: (title) => `Check: ${title}`,
  description: (r) => [
    `Problem: ${r.action.problemTitle}`,
    `Owner: ${r.action.owner}`,
    `Status: ${r.action.status}`,
  ],
};

/** Unfolds and splits into content lines, as a calendar reader does. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, "").split("\r\n");
}

/** The events as property maps. */
function events(ics: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of unfold(ics)) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT" && current !== null) {
      out.push(current);
      current = null;
    } else if (current !== null) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return out;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

describe("escapeText", () => {
  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("leaves Arabic and colons alone", () => {
    expect(escapeText("موعد: إصلاح الرمز")).toBe("موعد: إصلاح الرمز");
  });
});

describe("foldLine", () => {
  it("leaves lines of up to 75 octets alone", () => {
    const line = "x".repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it("folds ASCII at 75 octets with CRLF and a space", () => {
    const line = "S".repeat(200);
    const parts = foldLine(line).split("\r\n");
    expect(parts[0]).toHaveLength(75);
    expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(parts.every((p) => octets(p) <= 75)).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
  });

  it("never splits an Arabic letter (2 octets) across lines", () => {
    const line = `SUMMARY:${"إصلاح رمز التحقق ".repeat(12)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      // Each physical line is valid UTF-8 on its own: decoding and re-encoding keeps its size.
      const bytes = new TextEncoder().encode(part);
      expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toBe(part);
    }
    expect(unfold(folded)).toEqual([line]);
  });

  it("breaks at a byte boundary that falls inside a character by moving the character down", () => {
    // "SUMMARY:" (8) + 33 Arabic letters (66) = 74 octets, then one more letter would reach 76.
    const line = `SUMMARY:${"ب".repeat(34)}`;
    const [first, second] = foldLine(line).split("\r\n");
    expect(octets(first ?? "")).toBe(74);
    expect(second).toBe(" ب");
  });

  it("keeps emoji (4 octets, a surrogate pair) whole", () => {
    const line = `DESCRIPTION:${"🙂".repeat(40)}`;
    const parts = foldLine(line).split("\r\n");
    for (const part of parts) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(unfold(foldLine(line))).toEqual([line]);
  });
});

describe("dates", () => {
  it("gives the next day across months and years", () => {
    expect(nextDay("2026-11-23")).toBe("2026-11-24");
    expect(nextDay("2026-02-28")).toBe("2026-03-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });

  it("stamps in UTC basic format", () => {
    expect(icsStamp(new Date("2026-11-23T09:05:07.123Z"))).toBe("20261123T090507Z");
  });
});

describe("actionsIcs", () => {
  const now = new Date("2026-11-23T10:00:00Z");

  it("writes a calendar with an all-day event per due date and per pending check", () => {
    const ics = actionsIcs(
      [
        row("Reset the token", { id: "a-1", dueOn: "2026-11-30", owner: "Omar" }),
        row("No date", { id: "a-2" }),
        row("Retrain the team", {
          id: "a-3",
          status: "done",
          dueOn: "2026-11-10",
          doneOn: "2026-11-10",
          checkDueOn: "2026-12-10",
        }),
        row("Already checked", {
          id: "a-4",
          status: "verified_effective",
          checkDueOn: "2026-12-01",
          checkResult: "effective",
        }),
      ],
      TEXT,
      now,
    );
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    const lines = unfold(ics);
    expect(lines.slice(0, 4)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Rootwise//Corrective actions//EN",
      "CALSCALE:GREGORIAN",
    ]);
    expect(lines.at(-2)).toBe("END:VCALENDAR");
    const list = events(ics);
    expect(list.map((e) => e.UID)).toEqual(["a-1-due@rootwise", "a-3-due@rootwise", "a-3-check@rootwise"]);
    expect(list[0]).toMatchObject({
      DTSTAMP: "20261123T100000Z",
      "DTSTART;VALUE=DATE": "20261130",
      "DTEND;VALUE=DATE": "20261201",
      SUMMARY: "Due: Reset the token",
      DESCRIPTION: "Problem: Refunds\\nOwner: Omar\\nStatus: open",
    });
    expect(list[2]).toMatchObject({
      "DTSTART;VALUE=DATE": "20261210",
      "DTEND;VALUE=DATE": "20261211",
      SUMMARY: "Check: Retrain the team",
    });
    expect(icsEventCount([row("x", { dueOn: "2026-01-01", checkDueOn: "2026-02-01" })])).toBe(2);
  });

  it("escapes and folds Arabic text that reads back the same", () => {
    const title =
      "إعادة ضبط رمز التحقق، ثم مراجعة سجلات الدخول; والتأكد من وصول الرسائل, لكل العملاء\\المتأثرين";
    const ics = actionsIcs([row(title, { id: "a-9", dueOn: "2026-11-30", owner: "ريم الحربي" })], TEXT, now);
    for (const line of ics.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    const [event] = events(ics);
    expect(unescapeText(event?.SUMMARY ?? "")).toBe(`Due: ${title}`);
    expect(event?.SUMMARY).toContain("\\;");
    expect(event?.SUMMARY).toContain("\\,");
    expect(event?.SUMMARY).toContain("\\\\");
    expect(unescapeText(event?.DESCRIPTION ?? "")).toBe("Problem: Refunds\nOwner: ريم الحربي\nStatus: open");
  });

  it("writes an empty calendar for no dated actions", () => {
    const ics = actionsIcs([row("x")], TEXT, now);
    expect(events(ics)).toEqual([]);
    expect(unfold(ics)).toContain("END:VCALENDAR");
  });
});
