/**
 * Limits the core checks on what the session sends, mirrored so a message
 * shows before any round trip, and translated messages for the core's own
 * rejections (the core stays the real guard).
 */
import type { TFunction } from "i18next";
import { toAppError } from "../../../api/errors";
import { LIMITS } from "../../../bindings/rules";
import { describeError } from "../../../i18n/errors";
import { checkText, describeFieldIssue, fieldIssuesFromError, type FieldIssue } from "../../../kit/fields";

export const SESSION_LIMITS = {
  text: LIMITS.analysis.whyText,
  note: LIMITS.analysis.evidenceNote,
  reference: LIMITS.analysis.evidenceReference,
  actionIntent: LIMITS.analysis.actionIntent,
} as const;

/** Messages by field, plus one for an error that names no field. */
export interface FormErrors {
  fields: Record<string, string>;
  general: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, general: null };

/** The message for one broken rule; evidence needs a note or a reference, said so plainly. */
export function issueMessage(t: TFunction, issue: FieldIssue): string {
  if (issue.field === "note" && issue.rule === "required") return t("session.evidence.required");
  return describeFieldIssue(t, issue);
}

/** Field messages for a rejected write, or one general message when no known field is named. */
export function errorsFrom(t: TFunction, reason: unknown, knownFields: readonly string[]): FormErrors {
  const error = toAppError(reason);
  const fields: Record<string, string> = {};
  for (const [field, issue] of fieldIssuesFromError(error)) {
    if (knownFields.includes(field)) fields[field] = issueMessage(t, issue);
  }
  return Object.keys(fields).length > 0
    ? { fields, general: null }
    : { fields, general: describeError(t, error) };
}

/** What the core would say about new evidence, checked here first. */
export function checkEvidence(note: string, reference: string): FieldIssue[] {
  if (note.trim() === "" && reference.trim() === "")
    return [{ field: "note", rule: "required", limit: null }];
  return [
    checkText("note", note, SESSION_LIMITS.note),
    checkText("reference", reference, SESSION_LIMITS.reference),
  ].filter((issue): issue is FieldIssue => issue !== null);
}

/** Cuts `text` to `max` code points (as the core counts them). */
export function clip(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join("");
}
