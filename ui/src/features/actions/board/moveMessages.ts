import type { TFunction } from "i18next";
import type { AppError } from "../../../api/errors";
import type { ActionStatus } from "../../../bindings/ActionStatus";
import { currentLanguage } from "../../../i18n";
import { describeError } from "../../../i18n/errors";
import { intlLocale } from "../../../i18n/format";
import { describeFieldIssue, fieldIssuesFromError } from "../../../kit/fields/messages";
import { allowedMoves } from "./moves";

/** "In progress, Done or Cancelled", in the UI language. */
function statusList(t: TFunction, statuses: readonly ActionStatus[]): string {
  const names = statuses.map((s) => t(`actions.status.${s}`));
  return new Intl.ListFormat(intlLocale(currentLanguage()), { style: "long", type: "disjunction" }).format(
    names,
  );
}

/** Why a card can't go from `from` to `to`, and where it can go instead. */
export function refusedMessage(t: TFunction, title: string, from: ActionStatus, to: ActionStatus): string {
  const allowed = allowedMoves(from);
  const names = { title, from: t(`actions.status.${from}`), to: t(`actions.status.${to}`) };
  return allowed.length === 0
    ? t("actionBoard.refused", names)
    : t("actionBoard.refusedAllowed", { ...names, allowed: statusList(t, allowed) });
}

/** The message for one field's broken rule, when the core's error names `field`; null otherwise. */
export function moveFieldIssue(t: TFunction, error: AppError, field: string): string | null {
  const issue = fieldIssuesFromError(error).get(field);
  return issue === undefined ? null : describeFieldIssue(t, issue);
}

/** A translated sentence for a move the core refused (a transition it does not allow, or anything else). */
export function describeMoveError(
  t: TFunction,
  error: AppError,
  from: ActionStatus,
  to: ActionStatus,
  title: string,
): string {
  const status = fieldIssuesFromError(error).get("status");
  if (status?.rule === "transition") return refusedMessage(t, title, from, to);
  const [first] = fieldIssuesFromError(error).values();
  const reason = first === undefined ? describeError(t, error) : describeFieldIssue(t, first);
  return t("actionBoard.moveFailed", { title, reason });
}
