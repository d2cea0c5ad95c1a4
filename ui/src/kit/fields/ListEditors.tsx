import { useSuggestions } from "../../api/problems";
import { useRef, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { ChipsEditor, type ChipsEditorProps } from "./ChipsEditor";
import { RemovableItem } from "./RemovableItem";

/** What the tags and references editors take: the chips editor's props, named by one test id. */
type ListEditorProps = Omit<ChipsEditorProps, "separators" | "suggestions" | "labels" | "testIds"> & {
  /**
   * `field-tags` names the editor; its entry box is `field-tags-input`, its list
   * `field-tags-list` and (for references) its Add button `field-tags-add`.
   */
  testIdBase: string;
};

/** Tag separators: the Latin comma and the Arabic comma. */
const TAG_SEPARATORS = /[,،]/;

/**
 * Tags as chips. Enter or a comma adds what is typed (a pasted "a, b, c"
 * adds three); each chip has its own remove button; earlier tags are offered
 * as suggestions.
 */
export function TagsEditor({ value, testIdBase, ...rest }: ListEditorProps) {
  const { t } = useTranslation();
  const suggestions = useSuggestions("tag");
  const offered = (suggestions.data ?? []).filter(
    (tag) => !value.some((existing) => existing.toLowerCase() === tag.toLowerCase()),
  );
  return (
    <ChipsEditor
      {...rest}
      value={value}
      separators={TAG_SEPARATORS}
      suggestions={offered}
      labels={{
        list: t("problem.field.tags"),
        placeholder: t("problemDetail.tags.placeholder"),
        remove: (tag) => t("problemDetail.tags.remove", { tag }),
      }}
      testIds={{
        root: testIdBase,
        input: `${testIdBase}-input`,
        list: `${testIdBase}-list`,
        chip: "tag-chip",
        remove: "tag-remove",
      }}
    />
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
