import { describe, expect, it } from "vitest";
import { makeAction } from "../../../api/mock-actions";
import type { ActionRow } from "../../../bindings/ActionRow";
import ar from "../../../i18n/ar.json";
import en from "../../../i18n/en.json";
import {
  actionRecord,
  actionsCsv,
  BOM,
  csvDocument,
  csvField,
  CSV_COLUMNS,
  neutralizeFormula,
  type CsvLabels,
} from "./csv";

const NO_FLAGS = { overdue: false, checkDue: false, recurred: false, noRootCause: false };

function row(title: string, fields: Parameters<typeof makeAction>[2] = {}): ActionRow {
  return { action: makeAction("p-1", title, { problemTitle: "Refunds", ...fields }), flags: NO_FLAGS };
}

function labelsFrom(dict: typeof en): CsvLabels {
  return {
    column: Object.fromEntries(
      CSV_COLUMNS.map((c) => [c, dict.actionExport.column[c]]),
    ) as CsvLabels["column"],
    kind: dict.actions.kind,
    status: dict.actions.status,
    priority: dict.actions.priority,
    checkResult: dict.actions.checkResult,
  };
}

/** A minimal RFC 4180 reader, to check that what we write reads back the same. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
}

describe("csvField", () => {
  it("leaves plain text alone", () => {
    expect(csvField("Reset the token")).toBe("Reset the token");
    expect(csvField("")).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvField("line 1\r\nline 2")).toBe('"line 1\r\nline 2"');
    expect(csvField("cr\ronly")).toBe('"cr\ronly"');
  });

  it("quotes Arabic text only when it needs it (Arabic comma is not a separator)", () => {
    expect(csvField("إعادة ضبط، الرمز")).toBe("إعادة ضبط، الرمز");
    expect(csvField("إعادة, ضبط")).toBe('"إعادة, ضبط"');
  });
});

describe("neutralizeFormula", () => {
  it.each(['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])(
    "prefixes %j with an apostrophe",
    (text) => {
      expect(neutralizeFormula(text)).toBe(`'${text}`);
    },
  );

  it("leaves other text alone", () => {
    expect(neutralizeFormula("Fix = the bug")).toBe("Fix = the bug");
    expect(neutralizeFormula("تحقق=1")).toBe("تحقق=1");
    expect(neutralizeFormula("")).toBe("");
  });
});

describe("csvDocument", () => {
  it("starts with a BOM and ends every record with CRLF", () => {
    const text = csvDocument([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}a,b\r\nc,d\r\n`);
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe("actionsCsv", () => {
  it("writes the columns in order with English labels and ISO dates", () => {
    const r = row("Reset the token", {
      id: "a-1",
      kind: "containment",
      status: "done",
      priority: "urgent",
      owner: "Omar Haddad",
      dueOn: "2026-11-23",
      checkDueOn: "2026-12-23",
      checkResult: "not_effective",
      doneOn: "2026-11-20",
      recurredOn: "2026-11-30",
      createdAt: "2026-11-01T08:30:00Z",
    });
    const [header, record] = parseCsv(actionsCsv([r], labelsFrom(en)).slice(1));
    expect(header).toEqual([
      "ID",
      "Action",
      "Problem",
      "Kind",
      "Status",
      "Priority",
      "Owner",
      "Due date",
      "Check due date",
      "Check result",
      "Done date",
      "Recurred date",
      "Created at",
    ]);
    expect(record).toEqual([
      "a-1",
      "Reset the token",
      "Refunds",
      "Containment",
      "Done",
      "Urgent",
      "Omar Haddad",
      "2026-11-23",
      "2026-12-23",
      "Not effective",
      "2026-11-20",
      "2026-11-30",
      "2026-11-01T08:30:00.000Z",
    ]);
  });

  it("leaves empty cells for missing dates, owner and check", () => {
    const record = actionRecord(row("x"), labelsFrom(en));
    expect(record[6]).toBe("");
    expect(record.slice(7, 12)).toEqual(["", "", "", "", ""]);
  });

  it("keeps Arabic intact, with Arabic labels, and round-trips quotes, commas and newlines", () => {
    const title = 'إعادة "ضبط" الرمز, ثم\nالتحقق';
    const csv = actionsCsv(
      [row(title, { owner: "ريم الحربي", problemTitle: "لا يصل رمز التحقق", status: "in_progress" })],
      labelsFrom(ar),
    );
    expect(csv.startsWith(BOM)).toBe(true);
    const [header, record] = parseCsv(csv.slice(1));
    expect(header?.[1]).toBe("الإجراء");
    expect(header?.[7]).toBe("الموعد");
    expect(record?.[1]).toBe(title);
    expect(record?.[2]).toBe("لا يصل رمز التحقق");
    expect(record?.[4]).toBe("قيد التنفيذ");
    expect(record?.[6]).toBe("ريم الحربي");
    // The newline inside the title is inside quotes, so the file has exactly two records.
    expect(parseCsv(csv.slice(1))).toHaveLength(2);
  });

  it("neutralises formulas in people's text but not in dates", () => {
    const record = actionRecord(
      row("=cmd|' /C calc'!A0", { owner: "@admin", problemTitle: "+Refund", dueOn: "2026-01-02" }),
      labelsFrom(en),
    );
    expect(record[1]).toBe("'=cmd|' /C calc'!A0");
    expect(record[2]).toBe("'+Refund");
    expect(record[6]).toBe("'@admin");
    expect(record[7]).toBe("2026-01-02");
  });

  it("writes only the header for no rows", () => {
    expect(actionsCsv([], labelsFrom(en))).toBe(
      `${BOM}ID,Action,Problem,Kind,Status,Priority,Owner,Due date,Check due date,Check result,Done date,Recurred date,Created at\r\n`,
    );
  });
});
