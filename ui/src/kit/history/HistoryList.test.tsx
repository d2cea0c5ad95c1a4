import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "../../bindings/HistoryEntry";
import { HISTORY_FIELDS } from "../../bindings/rules";
import i18n, { ar, en } from "../../i18n";
import { AppError } from "../../api/errors";
import { HistoryList, type HistoryEntity } from "./HistoryList";

const ENTITIES = Object.keys(HISTORY_FIELDS) as HistoryEntity[];

function label(resource: typeof en | typeof ar, entity: string, field: string): unknown {
  const perEntity: unknown = (resource.history.field as Record<string, unknown>)[entity];
  return typeof perEntity === "object" && perEntity !== null
    ? (perEntity as Record<string, unknown>)[field]
    : undefined;
}

describe("history field labels", () => {
  it("cover every field the core can record, per entity, in English", () => {
    const missing = ENTITIES.flatMap((entity) =>
      HISTORY_FIELDS[entity]
        .filter((field) => {
          const text = label(en, entity, field);
          return typeof text !== "string" || text.trim() === "" || text === field;
        })
        .map((field) => `${entity}.${field}`),
    );
    expect(missing).toEqual([]);
  });

  it("cover every field the core can record, per entity, in Arabic", () => {
    const missing = ENTITIES.flatMap((entity) =>
      HISTORY_FIELDS[entity]
        .filter((field) => {
          const text = label(ar, entity, field);
          return typeof text !== "string" || !/[\u0600-\u06FF]/.test(text);
        })
        .map((field) => `${entity}.${field}`),
    );
    expect(missing).toEqual([]);
  });
});

const entry = (seq: number, fields: Partial<HistoryEntry>): HistoryEntry => ({
  seq,
  entity: "problem",
  entityId: "p1",
  op: "update",
  field: null,
  oldValue: null,
  newValue: null,
  author: "Rana",
  at: "2025-03-02T10:00:00Z",
  ...fields,
});

function renderList(entries: HistoryEntry[]) {
  return render(<HistoryList entries={entries} rowTestId="row" />);
}

describe("HistoryList", () => {
  it("names a linked persona with its label, never the raw key, in both languages", async () => {
    const entries = [
      entry(1, { field: "personas", newValue: "Nadia, the shop owner" }),
      entry(2, { entity: "persona", field: "painPoints", oldValue: "Slow", newValue: "Slow refunds" }),
      entry(3, { entity: "empathy_map", field: "participants", newValue: '["Mona","منى"]' }),
    ];
    const { unmount } = renderList(entries);
    const fields = () => screen.getAllByTestId("history-field").map((el) => el.textContent);
    expect(fields()).toEqual(["Participants", "Pain points", "Linked personas"]);
    const rows = screen.getAllByTestId("row");
    expect(rows[0]).toHaveTextContent("Mona, منى");
    expect(within(rows[2] as HTMLElement).getByText("Nadia, the shop owner").tagName).toBe("BDI");
    unmount();

    await i18n.changeLanguage("ar");
    try {
      renderList(entries);
      expect(fields()).toEqual(["المشاركون", "نقاط الألم", "الشخصيات المرتبطة"]);
      expect(screen.getAllByTestId("row")[0]).toHaveTextContent("Mona، منى");
    } finally {
      await i18n.changeLanguage("en");
    }
  });

  it("says why the history could not be loaded, and when there is none", () => {
    const failure = new AppError({ code: "io", message: "disk", details: {} });
    render(<HistoryList entries={[]} loadError={failure} rowTestId="row" />);
    expect(screen.getByRole("alert")).toHaveTextContent(
      "The history could not be loaded: The file could not be read or written.",
    );
    expect(screen.getByText("No changes recorded yet.")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "History" })).toBeInTheDocument();
  });

  it("says whole-record events in the shared words unless the feature has its own", () => {
    render(
      <HistoryList
        entries={[entry(1, { op: "create" }), entry(2, { op: "delete", field: "deleted_at" })]}
        rowTestId="row"
        events={{ create: "Logged the problem" }}
      />,
    );
    expect(screen.getAllByTestId("row").map((row) => row.textContent)).toEqual([
      expect.stringContaining("Moved to the trash"),
      expect.stringContaining("Logged the problem"),
    ]);
  });
});
