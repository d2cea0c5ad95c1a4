import { useEffect, useState, type ReactNode } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { exportJourneyMarkdown } from "../../api/journeys";
import type { JourneyGrid } from "../../bindings/JourneyGrid";
import type { MarkdownLabels } from "../../bindings/MarkdownLabels";
import type { TouchpointPain } from "../../bindings/TouchpointPain";
import { ENUMS } from "../../bindings/rules";
import { currentLanguage, directionOf } from "../../i18n";
import { describeError } from "../../i18n/errors";
import { ExportNotes, useExport } from "../../kit/export/ExportRow";
import { exportFileName } from "../../kit/export/fileName";
import { sceneMeasure } from "../../kit/export/scene/measure";
import { saveScene, standaloneSvg } from "../../kit/export/scene/save";
import type { Scene } from "../../kit/export/scene/scene";
import { CHANNELS } from "../../kit/fields";
import { withoutIsolates } from "../../kit/markdown";
import { MenuButton } from "../../kit/menu/MenuButton";
import { loadPageFonts } from "../../kit/pageFonts";
import { mapScene, type MapSceneLabels } from "./mapScene";

type Format = "png" | "svg" | "md" | "print";
const FORMATS: readonly Format[] = ["png", "svg", "md", "print"];

/** The Markdown export's words in the reader's language. */
function useMarkdownLabels(): MarkdownLabels {
  const { t } = useTranslation();
  return {
    rtl: directionOf(currentLanguage()) === "rtl",
    listSeparator: `${t("history.listSeparator")} `,
    state: t("journeys.create.state"),
    states: { current: t("journeys.state.current"), future: t("journeys.state.future") },
    madeFrom: t("journeys.markdown.madeFrom"),
    personas: t("journeys.markdown.personas"),
    touchpoints: t("journeys.map.touchpointsRow"),
    channel: t("journeys.touchpoint.channel"),
    channels: Object.fromEntries(CHANNELS.map((c) => [c, t(`problem.channel.${c}`)])),
    direct: t("journeys.markdown.direct"),
    indirect: t("journeys.markdown.indirect"),
    ownerTeam: t("journeys.markdown.ownerTeam"),
    emotionCurrent: t("journeys.touchpoint.emotionCurrent"),
    emotionTarget: t("journeys.touchpoint.emotionTarget"),
    problems: t("journeys.markdown.problems"),
    notes: t("journeys.markdown.notes"),
    quotes: t("journeys.markdown.quotes"),
    lanes: Object.fromEntries(ENUMS.lane.map((l) => [l, t(`journeys.lane.${l}`)])),
  };
}

/** The picture's words; the invisible isolation marks of translated sentences are dropped. */
function pictureLabels(t: TFunction, grid: JourneyGrid, period: string): MapSceneLabels {
  const plain = (s: string) => withoutIsolates(s);
  const personas = grid.personas.map((p) => p.name).join(`${t("history.listSeparator")} `);
  const subtitle = [
    t(`journeys.state.${grid.map.state}`),
    personas === "" ? "" : `${t("journeys.markdown.personas")}: ${personas}`,
    `${t("journeys.map.painPeriod")}: ${period}`,
  ]
    .filter((part) => part !== "")
    .join(" · ");
  return {
    title: grid.map.name,
    subtitle,
    touchpoints: t("journeys.map.touchpointsRow"),
    curve: t("journeys.curve.title"),
    current: t("journeys.touchpoint.emotionCurrent"),
    target: t("journeys.touchpoint.emotionTarget"),
    lanes: Object.fromEntries(ENUMS.lane.map((l) => [l, t(`journeys.lane.${l}`)])) as MapSceneLabels["lanes"],
    channel: (c) => t(`problem.channel.${c}`),
    direct: t("journeys.touchpoint.direct"),
    indirect: t("journeys.touchpoint.indirect"),
    problems: (count) => plain(t("journeys.touchpoint.problems", { count })),
    reports: (count) => plain(t("journeys.touchpoint.reports", { count })),
    severity: (s) => plain(t("journeys.touchpoint.severity", { severity: t(`problem.severity.${s}`) })),
    allFixed: t("journeys.touchpoint.allFixed"),
  };
}

/**
 * The map's exports behind one menu button: the picture as PNG or SVG, the
 * content as Markdown, and print (the same picture, on paper). The picture
 * shows the pain of the period chosen on the map. Answers the button (for
 * the header's row) and what it reports (the saved path or the failure, and
 * the picture print takes), for under the header.
 */
export function useMapExport(
  grid: JourneyGrid | undefined,
  pain: readonly TouchpointPain[] | undefined,
  period: string,
): { button: ReactNode; notes: ReactNode } {
  const { t } = useTranslation();
  const exports = useExport<Format>();
  const markdownLabels = useMarkdownLabels();
  const [printUrl, setPrintUrl] = useState<string | null>(null);
  const fallback = t("journeys.export.fileName");

  useEffect(
    () => () => {
      if (printUrl !== null) URL.revokeObjectURL(printUrl);
    },
    [printUrl],
  );

  const picture = async (grid: JourneyGrid): Promise<Scene> => {
    const text = [
      grid.map.name,
      ...grid.stages.flatMap((s) => [
        s.stage.name,
        ...s.touchpoints.map((tp) => tp.touchpoint.name),
        ...s.cells.flatMap((c) => c.cards.map((card) => card.text)),
      ]),
    ].join(" ");
    await loadPageFonts(undefined, text);
    return mapScene({
      grid,
      pain: new Map((pain ?? []).map((p) => [p.touchpointId, p])),
      labels: pictureLabels(t, grid, period),
      rtl: directionOf(currentLanguage()) === "rtl",
      measure: sceneMeasure(),
    });
  };

  const run = (format: Format) => {
    void exports.run(format, async () => {
      if (grid === undefined) return null;
      if (format === "md")
        return exportJourneyMarkdown(
          grid.map.id,
          markdownLabels,
          exportFileName(grid.map.name, fallback, "md"),
        );
      const scene = await picture(grid);
      if (format === "print") {
        const svg = await standaloneSvg(scene, grid.map.name);
        setPrintUrl(URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" })));
        return null;
      }
      return saveScene(format, scene, grid.map.name, exportFileName(grid.map.name, fallback, format));
    });
  };

  const button = (
    <MenuButton
      className="journey-export"
      buttonClassName="button"
      menuLabel={t("journeys.export.menuLabel")}
      items={FORMATS.map((format) => ({
        key: format,
        label: t(`journeys.export.${format}`),
        onPick: () => {
          run(format);
        },
      }))}
      disabled={exports.busy !== null}
      testId="journey-export"
    >
      {exports.busy === null ? t("journeys.export.menu") : t("journeys.export.working")}
    </MenuButton>
  );
  const notes = (
    <>
      <ExportNotes
        outcome={exports.outcome}
        savedClass="field-hint"
        errorClass=""
        savedTestId="journey-export-saved"
        errorTestId="journey-export-error"
        saved={(path) => t("journeys.export.saved", { path })}
        failed={(reason) => t("journeys.export.failed", { reason: describeError(t, reason) })}
      />
      {printUrl !== null && (
        <img
          className="journey-print"
          src={printUrl}
          alt={grid?.map.name ?? ""}
          data-testid="journey-print"
          onLoad={() => {
            window.print();
          }}
        />
      )}
    </>
  );
  return { button, notes };
}
