import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/errors";
import { describeError } from "../../i18n/errors";
import { describeFieldIssue, fieldIssuesFromError, type FieldIssue } from "../fields";
import { DialogButtons, ModalDialog } from "./ModalDialog";

interface ReasonDialogProps {
  title: string;
  /** What happens, said before the user confirms. */
  explanation?: ReactNode;
  /** Label of the required text (a reason, the check's notes). */
  label: string;
  /** Fields the core may name for the text (`cancelReason`, `checkNotes`, `closeReason`, `reason`). */
  fields: readonly string[];
  confirmLabel: string;
  pending: boolean;
  /** The core's refusal, shown beside the text (or for the whole dialog). */
  error: AppError | null;
  /** Extra controls above the text (the check's result). */
  children?: ReactNode;
  testId: string;
  /** The text, trimmed; only called when it is not empty. */
  onConfirm: (text: string) => void;
  onClose: () => void;
}

/**
 * A modal dialog asking for a required text (a reason, what a check found):
 * focus moves in, stays in and returns on close; Escape closes; Ctrl+Enter
 * in the text confirms. An empty text is refused beside the field, and what
 * was typed stays when the core refuses.
 */
export function ReasonDialog({
  title,
  explanation,
  label,
  fields,
  confirmLabel,
  pending,
  error,
  children,
  testId,
  onConfirm,
  onClose,
}: ReasonDialogProps) {
  const { t } = useTranslation();
  const explainId = useId();
  const textId = useId();
  const errorId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState("");
  const [empty, setEmpty] = useState(false);

  // The core's refusal about the text shows beside it; anything else for the whole dialog.
  const issues = error === null ? new Map<string, FieldIssue>() : fieldIssuesFromError(error);
  const named = fields.map((f) => issues.get(f)).find((issue) => issue !== undefined);
  const fieldMessage = empty
    ? t("errors.rule.required")
    : named !== undefined
      ? describeFieldIssue(t, named)
      : null;
  const general = error !== null && named === undefined ? describeError(t, error) : null;

  useEffect(() => {
    if (error !== null) textRef.current?.focus();
  }, [error]);

  const confirm = () => {
    if (pending) return;
    if (text.trim() === "") {
      setEmpty(true);
      textRef.current?.focus();
      return;
    }
    onConfirm(text.trim());
  };

  return (
    <ModalDialog
      title={title}
      titleClassName="overlay-header reason-dialog-title"
      className="reason-dialog"
      describedBy={explanation === undefined ? undefined : explainId}
      testId={testId}
      pending={pending}
      onClose={onClose}
      initialFocus={(dialog) => dialog.querySelector<HTMLElement>("input:checked") ?? textRef.current}
    >
      {explanation !== undefined && (
        <p id={explainId} className="overlay-hint">
          {explanation}
        </p>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
      >
        {children}
        <div className="field">
          <label className="field-label" htmlFor={textId}>
            {label}
          </label>
          <div className="field-control">
            <textarea
              ref={textRef}
              id={textId}
              className="text-input"
              rows={4}
              required
              dir={text === "" ? undefined : "auto"}
              value={text}
              aria-invalid={fieldMessage !== null}
              aria-describedby={fieldMessage !== null ? errorId : undefined}
              data-testid={`${testId}-text`}
              onChange={(event) => {
                setText(event.target.value);
                if (event.target.value.trim() !== "") setEmpty(false);
              }}
              onKeyDown={(event) => {
                if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  confirm();
                }
              }}
            />
            {fieldMessage !== null && (
              <p id={errorId} className="field-error" data-testid={`${testId}-error`}>
                {fieldMessage}
              </p>
            )}
            <p className="field-hint">{t("actionDetail.dialog.ctrlEnter")}</p>
          </div>
        </div>
        {general !== null && (
          <p className="field-error" role="alert" data-testid={`${testId}-failure`}>
            {general}
          </p>
        )}
        <DialogButtons
          pending={pending}
          backLabel={t("actionDetail.dialog.back")}
          onBack={onClose}
          confirmLabel={confirmLabel}
          confirmTestId={`${testId}-confirm`}
        />
      </form>
    </ModalDialog>
  );
}
