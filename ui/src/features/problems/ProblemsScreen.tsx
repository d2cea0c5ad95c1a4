import { useEffect, useId, useMemo, useRef, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import type { AppError } from "../../api/errors";
import { flattenProblems, useCreateProblem, useProblems } from "../../api/queries";
import type { Problem } from "../../bindings/Problem";
import { describeError } from "../../i18n/errors";
import { formatTimestamp, useDateTimeFormat } from "../../i18n/format";

/** Router state that asks this screen to focus the new-problem field (the `n` shortcut). */
export interface FocusNewProblemState {
  focusNewProblem: true;
}

function wantsFocus(state: unknown): state is FocusNewProblemState {
  return typeof state === "object" && state !== null && "focusNewProblem" in state;
}

function newestFirst(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => {
    const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
    // UUID v7 ids are time-ordered: a stable tie-break for equal timestamps.
    return byTime !== 0 ? byTime : b.id.localeCompare(a.id);
  });
}

function NewProblemField() {
  const { t } = useTranslation();
  const create = useCreateProblem();
  const [title, setTitle] = useState("");
  const [error, setError] = useState<AppError | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const location = useLocation();
  const navigate = useNavigate();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  useEffect(() => {
    if (!wantsFocus(location.state)) return;
    inputRef.current?.focus();
    // Forget the request, so going back and forth does not steal focus again.
    void navigate(location.pathname, { replace: true, state: null });
  }, [location, navigate]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const submitted = title;
    setAnnouncement("");
    create.mutate(
      { title: submitted },
      {
        onSuccess: () => {
          setError(null);
          // Only clear what was submitted; keep anything typed since.
          setTitle((current) => (current === submitted ? "" : current));
          setAnnouncement(t("problems.added"));
        },
        onError: (reason) => {
          setError(reason);
        },
      },
    );
  };

  return (
    <form className="field new-problem" onSubmit={onSubmit} noValidate>
      <label className="field-label" htmlFor={inputId}>
        {t("problems.newLabel")}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="text-input text-input--large"
        type="text"
        // Follow what is typed (Arabic in an English UI and vice versa); empty, follow the page.
        dir={title === "" ? undefined : "auto"}
        autoComplete="off"
        placeholder={t("problems.newPlaceholder")}
        value={title}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `${errorId} ${hintId}` : hintId}
        data-testid="new-problem-title"
        onChange={(event) => {
          setTitle(event.target.value);
          // An emptied field has nothing wrong with it any more.
          if (event.target.value === "") setError(null);
        }}
      />
      {error !== null && (
        <p id={errorId} className="field-error" data-testid="new-problem-title-error">
          {describeError(t, error)}
        </p>
      )}
      <p id={hintId} className="field-hint">
        {create.isPending ? t("problems.adding") : t("problems.newHint")}
      </p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </form>
  );
}

function ProblemList() {
  const { t } = useTranslation();
  const problems = useProblems();
  const dateFormat = useDateTimeFormat();
  const { items, total } = useMemo(() => flattenProblems(problems.data), [problems.data]);
  const sorted = useMemo(() => newestFirst(items), [items]);
  const headingId = useId();

  if (problems.isPending) {
    return (
      <p className="status-line" role="status" data-testid="problems-loading">
        {t("problems.loading")}
      </p>
    );
  }
  if (problems.isError) {
    return (
      <div className="alert" role="alert" data-testid="problems-error">
        <p>{t("problems.loadError", { reason: describeError(t, problems.error) })}</p>
        <button type="button" className="button" onClick={() => void problems.refetch()}>
          {t("problems.retry")}
        </button>
      </div>
    );
  }
  if (sorted.length === 0) {
    return (
      <div className="empty-state" data-testid="problems-empty">
        <p className="empty-state-title">{t("problems.emptyTitle")}</p>
        <p className="empty-state-body">{t("problems.emptyBody")}</p>
      </div>
    );
  }
  return (
    <section aria-labelledby={headingId}>
      <div className="list-header">
        <h2 id={headingId} className="list-title">
          {t("problems.listLabel")}
        </h2>
        <span className="count" data-testid="problem-count">
          {t("problems.count", { count: total })}
        </span>
      </div>
      <ul className="problem-list" role="list" aria-labelledby={headingId}>
        {sorted.map((problem) => {
          const created = formatTimestamp(dateFormat, problem.createdAt);
          return (
            <li key={problem.id} className="problem-row" data-testid="problem-row">
              <span className="problem-title" data-testid="problem-title">
                {/* Isolated so an Arabic title in an English list (or the reverse) keeps its own order. */}
                <bdi>{problem.title}</bdi>
              </span>
              <time
                className="problem-date"
                dateTime={problem.createdAt}
                title={t("problems.created", { date: created })}
                data-testid="problem-created"
              >
                {created}
              </time>
            </li>
          );
        })}
      </ul>
      {problems.hasNextPage && (
        <div className="list-footer">
          <button
            type="button"
            className="button"
            disabled={problems.isFetchingNextPage}
            data-testid="problems-show-more"
            onClick={() => void problems.fetchNextPage()}
          >
            {problems.isFetchingNextPage ? t("problems.loadingMore") : t("problems.showMore")}
          </button>
        </div>
      )}
    </section>
  );
}

/** The first working screen: log a problem in one line, see them newest first. */
export function ProblemsScreen() {
  const { t } = useTranslation();
  return (
    <>
      <header className="page-header">
        <h1>{t("problems.title")}</h1>
        <p className="page-subtitle">{t("problems.subtitle")}</p>
      </header>
      <NewProblemField />
      <ProblemList />
    </>
  );
}
