import { useSuggestions } from "../../api/problems";
import { useId, useRef, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ControlProps } from "./Field";

interface ListEditorProps extends ControlProps {
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
  /**
   * `field-tags` names the editor; its entry box is `field-tags-input`, its list
   * `field-tags-list` and (for references) its Add button `field-tags-add`.
   */
  testIdBase: string;
}

/** Tag separators: the Latin comma and the Arabic comma. */
const TAG_SEPARATORS = /[,،]/;

function RemoveIcon() {
  return (
    <svg className="chip-remove-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
    </svg>
  );
}

interface RemovableItemProps {
  className: string;
  testId: string;
  text: string;
  textClassName: string;
  /** The remove button's accessible name and tooltip. */
  removeLabel: string;
  removeTestId: string;
  onRemove: () => void;
}

/** One item of a list editor: its text and its own remove button. */
export function RemovableItem({
  className,
  testId,
  text,
  textClassName,
  removeLabel,
  removeTestId,
  onRemove,
}: RemovableItemProps) {
  return (
    <li className={className} data-testid={testId}>
      <bdi className={textClassName}>{text}</bdi>
      <button
        type="button"
        className="chip-remove"
        aria-label={removeLabel}
        title={removeLabel}
        data-testid={removeTestId}
        onClick={onRemove}
      >
        <RemoveIcon />
      </button>
    </li>
  );
}

function splitTags(raw: string): string[] {
  return raw
    .split(TAG_SEPARATORS)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/**
 * Tags as chips. Enter or a comma adds what is typed (a pasted "a, b, c"
 * adds three); each chip has its own remove button; earlier tags are offered
 * as suggestions.
 */
export function TagsEditor({
  value,
  text,
  onTextChange,
  onAdd,
  onRemove,
  onCancel,
  isInvalid,
  testIdBase,
  ...control
}: ListEditorProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const suggestions = useSuggestions("tag");
  const offered = (suggestions.data ?? []).filter(
    (tag) => !value.some((existing) => existing.toLowerCase() === tag.toLowerCase()),
  );

  /** Adds the tags in `raw` and leaves `rest` in the box. */
  const add = (raw: string, rest = "") => {
    const items = splitTags(raw);
    if (items.length > 0) onAdd(items);
    onTextChange(rest);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Escape" && onCancel !== undefined) {
      event.preventDefault();
      onCancel();
    } else if ((event.key === "Enter" || TAG_SEPARATORS.test(event.key)) && text.trim() !== "") {
      event.preventDefault();
      add(text);
    } else if (TAG_SEPARATORS.test(event.key)) {
      event.preventDefault(); // a separator on its own adds nothing
    }
  };

  return (
    <div className="list-editor" data-testid={testIdBase}>
      {value.length > 0 && (
        <ul className="chip-list" aria-label={t("problem.field.tags")} data-testid={`${testIdBase}-list`}>
          {value.map((tag, index) => (
            <RemovableItem
              key={`${tag}-${index}`}
              className={isInvalid?.(tag) === true ? "chip chip--invalid" : "chip"}
              testId="tag-chip"
              text={tag}
              textClassName="chip-text"
              removeLabel={t("problemDetail.tags.remove", { tag })}
              removeTestId="tag-remove"
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
        list={listId}
        value={text}
        placeholder={t("problemDetail.tags.placeholder")}
        data-testid={`${testIdBase}-input`}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (text.trim() !== "") add(text);
        }}
        onChange={(event) => {
          const next = event.target.value;
          // A pasted separator adds everything before it.
          const last = Math.max(next.lastIndexOf(","), next.lastIndexOf("،"));
          if (last >= 0) add(next.slice(0, last), next.slice(last + 1));
          else onTextChange(next);
        }}
      />
      <datalist id={listId}>
        {offered.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
    </div>
  );
}

/**
 * Source references (ticket ids, links) as a list with add and remove. Links
 * are shown as plain text: nothing here opens the network.
 */
export function ReferencesEditor({
  value,
  text,
  onTextChange,
  onAdd,
  onRemove,
  onCancel,
  isInvalid,
  testIdBase,
  ...control
}: ListEditorProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);

  const add = () => {
    const item = text.trim();
    if (item !== "") onAdd([item]);
    onTextChange("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Escape" && onCancel !== undefined) {
      event.preventDefault();
      onCancel();
    } else if (event.key === "Enter" && text.trim() !== "") {
      event.preventDefault();
      add();
    }
  };

  return (
    <div className="list-editor" data-testid={testIdBase}>
      {value.length > 0 && (
        <ol
          className="reference-list"
          aria-label={t("problem.field.references")}
          data-testid={`${testIdBase}-list`}
        >
          {value.map((reference, index) => (
            <RemovableItem
              key={`${reference}-${index}`}
              className={
                isInvalid?.(reference) === true ? "reference-item reference-item--invalid" : "reference-item"
              }
              testId="reference-item"
              text={reference}
              textClassName="reference-text"
              removeLabel={t("problemDetail.references.remove", { reference })}
              removeTestId="reference-remove"
              onRemove={() => {
                onRemove(index);
                inputRef.current?.focus();
              }}
            />
          ))}
        </ol>
      )}
      <div className="input-row">
        <input
          {...control}
          ref={inputRef}
          className="text-input list-editor-input"
          type="text"
          autoComplete="off"
          dir={text === "" ? undefined : "auto"}
          value={text}
          placeholder={t("problemDetail.references.placeholder")}
          data-testid={`${testIdBase}-input`}
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            // Leaving for the Add button: its click adds the text.
            const next = event.relatedTarget;
            if (next instanceof HTMLElement && next.dataset.addButton !== undefined) return;
            if (text.trim() !== "") add();
          }}
          onChange={(event) => {
            onTextChange(event.target.value);
          }}
        />
        <button
          type="button"
          className="button"
          data-add-button=""
          onClick={add}
          data-testid={`${testIdBase}-add`}
        >
          {t("problemDetail.references.add")}
        </button>
      </div>
    </div>
  );
}
