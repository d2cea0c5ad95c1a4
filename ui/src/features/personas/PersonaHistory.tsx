import { useTranslation } from "react-i18next";
import { useEntityHistory } from "../../api/history";
import { describeError } from "../../i18n/errors";
import { CHANNELS } from "../../kit/fields";
import { HistoryList, plainValue } from "../../kit/history/HistoryList";

function isChannel(value: string): value is (typeof CHANNELS)[number] {
  return (CHANNELS as readonly string[]).includes(value);
}

/** Every recorded change of a persona, newest first, in the shared history view. */
export function PersonaHistory({ personaId }: { personaId: string }) {
  const { t } = useTranslation();
  const history = useEntityHistory("persona", personaId);
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
      testId="persona-history"
      rowTestId="persona-history-row"
      readValue={(field, value) => {
        if (field !== "channels") return undefined;
        const list = plainValue(value);
        if (list === null || typeof list === "string") return list;
        return list.map((channel) => (isChannel(channel) ? t(`problem.channel.${channel}`) : channel));
      }}
    />
  );
}
