import { flattenProblems, type ProblemFilters, useProblems } from "../../api/problems";
import { useDeferredValue, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AppError } from "../../api/errors";
import { useLinkPersonaProblem } from "../../api/personas";
import type { LinkedProblem } from "../../bindings/LinkedProblem";
import { describeError } from "../../i18n/errors";
import { isolate } from "../../i18n/format";

/** How many matches the picker offers at once. */
const PICKER_SIZE = 8;

function statusClass(status: LinkedProblem["status"]): string {
  return `badge badge--muted persona-problem-status persona-problem-status--${status}`;
}

/** Finds live problems by their words and links the one picked. */
function ProblemPicker({
  linkedIds,
  onPick,
  onClose,
  pending,
}: {
  linkedIds: ReadonlySet<string>;
  onPick: (problem: LinkedProblem) => void;
  onClose: () => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const deferred = useDeferredValue(text.trim());
  const searchId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const filters = useMemo<ProblemFilters>(
    () => ({
      statuses: [],
      severities: [],
      channels: [],
      text: deferred === "" ? undefined : deferred,
      sort: deferred === "" ? "updated" : "relevance",
      descending: true,
    }),
    [deferred],
  );
  const problems = useProblems(filters, { keepPrevious: true });
  const matches = flattenProblems(problems.data)
    .items.filter((p) => !linkedIds.has(p.id))
    .slice(0, PICKER_SIZE);

  const focusOption = (index: number) => {
    const options = listRef.current?.querySelectorAll<HTMLButtonElement>("button");
    options?.item(Math.max(0, Math.min(index, options.length - 1))).focus();
  };

  return (
    <div
      className="persona-problem-picker no-print"
      data-testid="persona-problem-picker"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <label htmlFor={searchId} className="field-label">
        {t("personas.problems.search")}
      </label>
      <input
        id={searchId}
        type="search"
        className="text-input"
        autoComplete="off"
        autoFocus
        dir={text === "" ? undefined : "auto"}
        placeholder={t("personas.problems.searchPlaceholder")}
        value={text}
        data-testid="persona-problem-search"
        onChange={(event) => {
          setText(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            focusOption(0);
          }
        }}
      />
      {problems.isError && (
        <p className="field-error" role="alert">
          {t("personas.problems.searchError", { reason: describeError(t, problems.error) })}
        </p>
      )}
      {problems.data !== undefined &&
        (matches.length === 0 ? (
          <p className="muted" role="status" data-testid="persona-problem-nomatch">
            {t("personas.problems.noMatch")}
          </p>
        ) : (
          <ul
            ref={listRef}
            className="persona-problem-options"
            aria-label={t("personas.problems.results")}
            onKeyDown={(event) => {
              if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
              event.preventDefault();
              const options = Array.from(listRef.current?.querySelectorAll("button") ?? []);
              const index = options.findIndex((o) => o === document.activeElement);
              focusOption(index + (event.key === "ArrowDown" ? 1 : -1));
            }}
          >
            {matches.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="persona-problem-option"
                  disabled={pending}
                  aria-label={t("personas.problems.linkLabel", { title: isolate(p.title) })}
                  data-testid="persona-problem-option"
                  onClick={() => {
                    onPick({ id: p.id, title: p.title, status: p.status });
                  }}
                >
                  <bdi className="user-text">{p.title}</bdi>
                  <span className={statusClass(p.status)}>{t(`problem.status.${p.status}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        ))}
      <div className="button-row">
        <button
          type="button"
          className="button button--ghost"
          data-testid="persona-problem-done"
          onClick={onClose}
        >
          {t("personas.problems.done")}
        </button>
      </div>
    </div>
  );
}

/** The problems that hurt this persona (each page shows the other side of the link). */
export function PersonaProblems({
  personaId,
  problems,
  announce,
}: {
  personaId: string;
  problems: readonly LinkedProblem[];
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const link = useLinkPersonaProblem();
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const headingId = useId();
  const openRef = useRef<HTMLButtonElement>(null);
  const linkedIds = useMemo(() => new Set(problems.map((p) => p.id)), [problems]);

  const change = (problem: LinkedProblem, linked: boolean) => {
    setError(null);
    link.mutate(
      { personaId, problemId: problem.id, linked },
      {
        onSuccess: () => {
          announce(
            t(linked ? "personas.problems.linked" : "personas.problems.unlinked", {
              title: isolate(problem.title),
            }),
          );
        },
        onError: setError,
      },
    );
  };

  return (
    <section
      className="detail-section persona-problems"
      aria-labelledby={headingId}
      data-testid="persona-problems"
    >
      <div className="detail-section-header">
        <h2 id={headingId} className="detail-section-title">
          {t("personas.problems.heading")}{" "}
          <span className="count" data-testid="persona-problems-count">
            {problems.length}
          </span>
        </h2>
        {!picking && (
          <button
            ref={openRef}
            type="button"
            className="button no-print"
            data-testid="persona-link-problem"
            onClick={() => {
              setPicking(true);
            }}
          >
            {t("personas.problems.link")}
          </button>
        )}
      </div>
      <p className="field-hint no-print">{t("personas.problems.hint")}</p>
      {problems.length === 0 ? (
        <p className="muted" data-testid="persona-problems-empty">
          {t("personas.problems.empty")}
        </p>
      ) : (
        <ul className="persona-link-list">
          {problems.map((problem) => (
            <li key={problem.id} className="persona-link-item" data-testid="persona-problem">
              <Link
                to={`/problems/${problem.id}`}
                className="persona-link"
                data-testid="persona-problem-link"
              >
                <bdi>{problem.title}</bdi>
              </Link>
              <span className={statusClass(problem.status)} data-testid="persona-problem-status">
                {t(`problem.status.${problem.status}`)}
              </span>
              <button
                type="button"
                className="button button--ghost persona-unlink no-print"
                disabled={link.isPending}
                aria-label={t("personas.problems.unlinkLabel", { title: isolate(problem.title) })}
                data-testid="persona-unlink-problem"
                onClick={() => {
                  change(problem, false);
                }}
              >
                {t("personas.problems.unlink")}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error !== null && (
        <p className="field-error" role="alert" data-testid="persona-problems-error">
          {t("personas.problems.failed", { reason: describeError(t, error) })}
        </p>
      )}
      {picking && (
        <ProblemPicker
          linkedIds={linkedIds}
          pending={link.isPending}
          onPick={(problem) => {
            change(problem, true);
          }}
          onClose={() => {
            setPicking(false);
            requestAnimationFrame(() => openRef.current?.focus());
          }}
        />
      )}
    </section>
  );
}
