import type { TFunction } from "i18next";
import type { AppError } from "../../api/errors";
import type { Status } from "../../bindings/Status";
import { currentLanguage } from "../../i18n";
import { intlLocale } from "../../i18n/format";
import { isNumberField, RANGES, type FieldIssue } from "./rules";

/** What a status-transition message names: where the problem was and where it was sent. */
export interface TransitionContext {
  from: Status;
  to: Status;
}

function formatNumber(value: number): string {
  return new Intl.NumberFormat(intlLocale(currentLanguage())).format(value);
}

/** A translated message for one broken rule, meant to show beside its field. */
export function describeFieldIssue(t: TFunction, issue: FieldIssue, transition?: TransitionContext): string {
  switch (issue.rule) {
    case "required":
      return t("errors.rule.required");
    case "too_long":
      return issue.limit === null
        ? t("errors.rule.invalid")
        : t("errors.rule.too_long", { count: issue.limit });
    case "too_many":
      return issue.limit === null
        ? t("errors.rule.invalid")
        : t("errors.rule.too_many", { count: issue.limit });
    case "in_future":
      return t("errors.rule.in_future");
    case "out_of_range": {
      if (isNumberField(issue.field)) {
        const { min, max } = RANGES[issue.field];
        return t("errors.rule.out_of_range", { min: formatNumber(min), max: formatNumber(max) });
      }
      if (issue.field === "picture")
        return t("errors.rule.picture_too_big", { max: formatNumber(issue.limit ?? 0) });
      // Due days are refused past LIMITS.action.latestYear; other dates (reportedOn, occurredOn) before LIMITS.shared.earliestYear.
      if (issue.field === "dueOn" || issue.field === "checkDueOn") return t("errors.rule.out_of_range_far");
      if (issue.field === "margin") return t("errors.rule.out_of_range_margin");
      if (issue.field === "revenuePerCustomer") return t("errors.rule.out_of_range_amount");
      return t("errors.rule.out_of_range_date");
    }
    case "transition":
      return transition === undefined
        ? t("errors.rule.invalid")
        : t("errors.rule.transition", {
            from: t(`problem.status.${transition.from}`),
            to: t(`problem.status.${transition.to}`),
          });
    case "before_created":
      return t("errors.rule.before_created");
    case "open_actions":
      return t("errors.rule.open_actions");
    case "too_large":
      return t("errors.rule.too_large", { size: formatNumber(issue.limit ?? 0) });
    case "not_image":
      return t("errors.rule.not_image");
    case "no_votes_left":
      return t("errors.rule.no_votes_left", { count: issue.limit ?? 0 });
    case "not_participant":
      return t("errors.rule.not_participant");
    // A survey score: `limit` is the top of its scale, which starts at 0 only for NPS (0-10).
    case "out_of_scale":
      return t("errors.rule.out_of_scale", {
        min: formatNumber(issue.limit === 10 ? 0 : 1),
        max: formatNumber(issue.limit ?? 0),
      });
    case "before_start":
      return t("errors.rule.before_start");
    case "over_start_plus_new":
      return t("errors.rule.over_start_plus_new", { count: issue.limit ?? 0 });
    case "broken_quote":
      return t("errors.rule.broken_quote");
    case "invalid":
      return t("errors.rule.invalid");
  }
}

/**
 * Every broken rule an error from the core reports, by field: a rejected
 * create lists them all in `details.fields`; an edit names its one field.
 * Empty when the error is not about a field (the caller shows it as a whole).
 */
export function fieldIssuesFromError(error: AppError): Map<string, FieldIssue> {
  const out = new Map<string, FieldIssue>();
  if (error.code !== "invalid_input") return out;
  const { fields, field, rule, limit } = error.details;
  for (const item of fields ?? []) {
    if (!out.has(item.field)) out.set(item.field, item);
  }
  if (out.size === 0 && field !== undefined && rule !== undefined) {
    out.set(field, { field, rule, limit: limit ?? null });
  }
  return out;
}

/** Per-field translated messages for an error from the core (see `fieldIssuesFromError`). */
export function fieldMessagesFromError(t: TFunction, error: AppError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, item] of fieldIssuesFromError(error)) out[field] = describeFieldIssue(t, item);
  return out;
}
