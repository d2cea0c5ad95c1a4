import { useEffect, useId, useRef, type ReactNode } from "react";
import { focusableIn, useModalKeys } from "../../shortcuts/focusTrap";

interface ModalDialogProps {
  /** The heading, which labels the dialog. */
  title: ReactNode;
  titleClassName?: string;
  /** Added to `overlay` on the dialog (`reason-dialog`, `merge-dialog`…). */
  className: string;
  /** Id of what describes the dialog (its explanation), if anything does. */
  describedBy?: string;
  testId: string;
  /** While true, Escape and the backdrop do not close it. */
  pending: boolean;
  onClose: () => void;
  /** Where focus goes on open (default: the checked choice, else the first control). */
  initialFocus?: (dialog: HTMLElement) => HTMLElement | null | undefined;
  /** Give focus back to where it was when the dialog closes (default true). */
  restoreFocus?: boolean;
  /** Keep Escape from reaching the page's own key handlers (a board that would also react). */
  captureEscape?: boolean;
  children: ReactNode;
}

function defaultFocus(dialog: HTMLElement): HTMLElement | undefined {
  return dialog.querySelector<HTMLElement>("input:checked") ?? focusableIn(dialog)[0];
}

/**
 * The frame of every modal dialog (move, merge, reason): a backdrop that
 * closes it when pressed, a `role="dialog"` labelled by its heading; focus
 * moves in, stays in and (by default) returns on close; Escape closes it
 * unless a change is pending.
 */
export function ModalDialog({
  title,
  titleClassName,
  className,
  describedBy,
  testId,
  pending,
  onClose,
  initialFocus = defaultFocus,
  restoreFocus = true,
  captureEscape = false,
  children,
}: ModalDialogProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const focusRef = useRef(initialFocus);
  const restoreRef = useRef(restoreFocus);

  useEffect(() => {
    const previous = document.activeElement;
    const restore = restoreRef.current;
    const dialog = dialogRef.current;
    if (dialog !== null) focusRef.current(dialog)?.focus();
    return () => {
      if (restore && previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  useModalKeys(dialogRef, onClose, pending, { capture: captureEscape });

  return (
    <div
      className="overlay-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget && !pending) onClose();
      }}
    >
      <div
        ref={dialogRef}
        className={`overlay ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        data-testid={testId}
        tabIndex={-1}
      >
        <h2 id={titleId} className={titleClassName}>
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}

interface DialogButtonsProps {
  pending: boolean;
  /** Closes without doing anything. */
  backLabel: string;
  onBack: () => void;
  confirmLabel: string;
  confirmTestId: string;
  /** Without it the confirm button submits the dialog's form. */
  onConfirm?: () => void;
}

/** A dialog's Back and confirm buttons, both held while a change is pending. */
export function DialogButtons({
  pending,
  backLabel,
  onBack,
  confirmLabel,
  confirmTestId,
  onConfirm,
}: DialogButtonsProps) {
  return (
    <div className="button-row dialog-actions">
      <button type="button" className="button" disabled={pending} onClick={onBack}>
        {backLabel}
      </button>
      <button
        type={onConfirm === undefined ? "submit" : "button"}
        className="button button--primary"
        disabled={pending}
        data-testid={confirmTestId}
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
    </div>
  );
}
