import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AppError } from "../../api/errors";
import {
  useLinkPersonaProblem,
  usePersonas,
  useProblemMaps,
  useProblemNotes,
  useProblemPersonas,
} from "../../api/personas";
import type { NoteRef } from "../../bindings/NoteRef";
import { describeError } from "../../i18n/errors";
import { isolate } from "../../i18n/format";
import { MapLine } from "./PersonaMaps";

function NoteLine({ note }: { note: NoteRef }) {
  const { t } = useTranslation();
  return (
    <li className="problem-note" data-testid="problem-note">
      <p className="problem-note-text user-text" dir="auto" data-testid="problem-note-text">
        {note.text}
      </p>
      <p className="persona-link-meta">
        <span className={`badge badge--muted problem-note-area problem-note-area--${note.area}`}>
          <span className="visually-hidden">{t("personas.panel.noteArea")}: </span>
          <span data-testid="problem-note-area">{t(`personas.area.${note.area}`)}</span>
        </span>
        <span>
          <span className="visually-hidden">{t("personas.panel.noteMap")}: </span>
          <Link to={`/empathy/${note.mapId}`} data-testid="problem-note-map">
            <bdi>{note.mapTitle}</bdi>
          </Link>
        </span>
        {note.author !== "" && (
          <span>{t("personas.panel.noteAuthor", { author: isolate(note.author) })}</span>
        )}
      </p>
    </li>
  );
}

