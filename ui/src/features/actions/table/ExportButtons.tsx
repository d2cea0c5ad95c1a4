import { useTranslation } from "react-i18next";
import type { ActionFilters } from "../../../api/actions";
import { saveExport } from "../../../api/commands";
import { describeError } from "../../../i18n/errors";
import { ExportButton, ExportNotes, NOTHING_TO_EXPORT, useExport } from "../../../kit/export/ExportRow";
import { actionsCsv } from "./csv";
import { csvLabels, exportFileName, fetchAllActions, icsText } from "./exportActions";
import { actionsIcs, icsEventCount } from "./ics";

type Format = "csv" | "ics";

/**
 * "Export CSV" and "Export calendar (.ics)": every action matching the
 * table's filters (not just the page shown), saved through the native save
 * dialog, in the current language.
 */
export function ExportButtons({ filters }: { filters: ActionFilters }) {
  const { t } = useTranslation();
  const { busy, outcome, run } = useExport<Format>();

  const save = (format: Format) => async () => {
    const rows = await fetchAllActions(filters);
    if (format === "ics" && icsEventCount(rows) === 0) return NOTHING_TO_EXPORT;
    const contents = format === "csv" ? actionsCsv(rows, csvLabels(t)) : actionsIcs(rows, icsText(t));
    return saveExport(exportFileName(format), contents);
  };

  return (
    <div className="actions-export" role="group" aria-label={t("actionExport.label")}>
      <ExportButton
        busy={busy === "csv"}
        disabled={busy !== null}
        label={t("actionExport.csv")}
        busyLabel={t("actionExport.busy")}
        testId="actions-export-csv"
        onClick={() => void run("csv", save("csv"))}
      />
      <ExportButton
        busy={busy === "ics"}
        disabled={busy !== null}
        label={t("actionExport.calendar")}
        busyLabel={t("actionExport.busy")}
        testId="actions-export-ics"
        onClick={() => void run("ics", save("ics"))}
      />
      <ExportNotes
        outcome={outcome}
        savedClass="actions-export-note actions-export-note--saved"
        errorClass="actions-export-note"
        savedTestId="actions-export-saved"
        errorTestId="actions-export-error"
        saved={(path) => t("actionExport.saved", { path })}
        failed={(error) => t("actionExport.failed", { reason: describeError(t, error) })}
        empty={
          <p
            className="actions-export-note actions-row-muted"
            role="status"
            data-testid="actions-export-nodates"
          >
            {t("actionExport.noDates")}
          </p>
        }
      />
    </div>
  );
}
