import { useTranslation } from "react-i18next";
import { useEntityHistory } from "../../api/history";
import { CHANNELS } from "../../kit/fields";
import { HistoryList, isOneOf, plainValue } from "../../kit/history/HistoryList";

/** Every recorded change of a persona, newest first, in the shared history view. */
export function PersonaHistory({ personaId }: { personaId: string }) {
  const { t } = useTranslation();
  const history = useEntityHistory("persona", personaId);
  return (
    <HistoryList
      entries={history.data}
      loadError={history.error}
      testId="persona-history"
      rowTestId="persona-history-row"
      readValue={(field, value) => {
        if (field !== "channels") return undefined;
        const list = plainValue(value);
        if (list === null || typeof list === "string") return list;
        return list.map((channel) =>
          isOneOf(CHANNELS, channel) ? t(`problem.channel.${channel}`) : channel,
        );
      }}
    />
  );
}
