import { describe, expect, it } from "vitest";
import { en } from "../i18n";
import { SECTIONS } from "./sections";

/** Every leaf text of a resource. */
function texts(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (typeof node === "object" && node !== null) return Object.values(node).flatMap(texts);
  return [];
}

describe("the sections", () => {
  it("each have a name in the sidebar", () => {
    for (const section of SECTIONS) expect(en.nav[section.key]).toBeTruthy();
  });

  it("are all built: nothing is promised for later", () => {
    const stale = texts(en).filter((text) =>
      /once (?:those|these|this) sections? (?:is|are) built|not built yet|coming in a later version/i.test(
        text,
      ),
    );
    expect(stale).toEqual([]);
  });
});
