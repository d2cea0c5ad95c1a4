import { useTranslation } from "react-i18next";
import type { ActionStatus } from "../../../bindings/ActionStatus";
import { MenuButton } from "../../../kit/menu/MenuButton";
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
  const targets = allowedMoves(status);
  return (
    <MenuButton
      className="board-move"
      buttonClassName="button button--ghost board-move-button"
      ariaLabel={t("actionBoard.moveToLabel", { title })}
      menuLabel={t("actionBoard.moveMenu", { title })}
      items={targets.map((to) => ({
        key: to,
        label: t(`actions.status.${to}`),
        onPick: () => {
          onMove(to);
        },
      }))}
      disabled={disabled || targets.length === 0}
      testId="card-move"
      listTestId="card-move-menu"
    >
      {t("actionBoard.moveTo")}
    </MenuButton>
  );
}
