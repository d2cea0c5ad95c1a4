import type { ReactNode } from "react";
import { NavLink } from "react-router";

/** One view of a section: where it lives and what its tab says. */
export interface SectionView {
  path: string;
  label: string;
  testId: string;
}

interface SectionTabsProps {
  title: string;
  /** Names the tab list for screen readers. */
  label: string;
  views: readonly SectionView[];
  /** Shown between the title and the tabs (a subtitle). */
  children?: ReactNode;
}

/** A section's title and the tabs between its views (actions, dashboard). */
export function SectionTabs({ title, label, views, children }: SectionTabsProps) {
  return (
    <header className="page-header actions-header">
      <h1>{title}</h1>
      {children}
      <nav className="actions-tabs" aria-label={label}>
        {views.map((view) => (
          <NavLink
            key={view.path}
            to={view.path}
            end
            className={({ isActive }) => (isActive ? "actions-tab actions-tab--active" : "actions-tab")}
            data-testid={view.testId}
          >
            {view.label}
          </NavLink>
        ))}
      </nav>
    </header>
  );
}
