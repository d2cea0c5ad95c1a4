import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useActionHistory } from "../../../api/history";
import type { ActionDetail } from "../../../bindings/ActionDetail";
import type { HistoryEntry } from "../../../bindings/HistoryEntry";
import en from "../../../i18n/en.json";
import { describeError } from "../../../i18n/errors";
import { formatDay, useDayFormat } from "../../../i18n/format";
import { HistoryList } from "../../../kit/history/HistoryList";
import { ACTION_KINDS, ACTION_STATUSES, PRIORITIES } from "../create/rules";

type KnownField = keyof typeof en.actions.field;

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

const DAY_FIELDS = ["dueOn", "checkDueOn", "checkedOn", "doneOn", "recurredOn"];

/** The label of a recorded field, translated. */
export function historyFieldLabel(t: TFunction, field: string): string {
  if (field === "causeIds") return t("actions.field.causes");
  if (field === "comment") return t("actionDetail.history.comment");
  if (Object.hasOwn(en.actions.field, field)) return t(`actions.field.${field as KnownField}`);
  return field;
}

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

function Change({ entry, context }: { entry: HistoryEntry; context: Context }) {
  const { t } = context;
  const field = entry.field;
  if (field === null || field === "deleted_at") {
    const key =
      entry.op === "delete"
        ? "actionDetail.history.deleted"
        : entry.op === "restore"
          ? "actionDetail.history.restored"
          : entry.op === "create"
            ? "actionDetail.history.created"
            : "actionDetail.history.updated";
    return <span className="history-event">{t(key)}</span>;
  }
  const before = readableValue(field, entry.oldValue, context);
  const after = readableValue(field, entry.newValue, context);
  const value = (text: string | null, old = false) =>
    text === null ? (
      <span className="history-value history-value--empty">{t("actionDetail.history.none")}</span>
    ) : (
      <bdi className={old ? "history-value history-value--old" : "history-value"}>{text}</bdi>
    );
  return (
    <>
      <span className="history-field" data-testid="action-history-field">
        {historyFieldLabel(t, field)}
      </span>
      <span className="history-values">
        {entry.op === "update" && entry.oldValue !== null && entry.oldValue !== entry.newValue && (
          <>
            {value(before, true)}
            <span className="history-arrow" aria-hidden="true">
              {t("actionDetail.history.arrow")}
            </span>
            <span className="visually-hidden">{t("actionDetail.history.to")}</span>
          </>
        )}
        {value(after)}
      </span>
    </>
  );
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
      renderChange={(entry) => <Change entry={entry} context={context} />}
    />
  );
}
