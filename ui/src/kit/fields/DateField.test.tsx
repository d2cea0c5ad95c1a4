import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import { setNumerals, setWeekStart } from "../../i18n/format";
import { DateField } from "./DateField";

afterEach(() => {
  act(() => {
    setNumerals("latin");
    setWeekStart("auto");
  });
});

function Harness({
  initial = "2026-12-06",
  min,
  max,
  onCommit,
}: {
  initial?: string;
  min?: string;
  max?: string;
  onCommit?: (value: string) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField
        id="day"
        aria-invalid={false}
        aria-describedby={undefined}
        value={value}
        onChange={setValue}
        onCommit={onCommit}
        min={min}
        max={max}
        testId="day"
      />
      <output data-testid="value">{value}</output>
    </>
  );
}

const field = () => screen.getByTestId<HTMLInputElement>("day");
const value = () => screen.getByTestId("value").textContent;

async function openCalendar() {
  await userEvent.click(screen.getByTestId("day-calendar"));
  return screen.getByTestId("day-calendar-panel");
}

const weekdays = (panel: HTMLElement) =>
  within(panel)
    .getAllByTestId("calendar-weekday")
    .map((th) => th.getAttribute("abbr"));

describe("DateField", () => {
  it("shows the day as the other screens write it and takes a day typed in the language's order", async () => {
    render(<Harness />);
    expect(field().value).toBe("Dec 6, 2026");
    await userEvent.clear(field());
    await userEvent.type(field(), "11/30/2026");
    expect(value()).toBe("2026-11-30");
    await userEvent.tab();
    expect(field().value).toBe("Nov 30, 2026");
  });

  it("keeps text that names no day, so the form can say so, and empties to nothing", async () => {
    render(<Harness />);
    await userEvent.clear(field());
    expect(value()).toBe("");
    await userEvent.type(field(), "31/31/2026");
    await userEvent.tab();
    expect(value()).toBe("31/31/2026");
    expect(field().value).toBe("31/31/2026");
  });

  it("starts weeks on Monday in English and Saturday in Arabic, or as the user chose", async () => {
    render(<Harness />);
    expect(weekdays(await openCalendar())[0]).toBe("Monday");
    await userEvent.keyboard("{Escape}");
    act(() => {
      setWeekStart("sunday");
    });
    expect(weekdays(await openCalendar())[0]).toBe("Sunday");
    await userEvent.keyboard("{Escape}");
    act(() => {
      setWeekStart("auto");
    });
    await act(() => i18n.changeLanguage("ar"));
    expect(weekdays(await openCalendar())[0]).toBe("السبت");
  });

  it("writes Arabic with the digits the user chose, in the field and the calendar", async () => {
    await act(() => i18n.changeLanguage("ar"));
    render(<Harness />);
    expect(field().value).toMatch(/2026/);
    act(() => {
      setNumerals("arabic");
    });
    expect(field().value).toMatch(/٢٠٢٦/);
    expect(field().value).not.toMatch(/[0-9]/);
    const panel = await openCalendar();
    const chosen = within(panel)
      .getAllByTestId("calendar-day")
      .find((day) => day.getAttribute("data-day") === "2026-12-06");
    expect(chosen?.textContent).toBe("٦");
    // Typed in Arabic-Indic digits, year first.
    await userEvent.keyboard("{Escape}");
    await userEvent.clear(field());
    await userEvent.type(field(), "٢٠٢٦/١١/٢٩");
    expect(value()).toBe("2026-11-29");
  });

  it("is worked from the keyboard: arrows by day and week, Page Down by month, Enter picks", async () => {
    const onCommit = vi.fn();
    render(<Harness onCommit={onCommit} />);
    const panel = await openCalendar();
    expect(document.activeElement?.getAttribute("data-day")).toBe("2026-12-06");
    await userEvent.keyboard("{ArrowRight}{ArrowDown}");
    expect(document.activeElement?.getAttribute("data-day")).toBe("2026-12-14");
    await userEvent.keyboard("{PageDown}");
    expect(within(panel).getByTestId("day-calendar-panel-month").textContent).toBe("January 2027");
    await userEvent.keyboard("{Home}{Enter}");
    expect(value()).toBe("2027-01-11");
    expect(onCommit).toHaveBeenLastCalledWith("2027-01-11");
    expect(screen.queryByTestId("day-calendar-panel")).toBeNull();
    expect(document.activeElement).toBe(field());
  });

  it("mirrors the arrows right to left", async () => {
    await act(() => i18n.changeLanguage("ar"));
    render(<Harness />);
    await openCalendar();
    await userEvent.keyboard("{ArrowLeft}");
    expect(document.activeElement?.getAttribute("data-day")).toBe("2026-12-07");
  });

  it("offers no day outside its range", async () => {
    render(<Harness min="2026-12-03" max="2026-12-08" />);
    const panel = await openCalendar();
    const day = (d: string) =>
      within(panel)
        .getAllByTestId("calendar-day")
        .find((b) => b.getAttribute("data-day") === d);
    expect(day("2026-12-09")).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(day("2026-12-09") as HTMLElement);
    expect(value()).toBe("2026-12-06");
    // Keys stop at the last day allowed.
    await userEvent.keyboard("{ArrowDown}");
    expect(document.activeElement?.getAttribute("data-day")).toBe("2026-12-08");
    await userEvent.click(day("2026-12-04") as HTMLElement);
    expect(value()).toBe("2026-12-04");
  });
});
