import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionFilters } from "../../../api/actions";
import { saveExport } from "../../../api/commands";
import { toAppError, type AppError } from "../../../api/errors";
import { describeError } from "../../../i18n/errors";
import { leftToRight } from "../../../i18n/format";
import { actionsCsv } from "./csv";
import { csvLabels, exportFileName, fetchAllActions, icsText } from "./exportActions";
import { actionsIcs, icsEventCount } from "./ics";

type Outcome = { saved: string } | { error: AppError } | { noDates: true } | null;
type Format = "csv" | "ics";

/**
 * "Export CSV" and "Export calendar (.ics)": every action matching the
 * table's filters (not just the page shown), saved through the native save
 * dialog, in the current language.
 */
export function ExportButtons({ filters }: { filters: ActionFilters }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Format | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const run = async (format: Format) => {
    setBusy(format);
    setOutcome(null);
    try {
      const rows = await fetchAllActions(filters);
      if (format === "ics" && icsEventCount(rows) === 0) {
        setOutcome({ noDates: true });
        return;
      }
      const contents = format === "csv" ? actionsCsv(rows, csvLabels(t)) : actionsIcs(rows, icsText(t));
      const path = await saveExport(exportFileName(format), contents);
      // Cancelled in the dialog: nothing to say.
      if (path !== null) setOutcome({ saved: path });
    } catch (reason) {
      setOutcome({ error: toAppError(reason) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="actions-export" role="group" aria-label={t("actionExport.label")}>
      <button
        type="button"
        className="button"
        disabled={busy !== null}
        data-testid="actions-export-csv"
        onClick={() => void run("csv")}
      >
        {busy === "csv" ? t("actionExport.busy") : t("actionExport.csv")}
      </button>
      <button
        type="button"
        className="button"
        disabled={busy !== null}
        data-testid="actions-export-ics"
        onClick={() => void run("ics")}
      >
        {busy === "ics" ? t("actionExport.busy") : t("actionExport.calendar")}
      </button>
      {outcome !== null && "saved" in outcome && (
        <p
          className="actions-export-note actions-export-note--saved"
          role="status"
          data-testid="actions-export-saved"
        >
          {t("actionExport.saved", { path: leftToRight(outcome.saved) })}
        </p>
      )}
      {outcome !== null && "noDates" in outcome && (
        <p
          className="actions-export-note actions-row-muted"
          role="status"
          data-testid="actions-export-nodates"
        >
          {t("actionExport.noDates")}
        </p>
      )}
      {outcome !== null && "error" in outcome && (
        <p className="field-error actions-export-note" role="alert" data-testid="actions-export-error">
          {t("actionExport.failed", { reason: describeError(t, outcome.error) })}
        </p>
      )}
    </div>
  );
}
