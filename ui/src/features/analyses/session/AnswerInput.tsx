import { useId, useState, type RefObject, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { checkText } from "../../../kit/fields";
import type { TreeEditor } from "../model/useTreeEditor";
import { errorsFrom, issueMessage, SESSION_LIMITS } from "./messages";

interface AnswerInputProps {
  inputRef: RefObject<HTMLInputElement | null>;
  /** The cause in question; null for the problem statement. */
  parentId: string | null;
  editor: TreeEditor;
  onAdded: (text: string) => void;
}

/**
 * The big answer field: Enter adds what was typed as a new answer (a new
 * branch) and empties the field for the next one. It keeps its own text, so
 * a key press re-renders only the field, not the whole session; text not yet
 * added stays in the field when the session moves to another step.
 */
export function AnswerInput({ inputRef, parentId, editor, onAdded }: AnswerInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState("");
  // An error belongs to the step it was made at.
  const [failure, setFailure] = useState<{ parentId: string | null; message: string } | null>(null);
  const error = failure?.parentId === parentId ? failure.message : null;
  const setError = (message: string | null) => {
    setFailure(message === null ? null : { parentId, message });
  };

  const add = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitted = draft;
    const text = submitted.trim();
    if (text === "") return;
    const issue = checkText("text", text, SESSION_LIMITS.text);
    if (issue !== null) {
      setError(issueMessage(t, issue));
      return;
    }
    try {
      await editor.add(parentId === null ? { text } : { parentId, text });
      setError(null);
      // Keep anything typed while the answer was being saved.
      setDraft((current) => (current === submitted ? "" : current));
      onAdded(text);
    } catch (reason) {
      const errors = errorsFrom(t, reason, ["text"]);
      setError(errors.fields.text ?? errors.general);
    }
  };

  return (
    <form className="session-add" onSubmit={(event) => void add(event)} noValidate>
      <label className="field-label" htmlFor={id}>
        {t("session.answer.label")}
      </label>
      <div className="input-row">
        <input
          ref={inputRef}
          id={id}
          className="text-input session-add-input"
          dir={draft === "" ? undefined : "auto"}
          value={draft}
          placeholder={t("session.answer.placeholder")}
          autoComplete="off"
          aria-invalid={error === null ? undefined : true}
          aria-describedby={error === null ? undefined : `${id}-error`}
          data-testid="answer-input"
          onChange={(event) => {
            setDraft(event.target.value);
          }}
        />
        <button type="submit" className="button button--primary" data-testid="answer-add">
          {t("session.answer.add")}
        </button>
      </div>
      {error !== null && (
        <p className="field-error" id={`${id}-error`} data-testid="answer-error">
          {error}
        </p>
      )}
    </form>
  );
}
