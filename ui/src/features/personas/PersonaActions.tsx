import { saveExport } from "../../api/exports";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { toAppError, type AppError } from "../../api/errors";
import { useDeletePersona, useDuplicatePersona } from "../../api/personas";
import type { PersonaDetail } from "../../bindings/PersonaDetail";
import { currentLanguage } from "../../i18n";
import { describeError } from "../../i18n/errors";
import { leftToRight } from "../../i18n/format";
import { checkText, Field, useFormIssues } from "../../kit/fields";
import { personaFileName, personaMarkdown } from "./markdown";
import { PERSONA_LIMITS } from "./model";
import { offerUndoPersonaDelete } from "./PersonaUndo";

/** Asks for the new persona's name, says what is copied and what is not, and opens the copy. */
function DuplicateForm({ detail, onClose }: { detail: PersonaDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const duplicate = useDuplicatePersona();
  const { persona } = detail;
  const [name, setName] = useState(() => t("personas.actions.duplicateDefault", { name: persona.name }));
  const { formRef, failure, message, check, refuse } = useFormIssues(["name"] as const);
  const headingId = useId();
  const hintId = useId();

  return (
    <form
      ref={formRef}
      className="persona-duplicate-form no-print"
      aria-labelledby={headingId}
      aria-describedby={hintId}
      data-testid="persona-duplicate-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!check([checkText("name", name, PERSONA_LIMITS.name, true)])) return;
        duplicate.mutate(
          { id: persona.id, name: name.trim() },
          {
            onSuccess: (copy) => {
              void navigate(`/personas/${copy.id}`);
            },
            onError: refuse,
          },
        );
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <h2 id={headingId} className="detail-section-title">
        {t("personas.actions.duplicateHeading")}
      </h2>
      <p id={hintId} className="field-hint">
        {t("personas.actions.duplicateHint")}
      </p>
      <Field
        label={t("personas.actions.duplicateName")}
        error={message("name")}
        errorTestId="persona-duplicate-name-error"
      >
        {(control) => (
          <input
            {...control}
            type="text"
            className="text-input"
            autoComplete="off"
            // Opened on purpose by "Duplicate as template": ready to rename.
            autoFocus
            dir="auto"
            value={name}
            data-testid="persona-duplicate-name"
            onFocus={(event) => {
              event.currentTarget.select();
            }}
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
        )}
      </Field>
      {failure !== null && (
        <p className="field-error" role="alert" data-testid="persona-duplicate-error">
          {t("personas.actions.duplicateFailed", { reason: describeError(t, failure) })}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={duplicate.isPending}
          data-testid="persona-duplicate-confirm"
        >
          {duplicate.isPending ? t("personas.actions.duplicating") : t("personas.actions.duplicateConfirm")}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t("personas.actions.cancel")}
        </button>
      </div>
    </form>
  );
}

type ExportOutcome = { saved: string } | { error: AppError } | null;

/** Duplicate as a template, export as Markdown, print, delete (with Undo on the list). */
export function PersonaActions({ detail }: { detail: PersonaDetail }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeletePersona();
  const [duplicating, setDuplicating] = useState(false);
  const [deleteError, setDeleteError] = useState<AppError | null>(null);
  const [exporting, setExporting] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome>(null);
  const duplicateRef = useRef<HTMLButtonElement>(null);
  const { persona } = detail;

  const exportMarkdown = async () => {
    const language = currentLanguage();
    const text = personaMarkdown(detail, i18n.getFixedT(language), language);
    setExporting(true);
    setOutcome(null);
    try {
      const path = await saveExport(
        personaFileName(persona.name, t("personas.actions.exportFallback")),
        text,
      );
      // Cancelled in the dialog: nothing to say.
      if (path !== null) setOutcome({ saved: path });
    } catch (reason) {
      setOutcome({ error: toAppError(reason) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="persona-actions no-print">
      <div className="button-row" role="group" aria-label={t("personas.actions.label")}>
        <button
          ref={duplicateRef}
          type="button"
          className="button"
          aria-expanded={duplicating}
          data-testid="persona-duplicate"
          onClick={() => {
            setDuplicating((open) => !open);
          }}
        >
          {t("personas.actions.duplicate")}
        </button>
        <button
          type="button"
          className="button"
          disabled={exporting}
          data-testid="persona-export-md"
          onClick={() => void exportMarkdown()}
        >
          {exporting ? t("personas.actions.exporting") : t("personas.actions.export")}
        </button>
        <button
          type="button"
          className="button"
          data-testid="persona-print"
          onClick={() => {
            window.print();
          }}
        >
          {t("personas.actions.print")}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          data-testid="persona-delete"
          onClick={() => {
            setDeleteError(null);
            remove.mutate(persona.id, {
              onSuccess: () => {
                offerUndoPersonaDelete({ id: persona.id, title: persona.name });
                void navigate("/personas");
              },
              onError: setDeleteError,
            });
          }}
        >
          {remove.isPending ? t("personas.actions.deleting") : t("personas.actions.delete")}
        </button>
      </div>
      {outcome !== null && "saved" in outcome && (
        <p className="field-status" role="status" data-testid="persona-export-saved">
          {t("personas.actions.exported", { path: leftToRight(outcome.saved) })}
        </p>
      )}
      {outcome !== null && "error" in outcome && (
        <p className="field-error" role="alert" data-testid="persona-export-error">
          {t("personas.actions.exportFailed", { reason: describeError(t, outcome.error) })}
        </p>
      )}
      {deleteError !== null && (
        <p className="field-error" role="alert" data-testid="persona-delete-error">
          {t("personas.actions.deleteFailed", { reason: describeError(t, deleteError) })}
        </p>
      )}
      {duplicating && (
        <DuplicateForm
          detail={detail}
          onClose={() => {
            setDuplicating(false);
            requestAnimationFrame(() => duplicateRef.current?.focus());
          }}
        />
      )}
    </div>
  );
}
