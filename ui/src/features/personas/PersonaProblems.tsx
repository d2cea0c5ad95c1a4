import { useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AppError } from "../../api/errors";
import { useLinkPersonaProblem } from "../../api/personas";
import type { LinkedProblem } from "../../bindings/LinkedProblem";
import { describeError } from "../../i18n/errors";
import { isolate } from "../../i18n/format";
import { ProblemPicker, problemStatusClass, type ProblemPickerWords } from "../../kit/ProblemPicker";

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
  const pickerWords: ProblemPickerWords = {
    search: t("personas.problems.search"),
    searchPlaceholder: t("personas.problems.searchPlaceholder"),
    searchError: (reason) => t("personas.problems.searchError", { reason }),
    noMatch: t("personas.problems.noMatch"),
    results: t("personas.problems.results"),
    pickLabel: (title) => t("personas.problems.linkLabel", { title }),
    done: t("personas.problems.done"),
  };
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
              <span className={problemStatusClass(problem.status)} data-testid="persona-problem-status">
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
          words={pickerWords}
          testIdPrefix="persona-problem"
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
