import { saveExport } from "../../../api/exports";
import { useTranslation } from "react-i18next";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import { currentLanguage } from "../../../i18n";
import { describeError } from "../../../i18n/errors";
import { ExportButton as KitExportButton, ExportNotes, useExport } from "../../../kit/export/ExportRow";
import { analysisMarkdown } from "./markdown";
import { exportFileName } from "../../../kit/markdown";

/** Exports the analysis as Markdown in the current language, through the native save dialog. */
export function ExportButton({ tree }: { tree: AnalysisTree }) {
  const { t, i18n } = useTranslation();
  const { busy, outcome, run } = useExport<"md">();

  const save = () => {
    const language = currentLanguage();
    const text = analysisMarkdown(tree, i18n.getFixedT(language), language);
    return () => saveExport(exportFileName(tree.analysis.title, t("analyses.export.fileFallback")), text);
  };

  return (
    <>
      <KitExportButton
        busy={busy !== null}
        disabled={busy !== null}
        label={t("analyses.export.button")}
        busyLabel={t("analyses.export.busy")}
        testId="analysis-export"
        onClick={() => void run("md", save())}
      />
      <ExportNotes
        outcome={outcome}
        savedClass="analysis-action-note"
        errorClass="analysis-action-error"
        savedTestId="analysis-export-saved"
        errorTestId="analysis-export-error"
        saved={(path) => t("analyses.export.saved", { path })}
        failed={(error) => t("analyses.export.failed", { reason: describeError(t, error) })}
      />
    </>
  );
}
