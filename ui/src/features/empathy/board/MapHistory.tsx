import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useEntityHistory } from "../../../api/history";
import type { Board } from "../../../bindings/Board";
import { ENUMS } from "../../../bindings/rules";
import { formatDay, useDayFormat } from "../../../i18n/format";
import { HistoryList, isOneOf } from "../../../kit/history/HistoryList";

/** Every recorded change of an empathy map, newest first, in the shared history view. */
export function MapHistory({ board }: { board: Board }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const { map, persona } = board;
  const [open, setOpen] = useState(false);
  // Fetched once unfolded: most visits to the board never look.
  const history = useEntityHistory("empathy_map", map.id, open);
  return (
    <details
      className="map-history"
      data-testid="map-history-disclosure"
      onToggle={(event) => {
        setOpen(event.currentTarget.open);
      }}
    >
      <summary className="map-history-summary" data-testid="map-history-toggle">
        {t("history.heading")}
      </summary>
      <HistoryList
        hideHeading
        entries={history.data}
        loadError={history.error}
        testId="map-history"
        rowTestId="map-history-row"
        readValue={(field, value) => {
          if (value === null || value === "") return undefined;
          switch (field) {
            case "heldOn":
              return formatDay(day, value);
            case "phase":
              return isOneOf(ENUMS.phase, value) ? t(`history.phase.${value}`) : value;
            case "persona":
              return value === persona.id ? persona.name : value;
            case "problem":
              return value === map.problemId && map.problemTitle !== null ? map.problemTitle : value;
            default:
              return undefined;
          }
        }}
      />
    </details>
  );
}
