import { useState, type ReactNode } from "react";
import { toAppError, type AppError } from "../../api/errors";
import { leftToRight } from "../../i18n/format";

/** How the last export ended: saved at a path, failed, or there was nothing to export. */
export type ExportOutcome = { saved: string } | { error: AppError } | { empty: true } | null;

/** What `save` answers when there was nothing to export. */
export const NOTHING_TO_EXPORT = { empty: true } as const;

/**
 * The state behind a row of export buttons: which format is being written
 * (every button waits meanwhile) and how the last export ended. `save`
 * writes the file through the native save dialog and resolves with the path,
 * null when the user cancelled (nothing to say), or `NOTHING_TO_EXPORT`.
 */
export function useExport<F extends string>() {
  const [busy, setBusy] = useState<F | null>(null);
  const [outcome, setOutcome] = useState<ExportOutcome>(null);
  const run = async (format: F, save: () => Promise<string | null | typeof NOTHING_TO_EXPORT>) => {
    setBusy(format);
    setOutcome(null);
    try {
      const path = await save();
      if (typeof path === "string") setOutcome({ saved: path });
      else if (path !== null) setOutcome(path);
    } catch (reason) {
      setOutcome({ error: toAppError(reason) });
    } finally {
      setBusy(null);
    }
  };
  return { busy, outcome, run };
}

interface ExportButtonProps {
  busy: boolean;
  /** True while any export of the row runs. */
  disabled: boolean;
  label: string;
  busyLabel: string;
  testId: string;
  onClick: () => void;
}

/** One export button: says it is working while its file is written. */
export function ExportButton({ busy, disabled, label, busyLabel, testId, onClick }: ExportButtonProps) {
  return (
    <button type="button" className="button" disabled={disabled} data-testid={testId} onClick={onClick}>
      {busy ? busyLabel : label}
    </button>
  );
}

interface ExportNotesProps {
  outcome: ExportOutcome;
  /** The saved note's classes. */
  savedClass: string;
  /** The failure's classes (besides `field-error`). */
  errorClass: string;
  savedTestId: string;
  errorTestId: string;
  /** The sentence naming where the file went (the path is embedded left to right). */
  saved: (path: string) => string;
  failed: (error: AppError) => string;
  /** Said when there was nothing to export. */
  empty?: ReactNode;
}

/** Where the file went, or why it was not written. */
export function ExportNotes({
  outcome,
  savedClass,
  errorClass,
  savedTestId,
  errorTestId,
  saved,
  failed,
  empty,
}: ExportNotesProps) {
  if (outcome === null) return null;
  if ("saved" in outcome) {
    return (
      <p className={savedClass} role="status" data-testid={savedTestId}>
        {saved(leftToRight(outcome.saved))}
      </p>
    );
  }
  if ("error" in outcome) {
    return (
      <p className={`field-error ${errorClass}`} role="alert" data-testid={errorTestId}>
        {failed(outcome.error)}
      </p>
    );
  }
  return <>{empty}</>;
}
