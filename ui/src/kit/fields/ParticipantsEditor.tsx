import { useRef, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { RemovableItem, type ControlProps } from ".";

interface ParticipantsEditorProps extends ControlProps {
  value: readonly string[];
  /** What is typed and not added yet. */
  text: string;
  onTextChange: (text: string) => void;
  onAdd: (names: string[]) => void;
  onRemove: (index: number) => void;
  onCancel: () => void;
  isInvalid: (name: string) => boolean;
}

/** Name separators: the Latin comma, the Arabic comma and the semicolons. */
const SEPARATORS = /[,،;؛]/;

function split(raw: string): string[] {
  return raw
    .split(SEPARATORS)
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

/**
 * The people who took part, as chips. Enter or a comma adds what is typed
 * (a pasted "Rana, Omar" adds two); each chip has its own remove button.
 */
export function ParticipantsEditor({
  value,
  text,
  onTextChange,
  onAdd,
  onRemove,
  onCancel,
  isInvalid,
  ...control
}: ParticipantsEditorProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);

  const add = (raw: string, rest = "") => {
    const names = split(raw);
    if (names.length > 0) onAdd(names);
    onTextChange(rest);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    } else if (event.key === "Enter" || SEPARATORS.test(event.key)) {
      event.preventDefault();
      add(text);
    }
  };

  return (
    <div className="list-editor" data-testid="analysis-participants">
      {value.length > 0 && (
        <ul className="chip-list" aria-label={t("analyses.field.participants")}>
          {value.map((name, index) => (
            <RemovableItem
              key={`${name}-${String(index)}`}
              className={isInvalid(name) ? "chip chip--invalid" : "chip"}
              testId="participant-chip"
              text={name}
              textClassName="chip-text"
              removeLabel={t("analyses.participants.remove", { name })}
              removeTestId="participant-remove"
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
        value={text}
        placeholder={t("analyses.placeholder.participants")}
        data-testid="analysis-participants-input"
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (text.trim() !== "") add(text);
        }}
        onChange={(event) => {
          const next = event.target.value;
          const match = /^(.*)[,،;؛](.*)$/su.exec(next);
          if (match !== null) add(match[1] ?? "", match[2] ?? "");
          else onTextChange(next);
        }}
      />
    </div>
  );
}
