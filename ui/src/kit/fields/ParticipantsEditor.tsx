import { useTranslation } from "react-i18next";
import { ChipsEditor } from "./ChipsEditor";
import type { ControlProps } from "./Field";

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

/**
 * The people who took part, as chips. Enter or a comma adds what is typed
 * (a pasted "Rana, Omar" adds two); each chip has its own remove button.
 */
export function ParticipantsEditor(props: ParticipantsEditorProps) {
  const { t } = useTranslation();
  return (
    <ChipsEditor
      {...props}
      separators={SEPARATORS}
      labels={{
        list: t("analyses.field.participants"),
        placeholder: t("analyses.placeholder.participants"),
        remove: (name) => t("analyses.participants.remove", { name }),
      }}
      testIds={{
        root: "analysis-participants",
        input: "analysis-participants-input",
        chip: "participant-chip",
        remove: "participant-remove",
      }}
    />
  );
}
