import type { KeyboardEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useEditAction } from "../../../api/actions";
import type { Action } from "../../../bindings/Action";
import type { ActionEdit } from "../../../bindings/ActionEdit";
import type { ActionKind } from "../../../bindings/ActionKind";
import type { Priority } from "../../../bindings/Priority";
import { checkText, Field, type FieldIssue } from "../../problems/fields";
import {
  InPlaceChoice,
  InPlaceText,
  useFailureMessage,
  useInPlaceEdit,
  type InlineEdit,
} from "../../problems/fields/inPlace";
import { ACTION_KINDS, ACTION_LIMITS, checkDueDay, PRIORITIES } from "../create/rules";
import { OwnerField } from "../shared/OwnerField";

/** What every field of the action page gets. */
export interface ActionFieldProps {
  action: Action;
  /** Tells assistive technology that a field was saved. */
  announce: (message: string) => void;
}

interface Options<T> {
  action: Action;
  saved: T;
  check: (value: T) => FieldIssue | null;
  toEdit: (value: T) => ActionEdit;
  announce: (message: string) => void;
  label: string;
}

/** One field of an action edited in place: the same behaviour as on the problem page. */
export function useActionField<T>({
  action,
  saved,
  check,
  toEdit,
  announce,
  label,
}: Options<T>): InlineEdit<T> {
  const { t } = useTranslation();
  const { mutateAsync } = useEditAction();
  return useInPlaceEdit({
    saved,
    check,
    save: (value: T) => mutateAsync({ id: action.id, edit: toEdit(value) }),
    onSaved: () => {
      announce(t("actionDetail.saved", { field: label }));
    },
  });
}

type TextField = "title" | "description" | "checkMethod";

const TEXT_MAX: Record<TextField, number> = {
  title: ACTION_LIMITS.title,
  description: ACTION_LIMITS.description,
  checkMethod: ACTION_LIMITS.checkText,
};

interface ActionTextProps extends ActionFieldProps {
  field: TextField;
  multiline?: boolean;
  className?: string;
  label?: string;
  placeholder?: string;
  hint?: ReactNode;
}

/** A text field of the action, edited in place (Enter, or Ctrl+Enter when multi-line, saves). */
export function ActionText({
  action,
  announce,
  field,
  multiline = false,
  className,
  label: labelOverride,
  placeholder,
  hint,
}: ActionTextProps) {
  const { t } = useTranslation();
  const label = labelOverride ?? t(`actions.field.${field}`);
  const edit = useActionField<string>({
    action,
    saved: action[field],
    check: (value) => checkText(field, value, TEXT_MAX[field], field === "title"),
    toEdit: (value) => ({ field, value }),
    announce,
    label,
  });
  return (
    <InPlaceText
      edit={edit}
      field={field}
      label={label}
      testId={`action-field-${field}`}
      multiline={multiline}
      className={className}
      hint={hint}
      placeholder={placeholder ?? t("actionDetail.empty")}
    />
  );
}

/** Who carries it out: free text, suggesting the people who already own actions. */
export function ActionOwner({ action, announce }: ActionFieldProps) {
  const { t } = useTranslation();
  const label = t("actions.field.owner");
  const edit = useActionField<string>({
    action,
    saved: action.owner,
    check: (value) => checkText("owner", value, ACTION_LIMITS.owner),
    toEdit: (value) => ({ field: "owner", value }),
    announce,
    label,
  });
  const message = useFailureMessage(edit.failure, "owner");
  return (
    <Field label={label} error={message} errorTestId="action-field-owner-error">
      {(control) => (
        <OwnerField
          {...control}
          className="text-input inline-input"
          value={edit.value}
          placeholder={t("actions.noOwner")}
          data-testid="action-field-owner"
          onChange={edit.change}
          onBlur={() => {
            edit.commit();
          }}
          onKeyDown={commitKeys(edit)}
        />
      )}
    </Field>
  );
}

function commitKeys(edit: InlineEdit<string>) {
  return (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Escape") {
      event.preventDefault();
      edit.cancel();
    } else if (event.key === "Enter") {
      event.preventDefault();
      edit.commit();
    }
  };
}

interface ActionDayProps extends ActionFieldProps {
  field: "dueOn" | "checkDueOn";
  hint?: ReactNode;
}

/** A day of the action (due, check on), edited in place; empty clears it. */
export function ActionDay({ action, announce, field, hint }: ActionDayProps) {
  const { t } = useTranslation();
  const label = t(`actions.field.${field}`);
  const edit = useActionField<string>({
    action,
    saved: action[field] ?? "",
    // The core judges "before it was created"; only what cannot be a day is caught here.
    check: (value) => checkDueDay(field, value, "1970-01-01"),
    toEdit: (value) => ({ field, value: value === "" ? null : value }),
    announce,
    label,
  });
  const message = useFailureMessage(edit.failure, field);
  return (
    <Field label={label} error={message} errorTestId={`action-field-${field}-error`} hint={hint}>
      {(control) => (
        <input
          {...control}
          type="date"
          className="text-input date-input inline-input"
          dir="ltr"
          max="2200-12-31"
          value={edit.value}
          data-testid={`action-field-${field}`}
          onChange={(event) => {
            edit.change(event.target.value);
          }}
          onBlur={() => {
            edit.commit();
          }}
          onKeyDown={commitKeys(edit)}
        />
      )}
    </Field>
  );
}

function isKind(value: string): value is ActionKind {
  return (ACTION_KINDS as readonly string[]).includes(value);
}
function isPriority(value: string): value is Priority {
  return (PRIORITIES as readonly string[]).includes(value);
}

/** The kind, saved as soon as it is picked. */
export function ActionKindField({ action, announce }: ActionFieldProps) {
  const { t } = useTranslation();
  const label = t("actions.field.kind");
  const edit = useActionField<ActionKind>({
    action,
    saved: action.kind,
    check: () => null,
    toEdit: (value) => ({ field: "kind", value }),
    announce,
    label,
  });
  return (
    <InPlaceChoice edit={edit} field="kind" label={label} testId="action-field-kind">
      {({ value, onChange, onCancel, testId, ...control }) => (
        <>
          <select
            {...control}
            className="select-input"
            value={value}
            data-testid={testId}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                event.preventDefault();
                onCancel();
              }
            }}
            onChange={(event) => {
              if (isKind(event.target.value)) onChange(event.target.value);
            }}
          >
            {ACTION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`actions.kind.${kind}`)}
              </option>
            ))}
          </select>
          <p className="field-hint">{t(`actions.kindHint.${value}`)}</p>
        </>
      )}
    </InPlaceChoice>
  );
}

/** The priority, saved as soon as it is picked. */
export function ActionPriorityField({ action, announce }: ActionFieldProps) {
  const { t } = useTranslation();
  const label = t("actions.field.priority");
  const edit = useActionField<Priority>({
    action,
    saved: action.priority,
    check: () => null,
    toEdit: (value) => ({ field: "priority", value }),
    announce,
    label,
  });
  return (
    <InPlaceChoice edit={edit} field="priority" label={label} testId="action-field-priority">
      {({ value, onChange, onCancel, testId, ...control }) => (
        <select
          {...control}
          className="select-input"
          value={value}
          data-testid={testId}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              onCancel();
            }
          }}
          onChange={(event) => {
            if (isPriority(event.target.value)) onChange(event.target.value);
          }}
        >
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {t(`actions.priority.${priority}`)}
            </option>
          ))}
        </select>
      )}
    </InPlaceChoice>
  );
}
