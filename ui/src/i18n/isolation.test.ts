import { describe, expect, it } from "vitest";
import i18n, { ar, en, USER_TEXT_VARIABLES } from ".";

const FSI = "\u2068";
const PDI = "\u2069";

/** Every leaf of a resource as [key, text]. */
function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  if (typeof node !== "object" || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    leaves(value, prefix === "" ? key : `${prefix}.${key}`),
  );
}

describe("user text inside a translated sentence", () => {
  it("is isolated from the label around it, in both languages", async () => {
    const title = "Why: العميل لم يستلم رسالة التأكيد";
    expect(i18n.t("analyses.list.problem", { title })).toBe(`Problem: ${FSI}${title}${PDI}`);
    expect(i18n.t("actionBoard.moved", { title: "Add retry guard", status: "Done" })).toBe(
      `Moved “${FSI}Add retry guard${PDI}” to Done.`,
    );
    await i18n.changeLanguage("ar");
    try {
      expect(i18n.t("analyses.list.problem", { title })).toBe(`المشكلة: ${FSI}${title}${PDI}`);
    } finally {
      await i18n.changeLanguage("en");
    }
  });

  it("is isolated once, even when the caller already isolated it", () => {
    expect(i18n.t("analyses.list.problem", { title: `${FSI}Refunds${PDI}` })).toBe(
      `Problem: ${FSI}Refunds${PDI}`,
    );
  });

  it("leaves numbers, dates and translated words alone", () => {
    expect(i18n.t("analyses.list.nodes", { count: 3 })).toBe("3 causes");
    expect(i18n.t("analyses.list.heldOn", { date: "Mar 2, 2025" })).toBe("Held Mar 2, 2025");
  });

  it("stays as typed where the sentence becomes stored text (a prefilled title)", () => {
    expect(i18n.t("problemDetail.analyses.titlePrefill", { title: "Refunds" })).toBe("Why: Refunds");
    expect(i18n.t("personas.maps.defaultTitle", { name: "Nadia" })).not.toContain(FSI);
  });

  it("is marked raw in Arabic exactly where it is in English", () => {
    const raw = (text: string) =>
      [...text.matchAll(/\{\{\s*(\w+)\s*,\s*raw\s*\}\}/g)].map((m) => m[1]).sort();
    const arabic = new Map(leaves(ar));
    const mismatched = leaves(en)
      .filter(([key, text]) => JSON.stringify(raw(text)) !== JSON.stringify(raw(arabic.get(key) ?? "")))
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
    expect(USER_TEXT_VARIABLES.has("title")).toBe(true);
    expect(USER_TEXT_VARIABLES.has("count")).toBe(false);
  });
});
