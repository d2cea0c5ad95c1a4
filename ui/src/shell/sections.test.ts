import { describe, expect, it } from "vitest";
import { ar, en } from "../i18n";
import { SECTIONS } from "./sections";

/** Every leaf text of a resource. */
function texts(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (typeof node === "object" && node !== null) return Object.values(node).flatMap(texts);
  return [];
}

describe("the 'not built yet' texts", () => {
  const unbuilt = SECTIONS.filter((section) => !section.built).map((section) => section.key);

  it.each([
    ["en", en],
    ["ar", ar],
  ] as const)("describe only sections that are still unbuilt (%s)", (_language, resource) => {
    const described = Object.keys(resource.placeholder).filter(
      (key) => key !== "badge" && key !== "notBuilt",
    );
    expect(described.sort()).toEqual([...unbuilt].sort());
  });

  it("are not promised anywhere else", () => {
    const stale = texts(en).filter((text) =>
      /once (?:those|these|this) sections? (?:is|are) built|not built yet/i.test(text),
    );
    expect(stale).toEqual([en.placeholder.notBuilt]);
  });
});
