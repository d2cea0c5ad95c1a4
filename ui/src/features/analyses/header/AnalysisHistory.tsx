import { useTranslation } from "react-i18next";
import { useEntityHistory } from "../../../api/history";
import type { AnalysisStatus } from "../../../bindings/AnalysisStatus";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import { describeError } from "../../../i18n/errors";
import { formatDay, useDayFormat } from "../../../i18n/format";
import { HistoryList } from "../../../kit/history/HistoryList";

const ANALYSIS_STATUSES = ["draft", "in_review", "concluded"] as const satisfies readonly AnalysisStatus[];

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** Every recorded change of an analysis, newest first, in the shared history view. */
export function AnalysisHistory({ tree }: { tree: AnalysisTree }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const { analysis, problem } = tree;
  const history = useEntityHistory("analysis", analysis.id);
  return (
    <HistoryList
      heading={t("history.heading")}
      entries={history.data}
      empty={t("history.empty")}
      notice={
        history.isError && (
          <p className="field-error" role="alert">
            {t("history.loadError", { reason: describeError(t, history.error) })}
          </p>
        )
      }
      testId="analysis-history"
      rowTestId="analysis-history-row"
      readValue={(field, value) => {
        if (value === null || value === "") return undefined;
        switch (field) {
          case "heldOn":
            return formatDay(day, value);
          case "status":
            return includes(ANALYSIS_STATUSES, value) ? t(`why.analysisStatus.${value}`) : value;
          case "problem":
            return value === problem.id ? problem.title : value;
          default:
            return undefined;
        }
      }}
    />
  );
}
