import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  useBringBack,
  useCopiesStatus,
  useDismissReview,
  useMergeReview,
  useRenameCopy,
} from "../../api/changes";
import type { Replica } from "../../bindings/Replica";
import { LIMITS } from "../../bindings/rules";
import { Field, TextInput } from "../../kit/fields";
import type { AppError } from "../../api/errors";
import type { ReviewItem } from "../../bindings/ReviewItem";
import type { ReviewTarget } from "../../bindings/ReviewTarget";
import { ENUMS } from "../../bindings/rules";
import { describeError } from "../../i18n/errors";
import { formatTimestamp, isolate, useDateTimeFormat } from "../../i18n/format";
import { LoadErrorAlert, LoadingLine } from "../../kit/LoadStates";
import { historyFieldLabel, isOneOf, plainValue, type ReadableValue } from "../../kit/history/HistoryList";

/** The kinds of items the trash names (its labels are shared); others show as "Item". */
const KINDS = [
  "problem",
  "analysis",
  "why",
  "action",
  "persona",
  "quote",
  "empathy_map",
  "empathy_note",
] as const;

/** Where an item can be opened, if it has a page of its own. */
const PAGES: Partial<Record<string, string>> = {
  problem: "/problems",
  analysis: "/analyses",
  action: "/actions",
  persona: "/personas",
  empathy_map: "/empathy",
};

/** What people call the item: its title, or a placeholder for an empty one. */
function useTargetLabel(): (target: ReviewTarget) => string {
  const { t } = useTranslation();
  return (target) => (target.label.trim() === "" ? t("changes.review.untitled") : target.label);
}

/** A value of an enumerated field as people read it; the shared reading otherwise. */
function useReadValue(): (entity: string, field: string, value: string | null) => ReadableValue {
  const { t } = useTranslation();
  return (entity, field, value) => {
    if (value === null || value === "") return null;
    if (entity === "problem") {
      if (field === "status" && isOneOf(ENUMS.problemStatus, value)) return t(`problem.status.${value}`);
      if (field === "severity" && isOneOf(ENUMS.severity, value)) return t(`problem.severity.${value}`);
      if (field === "channel" && isOneOf(ENUMS.channel, value)) return t(`problem.channel.${value}`);
    }
    if (entity === "action") {
      if (field === "status" && isOneOf(ENUMS.actionStatus, value)) return t(`actions.status.${value}`);
      if (field === "kind" && isOneOf(ENUMS.actionKind, value)) return t(`actions.kind.${value}`);
      if (field === "priority" && isOneOf(ENUMS.priority, value)) return t(`actions.priority.${value}`);
    }
    return plainValue(value);
  };
}

function Value({ value }: { value: ReadableValue }) {
  const { t } = useTranslation();
  if (value === null) return <span className="history-value--empty">{t("history.none")}</span>;
  if (typeof value === "string") return <bdi>{value}</bdi>;
  return <bdi>{value.join(`${t("history.listSeparator")} `)}</bdi>;
}

type Outcome = { done: "broughtBack" | "dismissed"; label: string } | { failed: AppError };

