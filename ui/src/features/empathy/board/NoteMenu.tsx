import type { TFunction } from "i18next";
import { memo } from "react";
import type { Area } from "../../../bindings/Area";
import type { Note } from "../../../bindings/Note";
import { usePopupMenu } from "../../../kit/menu/usePopupMenu";
import { AREA_LIST } from "./model";
import type { NoteHandlers } from "./NoteCard";

interface NoteMenuProps {
  note: Note;
  handlers: Pick<NoteHandlers, "startEdit" | "move" | "remove">;
  t: TFunction;
}

/**
 * A note's menu: Edit, "Move to…" each other area, Delete. Arrow keys,
 * Home and End move through the items; Escape or Tab closes it.
 */
export const NoteMenu = memo(function NoteMenu({ note, handlers, t }: NoteMenuProps) {
  const area = note.area;
  const onEdit = () => {
    handlers.startEdit(note);
  };
  const onMove = (to: Area) => {
    handlers.move(note, to);
  };
  const onDelete = () => {
    handlers.remove(note);
  };
  const { open, setOpen, toggle, place, buttonRef, menuRef, onMenuKeyDown, onButtonKeyDown } = usePopupMenu({
    containKeys: true,
  });

  const pick = (run: () => void) => () => {
    setOpen(false);
    run();
  };

  return (
    <div
      className="empathy-note-menu"
      onDoubleClick={(event) => {
        event.stopPropagation();
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button button--ghost empathy-note-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t("empathy.note.menu")}
        title={t("empathy.note.menu")}
        data-testid="note-menu"
        onPointerDown={(event) => {
          event.stopPropagation();
        }}
        onClick={(event) => {
          event.stopPropagation();
          toggle();
        }}
        onKeyDown={onButtonKeyDown}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <ul
          ref={menuRef}
          className="empathy-menu"
          role="menu"
          aria-label={t("empathy.note.menu")}
          style={place}
          data-testid="note-menu-list"
          onKeyDown={onMenuKeyDown}
          onClick={(event) => {
            event.stopPropagation();
          }}
          onPointerDown={(event) => {
            event.stopPropagation();
          }}
        >
          <li role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="empathy-menu-item"
              data-testid="note-menu-edit"
              onClick={pick(onEdit)}
            >
              {t("empathy.note.edit")}
            </button>
          </li>
          {AREA_LIST.filter((a) => a !== area).map((to) => (
            <li role="none" key={to}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="empathy-menu-item"
                data-testid={`note-move-${to}`}
                onClick={pick(() => {
                  onMove(to);
                })}
              >
                {t("empathy.note.moveToArea", { area: t(`empathy.area.${to}.title`) })}
              </button>
            </li>
          ))}
          <li role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="empathy-menu-item empathy-menu-item--danger"
              data-testid="note-menu-delete"
              onClick={pick(onDelete)}
            >
              {t("empathy.note.delete")}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
});
