import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ActionStatus } from "../../../bindings/ActionStatus";
import { usePopupMenu } from "../../../kit/menu/usePopupMenu";
import { allowedMoves } from "./moves";

interface MoveMenuProps {
  title: string;
  status: ActionStatus;
  disabled: boolean;
  onMove: (to: ActionStatus) => void;
}

/**
 * "Move to…": a menu button listing only the columns the card may move to.
 * Arrow keys, Home and End move through the items; Enter picks one; Escape
 * or Tab closes the menu and focus goes back to the button.
 */
export function MoveMenu({ title, status, disabled, onMove }: MoveMenuProps) {
  const { t } = useTranslation();
  const menuId = useId();
  const { open, close, toggle, place, buttonRef, menuRef, onMenuKeyDown, onButtonKeyDown } = usePopupMenu();
  const targets = allowedMoves(status);

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
        onClick={toggle}
        onKeyDown={onButtonKeyDown}
      >
        {t("actionBoard.moveTo")}
      </button>
      {open && (
        <ul
          ref={menuRef}
          id={menuId}
          className="popup-menu"
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
                className="popup-menu-item"
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
