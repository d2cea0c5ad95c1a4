import { saveExport } from "../../../api/exports";
import { useTranslation } from "react-i18next";
import type { Board } from "../../../bindings/Board";
import { currentLanguage, directionOf } from "../../../i18n";
import { describeError } from "../../../i18n/errors";
import { ExportButton, ExportNotes, useExport } from "../../../kit/export/ExportRow";
import { boardMarkdown, markdownFileName } from "./markdown";

type Format = "png" | "md";

/** "Export PNG" and "Export Markdown": the board in the current language, through the native save dialog. */
export function ExportButtons({ board }: { board: Board }) {
  const { t, i18n } = useTranslation();
  const { busy, outcome, run } = useExport<Format>();

  const save = (format: Format) => async () => {
    const language = currentLanguage();
    const name = markdownFileName(board, t("empathy.title"));
    if (format === "md") return saveExport(name, boardMarkdown(board, i18n.getFixedT(language), language));
    // The drawing code (and the fonts it waits for) load only when asked for.
    const { boardPng } = await import("./png");
    const png = await boardPng(board, i18n.getFixedT(language), directionOf(language) === "rtl");
    return saveExport(name.replace(/\.md$/, ".png"), png, true);
  };

  return (
    <>
      <ExportButton
        busy={busy === "png"}
        disabled={busy !== null}
        label={t("empathy.board.exportPng")}
        busyLabel={t("empathy.board.exporting")}
        testId="board-export-png"
        onClick={() => void run("png", save("png"))}
      />
      <ExportButton
        busy={busy === "md"}
        disabled={busy !== null}
        label={t("empathy.board.exportMarkdown")}
        busyLabel={t("empathy.board.exporting")}
        testId="board-export-md"
        onClick={() => void run("md", save("md"))}
      />
      <ExportNotes
        outcome={outcome}
        savedClass="empathy-export-note"
        errorClass="empathy-export-note"
        savedTestId="board-export-saved"
        errorTestId="board-export-error"
        saved={(path) => t("empathy.board.exported", { path })}
        failed={(error) => t("empathy.board.exportFailed", { reason: describeError(t, error) })}
      />
    </>
  );
}
