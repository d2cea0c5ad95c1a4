import { screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { localToday } from "../../../api/actions";
import { installMockBackend, makeProblem } from "../../../test/mock-backend";
import { makeAction } from "../../../test/mock-actions";
import type { Settings } from "../../../bindings/Settings";
import i18n from "../../../i18n";
import { renderApp } from "../../../test/render";
import { reminderMessage } from "./reminderMessage";
import { REMINDER_INTERVAL_MS, resetReminderClock } from "./useReminders";

const problem = makeProblem("Checkout fails on retry");
const MINUTE = 60 * 1000;

/** `overdue` overdue actions and `checks` effectiveness checks due today. */
function backendWith(overdue: number, checks: number, settings: Partial<Settings> = {}) {
  const today = localToday();
  const actions = [
    ...Array.from({ length: overdue }, (_, i) =>
      makeAction(problem.id, `Late ${String(i)}`, { dueOn: "2020-01-01" }),
    ),
    ...Array.from({ length: checks }, (_, i) =>
      makeAction(problem.id, `Check ${String(i)}`, { status: "done", doneOn: today, checkDueOn: today }),
    ),
  ];
  return installMockBackend({ problems: [problem], actions: { actions }, settings });
}

beforeEach(() => {
  resetReminderClock();
  // Timers the hook uses (the minute tick) and the clock; React Query and
  // Testing Library keep their real setTimeout.
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("Reminders", () => {
  it("sends one summary when the app starts, and not again on a remount within the hour", async () => {
    const backend = backendWith(3, 2);
    const { unmount } = renderApp("/problems");
    await vi.waitFor(() => {
      expect(backend.state.actions.notifications).toHaveLength(1);
    });
    expect(backend.state.actions.notifications[0]).toEqual({
      title: "Rootwise: actions need attention",
      body: "3 actions are overdue · 2 effectiveness checks are due",
    });
    expect(backend.callsTo("reminder_check")).toHaveLength(1);

    unmount();
    renderApp("/problems");
    await screen.findByTestId("nav-problems");
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(backend.callsTo("reminder_check")).toHaveLength(1);
    expect(backend.state.actions.notifications).toHaveLength(1);
  });

  it("reminds of journey maps due for review, alone or with the actions", async () => {
    const backend = installMockBackend({ journeys: { reviewsDue: 2 } });
    renderApp("/problems");
    await vi.waitFor(() => {
      expect(backend.state.actions.notifications).toHaveLength(1);
    });
    expect(backend.state.actions.notifications[0]).toEqual({
      title: "Rootwise: journey maps to review",
      body: "2 journey maps are due for review",
    });
    expect(backend.callsTo("journey_reviews_due")[0]?.today).toBe(localToday());
    const both = reminderMessage(i18n.getFixedT("ar"), "ar", { overdue: 1, checksDue: 0 }, 3);
    expect(both).toEqual({
      title: "Rootwise: إجراءات تحتاج إلى انتباهك",
      body: "إجراء واحد متأخر · 3 خرائط رحلات حان موعد مراجعتها",
    });
  });

  it("says nothing when nothing is overdue or due", async () => {
    const backend = backendWith(0, 0);
    renderApp("/problems");
    await vi.waitFor(() => {
      expect(backend.callsTo("reminder_check")).toHaveLength(1);
    });
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(backend.callsTo("notify")).toEqual([]);
  });

  it("looks again every hour while the app runs", async () => {
    const backend = backendWith(1, 0);
    renderApp("/problems");
    await vi.waitFor(() => {
      expect(backend.state.actions.notifications).toHaveLength(1);
    });
    expect(backend.state.actions.notifications[0]?.body).toBe("1 action is overdue");

    await vi.advanceTimersByTimeAsync(REMINDER_INTERVAL_MS - 2 * MINUTE);
    expect(backend.callsTo("reminder_check")).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    await vi.waitFor(() => {
      expect(backend.state.actions.notifications).toHaveLength(2);
    });
    expect(backend.callsTo("reminder_check")).toHaveLength(2);
  });

  it("sends nothing while reminders are off", async () => {
    const backend = backendWith(2, 1, { reminders: false });
    renderApp("/problems");
    await screen.findByTestId("nav-problems");
    await vi.advanceTimersByTimeAsync(2 * REMINDER_INTERVAL_MS);
    expect(backend.callsTo("reminder_check")).toEqual([]);
    expect(backend.callsTo("notify")).toEqual([]);
  });

  it("stops at once when turned off in settings and resumes when turned back on", async () => {
    const backend = backendWith(2, 0);
    const { user } = renderApp("/settings");
    await vi.waitFor(() => {
      expect(backend.state.actions.notifications).toHaveLength(1);
    });
    const toggle = await screen.findByTestId("settings-reminders");
    expect(toggle).toBeChecked();

    await user.click(toggle);
    await vi.waitFor(() => {
      expect(backend.state.settings.reminders).toBe(false);
    });
    await vi.advanceTimersByTimeAsync(2 * REMINDER_INTERVAL_MS);
    expect(backend.callsTo("reminder_check")).toHaveLength(1);

    await user.click(toggle);
    await vi.waitFor(() => {
      expect(backend.state.actions.notifications).toHaveLength(2);
    });
    expect(backend.state.settings.reminders).toBe(true);
  });

  it("speaks the user's language, with Arabic plural forms", async () => {
    const backend = backendWith(1, 2, { language: "ar" });
    renderApp("/problems");
    await vi.waitFor(() => {
      expect(backend.state.actions.notifications).toHaveLength(1);
    });
    expect(backend.state.actions.notifications[0]).toEqual({
      title: "Rootwise: إجراءات تحتاج إلى انتباهك",
      body: "إجراء واحد متأخر · عمليتا تحقق من الفعالية مستحقتان",
    });

    const ar = i18n.getFixedT("ar");
    const body = (overdue: number, checksDue: number) =>
      reminderMessage(ar, "ar", { overdue, checksDue })?.body;
    expect(body(2, 0)).toBe("إجراءان متأخران");
    expect(body(3, 0)).toBe("3 إجراءات متأخرة");
    expect(body(11, 0)).toBe("11 إجراءً متأخرًا");
    expect(body(100, 0)).toBe("100 إجراء متأخر");
    expect(body(0, 1)).toBe("عملية تحقق واحدة من الفعالية مستحقة");
    expect(body(1200, 5)).toBe("1,200 إجراء متأخر · 5 عمليات تحقق من الفعالية مستحقة");
    expect(reminderMessage(ar, "ar", { overdue: 0, checksDue: 0 })).toBeNull();
    const en = i18n.getFixedT("en");
    expect(reminderMessage(en, "en", { overdue: 1200, checksDue: 1 })?.body).toBe(
      "1,200 actions are overdue · 1 effectiveness check is due",
    );
  });
});
