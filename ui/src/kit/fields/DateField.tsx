import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage, directionOf } from "../../i18n";
import { firstDayOfWeek, formatDay, isDay, useDayFormat, useIntlLocale } from "../../i18n/format";
import { placeMenu } from "../menu/usePopupMenu";
import { addDays, addMonths, monthWeeks, parseDay, startOfWeek } from "./dates";
import type { ControlProps } from "./Field";
import { localToday } from "./rules";

export interface DateFieldProps extends ControlProps {
  /** `YYYY-MM-DD`, "" when empty, or the text typed when it names no day (the form then says so). */
  value: string;
  /** A day as `YYYY-MM-DD` as soon as the text names one; on leaving the field, "" or the text as typed. */
  onChange: (value: string) => void;
  /** Enter, leaving the field, or a day picked in the calendar, with the value then. */
  onCommit?: (value: string) => void;
  /** Escape: drop what was typed. */
  onCancel?: () => void;
  /** The earliest and latest days the calendar offers (`YYYY-MM-DD`). */
  min?: string;
  max?: string;
  testId: string;
  className?: string;
}

/** What a day of the calendar may be: outside `min`/`max` it is shown but cannot be picked. */
function allowed(day: string, min?: string, max?: string): boolean {
  return (min === undefined || day >= min) && (max === undefined || day <= max);
}

function clamp(day: string, min?: string, max?: string): string {
  if (min !== undefined && day < min) return min;
  if (max !== undefined && day > max) return max;
  return day;
}

/**
 * The one date field of the app. It shows the day as every other screen
 * writes it in the user's language and digits (year first in Arabic), takes
 * a day typed in that order (or `YYYY-MM-DD`, in either digits), and opens a
 * month calendar whose weeks start on the user's chosen day, worked with
 * the keyboard (arrows, Page Up/Down for months, Home/End, Enter, Escape)
 * or the pointer. Alt+Down opens the calendar from the text.
 */
export function DateField({
  value,
  onChange,
  onCommit,
  onCancel,
  min,
  max,
  testId,
  className,
  ...control
}: DateFieldProps) {
  const { t } = useTranslation();
  const locale = useIntlLocale();
  const dayFormat = useDayFormat();
  const shown = isDay(value) ? formatDay(dayFormat, value) : value;
  const [draft, setDraft] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  const finish = (text: string): string => {
    if (text.trim() === "") return "";
    return parseDay(text, locale) ?? text;
  };

  const leave = () => {
    if (draft === null) {
      onCommit?.(value);
      return;
    }
    const final = finish(draft);
    setDraft(null);
    if (final !== value) onChange(final);
    onCommit?.(final);
  };

  const pick = (day: string) => {
    setDraft(null);
    setOpen(false);
    onChange(day);
    onCommit?.(day);
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && event.altKey) {
      event.preventDefault();
      setOpen(true);
    } else if (event.key === "Escape") {
      if (draft === null && onCancel === undefined) return;
      event.preventDefault();
      setDraft(null);
      onCancel?.();
    } else if (event.key === "Enter") {
      event.preventDefault();
      leave();
    }
  };

  return (
    <div ref={box} className={className === undefined ? "date-field" : `date-field ${className}`}>
      <input
        {...control}
        ref={input}
        type="text"
        className="text-input date-field-text"
        autoComplete="off"
        spellCheck={false}
        value={draft ?? shown}
        data-testid={testId}
        data-day={isDay(value) ? value : ""}
        onKeyDown={onKeyDown}
        onBlur={leave}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          const day = parseDay(text, locale);
          if (day !== null && day !== value) onChange(day);
          else if (text.trim() === "" && value !== "") onChange("");
        }}
      />
      <button
        type="button"
        className="date-field-button"
        aria-label={t("dateField.open")}
        aria-haspopup="dialog"
        aria-expanded={open}
        data-testid={`${testId}-calendar`}
        onClick={() => {
          setOpen((was) => !was);
        }}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <rect
            x="2"
            y="3"
            width="12"
            height="11"
            rx="1.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
          />
          <path d="M2 6.5h12M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.4" fill="none" />
        </svg>
      </button>
      {open && (
        <Calendar
          anchor={box}
          value={isDay(value) ? value : null}
          min={min}
          max={max}
          testId={`${testId}-calendar-panel`}
          onPick={pick}
          onClose={() => {
            setOpen(false);
            input.current?.focus();
          }}
        />
      )}
    </div>
  );
}

interface CalendarProps {
  anchor: React.RefObject<HTMLDivElement | null>;
  value: string | null;
  min?: string;
  max?: string;
  testId: string;
  onPick: (day: string) => void;
  onClose: () => void;
}

