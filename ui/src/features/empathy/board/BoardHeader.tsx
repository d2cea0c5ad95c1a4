import type { TFunction } from "i18next";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { localToday } from "../../../api/actions";
import { toAppError, type AppError } from "../../../api/errors";
import type { Board } from "../../../bindings/Board";
import type { MapEdit } from "../../../bindings/MapEdit";
import { LIMITS } from "../../../bindings/rules";
import { describeError } from "../../../i18n/errors";
import { currentLanguage } from "../../../i18n";
import { intlLocale } from "../../../i18n/format";
import { formatDay, useDayFormat } from "../../../i18n/format";
import { ParticipantsEditor } from "../../../kit/fields/ParticipantsEditor";
import {
  DateField,
  describeFieldIssue,
  Field,
  fieldIssuesFromError,
  oneLine,
  useOneLinePaste,
} from "../../../kit/fields";
import { ExportButtons } from "../export/ExportButtons";
import { useProblemOptions } from "./useProblemOptions";

type FieldKey = "title" | "heldOn" | "participants" | "problem" | "votesPerPerson";

interface BoardHeaderProps {
  board: Board;
  onEdit: (edit: MapEdit) => Promise<unknown>;
  onWorkshop: () => void;
  onDelete: () => void;
  deleting: boolean;
}

function issueText(t: TFunction, error: AppError): string {
  const issue = [...fieldIssuesFromError(error).values()][0];
  if (issue?.field === "votesPerPerson") return t("empathy.create.votesRange");
  return issue === undefined ? describeError(t, error) : describeFieldIssue(t, issue);
}

/**
 * The map's header: its title (renamed in place), persona, problem, date,
 * participants and votes per person, each saved as it changes; and the
 * board's commands (workshop mode, exports, delete).
 */
