import { useState, type ReactNode } from "react";
import type { SuggestField } from "../../../bindings/SuggestField";
import { DateField } from "../DateField";
import { Field, type ControlProps } from "../Field";
import type { TransitionContext } from "../messages";
import { EARLIEST_DAY, localToday } from "../rules";
import { TextInput } from "../TextInput";
import { useFailureMessage, type InlineEdit } from "./useInPlaceEdit";

/** What every field edited in place is told, whatever it belongs to (a problem, an analysis). */
interface InPlaceProps<T> {
  edit: InlineEdit<T>;
  /** The field as the core names it in its issues. */
  field: string;
  label: string;
  /** data-testid of the control; its message is `${testId}-error`. */
  testId: string;
  /** Extra classes of the field around the control. */
  fieldClassName?: string;
}

export const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, i) => item === b[i]);

interface InPlaceTextProps extends InPlaceProps<string> {
  multiline?: boolean;
  className?: string;
  placeholder: string;
  hint?: ReactNode;
  suggest?: SuggestField;
}

/** A text field edited in place: Enter (Ctrl+Enter when multi-line) or leaving saves, Escape cancels. */
export function InPlaceText({
  edit,
  field,
  label,
  testId,
  fieldClassName,
  multiline = false,
  className,
  placeholder,
  hint,
  suggest,
}: InPlaceTextProps) {
  const message = useFailureMessage(edit.failure, field);
  return (
    <Field
      label={label}
      error={message}
      errorTestId={`${testId}-error`}
      hint={hint}
      className={fieldClassName}
    >
      {(control) => (
        <TextInput
          {...control}
          className={["inline-input", className ?? null].filter(Boolean).join(" ")}
          value={edit.value}
          multiline={multiline}
          suggest={suggest}
          placeholder={placeholder}
          testId={testId}
          onChange={edit.change}
          onCommit={() => {
            edit.commit();
          }}
          onCancel={edit.cancel}
        />
      )}
    </Field>
  );
}

/** A calendar day edited in place; never in the future. */
export function InPlaceDate({
  edit,
  field,
  label,
  testId,
  fieldClassName,
  inline = false,
}: InPlaceProps<string> & { inline?: boolean }) {
  const message = useFailureMessage(edit.failure, field);
  return (
    <Field
      label={label}
      error={message}
      errorTestId={`${testId}-error`}
      inline={inline}
      className={fieldClassName}
    >
      {(control) => (
        <DateField
          {...control}
          value={edit.value}
          testId={testId}
          min={EARLIEST_DAY}
          max={localToday()}
          onChange={edit.change}
          onCommit={(value) => {
            edit.commit(value);
          }}
          onCancel={edit.cancel}
        />
      )}
    </Field>
  );
}

/** What the select of an `InPlaceChoice` spreads on itself. */
export interface ChoiceControl<T> extends ControlProps {
  value: T;
  testId: string;
  onChange: (value: T) => void;
  onCancel: () => void;
}

interface InPlaceChoiceProps<T> extends InPlaceProps<T> {
  /** The move being made, for messages about status transitions. */
  transition?: TransitionContext;
  inline?: boolean;
  /** Renders the select, spreading what it is given. */
  children: (select: ChoiceControl<T>) => ReactNode;
}

/** A choice edited in place: saved as soon as it is picked, Escape goes back to the saved value. */
export function InPlaceChoice<T>({
  edit,
  field,
  label,
  testId,
  fieldClassName,
  transition,
  inline = false,
  children,
}: InPlaceChoiceProps<T>) {
  const message = useFailureMessage(edit.failure, field, transition);
  return (
    <Field
      label={label}
      error={message}
      errorTestId={`${testId}-error`}
      inline={inline}
      className={fieldClassName}
    >
      {(control) =>
        children({
          ...control,
          value: edit.value,
          testId,
          onChange: (value) => {
            edit.change(value);
            edit.commit(value);
          },
          onCancel: edit.cancel,
        })
      }
    </Field>
  );
}

/** Adds the items not in the list yet, in order. */
export const addMissing = (current: readonly string[], items: readonly string[]): string[] => [
  ...current,
  ...items.filter((item) => !current.includes(item)),
];

/**
 * What a chip list editor spreads on itself when each item added or removed is
 * saved at once: `merge` says how added items join the list.
 */
export function useChipList(
  edit: InlineEdit<string[]>,
  merge: (current: readonly string[], items: readonly string[]) => string[] = addMissing,
) {
  const [text, setText] = useState("");
  const save = (next: string[]) => {
    edit.change(next);
    edit.commit(next);
  };
  return {
    value: edit.value,
    text,
    onTextChange: setText,
    onAdd: (items: string[]) => {
      save(merge(edit.value, items));
    },
    onRemove: (index: number) => {
      save(edit.value.filter((_, i) => i !== index));
    },
    onCancel: () => {
      setText("");
      edit.cancel();
    },
  };
}
