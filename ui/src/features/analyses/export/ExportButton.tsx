import { useState } from "react";
import { useTranslation } from "react-i18next";
import { saveExport } from "../../../api/commands";
import { toAppError, type AppError } from "../../../api/errors";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import { currentLanguage } from "../../../i18n";
import { describeError } from "../../../i18n/errors";
import { leftToRight } from "../../../i18n/format";
import { analysisMarkdown, exportFileName } from "./markdown";

type Outcome = { saved: string } | { error: AppError } | null;

/** Exports the analysis as Markdown in the current language, through the native save dialog. */
export function ExportButton({ tree }: { tree: AnalysisTree }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const run = async () => {
    const language = currentLanguage();
    const text = analysisMarkdown(tree, i18n.getFixedT(language), language);
    setBusy(true);
    setOutcome(null);
    try {
      const path = await saveExport(
        exportFileName(tree.analysis.title, t("analyses.export.fileFallback")),
        text,
      );
      // Cancelled in the dialog: nothing to say.
      if (path !== null) setOutcome({ saved: path });
    } catch (reason) {
      setOutcome({ error: toAppError(reason) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button"
        disabled={busy}
        data-testid="analysis-export"
        onClick={() => void run()}
      >
        {busy ? t("analyses.export.busy") : t("analyses.export.button")}
      </button>
      {outcome !== null && "saved" in outcome && (
        <p className="analysis-action-note" role="status" data-testid="analysis-export-saved">
          {t("analyses.export.saved", { path: leftToRight(outcome.saved) })}
        </p>
      )}
      {outcome !== null && "error" in outcome && (
        <p className="field-error analysis-action-error" role="alert" data-testid="analysis-export-error">
          {t("analyses.export.failed", { reason: describeError(t, outcome.error) })}
        </p>
      )}
    </>
  );
}
