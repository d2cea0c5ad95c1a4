import { useTranslation } from "react-i18next";
import type { HistoryEntry } from "../../../bindings/HistoryEntry";
import type { MergedProblem } from "../../../bindings/MergedProblem";
import { formatTimestamp, useDateTimeFormat } from "../../../i18n/format";
import { HistoryList, isOneOf, type ReadableValue } from "../../../kit/history/HistoryList";
import { CHANNELS, SEVERITIES, STATUS_ORDER } from "../../../kit/fields";
import { formatDay, useDayFormat } from "../../../i18n/format";

/** Every recorded change of the problem, newest first. */
export function History({
  history,
  merged,
}: {
  history: readonly HistoryEntry[];
  merged: readonly MergedProblem[];
}) {
  const { t } = useTranslation();
  const time = useDateTimeFormat();
  const day = useDayFormat();
  /** A problem's value as a person reads it; undefined leaves it to the shared reading. */
  const readValue = (field: string, value: string | null): ReadableValue | undefined => {
    if (value === null || value === "") return undefined;
    switch (field) {
      case "status":
        return isOneOf(STATUS_ORDER, value) ? t(`problem.status.${value}`) : value;
      case "severity":
        return isOneOf(SEVERITIES, value) ? t(`problem.severity.${value}`) : value;
      case "channel":
        return isOneOf(CHANNELS, value) ? t(`problem.channel.${value}`) : value;
      case "reportedOn":
        return formatDay(day, value);
      case "deleted_at":
        return formatTimestamp(time, value);
      case "mergedFrom":
      case "mergedInto":
        return merged.find((problem) => problem.id === value)?.title ?? value;
      default:
        return undefined;
    }
  };
  return (
    <HistoryList
      entries={history}
      rowTestId="history-row"
      events={{ create: t("problemDetail.history.created") }}
      readValue={readValue}
    />
  );
}
