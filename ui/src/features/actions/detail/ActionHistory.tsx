import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useActionHistory } from "../../../api/history";
import type { ActionDetail } from "../../../bindings/ActionDetail";
import { ENUMS } from "../../../bindings/rules";
import { formatDay, useDayFormat } from "../../../i18n/format";
import { HistoryList, isOneOf } from "../../../kit/history/HistoryList";
import { ACTION_KINDS, ACTION_STATUSES, PRIORITIES } from "../create/rules";

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
      return isOneOf(ACTION_KINDS, value) ? t(`actions.kind.${value}`) : value;
    case "priority":
      return isOneOf(PRIORITIES, value) ? t(`actions.priority.${value}`) : value;
    case "status":
      return isOneOf(ACTION_STATUSES, value) ? t(`actions.status.${value}`) : value;
    case "checkResult":
      return isOneOf(ENUMS.checkResult, value) ? t(`actions.checkResult.${value}`) : value;
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
      entries={history.data}
      loadError={history.error}
      testId="action-history"
      rowTestId="action-history-row"
      fieldTestId="action-history-field"
      readValue={(field, value) =>
        value === null || value === "" ? undefined : readableValue(field, value, context)
      }
    />
  );
}
