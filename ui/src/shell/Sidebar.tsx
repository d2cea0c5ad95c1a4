import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { ChangesMenu } from "../features/changes/ChangesMenu";
import { useLastListSearch } from "../features/problems/list/lastSearch";
import { HubIndicator } from "./HubIndicator";
import { BrandMark, NavIcon, SectionIcon } from "./icons";
import { SECTIONS, TRASH_PATH } from "./sections";

function TrashIcon() {
  return (
    <NavIcon>
      <path d="M4.5 7h15M9.5 7V4.75h5V7M6.5 7l.9 12.25h9.2L17.5 7M10.25 11v5M13.75 11v5" />
    </NavIcon>
  );
}

interface SidebarProps {
  fileName: string;
  path: string;
  onShowShortcuts: () => void;
}

export function Sidebar({ fileName, path, onShowShortcuts }: SidebarProps) {
  const { t } = useTranslation();
  // Back to the problem list as it was last filtered.
  const problemsSearch = useLastListSearch();
  return (
    <aside className="sidebar" data-testid="sidebar">
      <div className="brand">
        <BrandMark />
        <span lang="en">Rootwise</span>
      </div>
      <nav aria-label={t("nav.label")}>
        <ul className="nav-list" role="list">
          {SECTIONS.map((section) => (
            <li key={section.key}>
              <NavLink
                to={
                  section.key === "problems"
                    ? { pathname: section.path, search: problemsSearch }
                    : section.path
                }
                className="nav-link"
                data-testid={`nav-${section.key}`}
              >
                <SectionIcon section={section.key} />
                <span>{t(`nav.${section.key}`)}</span>
              </NavLink>
            </li>
          ))}
          <li className="nav-item--separated">
            <NavLink to={TRASH_PATH} className="nav-link" data-testid="nav-trash">
              <TrashIcon />
              <span>{t("trash.title")}</span>
            </NavLink>
          </li>
        </ul>
      </nav>
      <div className="sidebar-footer">
        <div className="workspace-badge" title={path}>
          <span className="workspace-badge-label">{t("sidebar.workspace")}</span>
          <span className="workspace-badge-name ltr-text" dir="ltr" data-testid="workspace-file-name">
            {fileName}
          </span>
        </div>
        <HubIndicator />
        <ChangesMenu />
        <button type="button" className="button button--ghost button--block" onClick={onShowShortcuts}>
          <kbd dir="ltr" lang="en">
            ?
          </kbd>
          <span>{t("sidebar.shortcuts")}</span>
        </button>
      </div>
    </aside>
  );
}
