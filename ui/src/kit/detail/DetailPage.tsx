/**
 * The frame of a record's page (problem, action, persona): the states before
 * the record is there (loading, not found, failed), the header with its
 * title field and Delete, the main column beside the properties, and the
 * polite announcement of what was just saved.
 */
import { useCallback, useId, useState, type ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import type { AppError } from "../../api/errors";
import { LoadErrorAlert, LoadingLine } from "../LoadStates";

interface DetailStatesProps<T> {
  query: UseQueryResult<T, AppError>;
  /** The trail shown above the loading line and the failure (no title yet). */
  breadcrumb: ReactNode;
  loadingTestId: string;
  loadingText: string;
  /** What shows when the record does not exist (with its own trail). */
  notFound: ReactNode;
  errorTestId: string;
  errorMessage: (error: AppError) => string;
  retryLabel: string;
  /** The page, once the record is there; a failed refresh keeps it on screen (with every edit in progress). */
  children: (data: T) => ReactNode;
}

/** Loading, not found or failed until the record is there; then the page itself. */
export function DetailStates<T>({
  query,
  breadcrumb,
  loadingTestId,
  loadingText,
  notFound,
  errorTestId,
  errorMessage,
  retryLabel,
  children,
}: DetailStatesProps<T>) {
  if (query.isPending) {
    return (
      <>
        {breadcrumb}
        <LoadingLine testId={loadingTestId}>{loadingText}</LoadingLine>
      </>
    );
  }
  if (query.isError && (query.error.code === "not_found" || query.data === undefined)) {
    if (query.error.code === "not_found") return <>{notFound}</>;
    return (
      <>
        {breadcrumb}
        <LoadErrorAlert
          testId={errorTestId}
          message={errorMessage(query.error)}
          retryLabel={retryLabel}
          onRetry={() => void query.refetch()}
        />
      </>
    );
  }
  // Success, or a failed refresh with what was loaded before.
  return query.data === undefined ? null : <>{children(query.data)}</>;
}

/**
 * What was just saved, said politely to screen readers: `[announcement,
 * announce]`; render `announcement` with `<Announcement>`.
 */
export function useAnnouncer(): [string, (message: string) => void] {
  const [announcement, setAnnouncement] = useState("");
  const announce = useCallback((message: string) => {
    // Cleared first, so the same message twice is announced twice.
    setAnnouncement("");
    requestAnimationFrame(() => {
      setAnnouncement(message);
    });
  }, []);
  return [announcement, announce];
}

/** The live region `useAnnouncer` speaks through. */
export function Announcement({ text, testId }: { text: string; testId: string }) {
  return (
    <p className="visually-hidden" role="status" data-testid={testId}>
      {text}
    </p>
  );
}

interface DetailHeaderProps {
  /** The record's name, the page's (visually hidden) heading. */
  title: string;
  /** The title edited in place. */
  titleField: ReactNode;
  /** Beside the title (the Delete button). */
  actions: ReactNode;
  /** Created, updated, badges. */
  meta: ReactNode;
  hint: string;
}

/** The page's header: the title field with Delete beside it, then when and how it was made. */
export function DetailHeader({ title, titleField, actions, meta, hint }: DetailHeaderProps) {
  return (
    <header className="detail-header">
      <h1 className="visually-hidden">{title}</h1>
      <div className="detail-title-row">
        {titleField}
        {actions}
      </div>
      <p className="detail-meta">{meta}</p>
      <p className="field-hint">{hint}</p>
    </header>
  );
}

interface DetailLayoutProps {
  /** The main column: description, sections, history. */
  main: ReactNode;
  /** The properties' (visually hidden) heading. */
  propertiesLabel: string;
  /** The properties, in `property-group`s. */
  side: ReactNode;
}

/** The main column beside the properties (below it on a narrow window). */
export function DetailLayout({ main, propertiesLabel, side }: DetailLayoutProps) {
  const propertiesId = useId();
  return (
    <div className="detail-layout">
      <div className="detail-main">{main}</div>
      <aside className="detail-side" aria-labelledby={propertiesId}>
        <h2 id={propertiesId} className="visually-hidden">
          {propertiesLabel}
        </h2>
        {side}
      </aside>
    </div>
  );
}

/** The delete mutation of a record (from `src/api`): sends its id. */
interface DeleteMutation {
  mutate: (id: string, options: { onSuccess: () => void; onError: (error: AppError) => void }) => void;
  isPending: boolean;
}

interface DeleteRecordProps {
  id: string;
  remove: DeleteMutation;
  testId: string;
  label: string;
  pendingLabel: string;
  /** Why the delete failed, translated. */
  failed: (error: AppError) => string;
  /** After the core moved it to the trash (offer Undo, leave the page). */
  onDeleted: () => void;
}

/** The page's Delete (to the trash), and why it failed. */
export function DeleteRecord({
  id,
  remove,
  testId,
  label,
  pendingLabel,
  failed,
  onDeleted,
}: DeleteRecordProps) {
  const [error, setError] = useState<AppError | null>(null);
  return (
    <div className="detail-delete">
      <button
        type="button"
        className="button button--danger"
        disabled={remove.isPending}
        data-testid={testId}
        onClick={() => {
          setError(null);
          remove.mutate(id, { onSuccess: onDeleted, onError: setError });
        }}
      >
        {remove.isPending ? pendingLabel : label}
      </button>
      {error !== null && (
        <p className="field-error" role="alert" data-testid={`${testId}-error`}>
          {failed(error)}
        </p>
      )}
    </div>
  );
}
