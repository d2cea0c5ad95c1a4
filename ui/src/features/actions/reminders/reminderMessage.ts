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
 * 2 effectiveness checks are due · 1 journey map is due for review"); null
 * when there is nothing to say.
 */
export function reminderMessage(
  t: TFunction,
  language: Language,
  reminder: Reminder,
  reviewsDue = 0,
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
  const actions = parts.length > 0;
  if (reviewsDue > 0) {
    parts.push(t("reminders.reviewsDue", { count: reviewsDue, formatted: numbers.format(reviewsDue) }));
  }
  if (parts.length === 0) return null;
  return {
    title: actions ? t("reminders.title") : t("reminders.titleReviews"),
    body: parts.join(t("reminders.separator")),
  };
}
