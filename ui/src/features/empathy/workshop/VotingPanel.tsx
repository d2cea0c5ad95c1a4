import { useId, useMemo, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { editMap } from "../../../api/empathy";
import { useWrite } from "../../../api/freshness";
import type { AppError } from "../../../api/errors";
import type { Board } from "../../../bindings/Board";
import type { EmpathyMap } from "../../../bindings/EmpathyMap";
import { LIMITS } from "../../../bindings/rules";
import { isLanguage } from "../../../i18n";
import { describeError } from "../../../i18n/errors";
import { intlLocale } from "../../../i18n/format";
import { fieldIssuesFromError } from "../../../kit/fields/messages";
import { rankNotes, voterUsage } from "./results";
import type { Voting } from "./useVoting";

export const VOTES_MIN = 1;
export const VOTES_MAX = LIMITS.empathy.votes;

function isVotesPerPerson(n: number): boolean {
  return Number.isInteger(n) && n >= VOTES_MIN && n <= VOTES_MAX;
}

/** How many dots each participant has: a number from 1 to the core's maximum, saved on the map. */
function VotesPerPerson({ board }: { board: Board }) {
  const { t } = useTranslation();
  const id = useId();
  const saved = board.map.votesPerPerson;
  const [draft, setDraft] = useState(String(saved));
  const [shownSaved, setShownSaved] = useState(saved);
  const [problem, setProblem] = useState<string | null>(null);
  // Saved elsewhere (or by us): show the saved number unless the user is mid-edit.
  if (shownSaved !== saved) {
    setShownSaved(saved);
    if (draft.trim() === String(shownSaved)) setDraft(String(saved));
  }
  const save = useWrite<EmpathyMap, number>((n) =>
    editMap(board.map.id, { field: "votesPerPerson", value: n }),
  );
  const range = t("workshop.voting.votesRange", { min: VOTES_MIN, max: VOTES_MAX });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const n = Number(draft.trim());
    if (draft.trim() === "" || !isVotesPerPerson(n)) {
      setProblem(range);
      return;
    }
    setProblem(null);
    if (n === saved) return;
    save.mutate(n, {
      onError: (error: AppError) => {
        const issue = fieldIssuesFromError(error).get("votesPerPerson");
        setProblem(issue === undefined ? describeError(t, error) : range);
      },
    });
  };

  return (
    <form className="workshop-votes-form" onSubmit={submit} noValidate>
      <label className="field-label" htmlFor={`${id}-votes`}>
        {t("workshop.voting.votesPerPerson")}
      </label>
      <div className="input-row">
        <input
          id={`${id}-votes`}
          className="text-input workshop-number"
          type="number"
          inputMode="numeric"
          min={VOTES_MIN}
          max={VOTES_MAX}
          step={1}
          value={draft}
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? undefined : `${id}-votes-error`}
          data-testid="votes-per-person"
          onChange={(event) => {
            setDraft(event.target.value);
            setProblem(null);
          }}
        />
        <button
          type="submit"
          className="button"
          disabled={save.isPending}
          data-testid="votes-per-person-save"
        >
          {t("workshop.voting.saveVotes")}
        </button>
      </div>
      {problem !== null && (
        <p id={`${id}-votes-error`} className="field-error" role="alert" data-testid="votes-per-person-error">
          {problem}
        </p>
      )}
    </form>
  );
}

