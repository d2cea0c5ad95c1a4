import { useSettings, useUpdateSettings } from "../../api/settings";
import { useId, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/errors";
import type { Language } from "../../bindings/Language";
import type { Settings } from "../../bindings/Settings";
import type { Theme } from "../../bindings/Theme";
import { effectiveLanguage, LANGUAGES } from "../../i18n";
import { describeError } from "../../i18n/errors";
import { ENUMS } from "../../bindings/rules";
import { Field } from "../../kit/fields";
import { usePickAndOpen } from "../../shell/WorkspaceContext";
import { TeamSection } from "./TeamSection";

const THEMES: readonly {
  value: Theme;
  labelKey: "settings.themeSystem" | "settings.themeLight" | "settings.themeDark";
}[] = [
  { value: "system", labelKey: "settings.themeSystem" },
  { value: "light", labelKey: "settings.themeLight" },
  { value: "dark", labelKey: "settings.themeDark" },
];

/** Each language is named in its own script, whatever the UI language. */
const LANGUAGE_NAMES: Record<Language, string> = { en: "English", ar: "العربية" };

/** A setting chosen from the core's values, saved as soon as it changes. */
function SettingSelect<T extends string>({
  label,
  hint,
  testId,
  value,
  values,
  optionLabel,
  onChange,
}: {
  label: string;
  hint?: string;
  testId: string;
  value: T;
  values: readonly T[];
  optionLabel: (value: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <Field label={label} hint={hint} error={null} errorTestId={`${testId}-error`}>
      {(control) => (
        <select
          {...control}
          className="select-input"
          value={value}
          data-testid={testId}
          onChange={(event) => {
            const next = values.find((v) => v === event.target.value);
            if (next !== undefined) onChange(next);
          }}
        >
          {values.map((v) => (
            <option key={v} value={v}>
              {optionLabel(v)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function DisplayNameField({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  // Its own mutation, so a language or theme change meanwhile keeps its callbacks.
  const { mutate: save } = useUpdateSettings();
  // null while the field shows the saved name; a string while it holds an edit.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [status, setStatus] = useState<"idle" | "saving" | "saved">("idle");
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const value = draft ?? settings.displayName;

  const commit = () => {
    if (draft === null || draft === settings.displayName) return;
    setStatus("saving");
    save(
      { ...settings, displayName: draft },
      {
        onSuccess: () => {
          setDraft(null);
          setError(null);
          setStatus("saved");
        },
        onError: (reason) => {
          setError(reason);
          setStatus("idle");
        },
      },
    );
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    commit();
  };

  return (
    <form className="field" onSubmit={onSubmit} noValidate>
      <label className="field-label" htmlFor={inputId}>
        {t("settings.displayName")}
      </label>
      <input
        id={inputId}
        className="text-input"
        type="text"
        dir={value === "" ? undefined : "auto"}
        autoComplete="name"
        value={value}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `${errorId} ${hintId}` : hintId}
        data-testid="settings-display-name"
        onChange={(event) => {
          setDraft(event.target.value);
          setStatus("idle");
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Escape" && draft !== null) {
            event.preventDefault();
            setDraft(null);
            setError(null);
          }
        }}
      />
      {error !== null && (
        <p id={errorId} className="field-error" data-testid="settings-display-name-error">
          {describeError(t, error)}
        </p>
      )}
      <p id={hintId} className="field-hint">
        {t("settings.displayNameHint")}
      </p>
      <p className="field-status" role="status">
        {status === "saving" ? t("settings.saving") : status === "saved" ? t("settings.saved") : ""}
      </p>
    </form>
  );
}

function WorkspaceSection({ path, backupPath }: { path: string; backupPath: string | null }) {
  const { t } = useTranslation();
  const { pick, busy, dialogError } = usePickAndOpen();
  const pathId = useId();
  const hintId = useId();
  return (
    <section className="settings-section" aria-labelledby={`${pathId}-heading`}>
      <h2 id={`${pathId}-heading`}>{t("settings.workspace")}</h2>
      <div className="field">
        <label className="field-label" htmlFor={pathId}>
          {t("settings.workspacePath")}
        </label>
        <input
          id={pathId}
          className="text-input ltr-text"
          dir="ltr"
          type="text"
          readOnly
          value={path}
          aria-describedby={hintId}
          data-testid="settings-workspace-path"
        />
        <p id={hintId} className="field-hint">
          {t("settings.workspaceHint")}
        </p>
      </div>
      {backupPath !== null && (
        <p className="field-hint" data-testid="settings-workspace-backup">
          {t("settings.backup")}{" "}
          <span className="ltr-text" dir="ltr">
            {backupPath}
          </span>
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={busy}
          data-testid="settings-open-workspace"
          onClick={() => void pick("existing")}
        >
          {t("settings.openAnother")}
        </button>
        <button
          type="button"
          className="button button--ghost"
          disabled={busy}
          data-testid="settings-create-workspace"
          onClick={() => void pick("new")}
        >
          {t("settings.createNew")}
        </button>
      </div>
      {dialogError && (
        <p className="field-error" role="alert">
          {t("workspace.dialogError", { reason: describeError(t, dialogError) })}
        </p>
      )}
    </section>
  );
}

interface SettingsScreenProps {
  workspacePath: string;
  /** The copy kept before this workspace was last migrated, if any. */
  backupPath: string | null;
}

export function SettingsScreen({ workspacePath, backupPath }: SettingsScreenProps) {
  const { t } = useTranslation();
  const settings = useSettings();
  const update = useUpdateSettings();
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const appearanceId = useId();

  const header = (
    <header className="page-header">
      <h1>{t("settings.title")}</h1>
      <p className="page-subtitle">{t("settings.subtitle")}</p>
    </header>
  );

  if (settings.isPending) {
    return (
      <>
        {header}
        <p className="status-line" role="status">
          {t("settings.loading")}
        </p>
      </>
    );
  }
  if (settings.isError) {
    return (
      <>
        {header}
        <div className="alert" role="alert" data-testid="settings-error">
          <p>{t("settings.loadError", { reason: describeError(t, settings.error) })}</p>
          <button type="button" className="button" onClick={() => void settings.refetch()}>
            {t("settings.retry")}
          </button>
        </div>
        <WorkspaceSection path={workspacePath} backupPath={backupPath} />
      </>
    );
  }

  const current = settings.data;
  const language = effectiveLanguage(current.language);
  const saveChoice = (next: Settings) => {
    setSaveError(null);
    update.mutate(next, { onError: setSaveError });
  };

  return (
    <>
      {header}
      <section className="settings-section" aria-labelledby={`${appearanceId}-profile`}>
        <h2 id={`${appearanceId}-profile`}>{t("settings.profile")}</h2>
        <DisplayNameField settings={current} />
      </section>

      <section className="settings-section" aria-labelledby={appearanceId}>
        <h2 id={appearanceId}>{t("settings.appearance")}</h2>
        <fieldset className="choice-group">
          <legend>{t("settings.language")}</legend>
          <div className="choice-options">
            {LANGUAGES.map((option) => (
              <label key={option} className="choice" lang={option} dir={option === "ar" ? "rtl" : "ltr"}>
                <input
                  type="radio"
                  name="language"
                  value={option}
                  checked={language === option}
                  data-testid={`language-${option}`}
                  onChange={() => {
                    saveChoice({ ...current, language: option });
                  }}
                />
                <span>{LANGUAGE_NAMES[option]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="choice-group">
          <legend>{t("settings.theme")}</legend>
          <div className="choice-options">
            {THEMES.map((option) => (
              <label key={option.value} className="choice">
                <input
                  type="radio"
                  name="theme"
                  value={option.value}
                  checked={current.theme === option.value}
                  data-testid={`theme-${option.value}`}
                  onChange={() => {
                    saveChoice({ ...current, theme: option.value });
                  }}
                />
                <span>{t(option.labelKey)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {saveError !== null && (
          <p className="field-error" role="alert" data-testid="settings-save-error">
            {t("settings.saveError", { reason: describeError(t, saveError) })}
          </p>
        )}
      </section>

      <section className="settings-section" aria-labelledby={`${appearanceId}-formats`}>
        <h2 id={`${appearanceId}-formats`}>{t("settings.formats")}</h2>
        <SettingSelect
          label={t("settings.weekStart")}
          testId="settings-week-start"
          value={current.weekStart}
          values={ENUMS.weekStart}
          optionLabel={(value) => t(`settings.weekStarts.${value}`)}
          onChange={(weekStart) => {
            saveChoice({ ...current, weekStart });
          }}
        />
        <SettingSelect
          label={t("settings.numerals")}
          hint={t("settings.numeralsHint")}
          testId="settings-numerals"
          value={current.numerals}
          values={ENUMS.numerals}
          optionLabel={(value) => t(`settings.numeralChoices.${value}`)}
          onChange={(numerals) => {
            saveChoice({ ...current, numerals });
          }}
        />
      </section>

      <section className="settings-section" aria-labelledby={`${appearanceId}-notifications`}>
        <h2 id={`${appearanceId}-notifications`}>{t("reminders.setting.section")}</h2>
        <div className="field">
          <label className="choice settings-switch">
            <input
              type="checkbox"
              role="switch"
              checked={current.reminders}
              aria-describedby={`${appearanceId}-reminders-hint`}
              data-testid="settings-reminders"
              onChange={(event) => {
                saveChoice({ ...current, reminders: event.target.checked });
              }}
            />
            <span>{t("reminders.setting.label")}</span>
          </label>
          <p id={`${appearanceId}-reminders-hint`} className="field-hint">
            {t("reminders.setting.hint")}
          </p>
        </div>
      </section>

      <WorkspaceSection path={workspacePath} backupPath={backupPath} />
      <TeamSection />
    </>
  );
}
