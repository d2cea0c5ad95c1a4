import { flattenProblems, type ProblemFilters, useProblems } from "../api/problems";
import { useDeferredValue, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LinkedProblem } from "../bindings/LinkedProblem";
import { describeError } from "../i18n/errors";
import { isolate } from "../i18n/format";

/** How many matches the picker offers at once. */
const PICKER_SIZE = 8;

/** What the picker says, translated by the caller (in its area's words). */
export interface ProblemPickerWords {
  search: string;
  searchPlaceholder: string;
  searchError: (reason: string) => string;
  noMatch: string;
  results: string;
  /** The accessible name of picking one problem. */
  pickLabel: (title: string) => string;
  done: string;
}

export function problemStatusClass(status: LinkedProblem["status"]): string {
  return `badge badge--muted persona-problem-status persona-problem-status--${status}`;
}

/** Finds live problems by their words and offers the first few to pick (by keyboard too). */
export function ProblemPicker({
  linkedIds,
  onPick,
  onClose,
  pending,
  words,
  testIdPrefix,
}: {
  words: ProblemPickerWords;
  /** Test ids are `${prefix}-picker`, `-search`, `-option`, `-nomatch`, `-done`. */
  testIdPrefix: string;
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
      className="problem-picker persona-problem-picker no-print"
      data-testid={`${testIdPrefix}-picker`}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <label htmlFor={searchId} className="field-label">
        {words.search}
      </label>
      <input
        id={searchId}
        type="search"
        className="text-input"
        autoComplete="off"
        autoFocus
        dir={text === "" ? undefined : "auto"}
        placeholder={words.searchPlaceholder}
        value={text}
        data-testid={`${testIdPrefix}-search`}
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
          {words.searchError(describeError(t, problems.error))}
        </p>
      )}
      {problems.data !== undefined &&
        (matches.length === 0 ? (
          <p className="muted" role="status" data-testid={`${testIdPrefix}-nomatch`}>
            {words.noMatch}
          </p>
        ) : (
          <ul
            ref={listRef}
            className="persona-problem-options"
            aria-label={words.results}
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
                  aria-label={words.pickLabel(isolate(p.title))}
                  data-testid={`${testIdPrefix}-option`}
                  onClick={() => {
                    onPick({ id: p.id, title: p.title, status: p.status });
                  }}
                >
                  <bdi className="user-text">{p.title}</bdi>
                  <span className={problemStatusClass(p.status)}>{t(`problem.status.${p.status}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        ))}
      <div className="button-row">
        <button
          type="button"
          className="button button--ghost"
          data-testid={`${testIdPrefix}-done`}
          onClick={onClose}
        >
          {words.done}
        </button>
      </div>
    </div>
  );
}
