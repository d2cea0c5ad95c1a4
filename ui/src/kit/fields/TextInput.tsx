import { useSuggestions } from "../../api/problems";
import { useId, type KeyboardEvent } from "react";
import type { SuggestField } from "../../bindings/SuggestField";
import type { ControlProps } from "./Field";
import { oneLine, useOneLinePaste } from "./oneLine";

export interface CommitHandlers {
  /** Enter (Ctrl+Enter in a multi-line field) and leaving the field. */
  onCommit?: () => void;
  /** Escape: drop what was typed. */
  onCancel?: () => void;
}

interface TextInputProps extends ControlProps, CommitHandlers {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  multiline?: boolean;
  /** Offer earlier values of this field as suggestions. */
  suggest?: SuggestField;
  placeholder?: string;
  className?: string;
}

/** Lines a multi-line field shows: what it holds plus one, within bounds. */
function rowsFor(value: string): number {
  const lines = value.split("\n").length;
  return Math.min(20, Math.max(4, lines + 1));
}

function Suggestions({ field, id }: { field: SuggestField; id: string }) {
  const suggestions = useSuggestions(field);
  return (
    <datalist id={id}>
      {(suggestions.data ?? []).map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  );
}

/**
 * A single- or multi-line text control. User text is shown exactly as typed,
 * in its own direction (`dir="auto"`), whatever the UI language. A one-line
 * control never takes a line break or a tab: pasted lines are joined with
 * spaces (as the core stores them) and a notice says so.
 */
export function TextInput({
  value,
  onChange,
  onCommit,
  onCancel,
  testId,
  multiline = false,
  suggest,
  placeholder,
  className,
  ...control
}: TextInputProps) {
  const listId = useId();
  const paste = useOneLinePaste(value, onChange, testId);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Escape" && onCancel !== undefined) {
      event.preventDefault();
      onCancel();
    } else if (event.key === "Enter" && onCommit !== undefined) {
      if (multiline && !(event.ctrlKey || event.metaKey)) return; // a new line
      event.preventDefault();
      onCommit();
    }
  };
  const common = {
    ...control,
    className: ["text-input", className ?? null].filter(Boolean).join(" "),
    dir: value === "" ? undefined : "auto",
    value,
    placeholder,
    "data-testid": testId,
    onKeyDown,
    onBlur: onCommit,
  };
  if (multiline) {
    return (
      <textarea
        {...common}
        rows={rowsFor(value)}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    );
  }
  return (
    <>
      <input
        {...common}
        type="text"
        autoComplete="off"
        list={suggest !== undefined ? listId : undefined}
        onPaste={paste.onPaste}
        onChange={(event) => {
          paste.onTyped();
          onChange(oneLine(event.target.value));
        }}
      />
      {suggest !== undefined && <Suggestions field={suggest} id={listId} />}
      {paste.notice}
    </>
  );
}
