import type { TFunction } from "i18next";
import type { AppError } from "../../../api/errors";
import { describeError } from "../../../i18n/errors";
import { describeFieldIssue, fieldIssuesFromError } from "../../../kit/fields";

/** Messages to show beside the evidence fields for a refused add or edit; `form` when it names no field. */
export function evidenceMessages(
  t: TFunction,
  error: AppError,
): { note?: string; reference?: string; form?: string } {
  const issues = fieldIssuesFromError(error);
  const note = issues.get("note");
  const reference = issues.get("reference");
  if (note === undefined && reference === undefined) return { form: describeError(t, error) };
  return {
    // The core asks for a note or a reference: say so, rather than "required".
    ...(note === undefined
      ? {}
      : {
          note: note.rule === "required" ? t("outline.panel.noteOrReference") : describeFieldIssue(t, note),
        }),
    ...(reference === undefined ? {} : { reference: describeFieldIssue(t, reference) }),
  };
}
