/**
 * The rules the core checks on an action, mirrored so a message shows beside
 * a field before any round trip. The core stays the real guard.
 */
import type { ActionKind } from "../../../bindings/ActionKind";
import type { ActionStatus } from "../../../bindings/ActionStatus";
import type { Priority } from "../../../bindings/Priority";
import { isDay, type FieldIssue } from "../../../kit/fields";

export const ACTION_LIMITS = {
  title: 300,
  description: 20_000,
  owner: 200,
  checkText: 5_000,
  reason: 2_000,
  comment: 5_000,
  latestYear: 2200,
} as const;

export const ACTION_KINDS: readonly ActionKind[] = ["containment", "corrective", "preventive"];
export const PRIORITIES: readonly Priority[] = ["low", "medium", "high", "urgent"];
export const ACTION_STATUSES: readonly ActionStatus[] = [
  "open",
  "in_progress",
  "done",
  "verified_effective",
  "not_effective",
  "cancelled",
];

/**
 * A due day: empty is fine (no due day); not before `earliest` (the day the
 * action was, or is being, created) and not past 2200.
 */
export function checkDueDay(field: string, value: string, earliest: string): FieldIssue | null {
  if (value === "") return null;
  if (!isDay(value)) return { field, rule: "invalid", limit: null };
  if (value < earliest) return { field, rule: "before_created", limit: null };
  if (Number(value.slice(0, 4)) > ACTION_LIMITS.latestYear)
    return { field, rule: "out_of_range", limit: null };
  return null;
}
