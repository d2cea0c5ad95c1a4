import { useId, type ReactNode } from "react";

/** What a control inside a `Field` spreads on itself to be labelled and described. */
export interface ControlProps {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}

interface FieldProps {
  label: ReactNode;
  /** The translated message to show beside the control, or null. */
  error: string | null;
  /** data-testid of the message (`field-nps-error`, `new-field-nps-error`). */
  errorTestId: string;
  hint?: ReactNode;
  className?: string;
  /** The label sits beside the control rather than above it. */
  inline?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A visible label, a control, an optional hint and the control's error
 * message, wired together: the control is labelled by the label and described
 * by the message (then the hint), and marked invalid while there is a message.
 */
export function Field({ label, error, errorTestId, hint, className, inline = false, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error !== null ? errorId : null, hint !== undefined ? hintId : null]
    .filter((part) => part !== null)
    .join(" ");
  const classes = ["field", inline ? "field--inline" : null, className ?? null].filter(Boolean).join(" ");
  return (
    <div className={classes}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="field-control">
        {children({
          id,
          "aria-invalid": error !== null,
          "aria-describedby": describedBy === "" ? undefined : describedBy,
        })}
        {error !== null && (
          <p id={errorId} className="field-error" data-testid={errorTestId}>
            {error}
          </p>
        )}
        {hint !== undefined && (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
