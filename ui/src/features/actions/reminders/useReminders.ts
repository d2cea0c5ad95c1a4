import { useSettings } from "../../../api/settings";
import { useEffect } from "react";
import { checkReminder, notify } from "../../../api/actions";
import { checkReviewsDue } from "../../../api/journeys";
import i18n, { effectiveLanguage } from "../../../i18n";
import { reminderMessage } from "./reminderMessage";

/** How often the reminder looks again while the app runs. */
export const REMINDER_INTERVAL_MS = 60 * 60 * 1000;

/**
 * How often the clock is read. Checking "an hour since the last one?" every
 * minute, rather than sleeping an hour, keeps the rhythm after the computer
 * wakes from sleep.
 */
const TICK_MS = 60 * 1000;

/**
 * When the reminder last looked (epoch ms). Module-level, so a remount of the
 * shell (another workspace opened, a re-render) does not repeat it within the hour.
 */
let lastCheckAt: number | null = null;

/** Forgets when the reminder last looked (tests). */
export function resetReminderClock(): void {
  lastCheckAt = null;
}

/**
 * Desktop reminders of overdue actions, due effectiveness checks and
 * journey maps due for review: one
 * summary notification when the app starts with a workspace open, then at
 * most one an hour while it runs, in the user's language; nothing when there
 * is nothing to say. Off when the settings say so, at once; back on resumes
 * (at once if the last look was over an hour ago). Mount once, in the shell.
 */
export function useReminders(): void {
  const settings = useSettings();
  // On unless turned off (a settings file from before reminders has no such field).
  const enabled = settings.data !== undefined && (settings.data.reminders as boolean | undefined) !== false;
  const language = effectiveLanguage(settings.data?.language);

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    const look = async () => {
      if (lastCheckAt !== null && Date.now() - lastCheckAt < REMINDER_INTERVAL_MS) return;
      lastCheckAt = Date.now();
      try {
        const [reminder, reviewsDue] = await Promise.all([checkReminder(), checkReviewsDue()]);
        if (stopped) return;
        const message = reminderMessage(i18n.getFixedT(language), language, reminder, reviewsDue);
        if (message !== null) await notify(message.title, message.body);
      } catch {
        // A reminder that can't be shown is not worth an error on screen; the next hour tries again.
      }
    };
    void look();
    const timer = setInterval(() => {
      void look();
    }, TICK_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [enabled, language]);
}
