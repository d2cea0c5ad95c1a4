import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { BrandMark, SectionIcon } from "./icons";
import { SECTIONS } from "./sections";

interface SidebarProps {
  fileName: string;
  path: string;
  onShowShortcuts: () => void;
}

export function Sidebar({ fileName, path, onShowShortcuts }: SidebarProps) {
  const { t } = useTranslation();
  return (
    <aside className="sidebar">
      <div className="brand">
        <BrandMark />
        <span lang="en">Rootwise</span>
      </div>
      <nav aria-label={t("nav.label")}>
        <ul className="nav-list" role="list">
          {SECTIONS.map((section) => (
            <li key={section.key}>
              <NavLink to={section.path} className="nav-link" data-testid={`nav-${section.key}`}>
                <SectionIcon section={section.key} />
                <span>{t(`nav.${section.key}`)}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar-footer">
        <div className="workspace-badge" title={path}>
          <span className="workspace-badge-label">{t("sidebar.workspace")}</span>
          <span className="workspace-badge-name ltr-text" dir="ltr" data-testid="workspace-file-name">
            {fileName}
          </span>
        </div>
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
