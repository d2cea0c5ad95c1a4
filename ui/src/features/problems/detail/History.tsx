import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { HistoryEntry } from "../../../bindings/HistoryEntry";
import type { MergedProblem } from "../../../bindings/MergedProblem";
import en from "../../../i18n/en.json";
import { formatTimestamp, useDateTimeFormat } from "../../../i18n/format";
import { HistoryList } from "../../../kit/history/HistoryList";
import { CHANNELS, SEVERITIES, STATUS_ORDER } from "../../../kit/fields";
import { formatDay, useDayFormat } from "../../../i18n/format";

type KnownField = keyof typeof en.problem.field;

function isKnownField(field: string): field is KnownField {
  return Object.hasOwn(en.problem.field, field);
}

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** A list stored as JSON text (tags, references), or null if it is not one. */
function parseList(value: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === "string") ? parsed : null;
  } catch {
    return null;
  }
}

interface ValueContext {
  t: TFunction;
  day: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
  merged: readonly MergedProblem[];
}

/** A recorded value as a person reads it (a list item by item); null when there was none. */
function readable(
  field: string,
  value: string | null,
  { t, day, time, merged }: ValueContext,
): string | string[] | null {
  if (value === null || value === "") return null;
  switch (field) {
    case "status":
      return includes(STATUS_ORDER, value) ? t(`problem.status.${value}`) : value;
    case "severity":
      return includes(SEVERITIES, value) ? t(`problem.severity.${value}`) : value;
    case "channel":
      return includes(CHANNELS, value) ? t(`problem.channel.${value}`) : value;
    case "tags":
    case "references": {
      const list = parseList(value);
      if (list === null) return value;
      return list.length === 0 ? null : list;
    }
    case "reportedOn":
      return formatDay(day, value);
    case "deleted_at":
      return formatTimestamp(time, value);
    case "mergedFrom":
    case "mergedInto":
      return merged.find((problem) => problem.id === value)?.title ?? value;
    default:
      return value;
  }
}

/** A value in its own direction; list items each isolated, so mixed Arabic and English stay in order. */
function Value({
  value,
  className,
  t,
}: {
  value: string | string[] | null;
  className: string;
  t: TFunction;
}) {
  if (value === null) {
    return <span className={`${className} history-value--empty`}>{t("problemDetail.history.none")}</span>;
  }
  if (typeof value === "string") return <bdi className={className}>{value}</bdi>;
  return (
    <span className={className}>
      {value.map((item, index) => (
        <span key={index}>
          {index > 0 && `${t("problemDetail.history.listSeparator")} `}
          <bdi>{item}</bdi>
        </span>
      ))}
    </span>
  );
}

function Change({ entry, context }: { entry: HistoryEntry; context: ValueContext }) {
  const { t } = context;
  const field = entry.field;
  // Whole-problem events.
  if (field === null || field === "deleted_at") {
    const key =
      entry.op === "delete"
        ? "problemDetail.history.deleted"
        : entry.op === "restore"
          ? "problemDetail.history.restored"
          : entry.op === "create"
            ? "problemDetail.history.created"
            : "problemDetail.history.updated";
    return <span className="history-event">{t(key)}</span>;
  }
  const label = isKnownField(field) ? t(`problem.field.${field}`) : field;
  const before = readable(field, entry.oldValue, context);
  const after = readable(field, entry.newValue, context);
  return (
    <>
      <span className="history-field" data-testid="history-field">
        {label}
      </span>
      <span className="history-values">
        {entry.op === "update" && entry.oldValue !== null && entry.oldValue !== entry.newValue && (
          <>
            <Value value={before} className="history-value history-value--old" t={t} />
            <span className="history-arrow" aria-hidden="true">
              {t("problemDetail.history.arrow")}
            </span>
            <span className="visually-hidden">{t("problemDetail.history.to")}</span>
          </>
        )}
        <Value value={after} className="history-value" t={t} />
      </span>
    </>
  );
}

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
  const context: ValueContext = { t, day, time, merged };
  return (
    <HistoryList
      heading={t("problemDetail.history.heading")}
      entries={history}
      empty={t("problemDetail.history.empty")}
      rowTestId="history-row"
      renderChange={(entry) => <Change entry={entry} context={context} />}
    />
  );
}
