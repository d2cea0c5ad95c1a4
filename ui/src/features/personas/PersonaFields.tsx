import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useEditPersona } from "../../api/personas";
import type { Channel } from "../../bindings/Channel";
import type { Persona } from "../../bindings/Persona";
import type { PersonaEdit } from "../../bindings/PersonaEdit";
import { CHANNELS, checkText, type FieldIssue } from "../../kit/fields";
import { InPlaceText, sameList, useFailureMessage, useFieldEdit } from "../../kit/fields/inPlace";
import { PERSONA_LIMITS } from "./model";

/** What every field of the persona page gets. */
export interface PersonaFieldProps {
  persona: Persona;
  /** Tells assistive technology that a field was saved. */
  announce: (message: string) => void;
}

export type PersonaTextField = Exclude<PersonaEdit["field"], "channels">;

const MAX: Record<PersonaTextField, number> = {
  name: PERSONA_LIMITS.name,
  role: PERSONA_LIMITS.role,
  segment: PERSONA_LIMITS.segment,
  goals: PERSONA_LIMITS.goals,
  painPoints: PERSONA_LIMITS.painPoints,
  triggers: PERSONA_LIMITS.triggers,
  fears: PERSONA_LIMITS.fears,
  story: PERSONA_LIMITS.story,
  demographics: PERSONA_LIMITS.demographics,
};

/** Fields written as several lines. */
const MULTILINE: ReadonlySet<PersonaTextField> = new Set([
  "goals",
  "painPoints",
  "triggers",
  "fears",
  "story",
]);

function useSaver<T>(
  persona: Persona,
  saved: T,
  check: (value: T) => FieldIssue | null,
  toEdit: (value: T) => PersonaEdit,
  onSaved: () => void,
  equal?: (a: T, b: T) => boolean,
) {
  const { mutateAsync } = useEditPersona();
  return useFieldEdit((edit: PersonaEdit) => mutateAsync({ id: persona.id, edit }), {
    saved,
    equal,
    check,
    toEdit,
    onSaved,
  });
}

interface PersonaTextProps extends PersonaFieldProps {
  field: PersonaTextField;
  className?: string;
  hint?: string;
  placeholder?: string;
}

/**
 * A text field of the persona, edited in place: Enter (Ctrl+Enter in long
 * text) or leaving saves; a refusal shows beside it and keeps what was typed.
 */
export function PersonaText({ persona, announce, field, className, hint, placeholder }: PersonaTextProps) {
  const { t } = useTranslation();
  const label = t(`personas.field.${field}`);
  const edit = useSaver<string>(
    persona,
    persona[field],
    (value) => checkText(field, value, MAX[field], field === "name"),
    (value) => ({ field, value }),
    () => {
      announce(t("personas.detail.saved", { field: label }));
    },
  );
  return (
    <InPlaceText
      edit={edit}
      field={field}
      label={label}
      testId={field === "name" ? "persona-name" : `persona-field-${field}`}
      multiline={MULTILINE.has(field)}
      className={className}
      fieldClassName={`persona-field persona-field--${field}`}
      hint={hint}
      placeholder={placeholder ?? t("personas.detail.empty")}
    />
  );
}

/** The preferred channels: one box each, saved as soon as it is ticked. */
export function PersonaChannels({ persona, announce }: PersonaFieldProps) {
  const { t } = useTranslation();
  const label = t("personas.field.channels");
  const hintId = useId();
  const errorId = useId();
  const edit = useSaver<Channel[]>(
    persona,
    persona.channels,
    () => null,
    (value) => ({ field: "channels", value }),
    () => {
      announce(t("personas.detail.saved", { field: label }));
    },
    sameList,
  );
  const message = useFailureMessage(edit.failure, "channels");
  const toggle = (channel: Channel, on: boolean) => {
    // Kept in the order the list offers them, so the saved list reads the same everywhere.
    const next = CHANNELS.filter((c) => (c === channel ? on : edit.value.includes(c)));
    edit.change(next);
    edit.commit(next);
  };
  return (
    <fieldset
      className="form-fieldset persona-channels"
      data-testid="persona-field-channels"
      aria-describedby={[message === null ? null : errorId, hintId].filter(Boolean).join(" ")}
    >
      <legend className="field-label">{label}</legend>
      <div className="choice-options">
        {CHANNELS.map((channel) => (
          <label key={channel} className="choice persona-channel">
            <input
              type="checkbox"
              checked={edit.value.includes(channel)}
              data-testid={`persona-channel-${channel}`}
              onChange={(event) => {
                toggle(channel, event.target.checked);
              }}
            />
            {t(`problem.channel.${channel}`)}
          </label>
        ))}
      </div>
      {message !== null && (
        <p id={errorId} className="field-error" data-testid="persona-field-channels-error">
          {message}
        </p>
      )}
      <p id={hintId} className="field-hint no-print">
        {t("personas.hint.channels")}
      </p>
    </fieldset>
  );
}
