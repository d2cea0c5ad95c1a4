import { useEffect, useId, useRef, useState, type SyntheticEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { toAppError } from "../../../api/errors";
import type { CauseCategory } from "../../../bindings/CauseCategory";
import type { Evidence } from "../../../bindings/Evidence";
import type { NewEvidence } from "../../../bindings/NewEvidence";
import { ENUMS, LIMITS } from "../../../bindings/rules";
import type { WhyNode } from "../../../bindings/WhyNode";
import type { WhyStatus } from "../../../bindings/WhyStatus";
import { Slot } from "../../../kit/slots";
import { Field } from "../../../kit/fields";
import type { TreeEditor } from "../model/useTreeEditor";
import { evidenceMessages } from "./messages";

const STATUSES: readonly WhyStatus[] = ENUMS.whyStatus;
const CATEGORIES: readonly CauseCategory[] = ENUMS.causeCategory;
/** Limits the core enforces (it is the real guard; these only stop typing past them). */
const NOTE_LIMIT = LIMITS.analysis.evidenceNote;
const REFERENCE_LIMIT = LIMITS.analysis.evidenceReference;
const ACTION_INTENT_LIMIT = LIMITS.analysis.actionIntent;

interface Messages {
  note?: string;
  reference?: string;
  form?: string;
}

interface EvidenceFormProps {
  initial: NewEvidence;
  submitLabel: string;
  /** Saves; rejects with the core's error, which is shown beside the fields. */
  onSubmit: (input: NewEvidence) => Promise<unknown>;
  onCancel?: () => void;
  /** Clears the fields after a successful save (the add form). */
  resetOnSave: boolean;
  testId: string;
}

/** A note and a reference, checked here first and by the core; refused input stays as typed. */
function EvidenceForm({ initial, submitLabel, onSubmit, onCancel, resetOnSave, testId }: EvidenceFormProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState(initial.note);
  const [reference, setReference] = useState(initial.reference);
  const [messages, setMessages] = useState<Messages>({});
  const [busy, setBusy] = useState(false);

  const submit = (event?: SyntheticEvent) => {
    event?.preventDefault();
    if (busy) return;
    if (note.trim() === "" && reference.trim() === "") {
      setMessages({ note: t("outline.panel.noteOrReference") });
      return;
    }
    setBusy(true);
    onSubmit({ note, reference }).then(
      () => {
        setBusy(false);
        setMessages({});
        if (resetOnSave) {
          setNote("");
          setReference("");
        }
      },
      (reason: unknown) => {
        setBusy(false);
        setMessages(evidenceMessages(t, toAppError(reason)));
      },
    );
  };

  return (
    <form className="outline-evidence-form" data-testid={testId} onSubmit={submit} noValidate>
      <Field
        label={t("outline.panel.note")}
        hint={t("outline.panel.noteHint")}
        error={messages.note ?? null}
        errorTestId={`${testId}-note-error`}
      >
        {(control) => (
          <textarea
            {...control}
            className="text-input"
            data-testid={`${testId}-note`}
            rows={2}
            dir="auto"
            maxLength={NOTE_LIMIT}
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
            }}
            onKeyDown={(event) => {
              // Ctrl+Enter saves; Enter alone starts a new line.
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit();
            }}
          />
        )}
      </Field>
      <Field
        label={t("outline.panel.reference")}
        hint={t("outline.panel.referenceHint")}
        error={messages.reference ?? null}
        errorTestId={`${testId}-reference-error`}
      >
        {(control) => (
          <input
            {...control}
            className="text-input"
            data-testid={`${testId}-reference`}
            dir="auto"
            maxLength={REFERENCE_LIMIT}
            value={reference}
            onChange={(event) => {
              setReference(event.target.value);
            }}
          />
        )}
      </Field>
      {messages.form !== undefined && (
        <p className="field-error" role="alert">
          {messages.form}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel !== undefined && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t("outline.panel.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

function EvidenceItem({ node, evidence, editor }: { node: WhyNode; evidence: Evidence; editor: TreeEditor }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li className="outline-evidence-item">
        <EvidenceForm
          initial={{ note: evidence.note, reference: evidence.reference }}
          submitLabel={t("outline.panel.save")}
          resetOnSave={false}
          testId="evidence-edit"
          onSubmit={async (input) => {
            try {
              await editor.editEvidence(evidence, input);
              setEditing(false);
            } catch (reason) {
              editor.clearError(); // Shown beside the fields instead.
              throw reason;
            }
          }}
          onCancel={() => {
            setEditing(false);
          }}
        />
      </li>
    );
  }
  return (
    <li className="outline-evidence-item" data-testid="evidence-item">
      {evidence.note !== "" && (
        <p className="outline-evidence-note" dir="auto">
          {evidence.note}
        </p>
      )}
      {evidence.reference !== "" && (
        <p className="outline-evidence-reference" dir="auto">
          {evidence.reference}
        </p>
      )}
      <p className="outline-evidence-author">
        {evidence.author === ""
          ? t("outline.panel.addedByNobody")
          : t("outline.panel.addedBy", { author: evidence.author })}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            setEditing(true);
          }}
        >
          {t("outline.panel.edit")}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            editor.removeEvidence(node, evidence).catch(() => undefined);
          }}
        >
          {t("outline.panel.remove")}
        </button>
      </div>
    </li>
  );
}

