import { useId, useRef, type KeyboardEvent } from "react";
import type { ControlProps } from "./Field";
import { RemovableItem } from "./RemovableItem";

export interface ChipsEditorProps extends ControlProps {
  /** The items as they stand. */
  value: readonly string[];
  /** What is typed in the entry box and not added yet. */
  text: string;
  onTextChange: (text: string) => void;
  /**
   * Adds items. Nothing typed is refused here: an item that breaks a rule is
   * added, marked, and explained beside the field, so it can be seen and removed.
   */
  onAdd: (items: string[]) => void;
  onRemove: (index: number) => void;
  /** Escape in the entry box. */
  onCancel?: () => void;
  /** Items to mark as breaking a rule (too long). */
  isInvalid?: (item: string) => boolean;
  /** The characters that end an item (a one-character class, such as `/[,،]/`). */
  separators: RegExp;
  /** Earlier items offered as the user types. */
  suggestions?: readonly string[];
  labels: {
    /** The list's accessible name. */
    list: string;
    placeholder: string;
    /** The accessible name of an item's remove button. */
    remove: (item: string) => string;
  };
  testIds: { root: string; input: string; list?: string; chip: string; remove: string };
}

/** The items in `raw`, split at the separators, trimmed, empty ones dropped. */
export function splitItems(raw: string, separators: RegExp): string[] {
  return raw
    .split(separators)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** Where the last separator in `text` is, or -1. */
function lastSeparator(text: string, separators: RegExp): number {
  for (let i = text.length - 1; i >= 0; i -= 1) if (separators.test(text.charAt(i))) return i;
  return -1;
}

/**
 * Items as chips: the one list editor behind tags, participants and the
 * like. Enter or a separator adds what is typed (a pasted "a, b, c" adds
 * three); leaving the box adds it too; each chip has its own remove button,
 * after which the box has the focus again.
 */
export function ChipsEditor({
  value,
  text,
  onTextChange,
  onAdd,
  onRemove,
  onCancel,
  isInvalid,
  separators,
  suggestions,
  labels,
  testIds,
  ...control
}: ChipsEditorProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  /** Adds the items in `raw` and leaves `rest` in the box. */
  const add = (raw: string, rest = "") => {
    const items = splitItems(raw, separators);
    if (items.length > 0) onAdd(items);
    onTextChange(rest);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Escape" && onCancel !== undefined) {
      event.preventDefault();
      onCancel();
    } else if (event.key === "Enter" || separators.test(event.key)) {
      // A separator on its own adds nothing, and is not typed either.
      event.preventDefault();
      if (text.trim() !== "") add(text);
    }
  };

  return (
    <div className="list-editor" data-testid={testIds.root}>
      {value.length > 0 && (
        <ul className="chip-list" aria-label={labels.list} data-testid={testIds.list}>
          {value.map((item, index) => (
            <RemovableItem
              key={`${item}-${String(index)}`}
              className={isInvalid?.(item) === true ? "chip chip--invalid" : "chip"}
              testId={testIds.chip}
              text={item}
              textClassName="chip-text"
              removeLabel={labels.remove(item)}
              removeTestId={testIds.remove}
              onRemove={() => {
                onRemove(index);
                inputRef.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
      <input
        {...control}
        ref={inputRef}
        className="text-input list-editor-input"
        type="text"
        autoComplete="off"
        dir={text === "" ? undefined : "auto"}
        list={suggestions === undefined ? undefined : listId}
        value={text}
        placeholder={labels.placeholder}
        data-testid={testIds.input}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (text.trim() !== "") add(text);
        }}
        onChange={(event) => {
          const next = event.target.value;
          // A pasted separator adds everything before it.
          const last = lastSeparator(next, separators);
          if (last >= 0) add(next.slice(0, last), next.slice(last + 1));
          else onTextChange(next);
        }}
      />
      {suggestions !== undefined && (
        <datalist id={listId}>
          {suggestions.map((item) => (
            <option key={item} value={item} />
          ))}
        </datalist>
      )}
    </div>
  );
}
