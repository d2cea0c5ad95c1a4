import { QueryClientContext } from "@tanstack/react-query";
import { useContext } from "react";
import { useTranslation } from "react-i18next";
import { useWhyNotes } from "../../../api/empathy";
import { describeError } from "../../../i18n/errors";

/**
 * The empathy-map notes that support a cause, each linked to its map.
 * Shows nothing where there is no query client (a panel rendered alone).
 */
export function WhyNotes({ whyId }: { whyId: string }) {
  const client = useContext(QueryClientContext);
  return client === undefined ? null : <WhyNotesList whyId={whyId} />;
}

function WhyNotesList({ whyId }: { whyId: string }) {
  const { t } = useTranslation();
  const notes = useWhyNotes(whyId);
  return (
    <section className="empathy-why-notes" aria-label={t("empathy.whyNotes.title")} data-testid="why-notes">
      <h3 className="empathy-why-notes-title">{t("empathy.whyNotes.title")}</h3>
      {notes.isError ? (
        <p className="field-error" role="alert">
          {t("empathy.whyNotes.loadError", { reason: describeError(t, notes.error) })}
        </p>
      ) : notes.data === undefined ? null : notes.data.length === 0 ? (
        <p className="field-hint" data-testid="why-notes-empty">
          {t("empathy.whyNotes.none")}
        </p>
      ) : (
        <ul className="empathy-why-notes-list">
          {notes.data.map((note) => (
            <li key={note.id} className="empathy-why-note" data-testid="why-note" data-note-id={note.id}>
              <span className="empathy-why-note-text" dir="auto">
                {note.text}
              </span>
              <span className="empathy-why-note-meta">
                {t(`empathy.area.${note.area}.title`)}
                {" · "}
                {/* A plain hash link: the panels are also drawn outside a router. */}
                <a href={`#/empathy/${note.mapId}`} data-testid="why-note-map">
                  <bdi>{note.mapTitle}</bdi>
                </a>
                {note.author.trim() !== "" && (
                  <>
                    {" · "}
                    <bdi>{note.author}</bdi>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
