import { useId, useRef, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { useEditAction } from "../../../api/actions";
import type { Action } from "../../../bindings/Action";
import { DialogButtons, ModalDialog } from "../../../kit/dialogs/ModalDialog";
import { moveEdit } from "./moves";
import { describeMoveError, moveFieldIssue } from "./moveMessages";

/** A move that needs words from the user: a check's result, or a reason to cancel. */
export interface PendingMove {
  action: Action;
  to: "verified_effective" | "not_effective" | "cancelled";
}

interface MoveDialogProps {
  move: PendingMove;
  /** Closed without moving (Cancel, Escape, the backdrop). */
  onClose: () => void;
  /** The core accepted the move. */
  onMoved: (action: Action) => void;
}

/**
 * Asks for what a move needs before it is sent: what the effectiveness check
 * found (Verified effective, Not effective) or why the action is dropped
 * (Cancelled). A modal dialog: focus moves in and stays in; Escape closes
 * without moving; the text typed is kept when the core refuses the move.
 */
export function MoveDialog({ move, onClose, onMoved }: MoveDialogProps) {
  const { t } = useTranslation();
  const introId = useId();
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const edit = useEditAction();
  const [text, setText] = useState("");
  const [missing, setMissing] = useState(false);
  const { action, to } = move;
  const isCheck = to !== "cancelled";
  const result = to === "verified_effective" ? "effective" : "not_effective";

  const pending = edit.isPending;

  const field = isCheck ? "checkNotes" : "cancelReason";
  const serverIssue = edit.error === null ? null : moveFieldIssue(t, edit.error, field);
  const fieldMessage = missing ? t("errors.rule.required") : serverIssue;
  const otherError =
    edit.error !== null && serverIssue === null
      ? describeMoveError(t, edit.error, action.status, to, action.title)
      : null;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    if (text.trim() === "") {
      setMissing(true);
      fieldRef.current?.focus();
      return;
    }
    setMissing(false);
    edit.mutate(
      { id: action.id, edit: moveEdit(to, text.trim()) },
      {
        onSuccess: (saved) => {
          onMoved(saved);
        },
        onError: () => {
          fieldRef.current?.focus();
        },
      },
    );
  };

  const describedBy = [fieldMessage !== null ? errorId : null, isCheck ? hintId : null]
    .filter((x) => x !== null)
    .join(" ");

  return (
    <ModalDialog
      title={isCheck ? t(`actionBoard.check.title_${result}`) : t("actionBoard.cancel.title")}
      className="move-dialog"
      describedBy={introId}
      testId={isCheck ? "check-dialog" : "cancel-dialog"}
      pending={pending}
      onClose={onClose}
      initialFocus={() => fieldRef.current}
      restoreFocus={false}
      captureEscape
    >
      <p id={introId} className="overlay-hint">
        {isCheck
          ? t(`actionBoard.check.intro_${result}`, { title: action.title })
          : t("actionBoard.cancel.intro", { title: action.title })}
      </p>
      {isCheck && action.checkMethod.trim() !== "" && (
        <p className="move-dialog-method">
          <span className="field-label">{t("actionBoard.check.method")}</span> <bdi>{action.checkMethod}</bdi>
        </p>
      )}
      <form className="move-dialog-form" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field-label" htmlFor={fieldId}>
            {isCheck ? t("actions.field.checkNotes") : t("actions.field.cancelReason")}
          </label>
          <textarea
            ref={fieldRef}
            id={fieldId}
            className="text-input"
            rows={4}
            dir={text === "" ? undefined : "auto"}
            required
            aria-required="true"
            aria-invalid={fieldMessage !== null}
            aria-describedby={describedBy === "" ? undefined : describedBy}
            value={text}
            disabled={pending}
            data-testid={isCheck ? "check-notes" : "cancel-reason"}
            onChange={(event) => {
              setText(event.target.value);
              if (event.target.value.trim() !== "") setMissing(false);
            }}
          />
          {fieldMessage !== null && (
            <p id={errorId} className="field-error" data-testid="move-dialog-field-error">
              {fieldMessage}
            </p>
          )}
          {isCheck && (
            <p id={hintId} className="field-hint">
              {t("actionBoard.check.notesHint")}
            </p>
          )}
        </div>
        {otherError !== null && (
          <p className="field-error" role="alert" data-testid="move-dialog-error">
            {otherError}
          </p>
        )}
        <DialogButtons
          pending={pending}
          backLabel={t("actionBoard.dialogBack")}
          onBack={onClose}
          confirmLabel={
            pending
              ? t("actionBoard.saving")
              : isCheck
                ? t(`actionBoard.check.confirm_${result}`)
                : t("actionBoard.cancel.confirm")
          }
          confirmTestId="move-dialog-confirm"
        />
      </form>
    </ModalDialog>
  );
}
