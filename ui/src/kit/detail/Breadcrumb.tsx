import type { ReactNode } from "react";
import { Link } from "react-router";

/** A chevron pointing back along the reading direction (mirrored in RTL by CSS). */
function BackIcon() {
  return (
    <svg className="icon-inline flip-in-rtl" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M10 3L5 8l5 5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export interface BreadcrumbProps {
  /** The trail's accessible name. */
  label: string;
  /** Back to the list: where, its words and its test id. */
  back: { to: string; text: string; testId: string };
  /** The page's own name, once known. */
  current?: string | undefined;
  /** Crumbs between the list and the page (each an `<li>`). */
  children?: ReactNode;
  /** Extra classes (e.g. `no-print`). */
  className?: string;
}

/** "← List / … / This page", the trail above a detail page. */
export function Breadcrumb({ label, back, current, children, className }: BreadcrumbProps) {
  return (
    <nav className={className === undefined ? "breadcrumb" : `breadcrumb ${className}`} aria-label={label}>
      <ol>
        <li>
          <Link to={back.to} className="breadcrumb-link" data-testid={back.testId}>
            <BackIcon />
            {back.text}
          </Link>
        </li>
        {current !== undefined && (
          <>
            {children}
            <li aria-current="page" className="breadcrumb-current">
              <bdi>{current}</bdi>
            </li>
          </>
        )}
      </ol>
    </nav>
  );
}
