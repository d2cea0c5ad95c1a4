import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Analysis } from "../../../bindings/Analysis";
import type { AnalysisEdit } from "../../../bindings/AnalysisEdit";
import type { AnalysisStatus } from "../../../bindings/AnalysisStatus";
import { ENUMS, LIMITS } from "../../../bindings/rules";
import { charCount, checkPastDay, checkText, Field, type FieldIssue } from "../../../kit/fields";
import {
  InPlaceChoice,
  InPlaceDate,
  InPlaceText,
  sameList,
  useChipList,
  useFailureMessage,
} from "../../../kit/fields/inPlace";
import { ParticipantsEditor } from "../../../kit/fields/ParticipantsEditor";
import { useAnalysisEdit } from "./useAnalysisEdit";

/** The limits the core checks on an analysis (generated in `bindings/rules.ts`). */
export const ANALYSIS_LIMITS = LIMITS.analysis;

export const ANALYSIS_STATUSES: readonly AnalysisStatus[] = ENUMS.analysisStatus;

interface FieldProps {
  analysis: Analysis;
  /** Tells assistive technology that a field was saved. */
  announce: (message: string) => void;
}

type TextField = "title" | "facilitator" | "summary";

const TEXT_MAX: Record<TextField, number> = {
  title: ANALYSIS_LIMITS.title,
  facilitator: ANALYSIS_LIMITS.facilitator,
  summary: ANALYSIS_LIMITS.summary,
};

function useSaved(announce: (message: string) => void, label: string) {
  const { t } = useTranslation();
  return () => {
    announce(t("analyses.detail.saved", { field: label }));
  };
}

interface AnalysisTextProps extends FieldProps {
  field: TextField;
  multiline?: boolean;
  className?: string;
  placeholder?: string;
  hint?: ReactNode;
}

/** A text field of the analysis: Enter (Ctrl+Enter when multi-line) or leaving saves, Escape cancels. */
export function AnalysisText({ analysis, announce, field, placeholder, ...rest }: AnalysisTextProps) {
  const { t } = useTranslation();
  const label = t(`analyses.field.${field}`);
  const edit = useAnalysisEdit<string>({
    analysisId: analysis.id,
    saved: analysis[field],
    check: (value) => checkText(field, value, TEXT_MAX[field], field === "title"),
    toEdit: (value): AnalysisEdit => ({ field, value }),
    onSaved: useSaved(announce, label),
  });
  return (
    <InPlaceText
      {...rest}
      edit={edit}
      field={field}
      label={label}
      testId={`analysis-${field}`}
      fieldClassName={`analysis-field analysis-field--${field}`}
      placeholder={placeholder ?? t("analyses.placeholder.empty")}
    />
  );
}

/** The day of the session; never in the future. */
export function AnalysisHeldOn({ analysis, announce }: FieldProps) {
  const { t } = useTranslation();
  const label = t("analyses.field.heldOn");
  const edit = useAnalysisEdit<string>({
    analysisId: analysis.id,
    saved: analysis.heldOn,
    check: (value) => checkPastDay("heldOn", value),
    toEdit: (value) => ({ field: "heldOn", value }),
    onSaved: useSaved(announce, label),
  });
  return (
    <InPlaceDate
      edit={edit}
      field="heldOn"
      label={label}
      testId="analysis-heldOn"
      fieldClassName="analysis-field analysis-field--heldOn"
    />
  );
}

function isAnalysisStatus(value: string): value is AnalysisStatus {
  return (ANALYSIS_STATUSES as readonly string[]).includes(value);
}

/** Where the analysis stands; saved as soon as it is picked. */
export function AnalysisStatusField({ analysis, announce }: FieldProps) {
  const { t } = useTranslation();
  const label = t("analyses.field.status");
  const edit = useAnalysisEdit<AnalysisStatus>({
    analysisId: analysis.id,
    saved: analysis.status,
    check: () => null,
    toEdit: (value) => ({ field: "status", value }),
    onSaved: useSaved(announce, label),
  });
  return (
    <InPlaceChoice
      edit={edit}
      field="status"
      label={label}
      testId="analysis-status"
      fieldClassName="analysis-field analysis-field--status"
    >
      {({ value, testId, onChange, onCancel, ...control }) => (
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
            const next = event.target.value;
            if (isAnalysisStatus(next)) onChange(next);
          }}
        >
          {ANALYSIS_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`why.analysisStatus.${status}`)}
            </option>
          ))}
        </select>
      )}
    </InPlaceChoice>
  );
}

/** Participants as the core stores them: trimmed, empty ones and exact duplicates dropped. */
export function normaliseParticipants(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const name = value.trim();
    if (name !== "" && !out.includes(name)) out.push(name);
  }
  return out;
}

export function checkParticipants(values: readonly string[]): FieldIssue | null {
  for (const value of values) {
    if (charCount(value.trim()) > ANALYSIS_LIMITS.participant) {
      return { field: "participants", rule: "too_long", limit: ANALYSIS_LIMITS.participant };
    }
  }
  if (normaliseParticipants(values).length > ANALYSIS_LIMITS.participants) {
    return { field: "participants", rule: "too_many", limit: ANALYSIS_LIMITS.participants };
  }
  return null;
}

/** Who took part: each name added or removed is saved at once. */
export function AnalysisParticipants({ analysis, announce }: FieldProps) {
  const { t } = useTranslation();
  const label = t("analyses.field.participants");
  const edit = useAnalysisEdit<string[]>({
    analysisId: analysis.id,
    saved: analysis.participants,
    equal: sameList,
    check: checkParticipants,
    toEdit: (value) => ({ field: "participants", value }),
    onSaved: useSaved(announce, label),
  });
  const chips = useChipList(edit);
  const message = useFailureMessage(edit.failure, "participants");
  return (
    <Field
      label={label}
      error={message}
      errorTestId="analysis-participants-error"
      className="analysis-field analysis-field--participants"
    >
      {(control) => (
        <ParticipantsEditor
          {...control}
          {...chips}
          isInvalid={(name) => charCount(name.trim()) > ANALYSIS_LIMITS.participant}
        />
      )}
    </Field>
  );
}
