import { useTranslation } from "react-i18next";
import type { PlaceholderSectionKey } from "./sections";

/** The honest notice for a section this version does not have yet. */
export function SectionPlaceholder({ section }: { section: PlaceholderSectionKey }) {
  const { t } = useTranslation();
  return (
    <>
      <header className="page-header">
        <h1>{t(`nav.${section}`)}</h1>
      </header>
      <div className="empty-state" data-testid="section-not-built">
        <span className="badge">{t("placeholder.badge")}</span>
        <p className="empty-state-title">{t("placeholder.notBuilt")}</p>
        <p className="empty-state-body">{t(`placeholder.${section}`)}</p>
      </div>
    </>
  );
}
