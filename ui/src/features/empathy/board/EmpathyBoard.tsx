import { useSettings } from "../../../api/settings";
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../../api/errors";
import type { Area } from "../../../bindings/Area";
import type { Board } from "../../../bindings/Board";
import type { Note } from "../../../bindings/Note";
import type { NoteColour } from "../../../bindings/NoteColour";
import type { NoteEdit } from "../../../bindings/NoteEdit";
import type { NoteGroup } from "../../../bindings/NoteGroup";
import { currentLanguage, directionOf } from "../../../i18n";
import { describeError } from "../../../i18n/errors";
import { describeFieldIssue, fieldIssuesFromError } from "../../../kit/fields";
import { useWorkshop } from "../workshop/context";
import { AreaPanel, type GroupHandlers } from "./AreaPanel";
import {
  AREA_LIST,
  areaItems,
  COLOURS,
  isArea,
  neighbourArea,
  notesOf,
  reorder,
  stepOfArrow,
  type AreaItem,
} from "./model";
import { NotePreview, type NoteHandlers } from "./NoteCard";
import { NoteDetails } from "./NoteDetails";
import { PersonaCentre } from "./PersonaCentre";
import { UndoBar } from "./UndoBar";
import { useBoardMutations } from "./useBoardMutations";

// Constant options keep the sensors, and so dnd-kit's context, the same from one render to the next:
// new ones would re-render every note on each change of the board.
/** A few pixels before a drag starts, so a click on a note (or its menu) still clicks. */
const POINTER_OPTIONS = { activationConstraint: { distance: 6 } };
/** M picks a note up (Space and Enter are the note's own keys); arrows carry it, Space or Enter drops it. */
const KEYBOARD_OPTIONS = { keyboardCodes: { start: ["KeyM"], cancel: ["Escape"], end: ["Space", "Enter"] } };

const isRtl = () => directionOf(currentLanguage()) === "rtl";

/** The group under the pointer wins over the area around it. */
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  const group = hits.find((h) => String(h.id).startsWith("group:"));
  if (group !== undefined) return [group];
  return hits.length > 0 ? hits : rectIntersection(args);
};

function noteOf(data: { current?: Record<string, unknown> | undefined }): Note | null {
  const note = data.current?.note;
  return note === undefined ? null : (note as Note);
}

