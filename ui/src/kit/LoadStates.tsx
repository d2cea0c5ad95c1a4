import type { ReactNode } from "react";
import { Link } from "react-router";

/** What a screen shows while its record loads. */
export function LoadingLine({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <p className="status-line" role="status" data-testid={testId}>
      {children}
    </p>
  );
}

interface NotFoundStateProps {
  testId: string;
  title: string;
  body: string;
  /** Where the primary button goes back to, and its text. */
  backTo: string;
  backLabel: string;
  /** The text of the button that opens the Trash. */
  trashLabel: string;
}

/** A record that is not there (deleted, or never was): back to its list, or to the Trash. */
export function NotFoundState({ testId, title, body, backTo, backLabel, trashLabel }: NotFoundStateProps) {
  return (
    <div className="empty-state" data-testid={testId}>
      <h1 className="empty-state-title">{title}</h1>
      <p className="empty-state-body">{body}</p>
      <div className="button-row">
        <Link to={backTo} className="button button--primary">
          {backLabel}
        </Link>
        <Link to="/trash" className="button">
          {trashLabel}
        </Link>
      </div>
    </div>
  );
}

interface LoadErrorAlertProps {
  testId: string;
  message: string;
  retryLabel: string;
  onRetry: () => void;
}

/** A record that could not be loaded, with a way to try again. */
export function LoadErrorAlert({ testId, message, retryLabel, onRetry }: LoadErrorAlertProps) {
  return (
    <div className="alert" role="alert" data-testid={testId}>
      <p>{message}</p>
      <button type="button" className="button" onClick={onRetry}>
        {retryLabel}
      </button>
    </div>
  );
}
