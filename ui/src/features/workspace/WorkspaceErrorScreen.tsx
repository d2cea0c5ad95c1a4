import { useId, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/errors";
import { describeError, describeWorkspaceFailure } from "../../i18n/errors";
import { leftToRight } from "../../i18n/format";
import { ErrorIcon } from "../../shell/icons";
import { usePickAndOpen, useWorkspaceActions } from "../../shell/WorkspaceContext";

export interface WorkspaceFailure {
  /** The file that could not be opened ("" when the shell did not say). */
  path: string;
  error: AppError;
}

interface WorkspaceErrorScreenProps {
  failure: WorkspaceFailure;
  /** Present when another workspace is still open to go back to. */
  onBack?: (() => void) | undefined;
}

/**
 * Full-page screen for a workspace that cannot be opened. It never touches
 * the failed file: the only way on is to open a file the user chooses.
 */
export function WorkspaceErrorScreen({ failure, onBack }: WorkspaceErrorScreenProps) {
  const { t } = useTranslation();
  const { open } = useWorkspaceActions();
  const { pick, busy, dialogError } = usePickAndOpen();
  const [typedPath, setTypedPath] = useState("");
  const [pathMissing, setPathMissing] = useState(false);
  const titleId = useId();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  // A folder given as the workspace: the way out is a workspace inside it.
  const insideFolder =
    failure.error.code === "is_a_folder" ? (failure.error.details.suggestedPath ?? null) : null;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const path = typedPath.trim();
    if (path === "") {
      setPathMissing(true);
      return;
    }
    setPathMissing(false);
    void open(path);
  };

  return (
    <div className="fullpage" data-app-ready="">
      <main className="fullpage-card" data-testid="workspace-error" aria-labelledby={titleId}>
        <ErrorIcon />
        <h1 id={titleId}>{t("workspace.errorTitle")}</h1>
        <p className="fullpage-message" role="alert" data-testid="workspace-error-message">
          {describeWorkspaceFailure(t, failure.path, failure.error)}
        </p>
        {insideFolder !== null && (
          <p className="page-subtitle" data-testid="workspace-folder-way-out">
            {t("workspace.folderWayOut", { file: leftToRight(insideFolder) })}
          </p>
        )}
        <p className="page-subtitle">{t("workspace.waysOut")}</p>

        <div className="button-row">
          {insideFolder !== null && (
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              data-testid="workspace-create-in-folder"
              onClick={() => void open(insideFolder)}
            >
              {t("workspace.createInFolder")}
            </button>
          )}
          <button
            type="button"
            className={insideFolder !== null ? "button" : "button button--primary"}
            disabled={busy}
            data-testid="workspace-choose-file"
            onClick={() => void pick("existing")}
          >
            {t("workspace.chooseFile")}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            data-testid="workspace-create-new"
            onClick={() => void pick("new")}
          >
            {t("workspace.createNew")}
          </button>
          {onBack && (
            <button type="button" className="button button--ghost" disabled={busy} onClick={onBack}>
              {t("workspace.back")}
            </button>
          )}
        </div>
        {dialogError && (
          <p className="field-error" role="alert">
            {t("workspace.dialogError", { reason: describeError(t, dialogError) })}
          </p>
        )}

        <form className="field" onSubmit={onSubmit} noValidate>
          <label className="field-label" htmlFor={inputId}>
            {t("workspace.pathLabel")}
          </label>
          <div className="input-row">
            <input
              id={inputId}
              className="text-input ltr-text"
              dir="ltr"
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={typedPath}
              aria-invalid={pathMissing}
              aria-describedby={pathMissing ? `${errorId} ${hintId}` : hintId}
              data-testid="workspace-path-input"
              onChange={(event) => {
                setTypedPath(event.target.value);
                setPathMissing(false);
              }}
            />
            <button type="submit" className="button" disabled={busy} data-testid="workspace-path-open">
              {busy ? t("workspace.opening") : t("workspace.open")}
            </button>
          </div>
          {pathMissing && (
            <p id={errorId} className="field-error">
              {t("workspace.pathRequired")}
            </p>
          )}
          <p id={hintId} className="field-hint">
            {t("workspace.pathHint")}
          </p>
        </form>

        <details className="technical-details">
          <summary>{t("workspace.technical")}</summary>
          <p>{t("workspace.code", { code: failure.error.code })}</p>
          <p lang="en" dir="ltr">
            {failure.error.message}
          </p>
        </details>
      </main>
    </div>
  );
}
