import type { KeyboardEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useEditAction } from "../../../api/actions";
import type { Action } from "../../../bindings/Action";
import type { ActionEdit } from "../../../bindings/ActionEdit";
import type { ActionKind } from "../../../bindings/ActionKind";
import type { Priority } from "../../../bindings/Priority";
import { checkText, DateField, EARLIEST_DAY, Field, type FieldIssue } from "../../../kit/fields";
import {
  InPlaceChoice,
  InPlaceText,
  useFailureMessage,
  useFieldEdit,
  type InlineEdit,
} from "../../../kit/fields/inPlace";
import { ACTION_KINDS, ACTION_LIMITS, checkDueDay, LATEST_DUE_DAY, PRIORITIES } from "../create/rules";
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
  return useFieldEdit((edit: ActionEdit) => mutateAsync({ id: action.id, edit }), {
    saved,
    check,
    toEdit,
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
    check: (value) => checkDueDay(field, value, EARLIEST_DAY),
    toEdit: (value) => ({ field, value: value === "" ? null : value }),
    announce,
    label,
  });
  const message = useFailureMessage(edit.failure, field);
  return (
    <Field label={label} error={message} errorTestId={`action-field-${field}-error`} hint={hint}>
      {(control) => (
        <DateField
          {...control}
          className="inline-input"
          max={LATEST_DUE_DAY}
          value={edit.value}
          testId={`action-field-${field}`}
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

/** A field chosen from a short list, saved as soon as it is picked. */
function ActionChoice<T extends string>({
  action,
  announce,
  field,
  values,
  saved,
  toEdit,
  optionLabel,
  hint,
}: ActionFieldProps & {
  field: "kind" | "priority";
  values: readonly T[];
  saved: T;
  toEdit: (value: T) => ActionEdit;
  optionLabel: (value: T) => string;
  hint?: (value: T) => string;
}) {
  const { t } = useTranslation();
  const label = t(`actions.field.${field}`);
  const edit = useActionField<T>({ action, saved, check: () => null, toEdit, announce, label });
  return (
    <InPlaceChoice edit={edit} field={field} label={label} testId={`action-field-${field}`}>
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
              const picked = values.find((v) => v === event.target.value);
              if (picked !== undefined) onChange(picked);
            }}
          >
            {values.map((v) => (
              <option key={v} value={v}>
                {optionLabel(v)}
              </option>
            ))}
          </select>
          {hint !== undefined && <p className="field-hint">{hint(value)}</p>}
        </>
      )}
    </InPlaceChoice>
  );
}

/** The kind, with what it means below it. */
export function ActionKindField(props: ActionFieldProps) {
  const { t } = useTranslation();
  return (
    <ActionChoice<ActionKind>
      {...props}
      field="kind"
      values={ACTION_KINDS}
      saved={props.action.kind}
      toEdit={(value) => ({ field: "kind", value })}
      optionLabel={(kind) => t(`actions.kind.${kind}`)}
      hint={(kind) => t(`actions.kindHint.${kind}`)}
    />
  );
}

/** The priority. */
export function ActionPriorityField(props: ActionFieldProps) {
  const { t } = useTranslation();
  return (
    <ActionChoice<Priority>
      {...props}
      field="priority"
      values={PRIORITIES}
      saved={props.action.priority}
      toEdit={(value) => ({ field: "priority", value })}
      optionLabel={(priority) => t(`actions.priority.${priority}`)}
    />
  );
}
