import type { TFunction } from "i18next";
import {
  memo,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from "react";
import type { Area } from "../../../bindings/Area";
import type { Note } from "../../../bindings/Note";
import { currentLanguage, directionOf } from "../../../i18n";
import { AREA_LIST } from "./model";
import type { NoteHandlers } from "./NoteCard";

interface NoteMenuProps {
  note: Note;
  handlers: Pick<NoteHandlers, "startEdit" | "move" | "remove">;
  t: TFunction;
}

function placeMenu(button: HTMLElement, menuHeight: number): CSSProperties {
  const rect = button.getBoundingClientRect();
  const rtl = directionOf(currentLanguage()) === "rtl";
  const below = rect.bottom + 4 + menuHeight <= window.innerHeight || rect.top < menuHeight + 4;
  return {
    position: "fixed",
    insetInlineStart: rtl ? window.innerWidth - rect.right : rect.left,
    ...(below ? { insetBlockStart: rect.bottom + 4 } : { insetBlockEnd: window.innerHeight - rect.top + 4 }),
  };
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
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<CSSProperties>({ position: "fixed" });

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  useLayoutEffect(() => {
    if (!open || buttonRef.current === null) return;
    setPlace(placeMenu(buttonRef.current, menuRef.current?.offsetHeight ?? 0));
    items()[0]?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    const onScroll = (event: Event) => {
      if (!menuRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    window.addEventListener("scroll", onScroll, true);
    window.addEventListener("resize", onScroll);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown, true);
      window.removeEventListener("scroll", onScroll, true);
      window.removeEventListener("resize", onScroll);
    };
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => {
      list[(i + list.length) % list.length]?.focus();
    };
    switch (event.key) {
      case "ArrowDown":
        focusAt(index + 1);
        break;
      case "ArrowUp":
        focusAt(index - 1);
        break;
      case "Home":
        focusAt(0);
        break;
      case "End":
        focusAt(list.length - 1);
        break;
      case "Escape":
        close(true);
        break;
      case "Tab":
        close(false);
        return;
      default:
        return;
    }
    event.preventDefault();
  };

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
          setOpen((was) => !was);
        }}
        onKeyDown={(event) => {
          event.stopPropagation();
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            setOpen(true);
          }
        }}
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
