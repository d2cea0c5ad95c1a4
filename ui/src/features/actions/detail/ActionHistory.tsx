import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useActionHistory } from "../../../api/history";
import type { ActionDetail } from "../../../bindings/ActionDetail";
import { describeError } from "../../../i18n/errors";
import { formatDay, useDayFormat } from "../../../i18n/format";
import { HistoryList } from "../../../kit/history/HistoryList";
import { ACTION_KINDS, ACTION_STATUSES, PRIORITIES } from "../create/rules";

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

const DAY_FIELDS = ["dueOn", "checkDueOn", "checkedOn", "doneOn", "recurredOn"];

interface Context {
  t: TFunction;
  day: Intl.DateTimeFormat;
  detail: ActionDetail;
}

/** A recorded value as a person reads it, or null when there was none. */
export function readableValue(
  field: string,
  value: string | null,
  { t, day, detail }: Context,
): string | null {
  if (value === null || value === "") return null;
  if (DAY_FIELDS.includes(field)) return formatDay(day, value);
  switch (field) {
    case "kind":
      return includes(ACTION_KINDS, value) ? t(`actions.kind.${value}`) : value;
    case "priority":
      return includes(PRIORITIES, value) ? t(`actions.priority.${value}`) : value;
    case "status":
      return includes(ACTION_STATUSES, value) ? t(`actions.status.${value}`) : value;
    case "checkResult":
      return value === "effective" || value === "not_effective" ? t(`actions.checkResult.${value}`) : value;
    case "problem":
      return value === detail.action.problemId && detail.action.problemTitle !== ""
        ? detail.action.problemTitle
        : value;
    case "causeIds": {
      const ids = value.split(",").filter((id) => id !== "");
      const texts = ids.map((id) => detail.causes.find((c) => c.id === id)?.text);
      if (texts.every((text) => text !== undefined && text !== "")) {
        return texts.join(t("actionDetail.history.listSeparator") + " ");
      }
      return t("actionDetail.history.causes", { count: ids.length });
    }
    default:
      return value;
  }
}

/** Every recorded change of the action, newest first. */
export function ActionHistory({ detail }: { detail: ActionDetail }) {
  const { t } = useTranslation();
  const history = useActionHistory(detail.action.id);
  const day = useDayFormat();
  const context: Context = { t, day, detail };
  return (
    <HistoryList
      heading={t("actionDetail.history.heading")}
      entries={history.data}
      empty={t("actionDetail.history.empty")}
      notice={
        history.isError && (
          <p className="field-error" role="alert">
            {t("actionDetail.history.loadError", { reason: describeError(t, history.error) })}
          </p>
        )
      }
      testId="action-history"
      rowTestId="action-history-row"
      fieldTestId="action-history-field"
      readValue={(field, value) =>
        value === null || value === "" ? undefined : readableValue(field, value, context)
      }
    />
  );
}
