import { useEffect, useId, useRef, useState, type SubmitEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { WhyNode } from "../../../bindings/WhyNode";
import type { TreeEditor } from "../model/useTreeEditor";
import { checkEvidence, errorsFrom, issueMessage, NO_ERRORS, type FormErrors } from "./messages";

interface EvidenceFormProps {
  node: WhyNode;
  editor: TreeEditor;
  /** The evidence was attached. */
  onAttached: () => void;
  onCancel: () => void;
}

/** The inline form that attaches a note, a reference or both to a cause. */
export function EvidenceForm({ node, editor, onAttached, onCancel }: EvidenceFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState("");
  const [reference, setReference] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const referenceRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // Opened, the whole form comes into view (its buttons too, not only the
  // focused note), as little scrolled as can be.
  useEffect(() => {
    noteRef.current?.focus({ preventScroll: true });
    // jsdom has no scrollIntoView.
    (formRef.current as Partial<Pick<HTMLElement, "scrollIntoView">> | null)?.scrollIntoView?.({
      block: "nearest",
    });
  }, []);

  const focusField = (field: string | undefined) => {
    if (field === "reference") referenceRef.current?.focus();
    else noteRef.current?.focus();
  };

  const submit = async () => {
    if (busy) return;
    const issues = checkEvidence(note, reference);
    if (issues.length > 0) {
      setErrors({
        fields: Object.fromEntries(issues.map((issue) => [issue.field, issueMessage(t, issue)])),
        general: null,
      });
      focusField(issues[0]?.field);
      return;
    }
    setBusy(true);
    try {
      await editor.addEvidence(node, { note, reference });
      setErrors(NO_ERRORS);
      setNote("");
      setReference("");
      onAttached();
    } catch (reason) {
      const next = errorsFrom(t, reason, ["note", "reference"]);
      setErrors(next);
      focusField(Object.keys(next.fields)[0]);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === "Escape" && note === "" && reference === "") {
      // Nothing typed: Escape closes the form (with text, it only leaves the field).
      event.preventDefault();
      onCancel();
    }
  };

  const noteError = errors.fields.note;
  const referenceError = errors.fields.reference;
  return (
    <form
      ref={formRef}
      className="session-evidence-form"
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      noValidate
    >
      <div className="field">
        <label className="field-label" htmlFor={`${id}-note`}>
          {t("session.evidence.note")}
        </label>
        <textarea
          ref={noteRef}
          id={`${id}-note`}
          className="text-input"
          rows={3}
          dir={note === "" ? undefined : "auto"}
          value={note}
          aria-invalid={noteError === undefined ? undefined : true}
          aria-describedby={noteError === undefined ? `${id}-hint` : `${id}-note-error ${id}-hint`}
          data-testid="evidence-note"
          onChange={(event) => {
            setNote(event.target.value);
          }}
        />
        {noteError !== undefined && (
          <p className="field-error" id={`${id}-note-error`} data-testid="evidence-note-error">
            {noteError}
          </p>
        )}
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-reference`}>
          {t("session.evidence.reference")}
        </label>
        <input
          ref={referenceRef}
          id={`${id}-reference`}
          className="text-input"
          dir={reference === "" ? undefined : "auto"}
          value={reference}
          aria-invalid={referenceError === undefined ? undefined : true}
          aria-describedby={referenceError === undefined ? undefined : `${id}-reference-error`}
          data-testid="evidence-reference"
          onChange={(event) => {
            setReference(event.target.value);
          }}
        />
        {referenceError !== undefined && (
          <p className="field-error" id={`${id}-reference-error`} data-testid="evidence-reference-error">
            {referenceError}
          </p>
        )}
      </div>
      {errors.general !== null && (
        <p className="field-error" role="alert">
          {errors.general}
        </p>
      )}
      <p className="field-hint" id={`${id}-hint`}>
        {t("session.evidence.hint")}
      </p>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="evidence-save">
          {t("session.evidence.save")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("session.evidence.cancel")}
        </button>
      </div>
    </form>
  );
}
