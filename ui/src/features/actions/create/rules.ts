/**
 * The rules the core checks on an action, mirrored so a message shows beside
 * a field before any round trip. The core stays the real guard.
 */
import type { ActionKind } from "../../../bindings/ActionKind";
import type { ActionStatus } from "../../../bindings/ActionStatus";
import type { Priority } from "../../../bindings/Priority";
import { ENUMS, LIMITS } from "../../../bindings/rules";
import { isDay, type FieldIssue } from "../../../kit/fields";

/** The core's limits on an action's fields (generated in `bindings/rules.ts`). */
export const ACTION_LIMITS = {
  title: LIMITS.action.title,
  description: LIMITS.action.description,
  owner: LIMITS.action.owner,
  checkText: LIMITS.action.checkMethod,
  checkNotes: LIMITS.action.checkNotes,
  reason: LIMITS.action.cancelReason,
  comment: LIMITS.action.comment,
  latestYear: LIMITS.action.latestYear,
} as const;

/** The last due day a date field offers (`max` of `<input type=date>`). */
export const LATEST_DUE_DAY = `${String(LIMITS.action.latestYear)}-12-31`;

export const ACTION_KINDS: readonly ActionKind[] = ENUMS.actionKind;
export const PRIORITIES: readonly Priority[] = ENUMS.priority;
export const ACTION_STATUSES: readonly ActionStatus[] = ENUMS.actionStatus;

/**
 * A due day: empty is fine (no due day); not before `earliest` (the day the
 * action was, or is being, created) and not past the core's latest year.
 */
export function checkDueDay(field: string, value: string, earliest: string): FieldIssue | null {
  if (value === "") return null;
  if (!isDay(value)) return { field, rule: "invalid", limit: null };
  if (value < earliest) return { field, rule: "before_created", limit: null };
  if (Number(value.slice(0, 4)) > ACTION_LIMITS.latestYear)
    return { field, rule: "out_of_range", limit: null };
  return null;
}
