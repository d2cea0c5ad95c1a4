import { useDroppable } from "@dnd-kit/core";
import { memo, useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Area } from "../../../bindings/Area";
import type { NoteGroup } from "../../../bindings/NoteGroup";
import { NoteCard, type NoteHandlers } from "./NoteCard";
import { NoteEditor } from "./NoteEditor";
import { ITEMS_AT_FIRST, itemId, itemsToDraw, PROMPT_COUNT, type AreaItem } from "./model";

export interface GroupHandlers {
  rename: (group: NoteGroup, label: string) => Promise<unknown>;
  dissolve: (group: NoteGroup) => void;
}

interface AreaPanelProps {
  area: Area;
  items: AreaItem[];
  count: number;
  selected: ReadonlySet<string>;
  editingId: string | null;
  /** Hidden notes the user just wrote (shown to them while their editor is open). */
  mine: ReadonlySet<string>;
  /** The new-note editor is open in this area. */
  adding: boolean;
  handlers: NoteHandlers;
  groupHandlers: GroupHandlers;
  onStartAdd: (area: Area) => void;
  onSaveNew: (area: Area, text: string) => Promise<unknown>;
  onCancelAdd: () => void;
}

/** True when `target` is inside something that handles its own clicks (a note, a button, a field). */
function insideControl(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('[data-testid="note-card"], button, input, textarea, select, a, [role="menu"]') !== null
  );
}

function GroupCluster({
  group,
  children,
  handlers,
}: {
  group: NoteGroup;
  children: React.ReactNode;
  handlers: GroupHandlers;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const { setNodeRef, isOver } = useDroppable({
    id: `group:${group.id}`,
    data: { area: group.area, groupId: group.id },
  });
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <li className="empathy-group-item">
      <section
        ref={setNodeRef}
        className={`empathy-group${isOver ? " empathy-group--over" : ""}`}
        aria-labelledby={labelId}
        data-testid="note-group"
        data-group-id={group.id}
      >
        <header className="empathy-group-header">
          {renaming === null ? (
            <h4 id={labelId} className="empathy-group-label" dir="auto">
              {group.label}
            </h4>
          ) : (
            <form
              className="empathy-group-rename"
              onSubmit={(event) => {
                event.preventDefault();
                const label = renaming.trim();
                if (label === "") return;
                // A refusal is shown by the board; the form stays open with what was typed.
                handlers.rename(group, label).then(
                  () => {
                    setRenaming(null);
                  },
                  () => undefined,
                );
              }}
            >
              <input
                id={labelId}
                className="text-input"
                aria-label={t("empathy.group.renameLabel")}
                dir="auto"
                value={renaming}
                autoFocus
                data-testid="group-rename-input"
                onChange={(event) => {
                  setRenaming(event.target.value);
                }}
                onKeyDown={(event) => {
                  event.stopPropagation();
                  if (event.key === "Escape") setRenaming(null);
                }}
              />
              <button type="submit" className="button" data-testid="group-rename-save">
                {t("empathy.group.save")}
              </button>
            </form>
          )}
          {renaming === null && (
            <span className="empathy-group-tools">
              <button
                type="button"
                className="button button--ghost"
                data-testid="group-rename"
                onClick={() => {
                  setRenaming(group.label);
                }}
              >
                {t("empathy.group.rename")}
              </button>
              <button
                type="button"
                className="button button--ghost"
                data-testid="group-dissolve"
                onClick={() => {
                  handlers.dissolve(group);
                }}
              >
                {t("empathy.group.ungroup")}
              </button>
            </span>
          )}
        </header>
        <ul className="empathy-notes empathy-group-notes">{children}</ul>
      </section>
    </li>
  );
}

/**
 * One area of the board: its title, prompt questions, notes (groups as
 * labelled clusters), the inline editor for a new note, and a drop target.
 * Double-click an empty spot, or focus it and press N or Enter, to add.
 */
