import { NavIcon } from "../../../shell/icons";
import { useDraggable } from "@dnd-kit/core";
import { memo, type KeyboardEvent, type MouseEvent } from "react";
import type { TFunction } from "i18next";
import type { Area } from "../../../bindings/Area";
import type { Note } from "../../../bindings/Note";
import { NoteEditor } from "./NoteEditor";
import { NoteMenu } from "./NoteMenu";

/** What a note asks of the board; one stable object for every note, so cards stay memoised. */
export interface NoteHandlers {
  click: (note: Note, event: MouseEvent<HTMLElement>) => void;
  keyDown: (note: Note, event: KeyboardEvent<HTMLElement>) => void;
  startEdit: (note: Note) => void;
  saveEdit: (note: Note, text: string) => Promise<unknown>;
  cancelEdit: () => void;
  move: (note: Note, to: Area) => void;
  remove: (note: Note) => void;
}

interface NoteCardProps {
  note: Note;
  /** The label of its group, if any (for screen readers; the cluster shows it on screen). */
  groupLabel: string | null;
  selected: boolean;
  editing: boolean;
  /** A hidden note the user just wrote: shown to them while their editor is open. */
  faceUp: boolean;
  handlers: NoteHandlers;
  /** The translations, passed down rather than subscribed to by each of hundreds of notes. */
  t: TFunction;
}

/** The face of a note: text, author, dots and markers; memoised on the note object. */
const NoteFace = memo(function NoteFace({
  note,
  faceDown,
  groupLabel,
  t,
}: {
  note: Note;
  faceDown: boolean;
  groupLabel: string | null;
  t: TFunction;
}) {
  const author = note.author.trim() === "" ? t("empathy.note.noAuthor") : note.author;
  if (faceDown) {
    return (
      <>
        <p className="empathy-note-text empathy-note-text--hidden">{t("empathy.note.hidden")}</p>
        <p className="empathy-note-meta">
          <bdi>{t("empathy.note.hiddenBy", { author })}</bdi>
        </p>
      </>
    );
  }
  const linked = note.problemId !== null || note.causeIds.length > 0;
  return (
    <>
      <p className="empathy-note-text" dir="auto" data-testid="note-text">
        {note.text}
      </p>
      <p className="empathy-note-meta">
        <bdi className="empathy-note-author">{author}</bdi>
        {linked && (
          <span className="empathy-note-linked" title={t("empathy.note.linked")} data-testid="note-linked">
            {/* Drawn, not an emoji: the bundled fonts have no emoji glyphs. */}
            <NavIcon>
              <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1" />
              <path d="M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
            </NavIcon>
            <span className="visually-hidden">{t("empathy.note.linked")}</span>
          </span>
        )}
        {groupLabel !== null && (
          <span className="visually-hidden">{t("empathy.note.group", { label: groupLabel })}</span>
        )}
      </p>
      <p
        className="empathy-note-dots"
        data-testid="note-votes"
        data-votes={note.votes}
        title={t("empathy.note.votes", { count: note.votes })}
      >
        <span aria-hidden="true" className="empathy-dot-row">
          {Array.from({ length: Math.min(note.votes, 12) }, (_, i) => (
            <span key={i} className="empathy-dot" />
          ))}
          {note.votes > 12 && <span className="empathy-dot-more">+{note.votes - 12}</span>}
        </span>
        <span className="visually-hidden">{t("empathy.note.votes", { count: note.votes })}</span>
      </p>
    </>
  );
});

/**
 * One sticky note: focusable, dragged with the pointer (after a few pixels,
 * so a click still clicks), edited in place, with its menu. A hidden note
 * of the private round shows face down and cannot be edited, moved or voted.
 */
export const NoteCard = memo(function NoteCard({
  note,
  groupLabel,
  selected,
  editing,
  faceUp,
  handlers,
  t,
}: NoteCardProps) {
  const faceDown = note.hidden && !faceUp;
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: note.id,
    data: { note },
    disabled: faceDown || editing,
  });

  if (editing) {
    return (
      <li className="empathy-note-item">
        <article
          className={`empathy-note empathy-note--${note.colour} empathy-note--editing`}
          data-testid="note-card"
          data-note-id={note.id}
          data-area={note.area}
          data-editing="true"
        >
          <NoteEditor
            initial={note.text}
            label={t("empathy.note.editorLabel")}
            onSave={(text) => handlers.saveEdit(note, text)}
            onCancel={handlers.cancelEdit}
          />
        </article>
      </li>
    );
  }

  const classes = ["empathy-note", faceDown ? "empathy-note--face-down" : `empathy-note--${note.colour}`];
  if (selected) classes.push("empathy-note--selected");
  if (isDragging) classes.push("empathy-note--dragging");

  const base = faceDown
    ? t("empathy.note.hidden")
    : `${t("empathy.note.colourName", { colour: t(`empathy.colour.${note.colour}`) })}: ${note.text}. ${t(
        "empathy.note.by",
        { author: note.author.trim() === "" ? t("empathy.note.noAuthor") : note.author },
      )}`;
  const label = selected ? `${base} (${t("empathy.note.selectedState")})` : base;

  return (
    <li className="empathy-note-item">
      <article
        ref={setNodeRef}
        className={classes.join(" ")}
        tabIndex={0}
        aria-roledescription={t("empathy.note.roleDescription")}
        aria-label={label}
        aria-describedby={attributes["aria-describedby"]}
        data-testid="note-card"
        data-note-id={note.id}
        data-area={note.area}
        data-colour={note.colour}
        data-hidden={faceDown ? "true" : undefined}
        data-selected={selected ? "true" : undefined}
        {...listeners}
        onKeyDown={(event) => {
          (listeners?.onKeyDown as ((e: KeyboardEvent<HTMLElement>) => void) | undefined)?.(event);
          if (!event.defaultPrevented) handlers.keyDown(note, event);
        }}
        onClick={(event) => {
          handlers.click(note, event);
        }}
        onDoubleClick={(event) => {
          event.stopPropagation();
          if (!faceDown) handlers.startEdit(note);
        }}
      >
        <NoteFace note={note} faceDown={faceDown} groupLabel={groupLabel} t={t} />
        {!faceDown && <NoteMenu note={note} handlers={handlers} t={t} />}
      </article>
    </li>
  );
});

/** The copy of a note that follows the pointer while it is dragged. */
export function NotePreview({ note, t }: { note: Note; t: TFunction }) {
  return (
    <div className={`empathy-note empathy-note--${note.colour} empathy-note--preview`} aria-hidden="true">
      <NoteFace note={note} faceDown={false} groupLabel={null} t={t} />
    </div>
  );
}
