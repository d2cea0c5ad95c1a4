import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/errors";
import { describeFieldIssue, fieldIssuesFromError } from "./messages";
import type { FieldIssue } from "./rules";

/** Moves focus to the first control marked invalid inside `root`. */
export function focusFirstInvalid(root: HTMLElement | null): void {
  const target = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  target?.focus();
}

/**
 * The broken rules of a small form, shown beside its fields: what the form's
 * own checks found before sending, or what the core refused after. A refusal
 * that names none of `fields` is kept as `failure`, for the whole form.
 */
export function useFormIssues<F extends string>(fields: readonly F[]) {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<Partial<Record<F, FieldIssue>>>({});
  const [failure, setFailure] = useState<AppError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const isField = (field: string): field is F => (fields as readonly string[]).includes(field);
  // Once the fields are marked invalid.
  const focusLater = () => {
    requestAnimationFrame(() => {
      focusFirstInvalid(formRef.current);
    });
  };
  const show = (list: Iterable<[string, FieldIssue]>): boolean => {
    const next: Partial<Record<F, FieldIssue>> = {};
    for (const [field, issue] of list) if (isField(field)) next[field] = issue;
    setIssues(next);
    return Object.keys(next).length > 0;
  };

  return {
    formRef,
    failure,
    /** The translated message beside `field`, if it has one. */
    message: (field: F): string | null => {
      const issue = issues[field];
      return issue === undefined ? null : describeFieldIssue(t, issue);
    },
    /** Shows what the form's checks found; true when nothing was, so the form may be sent. */
    check: (found: readonly (FieldIssue | null)[]): boolean => {
      setFailure(null);
      const broken = show(found.filter((i): i is FieldIssue => i !== null).map((i) => [i.field, i]));
      if (broken) focusLater();
      return !broken;
    },
    /** Shows a refusal from the core beside its field, or for the whole form. */
    refuse: (error: AppError) => {
      const named = show(fieldIssuesFromError(error));
      setFailure(named ? null : error);
      focusLater();
    },
  };
}
