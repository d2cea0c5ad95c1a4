import type { KeyboardEvent } from "react";
import type { ControlProps } from "./Field";
import { EARLIEST_DAY, localToday } from "./rules";
import type { CommitHandlers } from "./TextInput";

interface DateInputProps extends ControlProps, CommitHandlers {
  /** YYYY-MM-DD, or "" while the user clears it. */
  value: string;
  onChange: (value: string) => void;
  testId: string;
}

/** A calendar day, never later than today (the core refuses future days). */
export function DateInput({ value, onChange, onCommit, onCancel, testId, ...control }: DateInputProps) {
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
      className="text-input date-input"
      type="date"
      // The native date field lays its parts out in the system's order;
      // right to left it would read them backwards.
      dir="ltr"
      min={EARLIEST_DAY}
      max={localToday()}
      value={value}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onBlur={onCommit}
      onChange={(event) => {
        onChange(event.target.value);
      }}
    />
  );
}
