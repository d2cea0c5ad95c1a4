import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { toAppError, type AppError } from "../../../api/errors";
import { describeError } from "../../../i18n/errors";
import { describeFieldIssue, fieldIssuesFromError, type TransitionContext } from "../messages";
import type { FieldIssue } from "../rules";

/** Why the last save of a field did not happen: a rule checked here, or the core's answer. */
export type Failure = { issue: FieldIssue } | { error: AppError };

export interface InPlaceEditOptions<T, R> {
  /** The value stored now. */
  saved: T;
  equal?: (a: T, b: T) => boolean;
  /** The rule this value breaks, checked before any round trip; null when fine. */
  check: (value: T) => FieldIssue | null;
  /** Sends the value to the core; resolves with what the core stored. */
  save: (value: T) => Promise<R>;
  /** Called after the core stored a new value, with its answer. */
  onSaved?: (result: R) => void;
}

export interface InlineEdit<T> {
  /** What the control shows: the edit in progress, else the saved value. */
  value: T;
  /** True while the control holds something other than the saved value. */
  dirty: boolean;
  change: (value: T) => void;
  /** Saves the edit in progress (or `value`, for controls that save on change). */
  commit: (value?: T) => void;
  /** Drops the edit in progress and its message. */
  cancel: () => void;
  failure: Failure | null;
  pending: boolean;
}

const same = <T>(a: T, b: T) => Object.is(a, b);

/**
 * One field edited in place, whatever it belongs to. The edit stays in the
 * control until the core has stored it; a refused edit keeps what was typed,
 * with the reason, until the user changes it or presses Escape. Each field has
 * its own mutation, so saving one never disturbs another.
 */
export function useInPlaceEdit<T, R>({
  saved,
  equal = same,
  check,
  save,
  onSaved,
}: InPlaceEditOptions<T, R>): InlineEdit<T> {
  // Boxed, so a draft of `null` (no channel, no score) is still a draft.
  const [draft, setDraft] = useState<{ value: T } | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);
  // The value being saved and the last one refused: Enter then leaving the field sends it once.
  const inFlight = useRef<{ value: T } | null>(null);
  const refused = useRef<{ value: T } | null>(null);

  const change = (value: T) => {
    setDraft({ value });
    refused.current = null;
    if (failure !== null && "issue" in failure && check(value) === null) setFailure(null);
  };

  const cancel = () => {
    setDraft(null);
    setFailure(null);
    refused.current = null;
  };

  const commit = (explicit?: T) => {
    const edit = explicit !== undefined ? { value: explicit } : draft;
    if (edit === null) return;
    if (equal(edit.value, saved)) {
      setDraft(null);
      setFailure(null);
      return;
    }
    if (inFlight.current !== null && equal(inFlight.current.value, edit.value)) return;
    if (refused.current !== null && equal(refused.current.value, edit.value)) return;
    const issue = check(edit.value);
    if (issue !== null) {
      refused.current = edit;
      setFailure({ issue });
      return;
    }
    inFlight.current = edit;
    setPending(true);
    void save(edit.value)
      .then(
        (result) => {
          onSaved?.(result);
          // Only forget the draft if nothing else was typed meanwhile.
          setDraft((current) => (current !== null && equal(current.value, edit.value) ? null : current));
          setFailure(null);
        },
        (error: unknown) => {
          refused.current = edit;
          setFailure({ error: toAppError(error) });
        },
      )
      .finally(() => {
        if (inFlight.current === edit) inFlight.current = null;
        setPending(false);
      });
  };

  return {
    value: draft !== null ? draft.value : saved,
    dirty: draft !== null && !equal(draft.value, saved),
    change,
    commit,
    cancel,
    failure,
    pending,
  };
}

/** The translated message for a failure of `field`, or null. */
export function useFailureMessage(
  failure: Failure | null,
  field: string,
  transition?: TransitionContext,
): string | null {
  const { t } = useTranslation();
  if (failure === null) return null;
  if ("issue" in failure) return describeFieldIssue(t, failure.issue, transition);
  const issues = fieldIssuesFromError(failure.error);
  const issue = issues.get(field) ?? issues.values().next().value;
  return issue !== undefined ? describeFieldIssue(t, issue, transition) : describeError(t, failure.error);
}

/** A field saved as one edit of its record: the value stored now, its rule and the edit that stores a new value. */
export interface FieldEditOptions<T, E> {
  /** The value stored now. */
  saved: T;
  equal?: (a: T, b: T) => boolean;
  /** The rule this value breaks, checked before any round trip; null when fine. */
  check: (value: T) => FieldIssue | null;
  toEdit: (value: T) => E;
  /** Called after the core stored a new value. */
  onSaved?: () => void;
}

/**
 * `useInPlaceEdit` for a field of a record (problem, analysis, action,
 * persona): `send` stores one edit (a mutation's `mutateAsync`), `stored`
 * sees what the core answered before `onSaved` runs.
 */
export function useFieldEdit<T, E, R>(
  send: (edit: E) => Promise<R>,
  { saved, equal, check, toEdit, onSaved }: FieldEditOptions<T, E>,
  stored?: (result: R) => void,
): InlineEdit<T> {
  return useInPlaceEdit({
    saved,
    equal,
    check,
    save: (value: T) => send(toEdit(value)),
    onSaved: (result) => {
      stored?.(result);
      onSaved?.();
    },
  });
}