export function BoardHeader({ board, onEdit, onWorkshop, onDelete, deleting }: BoardHeaderProps) {
  const { t } = useTranslation();
  const { map } = board;
  const [title, setTitle] = useState<string | null>(null);
  const titlePaste = useOneLinePaste(title ?? "", setTitle, "map-title-edit");
  const [participantText, setParticipantText] = useState("");
  const [votes, setVotes] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const [confirming, setConfirming] = useState(false);
  // The map's details fold away so the board gets the room; a map with no
  // participants yet opens with them showing.
  const [detailsOpen, setDetailsOpen] = useState(map.participants.length === 0);
  const day = useDayFormat();
  const people = new Intl.ListFormat(intlLocale(currentLanguage()), { type: "conjunction" }).format(
    map.participants,
  );
  const titleId = useId();
  const problems = useProblemOptions({ id: map.problemId, title: map.problemTitle });

  const save = (field: FieldKey, edit: MapEdit, after?: () => void) => {
    onEdit(edit).then(
      () => {
        setErrors((e) => ({ ...e, [field]: undefined }));
        after?.();
      },
      (error: unknown) => {
        setErrors((e) => ({ ...e, [field]: issueText(t, toAppError(error)) }));
      },
    );
  };

  const saveTitle = () => {
    if (title === null) return;
    if (title.trim() === "") {
      setErrors((e) => ({ ...e, title: t("errors.rule.required") }));
      return;
    }
    if (title.trim() === map.title) {
      setTitle(null);
      return;
    }
    save("title", { field: "title", value: title }, () => {
      setTitle(null);
    });
  };

  const saveVotes = () => {
    if (votes === null) return;
    const n = Number(votes);
    if (!Number.isInteger(n) || n < 1 || n > LIMITS.empathy.votes) {
      setErrors((e) => ({ ...e, votesPerPerson: t("empathy.create.votesRange") }));
      return;
    }
    if (n === map.votesPerPerson) {
      setVotes(null);
      return;
    }
    save("votesPerPerson", { field: "votesPerPerson", value: n }, () => {
      setVotes(null);
    });
  };

  return (
    <header className="empathy-header">
      <div className="empathy-header-top">
        <Link to="/empathy" className="empathy-back">
          {t("empathy.board.back")}
        </Link>
        {title === null ? (
          <h1 className="list-title empathy-map-title" dir="auto" data-testid="map-title">
            {map.title}
          </h1>
        ) : (
          <div className="empathy-title-edit">
            <label className="visually-hidden" htmlFor={titleId}>
              {t("empathy.board.mapTitle")}
            </label>
            <input
              id={titleId}
              className="text-input empathy-title-input"
              dir="auto"
              autoFocus
              value={title}
              aria-invalid={errors.title !== undefined}
              data-testid="map-title-edit"
              onPaste={titlePaste.onPaste}
              onChange={(event) => {
                titlePaste.onTyped();
                setTitle(oneLine(event.target.value));
              }}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  saveTitle();
                } else if (event.key === "Escape") {
                  setTitle(null);
                  setErrors((e) => ({ ...e, title: undefined }));
                }
              }}
            />
            <button
              type="button"
              className="button button--primary"
              data-testid="map-title-save"
              onClick={saveTitle}
            >
              {t("empathy.board.saveTitle")}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setTitle(null);
                setErrors((e) => ({ ...e, title: undefined }));
              }}
            >
              {t("empathy.board.cancel")}
            </button>
            {errors.title !== undefined && (
              <p className="field-error" data-testid="map-title-error">
                {errors.title}
              </p>
            )}
            {titlePaste.notice}
          </div>
        )}
        {title === null && (
          <button
            type="button"
            className="button button--ghost"
            data-testid="map-title-rename"
            onClick={() => {
              setTitle(map.title);
            }}
          >
            {t("empathy.board.editTitle")}
          </button>
        )}
        <div className="empathy-header-actions">
          <button type="button" className="button" data-testid="board-workshop" onClick={onWorkshop}>
            {t("empathy.board.workshop")}
          </button>
          <ExportButtons board={board} />
          {confirming ? (
            <span className="empathy-confirm" role="group" aria-label={t("empathy.board.deleteConfirm")}>
              <span>{t("empathy.board.deleteConfirm")}</span>
              <button
                type="button"
                className="button button--danger"
                disabled={deleting}
                data-testid="map-delete-confirm"
                onClick={onDelete}
              >
                {t("empathy.board.deleteYes")}
              </button>
              <button
                type="button"
                className="button button--ghost"
                onClick={() => {
                  setConfirming(false);
                }}
              >
                {t("empathy.board.cancel")}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="button button--ghost"
              data-testid="map-delete"
              onClick={() => {
                setConfirming(true);
              }}
            >
              {t("empathy.board.deleteMap")}
            </button>
          )}
        </div>
      </div>
      <details
        className="empathy-header-details"
        open={detailsOpen}
        onToggle={(event) => {
          setDetailsOpen(event.currentTarget.open);
        }}
      >
        <summary className="empathy-header-summary" data-testid="map-details-toggle">
          <span className="empathy-header-summary-label">{t("empathy.board.details")}</span>{" "}
          <span className="field-hint">
            {[formatDay(day, map.heldOn), people, map.problemTitle ?? ""].filter((x) => x !== "").join(" · ")}
          </span>
        </summary>
        <div className="empathy-header-fields">
          <div className="field">
            <span className="field-label">{t("empathy.board.persona")}</span>
            <Link
              to={`/personas/${map.personaId}`}
              className="empathy-header-link"
              data-testid="map-persona-link"
            >
              <bdi>{map.personaName}</bdi>
            </Link>
          </div>
          <Field
            label={t("empathy.board.problem")}
            error={errors.problem ?? null}
            errorTestId="map-problem-error"
          >
            {(control) => (
              <span className="empathy-problem-field">
                <select
                  {...control}
                  className="select-input"
                  value={map.problemId ?? ""}
                  data-testid="map-problem-select"
                  onChange={(event) => {
                    save("problem", {
                      field: "problem",
                      value: event.target.value === "" ? null : event.target.value,
                    });
                  }}
                >
                  <option value="">{t("empathy.board.noProblem")}</option>
                  {problems.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title}
                    </option>
                  ))}
                </select>
                {map.problemId !== null && (
                  <Link
                    to={`/problems/${map.problemId}`}
                    className="empathy-header-link"
                    data-testid="map-problem-link"
                  >
                    <bdi>{map.problemTitle ?? ""}</bdi>
                  </Link>
                )}
              </span>
            )}
          </Field>
          <Field label={t("empathy.board.heldOn")} error={errors.heldOn ?? null} errorTestId="map-date-error">
            {(control) => (
              <DateField
                {...control}
                max={localToday()}
                value={map.heldOn}
                testId="map-date"
                onChange={(value) => {
                  // A map always has a day: clearing the field keeps the one it had.
                  if (value !== "" && value !== map.heldOn) save("heldOn", { field: "heldOn", value });
                }}
              />
            )}
          </Field>
          <Field
            label={t("empathy.board.votesPerPerson")}
            error={errors.votesPerPerson ?? null}
            errorTestId="map-votes-error"
          >
            {(control) => (
              <input
                {...control}
                type="number"
                className="text-input empathy-votes-input"
                dir="ltr"
                min={1}
                max={LIMITS.empathy.votes}
                value={votes ?? String(map.votesPerPerson)}
                data-testid="map-votes-edit"
                onChange={(event) => {
                  setVotes(event.target.value);
                }}
                onBlur={saveVotes}
                onKeyDown={(event) => {
                  if (event.key === "Enter") {
                    event.preventDefault();
                    saveVotes();
                  }
                }}
              />
            )}
          </Field>
          <Field
            label={t("empathy.board.participants")}
            error={errors.participants ?? null}
            errorTestId="map-participants-error"
            className="empathy-participants-field"
          >
            {(control) => (
              <div data-testid="map-participants-edit">
                <ParticipantsEditor
                  {...control}
                  value={map.participants}
                  text={participantText}
                  onTextChange={setParticipantText}
                  onAdd={(names) => {
                    const next = [...map.participants];
                    for (const name of names) if (!next.includes(name)) next.push(name);
                    save("participants", { field: "participants", value: next });
                  }}
                  onRemove={(index) => {
                    save("participants", {
                      field: "participants",
                      value: map.participants.filter((_, i) => i !== index),
                    });
                  }}
                  onCancel={() => {
                    setParticipantText("");
                  }}
                  isInvalid={() => false}
                />
              </div>
            )}
          </Field>
        </div>
      </details>
    </header>
  );
}
