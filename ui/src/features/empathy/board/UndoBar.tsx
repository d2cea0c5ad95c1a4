import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { UNDO_TOAST_MS } from "../../../kit/UndoToast";

interface UndoBarProps {
  message: string;
  /** Why the last undo failed, or null. */
  error: string | null;
  pending: boolean;
  onUndo: () => void;
  onDismiss: () => void;
  testIds: { toast: string; undo: string };
}

/** "Deleted — Undo" for a while; the timer pauses while pointed at or focused, while restoring and after a failure. */
export function UndoBar({ message, error, pending, onUndo, onDismiss, testIds }: UndoBarProps) {
  const { t } = useTranslation();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const paused = hovered || focused || pending || error !== null;

  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(onDismiss, UNDO_TOAST_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [paused, onDismiss, message]);

  return (
    <div
      className="toast"
      role="status"
      data-testid={testIds.toast}
      onPointerEnter={() => {
        setHovered(true);
      }}
      onPointerLeave={() => {
        setHovered(false);
      }}
      onFocus={() => {
        setFocused(true);
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
      }}
    >
      <p className="toast-message">{error ?? message}</p>
      <div className="toast-actions">
        <button
          type="button"
          className="button toast-button"
          disabled={pending}
          data-testid={testIds.undo}
          onClick={onUndo}
        >
          {pending ? t("empathy.note.restoring") : t("empathy.note.undo")}
        </button>
        <button
          type="button"
          className="button button--ghost toast-close"
          aria-label={t("empathy.note.dismiss")}
          title={t("empathy.note.dismiss")}
          onClick={onDismiss}
        >
          <svg viewBox="0 0 16 16" className="toast-close-icon" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
          </svg>
        </button>
      </div>
    </div>
  );
}
