import { useTranslation } from "react-i18next";
import { useEntityHistory } from "../../../api/history";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import { ENUMS } from "../../../bindings/rules";
import { formatDay, useDayFormat } from "../../../i18n/format";
import { HistoryList, isOneOf } from "../../../kit/history/HistoryList";

/** Every recorded change of an analysis, newest first, in the shared history view. */
export function AnalysisHistory({ tree }: { tree: AnalysisTree }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const { analysis, problem } = tree;
  const history = useEntityHistory("analysis", analysis.id);
  return (
    <HistoryList
      entries={history.data}
      loadError={history.error}
      testId="analysis-history"
      rowTestId="analysis-history-row"
      readValue={(field, value) => {
        if (value === null || value === "") return undefined;
        switch (field) {
          case "heldOn":
            return formatDay(day, value);
          case "status":
            return isOneOf(ENUMS.analysisStatus, value) ? t(`why.analysisStatus.${value}`) : value;
          case "problem":
            return value === problem.id ? problem.title : value;
          default:
            return undefined;
        }
      }}
    />
  );
}
