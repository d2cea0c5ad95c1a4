import { useTranslation } from "react-i18next";
import type { HelpdeskCheck } from "../../../bindings/HelpdeskCheck";
import type { PreviewTicket } from "../../../bindings/PreviewTicket";
import type { SuggestedGroup } from "../../../bindings/SuggestedGroup";
import { formatTimestamp, useDateTimeFormat, useNumberFormat } from "../../../i18n/format";
import { ImportIssues } from "../../../kit/imports/ImportParts";

/** What a previewed ticket becomes, in the reader's words. */
function useBecomes(groups: readonly SuggestedGroup[]): (ticket: PreviewTicket) => string {
  const { t } = useTranslation();
  return (ticket) => {
    switch (ticket.becomes) {
      case null:
        return t("helpdesk.becomes.bad");
      case "problem":
        return t("helpdesk.becomes.problem");
      case "report_of_ticket":
        return t("helpdesk.becomes.report_of_ticket", { ticket: ticket.problemRef ?? "" });
      case "already_imported":
        return t("helpdesk.becomes.already_imported");
      case "report_of_existing": {
        const title = groups.find((g) => g.problemId === ticket.problemId)?.title;
        return title === undefined
          ? t("helpdesk.becomes.report_of_existing_unnamed")
          : t("helpdesk.becomes.report_of_existing", { title });
      }
    }
  };
}

/** The counts of what the import will do, one phrase each. */
function Summary({ check }: { check: HelpdeskCheck }) {
  const { t } = useTranslation();
  const numbers = useNumberFormat();
  const parts = [
    t("helpdesk.summary.rows", { count: check.rows, n: numbers.format(check.rows) }),
    t("helpdesk.summary.problems", { count: check.problems, n: numbers.format(check.problems) }),
  ];
  if (check.reports > 0)
    parts.push(t("helpdesk.summary.reports", { count: check.reports, n: numbers.format(check.reports) }));
  if (check.alreadyImported > 0)
    parts.push(
      t("helpdesk.summary.already", {
        count: check.alreadyImported,
        n: numbers.format(check.alreadyImported),
      }),
    );
  if (check.csatAnswers > 0)
    parts.push(
      t("helpdesk.summary.csat", { count: check.csatAnswers, n: numbers.format(check.csatAnswers) }),
    );
  const bad = check.rows - check.good;
  if (bad > 0) parts.push(t("helpdesk.summary.bad", { count: bad, n: numbers.format(bad) }));
  return (
    <p role="status" className="import-summary" data-testid="ticket-summary">
      {parts.join(" · ")}
    </p>
  );
}

/** The suggested groups: why they go together, their tickets, and (for look-alikes) Split. */
function Groups({
  groups,
  split,
  onSplit,
  disabled,
}: {
  groups: readonly SuggestedGroup[];
  split: readonly string[];
  onSplit: (key: string, apart: boolean) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const numbers = useNumberFormat();
  if (groups.length === 0) return null;
  return (
    <section className="import-groups" aria-label={t("helpdesk.groupsTitle")}>
      <h3>{t("helpdesk.groupsTitle")}</h3>
      <ul data-testid="ticket-groups">
        {groups.map((g) => {
          const apart = split.includes(g.key);
          const list =
            g.tickets.join(", ") + (g.count > g.tickets.length ? ` ${t("helpdesk.groupMore")}` : "");
          return (
            <li key={g.key} className="import-group" data-testid="ticket-group">
              <div className="import-group-text">
                <bdi className="import-group-title">{g.title}</bdi>
                <span className="field-hint">
                  {t(`helpdesk.groupReason.${g.reason}`, { ticket: g.problemRef ?? "" })} ·{" "}
                  {t("helpdesk.groupTickets", { count: g.count, n: numbers.format(g.count), list })}
                </span>
                {apart && <span className="field-hint">{t("helpdesk.splitDone")}</span>}
              </div>
              {g.reason === "similar" && (
                <button
                  type="button"
                  className="button button--ghost"
                  aria-pressed={apart}
                  disabled={disabled}
                  data-testid="ticket-group-split"
                  onClick={() => {
                    onSplit(g.key, !apart);
                  }}
                >
                  {apart ? t("helpdesk.unsplit") : t("helpdesk.split")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The first tickets as they will be stored. */
function Preview({ check }: { check: HelpdeskCheck }) {
  const { t } = useTranslation();
  const numbers = useNumberFormat();
  const times = useDateTimeFormat();
  const becomes = useBecomes(check.groups);
  if (check.preview.length === 0) return null;
  return (
    <section className="import-preview-section" aria-label={t("helpdesk.previewTitle")}>
      <h3>{t("helpdesk.previewTitle")}</h3>
      <div className="import-preview-scroll">
        <table className="overview-owners metric-table import-preview-table" data-testid="ticket-preview">
          <thead>
            <tr>
              <th scope="col">{t("helpdesk.column.row")}</th>
              <th scope="col">{t("helpdesk.column.ticket")}</th>
              <th scope="col">{t("helpdesk.column.subject")}</th>
              <th scope="col">{t("helpdesk.column.becomes")}</th>
              <th scope="col">{t("helpdesk.column.channel")}</th>
              <th scope="col">{t("helpdesk.column.severity")}</th>
              <th scope="col">{t("helpdesk.column.created")}</th>
              <th scope="col">{t("helpdesk.column.rating")}</th>
            </tr>
          </thead>
          <tbody>
            {check.preview.map((row) => (
              <tr
                key={row.row}
                className={row.becomes === null ? "import-bad" : undefined}
                data-testid={row.becomes === null ? "ticket-preview-bad" : "ticket-preview-row"}
              >
                <th scope="row">{numbers.format(row.row)}</th>
                <td className="import-nowrap">
                  <bdi>{row.reference}</bdi>
                </td>
                <td className="import-preview-subject">
                  <bdi>{row.subject}</bdi>
                </td>
                <td data-testid="ticket-becomes">{becomes(row)}</td>
                <td>{row.channel === null ? "" : t(`problem.channel.${row.channel}`)}</td>
                <td>{row.becomes === "problem" ? t(`problem.severity.${row.severity}`) : ""}</td>
                <td className="import-nowrap">
                  {row.createdAt === null ? "" : formatTimestamp(times, row.createdAt)}
                </td>
                <td>{row.csat === null ? "" : numbers.format(row.csat)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface ImportCheckViewProps {
  check: HelpdeskCheck;
  split: readonly string[];
  onSplit: (key: string, apart: boolean) => void;
  disabled: boolean;
}

/** What importing the file will do: the counts, the bad rows, the groups and the first tickets. */
export function ImportCheckView({ check, split, onSplit, disabled }: ImportCheckViewProps) {
  const { t } = useTranslation();
  const nothingNew = check.problems + check.reports === 0 && check.alreadyImported > 0;
  return (
    <div className="import-result" data-testid="ticket-checked">
      <Summary check={check} />
      {nothingNew && (
        <p className="field-hint" data-testid="ticket-nothing-new">
          {t("helpdesk.nothingNew")}
        </p>
      )}
      <ImportIssues issues={check.issues} count={check.issueCount} />
      <Groups groups={check.groups} split={split} onSplit={onSplit} disabled={disabled} />
      <Preview check={check} />
    </div>
  );
}
