import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Channel } from "../../../bindings/Channel";
import type { Problem } from "../../../bindings/Problem";
import type { ProblemEdit } from "../../../bindings/ProblemEdit";
import type { Severity } from "../../../bindings/Severity";
import type { Status } from "../../../bindings/Status";
import type { SuggestField } from "../../../bindings/SuggestField";
import {
  ChannelSelect,
  checkPastDay,
  checkReferences,
  checkTags,
  checkText,
  Field,
  LIMITS,
  normaliseTags,
  NumberInput,
  parseWholeNumber,
  ReferencesEditor,
  SeveritySelect,
  StatusSelect,
  TagsEditor,
  charCount,
  type NumberField,
  type TransitionContext,
} from "../../../kit/fields";
import {
  InPlaceChoice,
  InPlaceDate,
  InPlaceText,
  sameList,
  useChipList,
  type ChoiceControl,
} from "../../../kit/fields/inPlace";
import { useFailureMessage, useInlineEdit } from "./useInlineEdit";

/** What every in-place field gets from the screen. */
interface InlineProps {
  problem: Problem;
  /** Tells assistive technology that a field was saved. */
  announce: (message: string) => void;
}

export type TextFieldName = "title" | "description" | "customer" | "segment" | "journeyStage" | "owner";

const TEXT_MAX: Record<TextFieldName, number> = {
  title: LIMITS.title,
  description: LIMITS.description,
  customer: LIMITS.customer,
  segment: LIMITS.segment,
  journeyStage: LIMITS.journeyStage,
  owner: LIMITS.owner,
};

const SUGGEST: Partial<Record<TextFieldName, SuggestField>> = {
  customer: "customer",
  segment: "segment",
  journeyStage: "journey_stage",
  owner: "owner",
};

function useSavedAnnouncer(announce: (message: string) => void, label: string) {
  const { t } = useTranslation();
  return () => {
    announce(t("problemDetail.saved", { field: label }));
  };
}

interface InlineTextProps extends InlineProps {
  field: TextFieldName;
  multiline?: boolean;
  className?: string;
  placeholder?: string;
  hint?: ReactNode;
}

/** A text field edited in place: Enter (Ctrl+Enter when multi-line) or leaving saves, Escape cancels. */
export function InlineText({ problem, announce, field, placeholder, ...rest }: InlineTextProps) {
  const { t } = useTranslation();
  const label = t(`problem.field.${field}`);
  const edit = useInlineEdit<string>({
    problemId: problem.id,
    saved: problem[field],
    check: (value) => checkText(field, value, TEXT_MAX[field], field === "title"),
    toEdit: (value) => ({ field, value }),
    onSaved: useSavedAnnouncer(announce, label),
  });
  return (
    <InPlaceText
      {...rest}
      edit={edit}
      field={field}
      label={label}
      testId={`field-${field}`}
      suggest={SUGGEST[field]}
      placeholder={placeholder ?? t("problemDetail.empty")}
    />
  );
}

interface InlineChoiceProps<T> extends InlineProps {
  field: "status" | "severity" | "channel";
  saved: T;
  toEdit: (value: T) => ProblemEdit;
  /** The move being made, for messages about status transitions. */
  transition?: (value: T) => TransitionContext;
  /** Renders the select, spreading what it is given. */
  children: (select: ChoiceControl<T>) => ReactNode;
}

/** A choice edited in place: saved as soon as it is picked, Escape goes back to the saved value. */
function InlineChoice<T>({
  problem,
  announce,
  field,
  saved,
  toEdit,
  transition,
  children,
}: InlineChoiceProps<T>) {
  const { t } = useTranslation();
  const label = t(`problem.field.${field}`);
  const edit = useInlineEdit<T>({
    problemId: problem.id,
    saved,
    check: () => null,
    toEdit,
    onSaved: useSavedAnnouncer(announce, label),
  });
  return (
    <InPlaceChoice
      edit={edit}
      field={field}
      label={label}
      testId={`field-${field}`}
      transition={transition?.(edit.value)}
      inline
    >
      {children}
    </InPlaceChoice>
  );
}

/** The status, offering only the moves the core allows; saved as soon as it is picked. */
export function InlineStatus({ problem, announce }: InlineProps) {
  return (
    <InlineChoice<Status>
      problem={problem}
      announce={announce}
      field="status"
      saved={problem.status}
      toEdit={(value) => ({ field: "status", value })}
      transition={(to) => ({ from: problem.status, to })}
    >
      {(select) => <StatusSelect {...select} saved={problem.status} />}
    </InlineChoice>
  );
}

