import { describe, expect, it } from "vitest";
import i18n, { ar, en } from ".";

const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

/** Every leaf of a nested resource object, as "a.b.c" => value. */
function leaves(node: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix === "" ? key : `${prefix}.${key}`;
      if (typeof value === "object" && value !== null) {
        for (const [k, v] of leaves(value, path)) out.set(k, v);
      } else {
        out.set(path, value);
      }
    }
  }
  return out;
}

interface Shape {
  plain: Set<string>;
  plural: Map<string, Set<string>>;
}

function shape(resource: unknown): Shape {
  const plain = new Set<string>();
  const plural = new Map<string, Set<string>>();
  for (const key of leaves(resource).keys()) {
    const match = PLURAL.exec(key);
    if (match?.[1] !== undefined && match[2] !== undefined) {
      const forms = plural.get(match[1]) ?? new Set<string>();
      forms.add(match[2]);
      plural.set(match[1], forms);
    } else {
      plain.add(key);
    }
  }
  return { plain, plural };
}

function pluralCategories(language: string): Set<string> {
  return new Set(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? "").sort();
}

const sorted = (set: Iterable<string>) => [...set].sort();

describe("translations", () => {
  const english = shape(en);
  const arabic = shape(ar);

  it("has the same plain keys in English and Arabic", () => {
    expect(sorted(arabic.plain)).toEqual(sorted(english.plain));
  });

  it("has the same plural keys in both languages", () => {
    expect(sorted(arabic.plural.keys())).toEqual(sorted(english.plural.keys()));
    expect(english.plural.size).toBeGreaterThan(0);
  });

  it.each([
    ["en", en],
    ["ar", ar],
  ] as const)("gives every plural key exactly the forms %s needs", (language, resource) => {
    const needed = sorted(pluralCategories(language));
    for (const [base, forms] of shape(resource).plural) {
      expect({ base, forms: sorted(forms) }).toEqual({ base, forms: needed });
    }
  });

  it("uses Arabic's six plural forms", () => {
    expect(sorted(pluralCategories("ar"))).toEqual(sorted(["zero", "one", "two", "few", "many", "other"]));
  });

  it("has no empty or non-string translations", () => {
    for (const resource of [en, ar]) {
      for (const [key, value] of leaves(resource)) {
        expect({ key, ok: typeof value === "string" && value.trim() !== "" }).toEqual({ key, ok: true });
      }
    }
  });

  it("uses the same interpolation variables in both languages", () => {
    const arabicLeaves = leaves(ar);
    for (const [key, value] of leaves(en)) {
      if (PLURAL.test(key)) continue; // a plural form may spell its number out
      expect({ key, vars: variables(String(arabicLeaves.get(key))) }).toEqual({
        key,
        vars: variables(String(value)),
      });
    }
  });

  it("picks the right Arabic plural form for each count", () => {
    const t = i18n.getFixedT("ar");
    expect(t("problems.count", { count: 0 })).toBe("لا توجد مشكلات");
    expect(t("problems.count", { count: 1 })).toBe("مشكلة واحدة");
    expect(t("problems.count", { count: 2 })).toBe("مشكلتان");
    expect(t("problems.count", { count: 3 })).toBe("3 مشكلات");
    expect(t("problems.count", { count: 11 })).toBe("11 مشكلة");
    expect(t("problems.count", { count: 100 })).toBe("100 مشكلة");
    const english = i18n.getFixedT("en");
    expect(english("problems.count", { count: 1 })).toBe("1 problem");
    expect(english("problems.count", { count: 3 })).toBe("3 problems");
  });
});