/** The month grid under a date field: one focusable day at a time, as a grid should be. */
function Calendar({ anchor, value, min, max, testId, onPick, onClose }: CalendarProps) {
  const { t } = useTranslation();
  const locale = useIntlLocale();
  const language = currentLanguage();
  const rtl = directionOf(language) === "rtl";
  const firstDay = firstDayOfWeek(language);
  const [focused, setFocused] = useState(() => clamp(value ?? localToday(), min, max));
  const [place, setPlace] = useState<CSSProperties>({ position: "fixed", visibility: "hidden" });
  const panel = useRef<HTMLDivElement>(null);
  const today = localToday();

  const year = Number(focused.slice(0, 4));
  const month = Number(focused.slice(5, 7));
  const weeks = monthWeeks(year, month, firstDay);
  const monthTitle = new Intl.DateTimeFormat(locale, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, 1)));
  const dayNumber = new Intl.NumberFormat(locale, { useGrouping: false });
  // Arabic's short weekday names are the whole names: its calendars use the
  // one-letter forms (the full name stays the column's abbr for screen readers).
  const weekdayShort = new Intl.DateTimeFormat(locale, {
    weekday: language === "ar" ? "narrow" : "short",
    timeZone: "UTC",
  });
  const weekdayLong = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  const dayLabel = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" });
  const header = (weeks[0] ?? []).map((day) => new Date(`${day}T00:00:00Z`));

  useLayoutEffect(() => {
    if (anchor.current === null) return;
    setPlace(placeMenu(anchor.current, panel.current?.offsetHeight ?? 0));
  }, [anchor]);

  // Focus follows the focused day, within the grid.
  useEffect(() => {
    panel.current?.querySelector<HTMLButtonElement>(`[data-day="${focused}"]`)?.focus();
  }, [focused]);

  // A click elsewhere, or the page scrolling under it, closes the calendar.
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !anchor.current?.contains(target)) onClose();
    };
    const onScroll = (event: Event) => {
      if (!panel.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    window.addEventListener("scroll", onScroll, true);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown, true);
      window.removeEventListener("scroll", onScroll, true);
    };
  }, [anchor, onClose]);

  const move = (next: string) => {
    setFocused(clamp(next, min, max));
  };

  const onGridKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const forward = rtl ? -1 : 1;
    const moves: Record<string, () => string> = {
      ArrowRight: () => addDays(focused, forward),
      ArrowLeft: () => addDays(focused, -forward),
      ArrowDown: () => addDays(focused, 7),
      ArrowUp: () => addDays(focused, -7),
      PageDown: () => addMonths(focused, event.shiftKey ? 12 : 1),
      PageUp: () => addMonths(focused, event.shiftKey ? -12 : -1),
      Home: () => startOfWeek(focused, firstDay),
      End: () => addDays(startOfWeek(focused, firstDay), 6),
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      move(to());
    }
  };

  return (
    <div
      ref={panel}
      role="dialog"
      aria-modal="false"
      aria-label={t("dateField.dialog", { month: monthTitle })}
      className="calendar"
      style={place}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="calendar-head">
        <button
          type="button"
          className="calendar-step"
          aria-label={t("dateField.previousMonth")}
          data-testid={`${testId}-previous`}
          onClick={() => {
            move(addMonths(focused, -1));
          }}
        >
          <span aria-hidden="true">{rtl ? "›" : "‹"}</span>
        </button>
        <h2 className="calendar-title" aria-live="polite" data-testid={`${testId}-month`}>
          {monthTitle}
        </h2>
        <button
          type="button"
          className="calendar-step"
          aria-label={t("dateField.nextMonth")}
          data-testid={`${testId}-next`}
          onClick={() => {
            move(addMonths(focused, 1));
          }}
        >
          <span aria-hidden="true">{rtl ? "‹" : "›"}</span>
        </button>
      </div>
      <table role="grid" className="calendar-grid" onKeyDown={onGridKeyDown}>
        <thead>
          <tr>
            {header.map((date) => (
              <th
                key={date.toISOString()}
                scope="col"
                abbr={weekdayLong.format(date)}
                data-testid="calendar-weekday"
              >
                {weekdayShort.format(date)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const inMonth = Number(day.slice(5, 7)) === month;
                const ok = allowed(day, min, max);
                const classes = [
                  "calendar-day",
                  inMonth ? null : "calendar-day--outside",
                  day === value ? "calendar-day--selected" : null,
                  day === today ? "calendar-day--today" : null,
                ]
                  .filter(Boolean)
                  .join(" ");
                return (
                  <td key={day} role="gridcell" aria-selected={day === value}>
                    <button
                      type="button"
                      className={classes}
                      tabIndex={day === focused ? 0 : -1}
                      aria-disabled={!ok}
                      aria-label={dayLabel.format(new Date(`${day}T00:00:00Z`))}
                      aria-current={day === today ? "date" : undefined}
                      data-day={day}
                      data-testid="calendar-day"
                      onClick={() => {
                        if (ok) onPick(day);
                      }}
                      onKeyDown={(event) => {
                        if ((event.key === "Enter" || event.key === " ") && ok) {
                          event.preventDefault();
                          onPick(day);
                        }
                      }}
                    >
                      {dayNumber.format(Number(day.slice(8, 10)))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="calendar-foot">
        <button
          type="button"
          className="button"
          disabled={!allowed(today, min, max)}
          data-testid={`${testId}-today`}
          onClick={() => {
            onPick(today);
          }}
        >
          {t("dateField.today")}
        </button>
      </div>
    </div>
  );
}