interface DetailsPanelProps {
  node: WhyNode;
  editor: TreeEditor;
  /** Asks the panel to take focus (Alt+E); bumps each time. */
  focusRequest: number;
  onClose: () => void;
}

/**
 * Everything about the selected cause that the row has no room for: status,
 * category, marks, the corrective action to create and the evidence. Every
 * change goes through the tree editor, so Ctrl+Z takes it back.
 */
export function DetailsPanel({ node, editor, focusRequest, onClose }: DetailsPanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const firstRef = useRef<HTMLSelectElement>(null);
  const [intent, setIntent] = useState<string | null>(null);

  useEffect(() => {
    if (focusRequest > 0) firstRef.current?.focus();
  }, [focusRequest]);

  const savedIntent = node.actionIntent ?? "";
  const saveIntent = () => {
    if (intent === null) return;
    const value = intent.trim() === "" ? null : intent;
    setIntent(null);
    if (value !== node.actionIntent)
      editor.edit(node, { field: "actionIntent", value }).catch(() => undefined);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      saveIntent();
      onClose();
    }
  };

  return (
    <aside
      className="outline-panel"
      aria-labelledby={titleId}
      data-testid="outline-panel"
      onKeyDown={onKeyDown}
    >
      <div className="outline-panel-header">
        <h2 id={titleId} className="outline-panel-title">
          {t("outline.panel.title")}
        </h2>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t("outline.panel.close")}
        </button>
      </div>
      <p className="outline-panel-cause" dir="auto">
        {node.text === "" ? t("why.emptyText") : node.text}
      </p>
      <div className="outline-panel-grid">
        <Field label={t("outline.panel.status")} error={null} errorTestId="panel-status-error">
          {(control) => (
            <select
              {...control}
              ref={firstRef}
              className="text-input"
              data-testid="panel-status"
              value={node.status}
              onChange={(event) => {
                editor
                  .edit(node, { field: "status", value: event.target.value as WhyStatus })
                  .catch(() => undefined);
              }}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`why.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("outline.panel.category")} error={null} errorTestId="panel-category-error">
          {(control) => (
            <select
              {...control}
              className="text-input"
              data-testid="panel-category"
              value={node.category ?? ""}
              onChange={(event) => {
                const value = event.target.value === "" ? null : (event.target.value as CauseCategory);
                editor.edit(node, { field: "category", value }).catch(() => undefined);
              }}
            >
              <option value="">{t("why.category.none")}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`why.category.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <label className="outline-check-field">
        <input
          type="checkbox"
          data-testid="panel-root-cause"
          checked={node.rootCause}
          onChange={(event) => {
            editor.edit(node, { field: "rootCause", value: event.target.checked }).catch(() => undefined);
          }}
        />
        {t("outline.panel.rootCause")}
      </label>
      <label className="outline-check-field">
        <input
          type="checkbox"
          data-testid="panel-joint"
          checked={node.joint}
          onChange={(event) => {
            editor.edit(node, { field: "joint", value: event.target.checked }).catch(() => undefined);
          }}
        />
        {t("outline.panel.joint")}
      </label>
      <Field
        label={t("outline.panel.actionIntent")}
        hint={t("outline.panel.actionIntentHint")}
        error={null}
        errorTestId="panel-intent-error"
      >
        {(control) => (
          <input
            {...control}
            className="text-input"
            data-testid="panel-intent"
            dir="auto"
            maxLength={ACTION_INTENT_LIMIT}
            value={intent ?? savedIntent}
            onChange={(event) => {
              setIntent(event.target.value);
            }}
            onBlur={saveIntent}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                saveIntent();
              }
            }}
          />
        )}
      </Field>
      <section className="outline-evidence-section" aria-labelledby={`${titleId}-evidence`}>
        <h3 id={`${titleId}-evidence`} className="outline-panel-subtitle">
          {t("outline.panel.evidence")}
        </h3>
        {node.evidence.length === 0 ? (
          <p className="field-hint">{t("outline.panel.noEvidence")}</p>
        ) : (
          <ul className="outline-evidence-list">
            {node.evidence.map((e) => (
              <EvidenceItem key={e.id} node={node} evidence={e} editor={editor} />
            ))}
          </ul>
        )}
        <EvidenceForm
          initial={{ note: "", reference: "" }}
          submitLabel={t("outline.panel.addEvidence")}
          resetOnSave
          testId="evidence-add"
          onSubmit={async (input) => {
            try {
              await editor.addEvidence(node, input);
            } catch (reason) {
              editor.clearError(); // Shown beside the fields instead.
              throw reason;
            }
          }}
        />
      </section>
      <Slot name="whyNotes" props={{ whyId: node.id }} />
    </aside>
  );
}
