import { describe, expect, it } from "vitest";
import { addMonths, dayOrder, monthWeeks, parseDay, startOfWeek, westernDigits } from "./dates";

describe("calendar days", () => {
  it("reads ISO days and the language's own numeric order, in either digits", () => {
    expect(parseDay("2026-12-06", "en")).toBe("2026-12-06");
    expect(parseDay("12/6/2026", "en")).toBe("2026-12-06");
    // Year first is always year, month, day, whatever the language.
    expect(parseDay("2026/12/06", "en")).toBe("2026-12-06");
    expect(parseDay("٢٠٢٦/١٢/٠٦", "ar-u-nu-arab")).toBe("2026-12-06");
    expect(westernDigits("۲۰۲۶")).toBe("2026");
    // Arabic writes the day before the month when the year is last.
    const order = dayOrder("ar-u-nu-latn");
    const parts = { day: "06", month: "12", year: "2026" };
    expect(parseDay(order.map((p) => parts[p]).join("/"), "ar-u-nu-latn")).toBe("2026-12-06");
  });

  it("reads back the day as the field shows it, with its month's name and direction marks", () => {
    const show = (locale: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
        new Date(Date.UTC(2026, 11, 6)),
      );
    expect(parseDay(show("en"), "en")).toBe("2026-12-06");
    expect(parseDay(show("ar-u-nu-latn"), "ar-u-nu-latn")).toBe("2026-12-06");
    expect(parseDay(show("ar-u-nu-arab"), "ar-u-nu-arab")).toBe("2026-12-06");
    expect(parseDay("6 ديسمبر 2026", "ar-u-nu-latn")).toBe("2026-12-06");
  });

  it("refuses what names no day", () => {
    expect(parseDay("", "en")).toBeNull();
    expect(parseDay("2026-02-30", "en")).toBeNull();
    expect(parseDay("yesterday", "en")).toBeNull();
    expect(parseDay("12/2026", "en")).toBeNull();
  });

  it("lays a month out in weeks from the chosen first day", () => {
    // December 2026 starts on a Tuesday.
    const monday = monthWeeks(2026, 12, 1);
    expect(monday[0]?.[0]).toBe("2026-11-30");
    expect(monday.at(-1)?.at(-1)).toBe("2027-01-03");
    const saturday = monthWeeks(2026, 12, 6);
    expect(saturday[0]?.[0]).toBe("2026-11-28");
    expect(saturday.every((week) => week.length === 7)).toBe(true);
    expect(monthWeeks(2026, 12, 0)[0]?.[0]).toBe("2026-11-29");
    expect(startOfWeek("2026-12-06", 6)).toBe("2026-12-05");
  });

  it("moves by months onto the month's last day when the day is missing", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-03-15", -12)).toBe("2025-03-15");
  });
});
