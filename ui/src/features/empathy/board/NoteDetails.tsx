import { useAnalyses, useAnalysisTree } from "../../../api/analyses";
import type { TFunction } from "i18next";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useNoteCauses } from "../../../api/empathy";
import { toAppError, type AppError } from "../../../api/errors";
import type { Note } from "../../../bindings/Note";
import type { NoteEdit } from "../../../bindings/NoteEdit";
import { describeError } from "../../../i18n/errors";
import { checkText, describeFieldIssue, fieldIssuesFromError, Field } from "../../../kit/fields";
import { COLOURS } from "./model";
import { NOTE_LIMIT } from "./NoteEditor";
import { useProblemOptions } from "./useProblemOptions";

interface NoteDetailsProps {
  note: Note;
  /** A hidden note of someone else: nothing to show or change. */
  faceDown: boolean;
  onEdit: (edit: NoteEdit) => Promise<unknown>;
  onClose: () => void;
}

function messageOf(t: TFunction, error: AppError): string {
  const first = [...fieldIssuesFromError(error).values()][0];
  return first === undefined ? describeError(t, error) : describeFieldIssue(t, first);
}

/** The cause picker: an analysis, then one of its causes. */
function CausePicker({ exclude, onPick }: { exclude: readonly string[]; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const analyses = useAnalyses(null);
  const [analysisId, setAnalysisId] = useState("");
  const tree = useAnalysisTree(analysisId);
  const causes = analysisId === "" ? [] : (tree.data?.nodes ?? []).filter((n) => !exclude.includes(n.id));
  return (
    <div className="empathy-cause-picker">
      <Field label={t("empathy.details.analysis")} error={null} errorTestId="note-cause-analysis-error">
        {(control) => (
          <select
            {...control}
            className="select-input"
            value={analysisId}
            data-testid="note-cause-analysis"
            onChange={(event) => {
              setAnalysisId(event.target.value);
            }}
          >
            <option value="">{t("empathy.details.chooseAnalysis")}</option>
            {(analyses.data ?? []).map((s) => (
              <option key={s.analysis.id} value={s.analysis.id}>
                {s.analysis.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      {analysisId !== "" && (
        <Field label={t("empathy.details.cause")} error={null} errorTestId="note-cause-pick-error">
          {(control) => (
            <select
              {...control}
              className="select-input"
              value=""
              data-testid="note-cause-pick"
              disabled={tree.data === undefined}
              onChange={(event) => {
                if (event.target.value !== "") onPick(event.target.value);
              }}
            >
              <option value="">{t("empathy.details.chooseCause")}</option>
              {causes.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.text.trim() === "" ? t("empathy.details.emptyCause") : n.text}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </div>
  );
}

/**
 * The selected note's details: text, colour, author, the problem it is
 * evidence of, and the causes it supports (linked to their analyses), with
 * a picker to add causes.
 */
export function NoteDetails({ note, faceDown, onEdit, onClose }: NoteDetailsProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const colourName = useId();
  // What is being typed; null shows what is saved (also after a change made elsewhere).
  const [draftText, setText] = useState<string | null>(null);
  const [draftAuthor, setAuthor] = useState<string | null>(null);
  const text = draftText ?? note.text;
  const author = draftAuthor ?? note.author;
  const [errors, setErrors] = useState<
    Partial<Record<"text" | "colour" | "author" | "problem" | "causes", string>>
  >({});
  const causes = useNoteCauses(note.id);
  const problems = useProblemOptions({ id: note.problemId, title: null });

  const run = (field: keyof typeof errors, edit: NoteEdit, after?: () => void) => {
    onEdit(edit).then(
      () => {
        setErrors((e) => ({ ...e, [field]: undefined }));
        after?.();
      },
      (error: unknown) => {
        setErrors((e) => ({ ...e, [field]: messageOf(t, toAppError(error)) }));
      },
    );
  };

  const saveText = () => {
    if (draftText === null) return;
    if (text.trim() === note.text) {
      setText(null);
      return;
    }
    const issue = checkText("text", text, NOTE_LIMIT, true);
    if (issue !== null) {
      setErrors((e) => ({ ...e, text: describeFieldIssue(t, issue) }));
      return;
    }
    run("text", { field: "text", value: text }, () => {
      setText(null);
    });
  };
  const saveAuthor = () => {
    if (draftAuthor === null) return;
    if (author.trim() === note.author) setAuthor(null);
    else
      run("author", { field: "author", value: author }, () => {
        setAuthor(null);
      });
  };

  const causeList = causes.data ?? [];
  return (
    <aside
      className="empathy-details"
      aria-labelledby={titleId}
      data-testid="note-details"
      data-note-id={note.id}
    >
      <header className="empathy-details-header">
        <h2 id={titleId} className="empathy-details-title">
          {t("empathy.details.title")}
        </h2>
        <button
          type="button"
          className="button button--ghost"
          data-testid="note-details-close"
          onClick={onClose}
        >
          {t("empathy.details.close")}
        </button>
      </header>
      {faceDown ? (
        <p className="field-hint">{t("empathy.details.hiddenNote")}</p>
      ) : (
        <>
          <Field
            label={t("empathy.details.text")}
            error={errors.text ?? null}
            errorTestId="note-details-text-error"
          >
            {(control) => (
              <textarea
                {...control}
                className="text-input"
                dir="auto"
                rows={4}
                value={text}
                data-testid="note-details-text"
                onChange={(event) => {
                  setText(event.target.value);
                }}
                onBlur={saveText}
                onKeyDown={(event) => {
                  if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
                    event.preventDefault();
                    saveText();
                  }
                }}
              />
            )}
          </Field>
          <fieldset className="form-fieldset empathy-colours" data-testid="note-colour">
            <legend className="field-label">{t("empathy.details.colour")}</legend>
            {COLOURS.map((colour) => (
              <label key={colour} className={`empathy-swatch empathy-swatch--${colour}`}>
                <input
                  type="radio"
                  name={colourName}
                  value={colour}
                  checked={note.colour === colour}
                  data-testid={`note-colour-${colour}`}
                  onChange={() => {
                    run("colour", { field: "colour", value: colour });
                  }}
                />
                <span className="empathy-swatch-name">{t(`empathy.colour.${colour}`)}</span>
              </label>
            ))}
            {errors.colour !== undefined && (
              <p className="field-error" role="alert" data-testid="note-colour-error">
                {errors.colour}
              </p>
            )}
          </fieldset>
          <Field
            label={t("empathy.details.author")}
            error={errors.author ?? null}
            errorTestId="note-details-author-error"
          >
            {(control) => (
              <input
                {...control}
                className="text-input"
                dir="auto"
                value={author}
                data-testid="note-details-author"
                onChange={(event) => {
                  setAuthor(event.target.value);
                }}
                onBlur={saveAuthor}
                onKeyDown={(event) => {
                  if (event.key === "Enter") {
                    event.preventDefault();
                    saveAuthor();
                  }
                }}
              />
            )}
          </Field>
          <Field
            label={t("empathy.details.problem")}
            error={errors.problem ?? null}
            errorTestId="note-link-problem-error"
          >
            {(control) => (
              <select
                {...control}
                className="select-input"
                value={note.problemId ?? ""}
                data-testid="note-link-problem"
                onChange={(event) => {
                  run("problem", {
                    field: "problem",
                    value: event.target.value === "" ? null : event.target.value,
                  });
                }}
              >
                <option value="">{t("empathy.details.noProblem")}</option>
                {problems.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {note.problemId !== null && (
            <Link
              to={`/problems/${note.problemId}`}
              className="empathy-details-link"
              data-testid="note-problem-link"
            >
              {problems.find((p) => p.id === note.problemId)?.title ?? ""}
            </Link>
          )}
          <section className="empathy-details-causes" aria-labelledby={`${titleId}-causes`}>
            <h3 id={`${titleId}-causes`} className="empathy-details-subtitle">
              {t("empathy.details.causes")}
            </h3>
            {causeList.length === 0 ? (
              <p className="field-hint" data-testid="note-causes-empty">
                {t("empathy.details.noCauses")}
              </p>
            ) : (
              <ul className="empathy-cause-list" data-testid="note-causes">
                {causeList.map((cause) => (
                  <li
                    key={cause.id}
                    className="empathy-cause"
                    data-testid="note-cause"
                    data-cause-id={cause.id}
                  >
                    <Link
                      to={`/analyses/${cause.analysisId}?${new URLSearchParams({ node: cause.id }).toString()}`}
                      className="empathy-cause-link"
                    >
                      <bdi>{cause.text.trim() === "" ? t("empathy.details.emptyCause") : cause.text}</bdi>
                    </Link>
                    {cause.deleted && (
                      <span className="badge badge--muted" data-testid="note-cause-trashed">
                        {t("empathy.details.causeTrashed")}
                      </span>
                    )}
                    {cause.analysisTitle !== "" && (
                      <span className="empathy-cause-analysis">
                        <bdi>{cause.analysisTitle}</bdi>
                      </span>
                    )}
                    <button
                      type="button"
                      className="button button--ghost"
                      aria-label={t("empathy.details.removeCause", { text: cause.text })}
                      data-testid="note-cause-remove"
                      onClick={() => {
                        run("causes", {
                          field: "causeIds",
                          value: note.causeIds.filter((id) => id !== cause.id),
                        });
                      }}
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {errors.causes !== undefined && (
              <p className="field-error" role="alert" data-testid="note-causes-error">
                {errors.causes}
              </p>
            )}
            <CausePicker
              exclude={note.causeIds}
              onPick={(id) => {
                run("causes", { field: "causeIds", value: [...note.causeIds, id] });
              }}
            />
          </section>
        </>
      )}
    </aside>
  );
}
