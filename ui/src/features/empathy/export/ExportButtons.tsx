import { useState } from "react";
import { useTranslation } from "react-i18next";
import { saveExport } from "../../../api/commands";
import { toAppError, type AppError } from "../../../api/errors";
import type { Board } from "../../../bindings/Board";
import { currentLanguage, directionOf } from "../../../i18n";
import { describeError } from "../../../i18n/errors";
import { leftToRight } from "../../../i18n/format";
import { boardMarkdown, markdownFileName } from "./markdown";

type Outcome = { saved: string } | { error: AppError } | null;
type Format = "png" | "md";

/** "Export PNG" and "Export Markdown": the board in the current language, through the native save dialog. */
export function ExportButtons({ board }: { board: Board }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<Format | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const run = async (format: Format) => {
    const language = currentLanguage();
    setBusy(format);
    setOutcome(null);
    try {
      const name = markdownFileName(board, t("empathy.title"));
      let path: string | null;
      if (format === "md") {
        path = await saveExport(name, boardMarkdown(board, i18n.getFixedT(language), language));
      } else {
        // The drawing code (and the fonts it waits for) load only when asked for.
        const { boardPng } = await import("./png");
        const png = await boardPng(board, i18n.getFixedT(language), directionOf(language) === "rtl");
        path = await saveExport(name.replace(/\.md$/, ".png"), png, true);
      }
      if (path !== null) setOutcome({ saved: path });
    } catch (reason) {
      setOutcome({ error: toAppError(reason) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button"
        disabled={busy !== null}
        data-testid="board-export-png"
        onClick={() => void run("png")}
      >
        {busy === "png" ? t("empathy.board.exporting") : t("empathy.board.exportPng")}
      </button>
      <button
        type="button"
        className="button"
        disabled={busy !== null}
        data-testid="board-export-md"
        onClick={() => void run("md")}
      >
        {busy === "md" ? t("empathy.board.exporting") : t("empathy.board.exportMarkdown")}
      </button>
      {outcome !== null && "saved" in outcome && (
        <p className="empathy-export-note" role="status" data-testid="board-export-saved">
          {t("empathy.board.exported", { path: leftToRight(outcome.saved) })}
        </p>
      )}
      {outcome !== null && "error" in outcome && (
        <p className="field-error empathy-export-note" role="alert" data-testid="board-export-error">
          {t("empathy.board.exportFailed", { reason: describeError(t, outcome.error) })}
        </p>
      )}
    </>
  );
}
