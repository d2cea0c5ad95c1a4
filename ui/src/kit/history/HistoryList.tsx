import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { ChangeOp } from "../../bindings/ChangeOp";
import type { HistoryEntry } from "../../bindings/HistoryEntry";
import type { AppError } from "../../api/errors";
import { HISTORY_FIELDS } from "../../bindings/rules";
import en from "../../i18n/en.json";
import { describeError } from "../../i18n/errors";
import { formatTimestamp, useDateTimeFormat } from "../../i18n/format";

/** An entity the core records history for (from the generated rules). */
export type HistoryEntity = keyof typeof HISTORY_FIELDS;
/** A field the core can record on `E`. */
export type HistoryField<E extends HistoryEntity> = (typeof HISTORY_FIELDS)[E][number];

/**
 * Every field the core can record has a label: this fails the type check
 * when the core starts recording a field that `history.field` in en.json
 * does not name (`history.test.ts` checks Arabic the same way).
 */
const LABELS: { readonly [E in HistoryEntity]: { readonly [F in HistoryField<E>]: string } } =
  en.history.field;

function isEntity(entity: string): entity is HistoryEntity {
  return Object.hasOwn(HISTORY_FIELDS, entity);
}

/** The translated label of a recorded field; the raw key only for a field this build does not know. */
export function historyFieldLabel(t: TFunction, entity: string, field: string): string {
  if (!isEntity(entity)) return field;
  const labels: Readonly<Record<string, string>> = LABELS[entity];
  if (!Object.hasOwn(labels, field)) return field;
  return t(`history.field.${entity}.${field}` as "history.field.problem.title");
}

/** A recorded value as a person reads it: a text, a list (each item isolated), or null for none. */
export type ReadableValue = string | readonly string[] | null;

/** A list stored as JSON text (tags, participants), or null if it is not one. */
function parseList(value: string): string[] | null {
  if (!value.startsWith("[")) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === "string") ? parsed : null;
  } catch {
    return null;
  }
}

/** How a value reads when the feature says nothing special: lists item by item, text as recorded. */
export function plainValue(value: string | null): ReadableValue {
  if (value === null || value === "") return null;
  const list = parseList(value);
  if (list === null) return value;
  return list.length === 0 ? null : list;
}

/** A value in its own direction; list items each isolated, so mixed Arabic and English stay in order. */
function Value({ value, old = false }: { value: ReadableValue; old?: boolean }) {
  const { t } = useTranslation();
  const className = old ? "history-value history-value--old" : "history-value";
  if (value === null) {
    return <span className={`${className} history-value--empty`}>{t("history.none")}</span>;
  }
  if (typeof value === "string") return <bdi className={className}>{value}</bdi>;
  return (
    <span className={className}>
      {value.map((item, index) => (
        <span key={index}>
          {index > 0 && `${t("history.listSeparator")} `}
          <bdi>{item}</bdi>
        </span>
      ))}
    </span>
  );
}

const EVENT_KEYS = {
  create: "history.event.create",
  update: "history.event.update",
  delete: "history.event.delete",
  restore: "history.event.restore",
} as const satisfies Record<ChangeOp, string>;

/** Whether `value` is one of `list` (an enumeration from the core's rules). */
export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

interface ChangeProps {
  entry: HistoryEntry;
  events: Partial<Record<ChangeOp, string>> | undefined;
  readValue: ((field: string, value: string | null) => ReadableValue | undefined) | undefined;
  fieldTestId: string;
}

/** One change: a whole-record event, or the field's label with its old and new values. */
function Change({ entry, events, readValue, fieldTestId }: ChangeProps) {
  const { t } = useTranslation();
  const field = entry.field;
  if (field === null || field === "deleted_at") {
    return <span className="history-event">{events?.[entry.op] ?? t(EVENT_KEYS[entry.op])}</span>;
  }
  const read = (value: string | null) => {
    const special = readValue?.(field, value);
    return special === undefined ? plainValue(value) : special;
  };
  return (
    <>
      <span className="history-field" data-testid={fieldTestId}>
        {historyFieldLabel(t, entry.entity, field)}
      </span>
      <span className="history-values">
        {entry.op === "update" && entry.oldValue !== null && entry.oldValue !== entry.newValue && (
          <>
            <Value value={read(entry.oldValue)} old />
            <span className="history-arrow" aria-hidden="true">
              {t("history.arrow")}
            </span>
            <span className="visually-hidden">{t("history.to")}</span>
          </>
        )}
        <Value value={read(entry.newValue)} />
      </span>
    </>
  );
}

interface HistoryListProps {
  /** The heading is for screen readers only (a disclosure's summary already shows it). */
  hideHeading?: boolean;
  /** The recorded changes in any order (shown newest first); undefined while they load. */
  entries: readonly HistoryEntry[] | undefined;
  /** Why the changes could not be loaded, said under the heading. */
  loadError?: AppError | null;
  testId?: string;
  rowTestId: string;
  /** data-testid of each field label. */
  fieldTestId?: string;
  /** The feature's own words for whole-record events ("Logged the problem"); shared ones otherwise. */
  events?: Partial<Record<ChangeOp, string>>;
  /**
   * How the feature reads a value of one of its fields (a status, a day, an
   * id as a title); undefined leaves it to the shared reading.
   */
  readValue?: (field: string, value: string | null) => ReadableValue | undefined;
}

/**
 * A record's history, newest first: what changed, who changed it and when.
 * The one history view of problems, actions, analyses, personas and maps:
 * field names are always the shared translated labels (`history.field`).
 */
export function HistoryList({
  hideHeading = false,
  entries,
  loadError = null,
  testId,
  rowTestId,
  fieldTestId = "history-field",
  events,
  readValue,
}: HistoryListProps) {
  const { t } = useTranslation();
  const time = useDateTimeFormat();
  const headingId = useId();
  const newestFirst = entries === undefined ? undefined : [...entries].sort((a, b) => b.seq - a.seq);
  return (
    <section className="detail-section" aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId} className={hideHeading ? "visually-hidden" : "detail-section-title"}>
        {t("history.heading")}
      </h2>
      {loadError !== null && (
        <p className="field-error" role="alert">
          {t("history.loadError", { reason: describeError(t, loadError) })}
        </p>
      )}
      {newestFirst !== undefined &&
        (newestFirst.length === 0 ? (
          <p className="muted">{t("history.empty")}</p>
        ) : (
          <ol className="history-list" aria-labelledby={headingId}>
            {newestFirst.map((entry) => (
              <li key={entry.seq} className="history-row" data-testid={rowTestId}>
                <div className="history-change">
                  <Change entry={entry} events={events} readValue={readValue} fieldTestId={fieldTestId} />
                </div>
                <div className="history-meta">
                  <bdi className="history-author">
                    {entry.author === "" ? t("problemDetail.noAuthor") : entry.author}
                  </bdi>
                  <time dateTime={entry.at}>{formatTimestamp(time, entry.at)}</time>
                </div>
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