function ReviewCard({
  item,
  busy,
  onBringBack,
  onKeep,
}: {
  item: ReviewItem;
  busy: boolean;
  onBringBack: (item: ReviewItem) => void;
  onKeep: (item: ReviewItem) => void;
}) {
  const { t } = useTranslation();
  const time = useDateTimeFormat();
  const labelOf = useTargetLabel();
  const read = useReadValue();
  const kindKey = isOneOf(KINDS, item.target.entity) ? item.target.entity : "unknown";
  const label = labelOf(item.target);
  const page = PAGES[item.target.entity];
  const when = (at: string | null) => (at === null ? "" : formatTimestamp(time, at));
  const who = (name: string, at: string | null) =>
    at === null ? t("changes.review.byName", { name }) : t("changes.review.by", { name, date: when(at) });
  const headingId = useId();

  let body: React.ReactNode = null;
  let bringBackLabel = t("changes.review.bringBack");
  let canBringBack = true;
  if (item.kind === "overwritten") {
    body = (
      <table className="review-fields" data-testid="review-fields">
        <thead>
          <tr>
            <th scope="col">{t("changes.review.field")}</th>
            <th scope="col">
              {t("changes.review.lost")}
              <span className="review-who">{who(item.lostAuthor, item.lostAt)}</span>
            </th>
            <th scope="col">
              {t("changes.review.kept")}
              <span className="review-who">{who(item.keptAuthor, item.keptAt)}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {item.fields.map((f) => (
            <tr key={f.field} data-testid="review-field">
              <th scope="row">{historyFieldLabel(t, item.target.entity, f.field)}</th>
              <td data-testid="review-lost">
                <Value value={read(item.target.entity, f.field, f.lost)} />
              </td>
              <td data-testid="review-kept">
                <Value value={read(item.target.entity, f.field, f.kept)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  } else if (item.kind === "restored") {
    body = (
      <p data-testid="review-text">
        {t("changes.review.restoredText", { deleter: item.lostAuthor, editor: item.keptAuthor })}
      </p>
    );
    bringBackLabel = t("changes.review.deleteAgain");
    canBringBack = !item.target.inTrash;
  } else {
    const parent = item.parent === null ? "" : labelOf(item.parent);
    body = (
      <p data-testid="review-text">
        {t("changes.review.parentText", { author: item.keptAuthor || "—", parent, deleter: item.lostAuthor })}
      </p>
    );
    bringBackLabel = t("changes.review.restoreParent", { parent });
    canBringBack = item.parent?.inTrash ?? false;
  }

  return (
    <li className="review-card" data-testid="review-item" data-kind={item.kind} aria-labelledby={headingId}>
      <div className="review-card-head">
        <h3 id={headingId} className="review-card-title">
          {page === undefined ? (
            <bdi>{label}</bdi>
          ) : (
            <Link to={`${page}/${item.target.id}`} data-testid="review-open">
              <bdi>{label}</bdi>
            </Link>
          )}
        </h3>
        <span className="badge badge--muted">{t(`trash.entity.${kindKey}`)}</span>
        <span className="badge" data-testid="review-kind">
          {t(`changes.review.kind.${item.kind}`)}
        </span>
        <span className="review-merged-on">
          {t("changes.review.mergedOn", { date: formatTimestamp(time, item.mergedAt) })}
        </span>
      </div>
      {body}
      {item.state === "open" ? (
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            disabled={busy || !canBringBack}
            aria-label={
              item.kind === "overwritten"
                ? t("changes.review.bringBackLabel", { label: isolate(label) })
                : undefined
            }
            data-testid="review-bring-back"
            onClick={() => {
              onBringBack(item);
            }}
          >
            {bringBackLabel}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            aria-label={t("changes.review.keepLabel", { label: isolate(label) })}
            data-testid="review-keep"
            onClick={() => {
              onKeep(item);
            }}
          >
            {t("changes.review.keep")}
          </button>
        </div>
      ) : (
        <p className="review-state" data-testid="review-state">
          {t(`changes.review.state.${item.state}`)}
        </p>
      )}
    </li>
  );
}

/** This copy's name, which the other copies show: edited in place. */
function CopyName({ replica }: { replica: Replica }) {
  const { t } = useTranslation();
  const rename = useRenameCopy();
  const [name, setName] = useState(replica.name);
  const [saved, setSaved] = useState(false);
  const tooLong = name.length > LIMITS.copies.name;
  return (
    <form
      className="copy-name-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (tooLong) return;
        setSaved(false);
        rename.mutate(name, {
          onSuccess: () => {
            setSaved(true);
          },
        });
      }}
    >
      <Field
        label={t("changes.review.nameLabel")}
        error={
          tooLong
            ? t("errors.title.too_long", { count: LIMITS.copies.name })
            : rename.isError
              ? describeError(t, rename.error)
              : null
        }
        errorTestId="copy-rename-error"
      >
        {(control) => (
          <TextInput
            {...control}
            value={name}
            onChange={(value) => {
              setSaved(false);
              setName(value);
            }}
            testId="copy-rename"
          />
        )}
      </Field>
      <button type="submit" className="button" disabled={rename.isPending} data-testid="copy-rename-save">
        {t("changes.review.nameSave")}
      </button>
      <p className="field-hint copy-name-hint">
        {t("changes.review.nameHint")} <span role="status">{saved ? t("changes.review.nameSaved") : ""}</span>
      </p>
    </form>
  );
}

/** What merges overwrote or kept, each with the other version one click away. */
export function MergedChangesScreen() {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const review = useMergeReview(showAll);
  const status = useCopiesStatus();
  const bringBack = useBringBack();
  const dismiss = useDismissReview();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const headingId = useId();
  const labelOf = useTargetLabel();
  const busy = bringBack.isPending || dismiss.isPending;

  const act = (item: ReviewItem, which: "broughtBack" | "dismissed") => {
    setOutcome(null);
    const mutation = which === "broughtBack" ? bringBack : dismiss;
    mutation.mutate(item.id, {
      onSuccess: () => {
        setOutcome({ done: which, label: labelOf(item.target) });
      },
      onError: (error) => {
        setOutcome({ failed: error });
      },
    });
  };

  let body: React.ReactNode;
  if (review.isPending) {
    body = <LoadingLine testId="review-loading">{t("changes.review.loading")}</LoadingLine>;
  } else if (review.isError) {
    body = (
      <LoadErrorAlert
        testId="review-load-error"
        message={t("changes.review.loadError", { reason: describeError(t, review.error) })}
        retryLabel={t("changes.review.retry")}
        onRetry={() => void review.refetch()}
      />
    );
  } else if (review.data.length === 0) {
    body = (
      <div className="empty-state" data-testid="review-empty">
        <p className="empty-state-title">{t("changes.review.emptyTitle")}</p>
        <p className="empty-state-body">{t("changes.review.emptyBody")}</p>
      </div>
    );
  } else {
    body = (
      <section aria-labelledby={headingId}>
        <div className="list-header">
          <h2 id={headingId} className="list-title">
            {t("changes.review.listLabel")}
          </h2>
          <span className="count" data-testid="review-count">
            {t("changes.review.count", { count: review.data.length })}
          </span>
        </div>
        <ul className="review-list" role="list">
          {review.data.map((item) => (
            <ReviewCard
              key={item.id}
              item={item}
              busy={busy}
              onBringBack={(i) => {
                act(i, "broughtBack");
              }}
              onKeep={(i) => {
                act(i, "dismissed");
              }}
            />
          ))}
        </ul>
      </section>
    );
  }

  const me = status.data?.replica;
  return (
    <>
      <header className="page-header">
        <h1>{t("changes.review.title")}</h1>
        <p className="page-subtitle">{t("changes.review.subtitle")}</p>
      </header>
      {me !== undefined && <CopyName key={me.replicaId} replica={me} />}
      <label className="checkbox-line">
        <input
          type="checkbox"
          checked={showAll}
          data-testid="review-show-all"
          onChange={(event) => {
            setShowAll(event.target.checked);
          }}
        />
        <span>{t("changes.review.showAll")}</span>
      </label>
      <div role="status" className={outcome !== null && "done" in outcome ? "notice" : "visually-hidden"}>
        {outcome !== null && "done" in outcome && (
          <span data-testid="review-outcome">
            {t(`changes.review.${outcome.done}`, { label: isolate(outcome.label) })}
          </span>
        )}
      </div>
      {outcome !== null && "failed" in outcome && (
        <p className="alert" role="alert" data-testid="review-error">
          {t("changes.review.actionError", { reason: describeError(t, outcome.failed) })}
        </p>
      )}
      {body}
    </>
  );
}
