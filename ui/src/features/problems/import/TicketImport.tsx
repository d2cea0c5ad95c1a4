import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../../api/errors";
import { toAppError } from "../../../api/errors";
import {
  cancelTicketImport,
  pickTicketFile,
  useRunTicketImport,
  useTicketCheck,
  type PickedTicketFile,
} from "../../../api/helpdesk";
import type { HelpdeskImport } from "../../../bindings/HelpdeskImport";
import type { HelpdeskProgress } from "../../../bindings/HelpdeskProgress";
import type { ImportOptions } from "../../../bindings/ImportOptions";
import { describeError } from "../../../i18n/errors";
import { useIntlLocale, useNumberFormat } from "../../../i18n/format";
import { Announcement, useAnnouncer } from "../../../kit/detail/DetailPage";
import { ModalDialog } from "../../../kit/dialogs/ModalDialog";
import { ImportRunning } from "../../../kit/imports/ImportParts";
import { ImportCheckView } from "./ImportCheckView";
import { ImportSettings, ownTimeZone } from "./ImportSettings";

type Step =
  | { at: "pick" }
  | { at: "check"; file: PickedTicketFile; pick: number }
  | { at: "running"; file: PickedTicketFile; progress: HelpdeskProgress }
  | { at: "done"; outcome: HelpdeskImport };

/** A new wizard's options: everything detected, the computer's time zone. */
function freshOptions(): ImportOptions {
  return {
    fileName: "",
    values: { channels: [], severities: [], statuses: [] },
    timeZone: ownTimeZone(),
    groupSimilar: false,
    split: [],
    skipBadRows: false,
  };
}

/** A file's size in KB or MB, in the reader's digits. */
function useFileSize(): (bytes: number) => string {
  const { t } = useTranslation();
  const locale = useIntlLocale();
  return (bytes) => {
    const mb = bytes / (1024 * 1024);
    return mb < 1
      ? t("helpdesk.sizeKb", {
          amount: new Intl.NumberFormat(locale).format(Math.max(1, Math.round(bytes / 1024))),
        })
      : t("helpdesk.sizeMb", {
          amount: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(mb),
        });
  };
}

interface TicketImportWizardProps {
  onClose: () => void;
}

/**
 * Tickets from a help desk's export: pick the file; see what it will
 * become under the detected layout, encoding, columns and value tables
 * (each one changeable, the preview following), with the bad rows by row
 * and column and the tickets grouped under one problem; then import all of
 * it, or only the good rows, with progress and Cancel (which leaves nothing).
 */
