import type { TFunction } from "i18next";
import type { Language } from "../../../bindings/Language";
import type { Reminder } from "../../../bindings/Reminder";
import { intlLocale } from "../../../i18n/format";

/** A desktop notification's text. */
export interface ReminderMessage {
  title: string;
  body: string;
}

/**
 * The one summary a reminder shows, in `language` ("3 actions are overdue ·
 * 2 effectiveness checks are due"); null when there is nothing to say.
 */
export function reminderMessage(
  t: TFunction,
  language: Language,
  reminder: Reminder,
): ReminderMessage | null {
  const numbers = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 0 });
  const parts: string[] = [];
  if (reminder.overdue > 0) {
    parts.push(
      t("reminders.overdue", { count: reminder.overdue, formatted: numbers.format(reminder.overdue) }),
    );
  }
  if (reminder.checksDue > 0) {
    parts.push(
      t("reminders.checksDue", { count: reminder.checksDue, formatted: numbers.format(reminder.checksDue) }),
    );
  }
  if (parts.length === 0) return null;
  return { title: t("reminders.title"), body: parts.join(t("reminders.separator")) };
}
