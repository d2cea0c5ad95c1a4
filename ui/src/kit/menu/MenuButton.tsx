import { useId, type ReactNode } from "react";
import { usePopupMenu } from "./usePopupMenu";

/** One item of a menu button's list. */
export interface MenuItem {
  key: string;
  label: string;
  onPick: () => void;
}

interface MenuButtonProps {
  /** The wrapper's classes. */
  className: string;
  buttonClassName: string;
  /** What the button shows. */
  children: ReactNode;
  /** The button's accessible name, when its content does not say it. */
  ariaLabel?: string;
  /** The list's accessible name. */
  menuLabel: string;
  items: readonly MenuItem[];
  disabled?: boolean;
  /** The button's test id; the list is `listTestId`, each item `${testId}-${key}`. */
  testId: string;
  listTestId?: string;
}

/**
 * A button that opens a menu of actions (`usePopupMenu`'s behaviour: Arrow
 * keys, Home and End move through the items, Enter picks one, Escape or Tab
 * closes it and focus goes back to the button). Picking an item closes the
 * menu first.
 */
export function MenuButton({
  className,
  buttonClassName,
  children,
  ariaLabel,
  menuLabel,
  items,
  disabled = false,
  testId,
  listTestId,
}: MenuButtonProps) {
  const menuId = useId();
  const { open, close, toggle, place, buttonRef, menuRef, onMenuKeyDown, onButtonKeyDown } = usePopupMenu();
  return (
    <div className={className}>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={ariaLabel}
        disabled={disabled}
        data-testid={testId}
        onClick={toggle}
        onKeyDown={onButtonKeyDown}
      >
        {children}
      </button>
      {open && (
        <ul
          ref={menuRef}
          id={menuId}
          className="popup-menu"
          role="menu"
          aria-label={menuLabel}
          style={place}
          data-testid={listTestId}
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item) => (
            <li key={item.key} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="popup-menu-item"
                data-testid={`${testId}-${item.key}`}
                onClick={() => {
                  close(true);
                  item.onPick();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