export function InlineSeverity({ problem, announce }: InlineProps) {
  return (
    <InlineChoice<Severity>
      problem={problem}
      announce={announce}
      field="severity"
      saved={problem.severity}
      toEdit={(value) => ({ field: "severity", value })}
    >
      {(select) => <SeveritySelect {...select} />}
    </InlineChoice>
  );
}

export function InlineChannel({ problem, announce }: InlineProps) {
  return (
    <InlineChoice<Channel | null>
      problem={problem}
      announce={announce}
      field="channel"
      saved={problem.channel}
      toEdit={(value) => ({ field: "channel", value })}
    >
      {(select) => <ChannelSelect {...select} />}
    </InlineChoice>
  );
}

export function InlineReportedOn({ problem, announce }: InlineProps) {
  const { t } = useTranslation();
  const label = t("problem.field.reportedOn");
  const edit = useInlineEdit<string>({
    problemId: problem.id,
    saved: problem.reportedOn,
    check: (value) => checkPastDay("reportedOn", value),
    toEdit: (value) => ({ field: "reportedOn", value }),
    onSaved: useSavedAnnouncer(announce, label),
  });
  return <InPlaceDate edit={edit} field="reportedOn" label={label} testId="field-reportedOn" inline />;
}

const numberText = (value: number | null) => (value === null ? "" : String(value));

/** A score or count edited in place; empty clears it. */
export function InlineNumber({ problem, announce, field }: InlineProps & { field: NumberField }) {
  const { t } = useTranslation();
  const label = t(`problem.field.${field}`);
  const parse = (text: string) => parseWholeNumber(field, text);
  const edit = useInlineEdit<string>({
    problemId: problem.id,
    saved: numberText(problem[field]),
    // "07" and "7" (or "٧") are the same score.
    equal: (a, b) => {
      if (a === b) return true;
      const [pa, pb] = [parse(a), parse(b)];
      return pa.ok && pb.ok && pa.value === pb.value;
    },
    check: (text) => {
      const parsed = parse(text);
      return parsed.ok ? null : parsed.issue;
    },
    toEdit: (text) => {
      const parsed = parse(text);
      return { field, value: parsed.ok ? parsed.value : null };
    },
    onSaved: useSavedAnnouncer(announce, label),
  });
  const message = useFailureMessage(edit.failure, field);
  return (
    <Field label={label} error={message} errorTestId={`field-${field}-error`} className="score-field">
      {(control) => (
        <NumberInput
          {...control}
          className="inline-input"
          value={edit.value}
          placeholder={t("problemDetail.empty")}
          testId={`field-${field}`}
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

/** Tags: each added or removed chip is saved at once. */
export function InlineTags({ problem, announce }: InlineProps) {
  const { t } = useTranslation();
  const label = t("problem.field.tags");
  const edit = useInlineEdit<string[]>({
    problemId: problem.id,
    saved: problem.tags,
    equal: sameList,
    check: checkTags,
    toEdit: (value) => ({ field: "tags", value }),
    onSaved: useSavedAnnouncer(announce, label),
  });
  // Saved at once; a tag that breaks a rule stays, marked, with the reason beside the field.
  const chips = useChipList(edit, (current, items) => normaliseTags([...current, ...items]));
  const message = useFailureMessage(edit.failure, "tags");
  return (
    <Field label={label} error={message} errorTestId="field-tags-error">
      {(control) => (
        <TagsEditor
          {...control}
          {...chips}
          testIdBase="field-tags"
          isInvalid={(tag) => charCount(tag.trim()) > LIMITS.tag}
        />
      )}
    </Field>
  );
}

/** Source references: each one added or removed is saved at once. Shown as text, never opened. */
export function InlineReferences({ problem, announce }: InlineProps) {
  const { t } = useTranslation();
  const label = t("problem.field.references");
  const edit = useInlineEdit<string[]>({
    problemId: problem.id,
    saved: problem.references,
    equal: sameList,
    check: checkReferences,
    toEdit: (value) => ({ field: "references", value }),
    onSaved: useSavedAnnouncer(announce, label),
  });
  const chips = useChipList(edit);
  const message = useFailureMessage(edit.failure, "references");
  return (
    <Field
      label={label}
      error={message}
      errorTestId="field-references-error"
      hint={t("problemDetail.references.hint")}
    >
      {(control) => (
        <ReferencesEditor
          {...control}
          {...chips}
          testIdBase="field-references"
          isInvalid={(reference) => charCount(reference.trim()) > LIMITS.reference}
        />
      )}
    </Field>
  );
}