/** Who is voting: the map's participants as a choice, or a name typed when it has none. */
function VoterChoice({ board, voting }: { board: Board; voting: Voting }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState("");
  const { participants } = board.map;

  if (participants.length > 0) {
    return (
      <div className="workshop-voters" role="group" aria-labelledby={`${id}-voters`}>
        <span id={`${id}-voters`} className="field-label">
          {t("workshop.voting.whoVotes")}
        </span>
        <div className="workshop-segmented">
          {participants.map((p) => (
            <button
              key={p}
              type="button"
              className="button workshop-segment"
              aria-pressed={voting.voter === p}
              data-testid={`voting-voter-${p}`}
              onClick={() => {
                voting.chooseVoter(p);
              }}
            >
              {p}
            </button>
          ))}
        </div>
      </div>
    );
  }

  return (
    <form
      className="workshop-voter-name"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        voting.chooseVoter(name);
      }}
    >
      <label className="field-label" htmlFor={`${id}-name`}>
        {t("workshop.voting.voterName")}
      </label>
      <div className="input-row">
        <input
          id={`${id}-name`}
          className="text-input"
          value={name}
          maxLength={LIMITS.empathy.voter}
          aria-describedby={`${id}-name-hint`}
          data-testid="voting-voter-name"
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
        <button type="submit" className="button" disabled={name.trim() === ""} data-testid="voting-voter-set">
          {t("workshop.voting.useName")}
        </button>
      </div>
      <p id={`${id}-name-hint`} className="field-hint">
        {t("workshop.voting.noParticipants")}
      </p>
    </form>
  );
}

/** The ranked results: notes by dots, then area, then text. */
function Results({ board }: { board: Board }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "en";
  const ranked = useMemo(
    () => rankNotes(board.notes, new Intl.Collator(intlLocale(language))),
    [board.notes, language],
  );
  const headingId = useId();
  return (
    <section className="workshop-results" aria-labelledby={headingId}>
      <h3 id={headingId} className="workshop-panel-subtitle">
        {t("workshop.voting.results")}
      </h3>
      {ranked.length === 0 ? (
        <p className="field-hint" data-testid="voting-results-empty">
          {t("workshop.voting.noDots")}
        </p>
      ) : (
        <ol className="workshop-results-list" data-testid="voting-results">
          {ranked.map((note) => (
            <li
              key={note.id}
              className="workshop-result"
              data-testid="voting-result-item"
              data-note-id={note.id}
            >
              <span className="workshop-result-count" data-testid="voting-result-count">
                {t("workshop.voting.dots", { count: note.votes })}
              </span>
              <span className="workshop-result-text">{note.text}</span>
              <span className="workshop-result-area">{t(`empathy.area.${note.area}.title`)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * The dot-voting panel: dots per person, who is voting and their dots left,
 * how many dots each participant used, and the results on demand.
 */
export function VotingPanel({ board, voting }: { board: Board; voting: Voting }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [showResults, setShowResults] = useState(false);
  const usage = voterUsage(board, voting.voter);
  const perPerson = board.map.votesPerPerson;

  return (
    <aside className="workshop-panel" aria-labelledby={headingId} data-testid="voting-panel">
      <h2 id={headingId} className="workshop-panel-title">
        {t("workshop.voting.title")}
      </h2>
      <p className="field-hint">{t("workshop.voting.howTo")}</p>
      <VotesPerPerson board={board} />
      <VoterChoice board={board} voting={voting} />
      <p className="workshop-remaining" aria-live="polite" data-testid="voting-remaining">
        {voting.voter === null
          ? t("workshop.voting.chooseVoter")
          : t("workshop.voting.remaining", { count: voting.remaining, voter: voting.voter })}
      </p>
      {voting.error !== null && (
        <p className="field-error" role="alert" data-testid="voting-error">
          {voting.error}
        </p>
      )}
      {usage.length > 0 && (
        <ul className="workshop-usage" aria-label={t("workshop.voting.usage")} data-testid="voting-usage">
          {usage.map(({ voter, used }) => (
            <li key={voter} className="workshop-usage-item" data-testid={`voting-usage-${voter}`}>
              <span className="workshop-usage-name">{voter}</span>{" "}
              <span className="workshop-usage-count">
                {t("workshop.voting.used", { used, total: perPerson })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button"
        aria-expanded={showResults}
        data-testid="voting-show-results"
        onClick={() => {
          setShowResults((shown) => !shown);
        }}
      >
        {showResults ? t("workshop.voting.hideResults") : t("workshop.voting.showResults")}
      </button>
      {showResults && <Results board={board} />}
    </aside>
  );
}
