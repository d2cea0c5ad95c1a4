import type { KeyboardEvent } from "react";
import type { ControlProps } from "./Field";
import type { CommitHandlers } from "./TextInput";

interface NumberInputProps extends ControlProps, CommitHandlers {
  /** Exactly what was typed: kept as text so a rejected entry stays on screen as typed. */
  value: string;
  onChange: (value: string) => void;
  testId: string;
  placeholder?: string;
  className?: string;
}

/**
 * A whole number (a score or a count). A text field with a numeric keyboard,
 * rather than type=number, so whatever the user types stays visible and can
 * be explained; `parseWholeNumber` reads it.
 */
export function NumberInput({
  className,
  value,
  onChange,
  onCommit,
  onCancel,
  testId,
  placeholder,
  ...control
}: NumberInputProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape" && onCancel !== undefined) {
      event.preventDefault();
      onCancel();
    } else if (event.key === "Enter" && onCommit !== undefined) {
      event.preventDefault();
      onCommit();
    }
  };
  return (
    <input
      {...control}
      className={["text-input", "number-input", className ?? null].filter(Boolean).join(" ")}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      value={value}
      placeholder={placeholder}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onBlur={onCommit}
      onChange={(event) => {
        onChange(event.target.value);
      }}
    />
  );
}
