import { useRestoreFromTrash, useTrash } from "../../api/trash";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AppError } from "../../api/errors";
import type { TrashItem } from "../../bindings/TrashItem";
import { describeError } from "../../i18n/errors";
import { formatTimestamp, useDateTimeFormat } from "../../i18n/format";
import { isolate } from "../../i18n/format";

/** The kinds of trashed items this screen names; others show as "Item". */
const KINDS = [
  "problem",
  "analysis",
  "why",
  "action",
  "persona",
  "quote",
  "empathy_map",
  "empathy_note",
  "survey_response",
  "period",
  "journey_map",
  "journey_stage",
  "touchpoint",
  "journey_card",
] as const;
type Kind = (typeof KINDS)[number];

function kindOf(entity: string): Kind | null {
  return KINDS.find((k) => k === entity) ?? null;
}

function pageOf(item: TrashItem): string | null {
  const kind = kindOf(item.entity);
  const base = kind === null ? undefined : PAGES[kind];
  return base === undefined ? null : `${base}/${item.id}`;
}

/** What the user would recognise an item by: an empty cause says so. */
function useItemLabel(): (item: TrashItem) => string {
  const { t } = useTranslation();
  return (item) => (item.label.trim() === "" && item.entity === "why" ? t("why.emptyText") : item.label);
}

const RESTORED = {
  problem: "trash.restored",
  analysis: "trash.restoredAnalysis",
  why: "trash.restoredWhy",
  action: "trash.restoredItem",
  persona: "trash.restoredItem",
  quote: "trash.restoredItem",
  empathy_map: "trash.restoredItem",
  empathy_note: "trash.restoredItem",
  survey_response: "trash.restoredItem",
  period: "trash.restoredItem",
  journey_map: "trash.restoredItem",
  journey_stage: "trash.restoredItem",
  touchpoint: "trash.restoredItem",
  journey_card: "trash.restoredItem",
} as const;

/** Where a restored item can be opened, if it has a page of its own. */
const PAGES: Partial<Record<Kind, string>> = {
  problem: "/problems",
  analysis: "/analyses",
  action: "/actions",
  persona: "/personas",
  empathy_map: "/empathy",
};

/** What happened to the last restore, for the notice under the header. */
type Outcome = { kind: "restored"; item: TrashItem } | { kind: "failed"; item: TrashItem; error: AppError };

function TrashRow({
  item,
  restoring,
  onRestore,
}: {
  item: TrashItem;
  restoring: boolean;
  onRestore: (item: TrashItem) => void;
}) {
  const { t } = useTranslation();
  const dateFormat = useDateTimeFormat();
  const date = formatTimestamp(dateFormat, item.deletedAt);
  const entity = kindOf(item.entity);
  const kind = t(entity === null ? "trash.entity.unknown" : `trash.entity.${entity}`);
  const label = useItemLabel()(item);
  return (
    <li className="trash-row" data-testid="trash-row">
      <div className="trash-row-text">
        <span className="trash-row-label" data-testid="trash-label">
          <bdi>{label}</bdi>
        </span>
        <span className="trash-row-meta">
          <span className="badge badge--muted">{kind}</span>
          <time dateTime={item.deletedAt}>
            {item.deletedBy === ""
              ? t("trash.deleted", { date })
              : t("trash.deletedBy", { date, name: isolate(item.deletedBy) })}
          </time>
        </span>
      </div>
      <button
        type="button"
        className="button"
        disabled={restoring}
        aria-label={t("trash.restoreLabel", { label: isolate(label) })}
        data-testid="trash-restore"
        onClick={() => {
          onRestore(item);
        }}
      >
        {restoring ? t("trash.restoring") : t("trash.restore")}
      </button>
    </li>
  );
}

/** Everything deleted or merged away, most recent first, each one restorable. */
export function TrashScreen() {
  const { t } = useTranslation();
  const trash = useTrash();
  const restore = useRestoreFromTrash();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const headingId = useId();
  const labelOf = useItemLabel();
  const restoringId = restore.isPending ? restore.variables.id : null;

  const onRestore = (item: TrashItem) => {
    setOutcome(null);
    restore.mutate(
      { entity: item.entity, id: item.id },
      {
        onSuccess: () => {
          setOutcome({ kind: "restored", item });
        },
        onError: (error) => {
          setOutcome({ kind: "failed", item, error });
        },
      },
    );
  };

  let body: React.ReactNode;
  if (trash.isPending) {
    body = (
      <p className="status-line" role="status" data-testid="trash-loading">
        {t("trash.loading")}
      </p>
    );
  } else if (trash.isError) {
    body = (
      <div className="alert" role="alert" data-testid="trash-error">
        <p>{t("trash.loadError", { reason: describeError(t, trash.error) })}</p>
        <button type="button" className="button" onClick={() => void trash.refetch()}>
          {t("trash.retry")}
        </button>
      </div>
    );
  } else if (trash.data.length === 0) {
    body = (
      <div className="empty-state" data-testid="trash-empty">
        <p className="empty-state-title">{t("trash.emptyTitle")}</p>
        <p className="empty-state-body">{t("trash.emptyBody")}</p>
      </div>
    );
  } else {
    body = (
      <section aria-labelledby={headingId}>
        <div className="list-header">
          <h2 id={headingId} className="list-title">
            {t("trash.listLabel")}
          </h2>
          <span className="count" data-testid="trash-count">
            {t("trash.count", { count: trash.data.length })}
          </span>
        </div>
        <ul className="trash-list" role="list" aria-labelledby={headingId}>
          {trash.data.map((item) => (
            <TrashRow
              key={`${item.entity}:${item.id}`}
              item={item}
              restoring={restoringId === item.id}
              onRestore={onRestore}
            />
          ))}
        </ul>
      </section>
    );
  }

  return (
    <>
      <header className="page-header">
        <h1>{t("trash.title")}</h1>
        <p className="page-subtitle">{t("trash.subtitle")}</p>
      </header>
      <div role="status" className={outcome?.kind === "restored" ? "notice" : "visually-hidden"}>
        {outcome?.kind === "restored" && (
          <span data-testid="trash-restored">
            {t(RESTORED[kindOf(outcome.item.entity) ?? "problem"], { label: isolate(labelOf(outcome.item)) })}{" "}
            {pageOf(outcome.item) !== null && (
              <Link to={pageOf(outcome.item) ?? ""}>{t("trash.openRestored")}</Link>
            )}
          </span>
        )}
      </div>
      {outcome?.kind === "failed" && (
        <p className="alert" role="alert" data-testid="trash-restore-error">
          {t("trash.restoreError", {
            label: isolate(labelOf(outcome.item)),
            reason: describeError(t, outcome.error),
          })}
        </p>
      )}
      {body}
    </>
  );
}
