import { describe, expect, it } from "vitest";
import { AppError } from "../../api/errors";
import i18n from "../../i18n";
import { fieldIssuesFromError, fieldMessagesFromError } from "./messages";
import {
  allowedMoves,
  checkPastDay,
  checkReferences,
  checkTags,
  checkText,
  localToday,
  normaliseTags,
  parseWholeNumber,
} from "./rules";

describe("problem field rules (mirroring the core)", () => {
  it("allows forward moves, going back to investigating or actions, and only reopening a closed problem", () => {
    expect(allowedMoves("new")).toEqual([
      "investigating",
      "root_cause_found",
      "actions_in_progress",
      "monitoring",
      "closed",
    ]);
    expect(allowedMoves("actions_in_progress")).toEqual(["investigating", "monitoring", "closed"]);
    expect(allowedMoves("monitoring")).toEqual(["investigating", "actions_in_progress", "closed"]);
    expect(allowedMoves("closed")).toEqual(["investigating"]);
  });

  it("counts characters as the core does and trims first", () => {
    expect(checkText("title", "   ", 300, true)).toEqual({ field: "title", rule: "required", limit: null });
    expect(checkText("title", ` ${"م".repeat(300)} `, 300, true)).toBeNull();
    // Astral characters (emoji) are one character each, not two UTF-16 units.
    expect(checkText("owner", "😀".repeat(200), 200)).toBeNull();
    expect(checkText("owner", "😀".repeat(201), 200)).toEqual({
      field: "owner",
      rule: "too_long",
      limit: 200,
    });
  });

  it("reads scores and counts, Arabic-Indic digits included", () => {
    expect(parseWholeNumber("nps", "")).toEqual({ ok: true, value: null });
    expect(parseWholeNumber("nps", "0")).toEqual({ ok: true, value: 0 });
    expect(parseWholeNumber("nps", "١٠")).toEqual({ ok: true, value: 10 });
    expect(parseWholeNumber("nps", "11")).toEqual({
      ok: false,
      issue: { field: "nps", rule: "out_of_range", limit: 10 },
    });
    expect(parseWholeNumber("csat", "0")).toMatchObject({ ok: false });
    expect(parseWholeNumber("ces", "3.5")).toEqual({
      ok: false,
      issue: { field: "ces", rule: "invalid", limit: null },
    });
    expect(parseWholeNumber("customersAffected", "1,000,000,000")).toEqual({
      ok: true,
      value: 1_000_000_000,
    });
    expect(parseWholeNumber("customersAffected", "1000000001")).toMatchObject({ ok: false });
  });

  it("refuses future and pre-1970 days", () => {
    const today = localToday(new Date(2025, 2, 10));
    expect(today).toBe("2025-03-10");
    expect(checkPastDay("reportedOn", "2025-03-10", today)).toBeNull();
    expect(checkPastDay("reportedOn", "2025-03-11", today)?.rule).toBe("in_future");
    expect(checkPastDay("reportedOn", "1969-12-31", today)?.rule).toBe("out_of_range");
    expect(checkPastDay("reportedOn", "2025-02-30", today)?.rule).toBe("invalid");
  });

  it("drops empty and case-insensitive duplicate tags, and limits tags and references", () => {
    expect(normaliseTags([" Billing ", "billing", "", "فواتير"])).toEqual(["Billing", "فواتير"]);
    expect(checkTags(Array.from({ length: 31 }, (_, i) => `t${i}`))?.rule).toBe("too_many");
    expect(checkTags(Array.from({ length: 31 }, () => "same"))).toBeNull();
    expect(checkTags(["x".repeat(51)])).toEqual({ field: "tags", rule: "too_long", limit: 50 });
    expect(checkReferences(["r".repeat(10_000)])).toEqual({
      field: "references",
      rule: "too_long",
      limit: 500,
    });
    expect(checkReferences(Array.from({ length: 51 }, (_, i) => `ZD-${i}`))?.rule).toBe("too_many");
  });

  it("maps every broken rule of a rejected create to a translated message per field", () => {
    const error = new AppError({
      code: "invalid_input",
      message: "invalid",
      details: {
        field: "title",
        rule: "required",
        fields: [
          { field: "title", rule: "required", limit: null },
          { field: "nps", rule: "out_of_range", limit: 10 },
          { field: "reportedOn", rule: "in_future", limit: null },
          { field: "references", rule: "too_long", limit: 500 },
          { field: "customersAffected", rule: "out_of_range", limit: 1_000_000_000 },
        ],
      },
    });
    const t = i18n.getFixedT("en");
    expect(fieldMessagesFromError(t, error)).toEqual({
      title: "This field is required",
      nps: "Enter a number from 0 to 10",
      reportedOn: "The date can't be in the future",
      references: "At most 500 characters",
      customersAffected: "Enter a number from 0 to 1,000,000,000",
    });
    // An edit names its one field without a list.
    const edit = new AppError({
      code: "invalid_input",
      message: "invalid",
      details: { field: "ces", rule: "out_of_range", limit: 7 },
    });
    expect([...fieldIssuesFromError(edit).keys()]).toEqual(["ces"]);
    // Errors about no field have no per-field messages.
    expect(fieldIssuesFromError(new AppError({ code: "io", message: "disk", details: {} })).size).toBe(0);
  });
});
