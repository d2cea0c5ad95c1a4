import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { toAppError } from "../../../api/errors";
import { LIMITS } from "../../../bindings/rules";
import { describeError } from "../../../i18n/errors";
import { checkText, describeFieldIssue, fieldIssuesFromError } from "../../../kit/fields";

/** The longest note the core takes. */
export const NOTE_LIMIT = LIMITS.empathy.note;

interface NoteEditorProps {
  /** What the editor starts with. */
  initial: string;
  /** Saves; rejects with the core's error, shown beside the editor. */
  onSave: (text: string) => Promise<unknown>;
  onCancel: () => void;
  /** Clear the text after a save and stay open (adding several notes in a row). */
  keepOpen?: boolean;
  label: string;
}

/**
 * The inline note editor: Enter saves, Shift+Enter starts a new line,
 * Escape cancels. An empty note is refused beside the editor, which keeps
 * the focus and what was typed.
 */
export function NoteEditor({ initial, onSave, onCancel, keepOpen = false, label }: NoteEditorProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const errorId = useId();
  const hintId = useId();

  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const save = () => {
    if (busy) return;
    const issue = checkText("text", text, NOTE_LIMIT, true);
    if (issue !== null) {
      setError(describeFieldIssue(t, issue));
      ref.current?.focus();
      return;
    }
    setBusy(true);
    onSave(text.trim()).then(
      () => {
        setBusy(false);
        setError(null);
        if (keepOpen) {
          setText("");
          ref.current?.focus();
        }
      },
      (reason: unknown) => {
        setBusy(false);
        const appError = toAppError(reason);
        const issues = fieldIssuesFromError(appError);
        const first = issues.get("text") ?? [...issues.values()][0];
        setError(first === undefined ? describeError(t, appError) : describeFieldIssue(t, first));
        ref.current?.focus();
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    event.stopPropagation();
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      save();
    } else if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <div
      className="empathy-editor"
      onDoubleClick={(event) => {
        event.stopPropagation();
      }}
    >
      <textarea
        ref={ref}
        className="text-input empathy-editor-input"
        aria-label={label}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `${errorId} ${hintId}` : hintId}
        dir="auto"
        rows={3}
        maxLength={NOTE_LIMIT * 2}
        value={text}
        data-testid="note-editor"
        onChange={(event) => {
          setText(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onPointerDown={(event) => {
          event.stopPropagation();
        }}
      />
      {error !== null && (
        <p id={errorId} className="field-error empathy-editor-error" role="alert" data-testid="note-error">
          {error}
        </p>
      )}
      <p id={hintId} className="field-hint empathy-editor-hint">
        {t("empathy.note.editorHint")}
      </p>
      <div className="empathy-editor-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          data-testid="note-editor-save"
          onClick={save}
        >
          {t("empathy.note.save")}
        </button>
        <button
          type="button"
          className="button button--ghost"
          data-testid="note-editor-cancel"
          onClick={onCancel}
        >
          {t("empathy.note.cancel")}
        </button>
      </div>
    </div>
  );
}