/** Links a persona the problem hurts: a select of those not linked yet. */
function LinkPersona({
  problemId,
  linkedIds,
  onLinked,
}: {
  problemId: string;
  linkedIds: ReadonlySet<string>;
  onLinked: (name: string) => void;
}) {
  const { t } = useTranslation();
  const personas = usePersonas();
  const link = useLinkPersonaProblem();
  const [chosen, setChosen] = useState("");
  const [error, setError] = useState<AppError | null>(null);
  const selectId = useId();
  const options = (personas.data ?? []).filter((c) => !linkedIds.has(c.persona.id));
  if (personas.data !== undefined && personas.data.length === 0) {
    return (
      <p className="muted">
        {t("personas.panel.noPersonas")}{" "}
        <Link to="/personas" data-testid="problem-personas-create">
          {t("personas.panel.createPersona")}
        </Link>
      </p>
    );
  }
  if (options.length === 0) return null;
  return (
    <form
      className="problem-persona-link-form"
      onSubmit={(event) => {
        event.preventDefault();
        const card = options.find((c) => c.persona.id === chosen);
        if (card === undefined) return;
        setError(null);
        link.mutate(
          { personaId: card.persona.id, problemId, linked: true },
          {
            onSuccess: () => {
              setChosen("");
              onLinked(card.persona.name);
            },
            onError: setError,
          },
        );
      }}
    >
      <label htmlFor={selectId} className="field-label">
        {t("personas.panel.choose")}
      </label>
      <div className="problem-persona-link-row">
        <select
          id={selectId}
          className="select-input"
          value={chosen}
          data-testid="problem-persona-select"
          onChange={(event) => {
            setChosen(event.target.value);
          }}
        >
          <option value="">{t("personas.panel.choosePlaceholder")}</option>
          {options.map(({ persona }) => (
            <option key={persona.id} value={persona.id}>
              {persona.segment === "" ? persona.name : `${persona.name} — ${persona.segment}`}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="button"
          disabled={chosen === "" || link.isPending}
          data-testid="problem-persona-add"
        >
          {t("personas.panel.linkButton")}
        </button>
      </div>
      {error !== null && (
        <p className="field-error" role="alert" data-testid="problem-persona-link-error">
          {t("personas.panel.failed", { reason: describeError(t, error) })}
        </p>
      )}
    </form>
  );
}

/**
 * On a problem's page: the personas it hurts (each a link to its page, with
 * unlink), linking another, the empathy maps about it, and the notes from
 * those maps that are evidence of it.
 */
export function ProblemPersonas({ problemId }: { problemId: string }) {
  const { t } = useTranslation();
  const personas = useProblemPersonas(problemId);
  const maps = useProblemMaps(problemId);
  const notes = useProblemNotes(problemId);
  const unlink = useLinkPersonaProblem();
  const [error, setError] = useState<AppError | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const headingId = useId();
  const personasId = useId();
  const mapsId = useId();
  const notesId = useId();
  const linked = personas.data ?? [];
  const linkedIds = new Set(linked.map((p) => p.id));

  return (
    <section
      className="detail-section problem-personas"
      aria-labelledby={headingId}
      data-testid="problem-personas"
    >
      <h2 id={headingId} className="detail-section-title">
        {t("personas.panel.heading")}
      </h2>

      <h3 id={personasId} className="problem-personas-subtitle">
        {t("personas.panel.personas")}{" "}
        {personas.data !== undefined && (
          <span className="count" data-testid="problem-personas-count">
            {linked.length}
          </span>
        )}
      </h3>
      {personas.isError && (
        <p className="field-error" role="alert">
          {t("personas.panel.loadError", { reason: describeError(t, personas.error) })}
        </p>
      )}
      {personas.data !== undefined &&
        (linked.length === 0 ? (
          <p className="muted" data-testid="problem-personas-empty">
            {t("personas.panel.personasEmpty")}
          </p>
        ) : (
          <ul className="persona-link-list" aria-labelledby={personasId}>
            {linked.map((persona) => (
              <li key={persona.id} className="persona-link-item" data-testid="problem-persona">
                <Link
                  to={`/personas/${persona.id}`}
                  className="persona-link"
                  data-testid="problem-persona-link"
                >
                  <bdi>{persona.name}</bdi>
                </Link>
                {persona.segment !== "" && (
                  <span className="badge badge--muted">
                    <bdi>{persona.segment}</bdi>
                  </span>
                )}
                <button
                  type="button"
                  className="button button--ghost persona-unlink"
                  disabled={unlink.isPending}
                  aria-label={t("personas.panel.unlinkLabel", { name: isolate(persona.name) })}
                  data-testid="problem-persona-unlink"
                  onClick={() => {
                    setError(null);
                    unlink.mutate(
                      { personaId: persona.id, problemId, linked: false },
                      {
                        onSuccess: () => {
                          setAnnouncement(t("personas.panel.unlinked", { name: isolate(persona.name) }));
                        },
                        onError: setError,
                      },
                    );
                  }}
                >
                  {t("personas.panel.unlink")}
                </button>
              </li>
            ))}
          </ul>
        ))}
      {error !== null && (
        <p className="field-error" role="alert" data-testid="problem-persona-unlink-error">
          {t("personas.panel.failed", { reason: describeError(t, error) })}
        </p>
      )}
      {personas.data !== undefined && (
        <LinkPersona
          problemId={problemId}
          linkedIds={linkedIds}
          onLinked={(name) => {
            setAnnouncement(t("personas.panel.linked", { name: isolate(name) }));
          }}
        />
      )}

      <h3 id={mapsId} className="problem-personas-subtitle">
        {t("personas.panel.maps")}
      </h3>
      {maps.isError && (
        <p className="field-error" role="alert">
          {t("personas.panel.loadError", { reason: describeError(t, maps.error) })}
        </p>
      )}
      {maps.data !== undefined &&
        (maps.data.length === 0 ? (
          <p className="muted" data-testid="problem-maps-empty">
            {t("personas.panel.mapsEmpty")}
          </p>
        ) : (
          <ul className="persona-link-list" aria-labelledby={mapsId}>
            {maps.data.map((map) => (
              <MapLine key={map.id} map={map} testId="problem-map" />
            ))}
          </ul>
        ))}

      <h3 id={notesId} className="problem-personas-subtitle">
        {t("personas.panel.notes")}
      </h3>
      {notes.isError && (
        <p className="field-error" role="alert">
          {t("personas.panel.loadError", { reason: describeError(t, notes.error) })}
        </p>
      )}
      {notes.data !== undefined &&
        (notes.data.length === 0 ? (
          <p className="muted" data-testid="problem-notes-empty">
            {t("personas.panel.notesEmpty")}
          </p>
        ) : (
          <ul className="problem-note-list" aria-labelledby={notesId}>
            {notes.data.map((note) => (
              <NoteLine key={note.id} note={note} />
            ))}
          </ul>
        ))}
      <p className="visually-hidden" role="status" data-testid="problem-personas-announcement">
        {announcement}
      </p>
    </section>
  );
}
