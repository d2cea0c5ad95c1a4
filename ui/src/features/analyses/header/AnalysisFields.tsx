import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Analysis } from "../../../bindings/Analysis";
import type { AnalysisEdit } from "../../../bindings/AnalysisEdit";
import type { AnalysisStatus } from "../../../bindings/AnalysisStatus";
import { useFailureMessage } from "../../problems/detail/useInlineEdit";
import {
  charCount,
  checkPastDay,
  checkText,
  DateInput,
  Field,
  LIMITS,
  TextInput,
  type FieldIssue,
} from "../../problems/fields";
import { ParticipantsEditor } from "./ParticipantsEditor";
import { useAnalysisEdit } from "./useAnalysisEdit";

/** The limits the core checks on an analysis (crates/rootwise-core/src/analysis/write.rs). */
export const ANALYSIS_LIMITS = {
  title: 300,
  facilitator: LIMITS.shortText,
  participant: LIMITS.shortText,
  participants: 50,
  summary: 20_000,
} as const;

export const ANALYSIS_STATUSES: readonly AnalysisStatus[] = ["draft", "in_review", "concluded"];

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
export function AnalysisText({
  analysis,
  announce,
  field,
  multiline = false,
  className,
  placeholder,
  hint,
}: AnalysisTextProps) {
  const { t } = useTranslation();
  const label = t(`analyses.field.${field}`);
  const edit = useAnalysisEdit<string>({
    analysisId: analysis.id,
    saved: analysis[field],
    check: (value) => checkText(field, value, TEXT_MAX[field], field === "title"),
    toEdit: (value): AnalysisEdit => ({ field, value }),
    onSaved: useSaved(announce, label),
  });
  const message = useFailureMessage(edit.failure, field);
  return (
    <Field
      label={label}
      error={message}
      errorTestId={`analysis-${field}-error`}
      hint={hint}
      className={`analysis-field analysis-field--${field}`}
    >
      {(control) => (
        <TextInput
          {...control}
          className={["inline-input", className ?? null].filter(Boolean).join(" ")}
          value={edit.value}
          multiline={multiline}
          placeholder={placeholder ?? t("analyses.placeholder.empty")}
          testId={`analysis-${field}`}
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
  const message = useFailureMessage(edit.failure, "heldOn");
  return (
    <Field
      label={label}
      error={message}
      errorTestId="analysis-heldOn-error"
      className="analysis-field analysis-field--heldOn"
    >
      {(control) => (
        <DateInput
          {...control}
          value={edit.value}
          testId="analysis-heldOn"
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
  const message = useFailureMessage(edit.failure, "status");
  return (
    <Field
      label={label}
      error={message}
      errorTestId="analysis-status-error"
      className="analysis-field analysis-field--status"
    >
      {(control) => (
        <select
          {...control}
          className="select-input"
          value={edit.value}
          data-testid="analysis-status"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              edit.cancel();
            }
          }}
          onChange={(event) => {
            const next = event.target.value;
            if (!isAnalysisStatus(next)) return;
            edit.change(next);
            edit.commit(next);
          }}
        >
          {ANALYSIS_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`why.analysisStatus.${status}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
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

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, i) => item === b[i]);

/** Who took part: each name added or removed is saved at once. */
export function AnalysisParticipants({ analysis, announce }: FieldProps) {
  const { t } = useTranslation();
  const label = t("analyses.field.participants");
  const [text, setText] = useState("");
  const edit = useAnalysisEdit<string[]>({
    analysisId: analysis.id,
    saved: analysis.participants,
    equal: sameList,
    check: checkParticipants,
    toEdit: (value) => ({ field: "participants", value }),
    onSaved: useSaved(announce, label),
  });
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
          value={edit.value}
          text={text}
          onTextChange={setText}
          isInvalid={(name) => charCount(name.trim()) > ANALYSIS_LIMITS.participant}
          onAdd={(names) => {
            const next = [...edit.value, ...names.filter((name) => !edit.value.includes(name))];
            edit.change(next);
            edit.commit(next);
          }}
          onRemove={(index) => {
            const next = edit.value.filter((_, i) => i !== index);
            edit.change(next);
            edit.commit(next);
          }}
          onCancel={() => {
            setText("");
            edit.cancel();
          }}
        />
      )}
    </Field>
  );
}
