import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

/** The four views of the actions section. */
export const ACTION_VIEWS = [
  { key: "table", path: "/actions" },
  { key: "board", path: "/actions/board" },
  { key: "mine", path: "/actions/mine" },
  { key: "overview", path: "/actions/overview" },
] as const;

/** The section's title and its tabs: table, board, my actions, overview. */
export function ActionsTabs() {
  const { t } = useTranslation();
  return (
    <header className="page-header actions-header">
      <h1>{t("nav.actions")}</h1>
      <nav className="actions-tabs" aria-label={t("actions.views.label")}>
        {ACTION_VIEWS.map((view) => (
          <NavLink
            key={view.key}
            to={view.path}
            end
            className={({ isActive }) => (isActive ? "actions-tab actions-tab--active" : "actions-tab")}
            data-testid={`actions-tab-${view.key}`}
          >
            {t(`actions.views.${view.key}`)}
          </NavLink>
        ))}
      </nav>
    </header>
  );
}
