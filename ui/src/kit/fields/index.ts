/** Reusable editors for the fields of a problem, and the rules and messages behind them. */
export { Field, type ControlProps } from "./Field";
export { TextInput, type CommitHandlers } from "./TextInput";
export { GrowingText } from "./GrowingText";
export { oneLine, useOneLinePaste, type OneLinePaste } from "./oneLine";
export { StatusSelect, SeveritySelect, ChannelSelect, SEVERITIES, CHANNELS } from "./Selects";
export { DateField } from "./DateField";
export { NumberInput } from "./NumberInput";
export { TagsEditor, ReferencesEditor } from "./ListEditors";
export { RemovableItem } from "./RemovableItem";
export { ChipsEditor, splitItems } from "./ChipsEditor";
export * from "./rules";
export * from "./messages";
export { useFormIssues, focusFirstInvalid } from "./useFormIssues";
