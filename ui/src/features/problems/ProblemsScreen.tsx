import { useCreateProblem } from "../../api/problems";
import { TicketImportButton } from "./import/TicketImport";
import { PeriodReportButton } from "./report/ReportDialog";
import { useCallback, useEffect, useId, useRef, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import type { AppError } from "../../api/errors";
import type { Problem } from "../../bindings/Problem";
import { describeError } from "../../i18n/errors";
import { oneLine, useOneLinePaste } from "../../kit/fields";
import { rememberListSearch } from "./list/lastSearch";
import { ListControls } from "./list/ListControls";
import { MergeDialog } from "./list/MergeDialog";
import { ProblemList, type ProblemListHandle } from "./list/ProblemList";
import { EmptyWorkspace, SampleBanner } from "./list/Samples";
import { useListFilters } from "./list/useListFilters";

/** Router state that asks this screen to focus the new-problem field (the `n` shortcut). */
export interface FocusNewProblemState {
  focusNewProblem: true;
}

function wantsFocus(state: unknown): state is FocusNewProblemState {
  return typeof state === "object" && state !== null && "focusNewProblem" in state;
}

function NewProblemField() {
  const { t } = useTranslation();
  const create = useCreateProblem();
  const [title, setTitle] = useState("");
  const titlePaste = useOneLinePaste(title, setTitle, "new-problem-title");
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
    // Forget the request, so going back and forth does not steal focus again (the filters stay).
    void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
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
        onPaste={titlePaste.onPaste}
        onChange={(event) => {
          titlePaste.onTyped();
          setTitle(oneLine(event.target.value));
          // An emptied field has nothing wrong with it any more.
          if (event.target.value === "") setError(null);
        }}
      />
      {error !== null && (
        <p id={errorId} className="field-error" data-testid="new-problem-title-error">
          {describeError(t, error)}
        </p>
      )}
      {titlePaste.notice}
      <p id={hintId} className="field-hint">
        {create.isPending ? t("problems.adding") : t("problems.newHint")}
      </p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </form>
  );
}

/** The problem log: quick add, search, filters and sort (kept in the URL), the list, merging duplicates. */
export function ProblemsScreen() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { filters, update, clear } = useListFilters();
  const searchRef = useRef<HTMLInputElement>(null);
  const listHandle = useRef<ProblemListHandle>(null);
  const [checked, setChecked] = useState<ReadonlyMap<string, Problem>>(new Map());
  const [merging, setMerging] = useState(false);

  // Links back to the list (sidebar, detail screen) return to these filters.
  useEffect(() => {
    rememberListSearch(location.search);
  }, [location.search]);

  const toggle = useCallback((problem: Problem) => {
    setChecked((current) => {
      const next = new Map(current);
      if (next.has(problem.id)) next.delete(problem.id);
      else next.set(problem.id, problem);
      return next;
    });
  }, []);

  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);

  const pair = [...checked.values()];
  const mergePair =
    pair.length === 2 && pair[0] !== undefined && pair[1] !== undefined
      ? ([pair[0], pair[1]] as const)
      : null;

  const selectionBar =
    checked.size === 0 ? null : (
      <div className="selection-bar" data-testid="problem-selection">
        <span className="count">{t("problemList.selection.count", { count: checked.size })}</span>
        {mergePair !== null ? (
          <button
            type="button"
            className="button button--primary"
            data-testid="merge-open"
            onClick={() => {
              setMerging(true);
            }}
          >
            {t("problemList.merge.open")}
          </button>
        ) : (
          <span className="field-hint">{t("problemList.selection.mergeHint")}</span>
        )}
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            setChecked(new Map());
          }}
        >
          {t("problemList.selection.clear")}
        </button>
      </div>
    );

  return (
    <div className="problems-screen">
      <header className="page-header page-header--with-action">
        <div className="page-header-text">
          <h1>{t("problems.title")}</h1>
          <p className="page-subtitle">{t("problems.subtitle")}</p>
        </div>
        <div className="button-row">
          <PeriodReportButton />
          <TicketImportButton />
          <Link to="/problems/new" className="button" data-testid="new-problem-full">
            <span>{t("problemList.newWithDetails")}</span>
          </Link>
        </div>
      </header>
      <NewProblemField />
      <SampleBanner />
      <ProblemList
        filters={filters}
        checked={checked}
        onToggle={toggle}
        onFocusSearch={focusSearch}
        onClearFilters={clear}
        handleRef={listHandle}
        controls={
          <ListControls
            filters={filters}
            update={update}
            clear={clear}
            searchRef={searchRef}
            onSearchArrowDown={() => listHandle.current?.moveSelection(1)}
          />
        }
        toolbar={selectionBar}
        emptyWorkspace={<EmptyWorkspace />}
      />
      {merging && mergePair !== null && (
        <MergeDialog
          problems={mergePair}
          onClose={() => {
            setMerging(false);
          }}
          onMerged={(survivor) => {
            setMerging(false);
            setChecked(new Map());
            void navigate(`/problems/${survivor.id}`);
          }}
        />
      )}
    </div>
  );
}
