import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from "react";
import { useTranslation } from "react-i18next";
import type { ActionStatus } from "../../../bindings/ActionStatus";
import { currentLanguage, directionOf } from "../../../i18n";
import { allowedMoves } from "./moves";

interface MoveMenuProps {
  title: string;
  status: ActionStatus;
  disabled: boolean;
  onMove: (to: ActionStatus) => void;
}

/** Where the open menu sits: under the button (above it near the window's bottom), in viewport terms. */
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
 * "Move to…": a menu button listing only the columns the card may move to.
 * Arrow keys, Home and End move through the items; Enter picks one; Escape
 * or Tab closes the menu and focus goes back to the button.
 */
export function MoveMenu({ title, status, disabled, onMove }: MoveMenuProps) {
  const { t } = useTranslation();
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<CSSProperties>({ position: "fixed" });
  const targets = allowedMoves(status);

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

  // A click elsewhere, or the page scrolling under the menu, closes it.
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
    event.stopPropagation();
  };

  return (
    <div className="board-move">
      <button
        ref={buttonRef}
        type="button"
        className="button button--ghost board-move-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t("actionBoard.moveToLabel", { title })}
        disabled={disabled || targets.length === 0}
        data-testid="card-move"
        onClick={() => {
          setOpen((was) => !was);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {t("actionBoard.moveTo")}
      </button>
      {open && (
        <ul
          ref={menuRef}
          id={menuId}
          className="board-move-menu"
          role="menu"
          aria-label={t("actionBoard.moveMenu", { title })}
          style={place}
          data-testid="card-move-menu"
          onKeyDown={onMenuKeyDown}
        >
          {targets.map((to) => (
            <li key={to} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="board-move-item"
                data-testid={`card-move-${to}`}
                onClick={() => {
                  close(true);
                  onMove(to);
                }}
              >
                {t(`actions.status.${to}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