function cardOf(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-testid="note-card"][data-note-id="${CSS.escape(id)}"]`);
}

/**
 * The note a pointer dropped at (x, y) in `area` goes before: the first
 * single (ungrouped) note that comes after that point in reading order.
 */
function beforeAt(area: Area, x: number, y: number, moving: string): string | undefined {
  const root = document.querySelector(`[data-testid="empathy-area-${area}"]`);
  if (root === null) return undefined;
  const rtl = isRtl();
  const cards = Array.from(
    root.querySelectorAll<HTMLElement>(
      '.empathy-area-body > .empathy-notes > .empathy-note-item > [data-testid="note-card"]',
    ),
  ).filter((el) => el.dataset.noteId !== moving);
  for (const el of cards) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const centre = r.left + r.width / 2;
    if (y < r.top || (y <= r.bottom && (rtl ? x > centre : x < centre))) return el.dataset.noteId;
  }
  return undefined;
}

interface EmpathyBoardProps {
  board: Board;
}

type Notice = { tone: "info" | "error"; text: string };

/**
 * The board: Says, Thinks, Does and Feels around the persona, Pains and
 * Gains below. Notes are added by double-click, N or the Add button, edited
 * in place, moved by pointer, Alt+arrows or their menu (applied at once),
 * selected with Ctrl-click or Space to be grouped, and voted on during a
 * workshop's vote.
 */
export function EmpathyBoard({ board }: EmpathyBoardProps) {
  const { t } = useTranslation();
  const mapId = board.map.id;
  const workshop = useWorkshop();
  const voting = workshop?.voting ?? null;
  const settings = useSettings();
  const mutations = useBoardMutations(mapId);
  const authorId = useId();
  const colourId = useId();
  const groupInputId = useId();

  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [editingId, setEditingId] = useState<string | null>(null);
  const [addingArea, setAddingArea] = useState<Area | null>(null);
  const [mine, setMine] = useState<ReadonlySet<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState("");
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dragging, setDragging] = useState<Note | null>(null);
  const [deleted, setDeleted] = useState<Note | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  const [author, setAuthor] = useState<string | null>(null);
  const [colour, setColour] = useState<NoteColour>("yellow");
  const [groupLabel, setGroupLabel] = useState<string | null>(null);
  const [groupError, setGroupError] = useState<string | null>(null);
  /** A note to give the focus to once it shows (in `area`, after a move). */
  const pendingFocus = useRef<{ id: string; area?: Area } | null>(null);

  const writer = author ?? settings.data?.displayName ?? "";

  const items = useMemo(() => {
    const out = {} as Record<Area, { items: AreaItem[]; count: number }>;
    for (const area of AREA_LIST) {
      const sorted = notesOf(board.notes, area);
      out[area] = { items: areaItems(sorted, board.groups, area), count: sorted.length };
    }
    return out;
  }, [board.notes, board.groups]);

  // A note that moved re-mounts in its new place: give it the focus back.
  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    const el = cardOf(target.id);
    if (el !== null && (target.area === undefined || el.dataset.area === target.area)) {
      el.focus();
      pendingFocus.current = null;
    }
  });

  const areaTitle = useCallback((area: Area) => t(`empathy.area.${area}.title`), [t]);
  const announce = useCallback((text: string) => {
    setAnnouncement(text);
  }, []);
  const failed = useCallback(
    (error: AppError) => {
      const issue = [...fieldIssuesFromError(error).values()][0];
      const reason = issue === undefined ? describeError(t, error) : describeFieldIssue(t, issue);
      setNotice({ tone: "error", text: t("empathy.board.saveFailed", { reason }) });
    },
    [t],
  );

  const editNote = useCallback(
    (id: string, edit: NoteEdit) =>
      mutations.edit.mutateAsync({ id, edit }).catch((error: unknown) => {
        throw error;
      }),
    [mutations.edit],
  );

  const faceDown = (note: Note) => note.hidden && !mine.has(note.id);

  const move = (note: Note, area: Area, before?: string) => {
    if (faceDown(note)) return;
    pendingFocus.current = { id: note.id, area };
    const text = note.text;
    announce(
      area === note.area
        ? t("empathy.note.movedWithin", { text, area: areaTitle(area) })
        : t("empathy.note.moved", { text, area: areaTitle(area) }),
    );
    const value = before === undefined ? { area } : { area, before };
    mutations.edit.mutate(
      { id: note.id, edit: { field: "move", value } },
      {
        onError: (error) => {
          pendingFocus.current = null;
          failed(error);
        },
      },
    );
  };

  const focusSibling = (note: Note, by: 1 | -1) => {
    const root = document.querySelector(`[data-testid="empathy-area-${note.area}"]`);
    const cards = Array.from(root?.querySelectorAll<HTMLElement>('[data-testid="note-card"]') ?? []);
    const index = cards.findIndex((el) => el.dataset.noteId === note.id);
    // Past the last note drawn, "Show more" is next.
    const next =
      cards[index + by] ??
      (by === 1 ? root?.querySelector<HTMLElement>('[data-testid="empathy-more"]') : null);
    next?.focus();
  };

  const remove = (note: Note) => {
    if (faceDown(note)) return;
    const area = document.querySelector<HTMLElement>(`[data-testid="empathy-area-${note.area}"]`);
    const cards = Array.from(area?.querySelectorAll<HTMLElement>('[data-testid="note-card"]') ?? []);
    const index = cards.findIndex((el) => el.dataset.noteId === note.id);
    const next = cards[index + 1] ?? cards[index - 1];
    if (next?.dataset.noteId !== undefined) pendingFocus.current = { id: next.dataset.noteId };
    else area?.focus();
    setDeleted(note);
    setUndoError(null);
    mutations.remove.mutate(note, {
      onError: (error) => {
        setDeleted(null);
        failed(error);
      },
    });
  };

  const toggle = (id: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };

  const vote = (note: Note, back: boolean) => {
    if (voting === null || faceDown(note) || note.hidden) return;
    if (back) {
      voting.unvote(note.id);
      announce(t("empathy.note.unvoted", { text: note.text }));
    } else {
      voting.vote(note.id);
      announce(t("empathy.note.voted", { text: note.text }));
    }
  };

  const startAdd = (area: Area) => {
    setEditingId(null);
    setAddingArea(area);
  };

  const live = {
    click: (note: Note, event: React.MouseEvent<HTMLElement>) => {
      if (voting !== null) {
        vote(note, event.shiftKey);
        return;
      }
      if (event.ctrlKey || event.metaKey) toggle(note.id);
      else setSelected(new Set([note.id]));
    },
    keyDown: (note: Note, event: React.KeyboardEvent<HTMLElement>) => {
      if (event.target !== event.currentTarget || event.nativeEvent.isComposing) return;
      const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
      if (event.altKey && !event.ctrlKey && !event.metaKey) {
        const step = stepOfArrow(event.key, isRtl());
        if (step === null) return;
        event.preventDefault();
        if (faceDown(note)) return;
        if (step === "up" || step === "down") {
          const target = reorder(board, note, step);
          if (target === null) announce(t("empathy.note.noFurther", { text: note.text }));
          else move(note, target.area, target.before);
        } else {
          const to = neighbourArea(note.area, step);
          if (to === null) announce(t("empathy.note.noFurther", { text: note.text }));
          else move(note, to);
        }
        return;
      }
      if (!plain) return;
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        if (!faceDown(note)) setEditingId(note.id);
      } else if (event.key === "Delete" || event.key === "Backspace") {
        event.preventDefault();
        remove(note);
      } else if (event.key === " ") {
        event.preventDefault();
        toggle(note.id);
      } else if (event.code === "KeyV" || event.key === "v" || event.key === "V") {
        if (voting === null) return;
        event.preventDefault();
        vote(note, event.shiftKey);
      } else if (event.code === "KeyN" || event.key === "n" || event.key === "N") {
        event.preventDefault();
        startAdd(note.area);
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        focusSibling(note, event.key === "ArrowDown" ? 1 : -1);
      } else if (event.key === "Escape" && selected.size > 0) {
        event.preventDefault();
        setSelected(new Set());
      }
    },
    startEdit: (note: Note) => {
      // While voting, a quick second click is another dot, not an edit.
      if (faceDown(note) || workshop?.voting != null) return;
      setAddingArea(null);
      setEditingId(note.id);
    },
    saveEdit: async (note: Note, text: string) => {
      if (text !== note.text) await editNote(note.id, { field: "text", value: text });
      pendingFocus.current = { id: note.id };
      setEditingId(null);
    },
    cancelEdit: () => {
      if (editingId !== null) pendingFocus.current = { id: editingId };
      setEditingId(null);
    },
    move: (note: Note, to: Area) => {
      move(note, to);
    },
    remove,
    renameGroup: (group: NoteGroup, label: string) =>
      mutations.rename.mutateAsync({ id: group.id, label }).catch((error: unknown) => {
        failed(error as AppError);
        throw error;
      }),
    dissolveGroup: (group: NoteGroup) => {
      mutations.dissolve.mutate(group.id, { onError: failed });
    },
    startAdd,
    saveNew: async (area: Area, text: string) => {
      const input = { mapId, area, text, colour, ...(writer.trim() === "" ? {} : { author: writer.trim() }) };
      const saved = await mutations.add.mutateAsync(input);
      if (saved.hidden) setMine((m) => new Set([...m, saved.id]));
    },
    cancelAdd: () => {
      const area = addingArea;
      setAddingArea(null);
      setMine(new Set());
      if (area !== null) document.querySelector<HTMLElement>(`[data-testid="empathy-area-${area}"]`)?.focus();
    },
  };
  const liveRef = useRef(live);
  useLayoutEffect(() => {
    liveRef.current = live;
  });

  // Stable for the memoised notes and areas; each call reads the latest state.
  const handlers = useMemo<NoteHandlers>(
    () => ({
      click: (n, e) => {
        liveRef.current.click(n, e);
      },
      keyDown: (n, e) => {
        liveRef.current.keyDown(n, e);
      },
      startEdit: (n) => {
        liveRef.current.startEdit(n);
      },
      saveEdit: (n, text) => liveRef.current.saveEdit(n, text),
      cancelEdit: () => {
        liveRef.current.cancelEdit();
      },
      move: (n, to) => {
        liveRef.current.move(n, to);
      },
      remove: (n) => {
        liveRef.current.remove(n);
      },
    }),
    [],
  );
  const groupHandlers = useMemo<GroupHandlers>(
    () => ({
      rename: (g, label) => liveRef.current.renameGroup(g, label),
      dissolve: (g) => {
        liveRef.current.dissolveGroup(g);
      },
    }),
    [],
  );
  const onStartAdd = useCallback((area: Area) => {
    liveRef.current.startAdd(area);
  }, []);
  const onSaveNew = useCallback((area: Area, text: string) => liveRef.current.saveNew(area, text), []);
  const onCancelAdd = useCallback(() => {
    liveRef.current.cancelAdd();
  }, []);

  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_OPTIONS),
    useSensor(KeyboardSensor, KEYBOARD_OPTIONS),
  );

  const onDragStart = ({ active }: DragStartEvent) => {
    setDragging(noteOf(active.data));
  };
  const onDragEnd = ({ active, over, delta, activatorEvent }: DragEndEvent) => {
    // Where the note was let go: the centre of its moved rectangle (a
    // keyboard drag has no pointer position), else the pointer's start plus
    // the distance moved.
    const moved = active.rect.current.translated;
    setDragging(null);
    const note = noteOf(active.data);
    if (note === null || over === null) return;
    const data = over.data.current ?? {};
    const groupId = typeof data.groupId === "string" ? data.groupId : null;
    if (groupId !== null) {
      if (note.groupId === groupId) return;
      const group = board.groups.find((g) => g.id === groupId);
      pendingFocus.current = { id: note.id, area: group?.area };
      announce(t("empathy.note.moved", { text: note.text, area: group?.label ?? "" }));
      mutations.edit.mutate({ id: note.id, edit: { field: "group", value: groupId } }, { onError: failed });
      return;
    }
    if (!isArea(data.area)) return;
    const start = activatorEvent as PointerEvent | null;
    const x = moved === null ? (start?.clientX ?? 0) + delta.x : moved.left + moved.width / 2;
    const y = moved === null ? (start?.clientY ?? 0) + delta.y : moved.top + moved.height / 2;
    const before = beforeAt(data.area, x, y, note.id);
    const order = notesOf(board.notes, data.area).filter((n) => n.groupId === null);
    const index = order.findIndex((n) => n.id === note.id);
    const unchanged =
      note.area === data.area && note.groupId === null && index >= 0 && order[index + 1]?.id === before;
    if (unchanged) return;
    move(note, data.area, before);
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t("empathy.note.dragStart", { text: noteOf(active.data)?.text ?? "" }),
    onDragOver: ({ over }) =>
      over === null
        ? undefined
        : t("empathy.note.dragOver", {
            area: isArea(over.data.current?.area) ? areaTitle(over.data.current.area) : "",
          }),
    onDragEnd: ({ over }) =>
      over === null
        ? t("empathy.note.dragCancelled")
        : t("empathy.note.dragDropped", {
            area: isArea(over.data.current?.area) ? areaTitle(over.data.current.area) : "",
          }),
    onDragCancel: () => t("empathy.note.dragCancelled"),
  };

  const dismissDeleted = useCallback(() => {
    setDeleted(null);
  }, []);

  const selectedNotes = board.notes.filter((n) => selected.has(n.id));
  const detailNote = selectedNotes.length === 1 ? selectedNotes[0] : undefined;

  const createGroup = () => {
    const label = (groupLabel ?? "").trim();
    const first = selectedNotes[0];
    if (label === "") {
      setGroupError(t("errors.rule.required"));
      return;
    }
    if (first === undefined) return;
    mutations.group.mutate(
      { area: first.area, label, noteIds: selectedNotes.map((n) => n.id) },
      {
        onSuccess: () => {
          setGroupLabel(null);
          setGroupError(null);
          setSelected(new Set());
        },
        onError: (error) => {
          const issue = [...fieldIssuesFromError(error).values()][0];
          setGroupError(issue === undefined ? describeError(t, error) : describeFieldIssue(t, issue));
        },
      },
    );
  };

  const area = (a: Area) => (
    <AreaPanel
      area={a}
      items={items[a].items}
      count={items[a].count}
      selected={selected}
      editingId={editingId}
      mine={mine}
      adding={addingArea === a}
      handlers={handlers}
      groupHandlers={groupHandlers}
      onStartAdd={onStartAdd}
      onSaveNew={onSaveNew}
      onCancelAdd={onCancelAdd}
    />
  );

  return (
    <div className={`empathy-board-wrap${detailNote !== undefined ? " empathy-board-wrap--details" : ""}`}>
      <div className="empathy-board-main">
        <div className="empathy-toolbar" role="group" aria-label={t("empathy.board.label")}>
          <div className="empathy-toolbar-field">
            <label className="field-label" htmlFor={authorId}>
              {t("empathy.board.author")}
            </label>
            <input
              id={authorId}
              className="text-input"
              dir="auto"
              value={writer}
              placeholder={t("empathy.board.authorPlaceholder")}
              data-testid="board-author"
              onChange={(event) => {
                setAuthor(event.target.value);
              }}
            />
          </div>
          <div className="empathy-toolbar-field">
            <label className="field-label" htmlFor={colourId}>
              {t("empathy.board.newColour")}
            </label>
            <select
              id={colourId}
              className="select-input"
              value={colour}
              data-testid="board-colour"
              onChange={(event) => {
                const next = COLOURS.find((c) => c === event.target.value);
                if (next !== undefined) setColour(next);
              }}
            >
              {COLOURS.map((c) => (
                <option key={c} value={c}>
                  {t(`empathy.colour.${c}`)}
                </option>
              ))}
            </select>
          </div>
          {selectedNotes.length > 0 && (
            <div className="empathy-selection" data-testid="board-selection">
              <span>{t("empathy.board.selected", { count: selectedNotes.length })}</span>
              {groupLabel === null ? (
                <button
                  type="button"
                  className="button"
                  data-testid="board-group"
                  onClick={() => {
                    setGroupLabel("");
                    setGroupError(null);
                  }}
                >
                  {t("empathy.board.group")}
                </button>
              ) : (
                <form
                  className="empathy-group-form"
                  onSubmit={(event) => {
                    event.preventDefault();
                    createGroup();
                  }}
                >
                  <label className="visually-hidden" htmlFor={groupInputId}>
                    {t("empathy.board.groupLabel")}
                  </label>
                  <input
                    id={groupInputId}
                    className="text-input"
                    dir="auto"
                    autoFocus
                    placeholder={t("empathy.board.groupLabel")}
                    aria-invalid={groupError !== null}
                    value={groupLabel}
                    data-testid="board-group-label"
                    onChange={(event) => {
                      setGroupLabel(event.target.value);
                    }}
                    onKeyDown={(event) => {
                      if (event.key === "Escape") setGroupLabel(null);
                    }}
                  />
                  <button type="submit" className="button button--primary" data-testid="board-group-create">
                    {t("empathy.board.groupCreate")}
                  </button>
                  {groupError !== null && (
                    <p className="field-error" role="alert" data-testid="board-group-error">
                      {groupError}
                    </p>
                  )}
                </form>
              )}
              <button
                type="button"
                className="button button--ghost"
                data-testid="board-clear-selection"
                onClick={() => {
                  setSelected(new Set());
                  setGroupLabel(null);
                }}
              >
                {t("empathy.board.clearSelection")}
              </button>
            </div>
          )}
        </div>
        <p className="field-hint empathy-hint">{t("empathy.board.hint")}</p>
        {/* In workshop mode the frame's own banner says it, with the count and Reveal. */}
        {board.map.phase === "private" && workshop === null && (
          <p className="empathy-private" data-testid="board-private">
            {t("empathy.board.privateRound")}
          </p>
        )}
        {notice !== null && (
          <div className="alert empathy-notice" role="alert" data-testid="board-error">
            <p>{notice.text}</p>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setNotice(null);
              }}
            >
              {t("empathy.note.dismiss")}
            </button>
          </div>
        )}
        <p className="visually-hidden" role="status" aria-live="polite" data-testid="board-announce">
          {announcement}
        </p>
        <DndContext
          sensors={sensors}
          collisionDetection={collision}
          accessibility={{
            announcements,
            screenReaderInstructions: { draggable: t("empathy.note.dragInstructions") },
          }}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => {
            setDragging(null);
          }}
        >
          <div
            className="empathy-board"
            role="region"
            aria-label={t("empathy.board.label")}
            data-testid="empathy-board"
          >
            <div className="empathy-quadrants">
              {area("says")}
              <PersonaCentre persona={board.persona} />
              {area("thinks")}
              {area("does")}
              {area("feels")}
            </div>
            <div className="empathy-lower">
              {area("pains")}
              {area("gains")}
            </div>
          </div>
          <DragOverlay dropAnimation={null}>
            {dragging !== null && <NotePreview note={dragging} t={t} />}
          </DragOverlay>
        </DndContext>
      </div>
      {detailNote !== undefined && (
        <NoteDetails
          key={detailNote.id}
          note={detailNote}
          faceDown={faceDown(detailNote)}
          onEdit={(edit) => editNote(detailNote.id, edit)}
          onClose={() => {
            setSelected(new Set());
          }}
        />
      )}
      {deleted !== null && (
        <UndoBar
          message={t("empathy.note.deleted", { text: `\u2068${deleted.text}\u2069` })}
          error={undoError}
          pending={mutations.restore.isPending}
          testIds={{ toast: "note-undo-toast", undo: "note-undo" }}
          onDismiss={dismissDeleted}
          onUndo={() => {
            const note = deleted;
            mutations.restore.mutate(note.id, {
              onSuccess: () => {
                pendingFocus.current = { id: note.id };
                setDeleted(null);
              },
              onError: (error) => {
                setUndoError(t("empathy.note.restoreFailed", { reason: describeError(t, error) }));
              },
            });
          }}
        />
      )}
    </div>
  );
}
