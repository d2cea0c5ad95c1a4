/** Reusable editors for the fields of a problem, and the rules and messages behind them. */
export { Field, type ControlProps } from "./Field";
export { TextInput, type CommitHandlers } from "./TextInput";
export { oneLine, useOneLinePaste, type OneLinePaste } from "./oneLine";
export { StatusSelect, SeveritySelect, ChannelSelect, SEVERITIES, CHANNELS } from "./Selects";
export { DateInput } from "./DateInput";
export { NumberInput } from "./NumberInput";
export { TagsEditor, ReferencesEditor, RemovableItem } from "./ListEditors";
export * from "./rules";
export * from "./messages";
export { useFormIssues, focusFirstInvalid } from "./useFormIssues";
