import { useTranslation } from "react-i18next";
import { exportActions, type ActionFilters } from "../../../api/actions";
import type { ExportFormat } from "../../../bindings/ExportFormat";
import { describeError } from "../../../i18n/errors";
import { ExportButton, ExportNotes, NOTHING_TO_EXPORT, useExport } from "../../../kit/export/ExportRow";
import { exportFileName, exportWords } from "./exportActions";

/**
 * "Export CSV" and "Export calendar (.ics)": every action matching the
 * table's filters (not just the page shown), written by the core in the
 * current language and saved through the native save dialog.
 */
export function ExportButtons({ filters }: { filters: ActionFilters }) {
  const { t } = useTranslation();
  const { busy, outcome, run } = useExport<ExportFormat>();

  const save = (format: ExportFormat) => async () => {
    const done = await exportActions(filters, format, exportWords(t), exportFileName(format));
    switch (done.outcome) {
      case "saved":
        return done.path;
      case "noDates":
        return NOTHING_TO_EXPORT;
      case "cancelled":
        return null;
    }
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