export function TicketImportWizard({ onClose }: TicketImportWizardProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ at: "pick" });
  const [options, setOptions] = useState<ImportOptions>(freshOptions);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const run = useRunTicketImport();
  const size = useFileSize();
  const numbers = useNumberFormat();
  const [message, announce] = useAnnouncer();
  const [picks, setPicks] = useState(0);
  const checked = useTicketCheck(step.at === "check" ? step.pick : null, options);
  const check = checked.data ?? null;

  const pick = async () => {
    setPicking(true);
    setError(null);
    try {
      const file = await pickTicketFile();
      if (file !== null) {
        setOptions(freshOptions());
        setPicks(picks + 1);
        setStep({ at: "check", file, pick: picks + 1 });
      }
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setPicking(false);
    }
  };

  const start = (file: PickedTicketFile, skipBadRows: boolean, total: number) => {
    setError(null);
    setStep({ at: "running", file, progress: { done: 0, total } });
    run.mutate(
      {
        options: { ...options, skipBadRows },
        onProgress: (progress) => {
          setStep((current) => (current.at === "running" ? { ...current, progress } : current));
        },
      },
      {
        onSuccess: (outcome) => {
          setStep({ at: "done", outcome });
          const count = outcome.problemsCreated + outcome.reportsAdded;
          if (count > 0) announce(t("helpdesk.done", { count, n: numbers.format(count) }));
        },
        onError: (reason) => {
          setError(reason);
          setStep({ at: "check", file, pick: picks });
        },
      },
    );
  };

  const shownError = error ?? (step.at === "check" ? checked.error : null);
  const toWrite = check === null ? 0 : check.problems + check.reports;

  return (
    <ModalDialog
      title={t("helpdesk.title")}
      className="import-dialog ticket-import"
      testId="ticket-import"
      pending={step.at === "running"}
      onClose={onClose}
    >
      <Announcement text={message} testId="ticket-announce" />
      {shownError !== null && (
        <p className="field-error" role="alert" data-testid="ticket-import-error">
          {t("helpdesk.failed", { reason: describeError(t, shownError) })}
        </p>
      )}
      {step.at === "pick" && (
        <>
          <p>{t("helpdesk.intro")}</p>
          <p className="field-hint">{t("helpdesk.formats")}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={picking}
              data-testid="ticket-pick"
              onClick={() => void pick()}
            >
              {picking ? t("helpdesk.picking") : t("helpdesk.pick")}
            </button>
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t("helpdesk.cancel")}
            </button>
          </div>
        </>
      )}
      {step.at === "check" && (
        <>
          <p className="field-hint" data-testid="ticket-file">
            {t("helpdesk.file", { name: step.file.name, size: size(step.file.size) })}
          </p>
          {check === null ? (
            <p role="status">{t("helpdesk.checking")}</p>
          ) : (
            <>
              <ImportSettings
                check={check}
                options={options}
                onChange={setOptions}
                disabled={false}
                announce={announce}
              />
              {checked.isFetching && (
                <p role="status" className="field-hint" data-testid="ticket-rechecking">
                  {t("helpdesk.checking")}
                </p>
              )}
              <ImportCheckView
                check={check}
                split={options.split}
                disabled={checked.isFetching}
                onSplit={(key, apart) => {
                  setOptions((current) => ({
                    ...current,
                    split: apart ? [...current.split, key] : current.split.filter((k) => k !== key),
                  }));
                }}
              />
              <div className="button-row import-actions">
                {check.issueCount === 0 && toWrite > 0 && (
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={checked.isFetching}
                    data-testid="ticket-import-all"
                    onClick={() => {
                      start(step.file, false, toWrite);
                    }}
                  >
                    {t("helpdesk.importAll", { count: toWrite, n: numbers.format(toWrite) })}
                  </button>
                )}
                {check.issueCount > 0 && toWrite > 0 && (
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={checked.isFetching}
                    data-testid="ticket-import-good"
                    onClick={() => {
                      start(step.file, true, toWrite);
                    }}
                  >
                    {t("helpdesk.importGood", { count: toWrite, n: numbers.format(toWrite) })}
                  </button>
                )}
                <button
                  type="button"
                  className="button button--ghost"
                  data-testid="ticket-close-wizard"
                  onClick={onClose}
                >
                  {t("helpdesk.cancel")}
                </button>
              </div>
            </>
          )}
        </>
      )}
      {step.at === "running" && (
        <ImportRunning
          done={step.progress.done}
          total={step.progress.total}
          onCancel={() => void cancelTicketImport()}
        />
      )}
      {step.at === "done" && <Outcome outcome={step.outcome} onClose={onClose} />}
    </ModalDialog>
  );
}

/** What the import did. */
function Outcome({ outcome, onClose }: { outcome: HelpdeskImport; onClose: () => void }) {
  const { t } = useTranslation();
  const numbers = useNumberFormat();
  let text: string;
  if (outcome.cancelled) text = t("helpdesk.cancelled");
  else if (outcome.refused) text = t("helpdesk.refused");
  else {
    const parts = [
      t("helpdesk.outcome.created", {
        count: outcome.problemsCreated,
        n: numbers.format(outcome.problemsCreated),
      }),
      t("helpdesk.outcome.reports", { count: outcome.reportsAdded, n: numbers.format(outcome.reportsAdded) }),
    ];
    if (outcome.alreadyImported > 0)
      parts.push(
        t("helpdesk.outcome.already", {
          count: outcome.alreadyImported,
          n: numbers.format(outcome.alreadyImported),
        }),
      );
    if (outcome.csatAnswers > 0)
      parts.push(
        t("helpdesk.outcome.csat", { count: outcome.csatAnswers, n: numbers.format(outcome.csatAnswers) }),
      );
    if (outcome.skipped > 0)
      parts.push(
        t("helpdesk.outcome.skipped", { count: outcome.skipped, n: numbers.format(outcome.skipped) }),
      );
    text = `${parts.join(" · ")}.`;
  }
  return (
    <div className="import-done" data-testid="ticket-done">
      <p role="status" data-testid="ticket-outcome">
        {text}
      </p>
      <div className="button-row">
        <button type="button" className="button button--primary" data-testid="ticket-close" onClick={onClose}>
          {t("helpdesk.close")}
        </button>
      </div>
    </div>
  );
}

/** "Import tickets…" on the problems page, and the wizard it opens. */
export function TicketImportButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="ticket-import-open"
        onClick={() => {
          setOpen(true);
        }}
      >
        {t("helpdesk.open")}
      </button>
      {open && (
        <TicketImportWizard
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </>
  );
}
