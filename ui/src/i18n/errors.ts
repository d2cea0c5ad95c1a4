import type { TFunction } from "i18next";
import type { AppError } from "../api/errors";
import { leftToRight } from "./format";

type Field = "title" | "displayName";

function isField(value: string | undefined): value is Field {
  return value === "title" || value === "displayName";
}

/** A translated, user-facing sentence for an error from the core. */
export function describeError(t: TFunction, error: AppError): string {
  if (error.code === "invalid_input") {
    const { field, rule, limit } = error.details;
    if (isField(field)) {
      if (rule === "required") return t(`errors.${field}.required`);
      if (rule === "too_long" && typeof limit === "number") {
        return t(`errors.${field}.too_long`, { count: limit });
      }
    }
  }
  return t(`errors.code.${error.code}`);
}

/** Why a workspace file could not be opened, naming the file. */
export function describeWorkspaceFailure(t: TFunction, path: string, error: AppError): string {
  const shownPath = error.details.path ?? path;
  const file = leftToRight(shownPath);
  switch (error.code) {
    case "not_a_database":
    case "not_a_workspace":
    case "is_a_folder":
    case "not_writable":
      return t(`workspace.errors.${error.code}`, { path: file });
    case "schema_too_new":
      return t("workspace.errors.schema_too_new", {
        path: file,
        found: error.details.found ?? "?",
        supported: error.details.supported ?? "?",
      });
    default: {
      const reason = describeError(t, error);
      return shownPath === ""
        ? t("workspace.errors.otherNoPath", { reason })
        : t("workspace.errors.other", { path: file, reason });
    }
  }
}
