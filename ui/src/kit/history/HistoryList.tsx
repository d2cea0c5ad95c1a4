import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { HistoryEntry } from "../../bindings/HistoryEntry";
import { formatTimestamp, useDateTimeFormat } from "../../i18n/format";

interface HistoryListProps {
  heading: string;
  /** The recorded changes in any order (shown newest first); undefined while they load. */
  entries: readonly HistoryEntry[] | undefined;
  /** Said when there is no change at all. */
  empty: string;
  /** Shown under the heading (a load error). */
  notice?: ReactNode;
  testId?: string;
  rowTestId: string;
  /** What one change did: the field and its values, or the whole-record event. */
  renderChange: (entry: HistoryEntry) => ReactNode;
}

/** A record's history, newest first: what changed, who changed it and when. */
export function HistoryList({
  heading,
  entries,
  empty,
  notice,
  testId,
  rowTestId,
  renderChange,
}: HistoryListProps) {
  const { t } = useTranslation();
  const time = useDateTimeFormat();
  const headingId = useId();
  const newestFirst = entries === undefined ? undefined : [...entries].sort((a, b) => b.seq - a.seq);
  return (
    <section className="detail-section" aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId} className="detail-section-title">
        {heading}
      </h2>
      {notice}
      {newestFirst !== undefined &&
        (newestFirst.length === 0 ? (
          <p className="muted">{empty}</p>
        ) : (
          <ol className="history-list" aria-labelledby={headingId}>
            {newestFirst.map((entry) => (
              <li key={entry.seq} className="history-row" data-testid={rowTestId}>
                <div className="history-change">{renderChange(entry)}</div>
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