export const AreaPanel = memo(function AreaPanel({
  area,
  items,
  count,
  selected,
  editingId,
  mine,
  adding,
  handlers,
  groupHandlers,
  onStartAdd,
  onSaveNew,
  onCancelAdd,
}: AreaPanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const promptsId = useId();
  const [promptsOpen, setPromptsOpen] = useState(true);
  const { setNodeRef, isOver } = useDroppable({ id: `area:${area}`, data: { area } });
  const title = t(`empathy.area.${area}.title`);

  // A full area draws its first items, then more as it scrolls (or on
  // "Show more"): a 500-note board opens and drags without drawing notes
  // nobody can see yet. New and edited notes are always drawn.
  const [shown, setShown] = useState(ITEMS_AT_FIRST);
  // The items of the last render, to tell which ones are new (React's
  // "information from previous renders" pattern).
  const [previous, setPrevious] = useState(items);
  if (previous !== items) {
    const before = new Set(previous.map(itemId));
    setPrevious(items);
    setShown(itemsToDraw(items, shown, before, editingId));
  }
  const drawn = itemsToDraw(items, shown, null, editingId);
  const more = useRef<HTMLButtonElement | null>(null);
  const hasMore = drawn < items.length;
  useEffect(() => {
    const button = more.current;
    if (!hasMore || button === null || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setShown((n) => n + ITEMS_AT_FIRST);
      },
      { root: button.closest(".empathy-area-body"), rootMargin: "200px" },
    );
    observer.observe(button);
    return () => {
      observer.disconnect();
    };
  }, [hasMore, drawn]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.code === "KeyN" || event.key === "n" || event.key === "N" || event.key === "Enter") {
      event.preventDefault();
      onStartAdd(area);
    }
  };

  const onDoubleClick = (event: MouseEvent<HTMLElement>) => {
    if (insideControl(event.target)) return;
    onStartAdd(area);
  };

  const card = (note: AreaItem & { kind: "note" }, groupLabel: string | null) => (
    <NoteCard
      key={note.note.id}
      note={note.note}
      groupLabel={groupLabel}
      selected={selected.has(note.note.id)}
      editing={editingId === note.note.id}
      faceUp={mine.has(note.note.id)}
      handlers={handlers}
      t={t}
    />
  );

  return (
    <section
      ref={setNodeRef}
      className={`empathy-area empathy-area--${area}${isOver ? " empathy-area--over" : ""}`}
      aria-labelledby={titleId}
      aria-describedby={promptsOpen ? promptsId : undefined}
      tabIndex={0}
      data-testid={`empathy-area-${area}`}
      data-area={area}
      onKeyDown={onKeyDown}
      onDoubleClick={onDoubleClick}
    >
      <header className="empathy-area-header">
        <h3 id={titleId} className="empathy-area-title">
          {title}
        </h3>
        <span className="empathy-area-count" aria-hidden="true">
          {count}
        </span>
        <span className="visually-hidden">{t("empathy.area.count", { count })}</span>
        <button
          type="button"
          className="button button--ghost empathy-prompts-toggle"
          aria-expanded={promptsOpen}
          aria-controls={promptsId}
          data-testid={`empathy-prompts-toggle-${area}`}
          onClick={() => {
            setPromptsOpen((open) => !open);
          }}
        >
          {promptsOpen ? t("empathy.area.hidePrompts") : t("empathy.area.showPrompts")}
        </button>
        <button
          type="button"
          className="button empathy-add"
          aria-label={t("empathy.area.addTo", { area: title })}
          data-testid={`empathy-add-${area}`}
          onClick={() => {
            onStartAdd(area);
          }}
        >
          <span aria-hidden="true">+ </span>
          {t("empathy.area.add")}
        </button>
      </header>
      <ul
        id={promptsId}
        className="empathy-prompts"
        hidden={!promptsOpen}
        aria-label={t("empathy.area.prompts")}
        data-testid={`empathy-prompts-${area}`}
      >
        {Array.from({ length: PROMPT_COUNT }, (_, i) => (
          <li key={i}>{t(`empathy.area.${area}.p${String(i + 1) as "1" | "2" | "3"}`)}</li>
        ))}
      </ul>
      <div className="empathy-area-body" data-testid="area-body">
        {items.length === 0 && !adding && <p className="empathy-area-empty">{t("empathy.area.empty")}</p>}
        <ul className="empathy-notes" aria-labelledby={titleId}>
          {items.slice(0, drawn).map((item) =>
            item.kind === "note" ? (
              card(item, null)
            ) : (
              <GroupCluster key={item.group.id} group={item.group} handlers={groupHandlers}>
                {item.notes.map((note) => card({ kind: "note", note }, item.group.label))}
              </GroupCluster>
            ),
          )}
        </ul>
        {hasMore && (
          <button
            ref={more}
            type="button"
            className="button button--ghost empathy-more"
            data-testid="empathy-more"
            onClick={() => {
              setShown((n) => n + ITEMS_AT_FIRST * 4);
            }}
          >
            {t("empathy.area.more", { count: items.length - drawn })}
          </button>
        )}
        {adding && (
          <NoteEditor
            initial=""
            keepOpen
            label={t("empathy.area.addTo", { area: title })}
            onSave={(text) => onSaveNew(area, text)}
            onCancel={onCancelAdd}
          />
        )}
      </div>
    </section>
  );
});
