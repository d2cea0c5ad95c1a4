import { useId, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import {
  useEditJourney,
  useFutureJourney,
  useJourneyMatchPreview,
  useJourneys,
  useLinkJourneyMatch,
} from "../../api/journeys";
import type { AppError } from "../../api/errors";
import { usePersonas } from "../../api/personas";
import type { JourneyGrid } from "../../bindings/JourneyGrid";
import { LIMITS } from "../../bindings/rules";
import { describeError } from "../../i18n/errors";
import { checkText, Field, TextInput, useFormIssues } from "../../kit/fields";

type Report = (error: AppError) => void;

const REVIEW_MONTHS = Array.from({ length: LIMITS.journey.reviewMonthsMax }, (_, i) => i + 1);

/** The personas a map is about: each opens its page or leaves the map; another is added from the list. */
function MapPersonas({ grid, report }: { grid: JourneyGrid; report: Report }) {
  const { t } = useTranslation();
  const edit = useEditJourney();
  const personas = usePersonas();
  const selectId = useId();
  const on = new Set(grid.personas.map((p) => p.id));
  const offered = (personas.data ?? []).filter((c) => !on.has(c.persona.id));
  const save = (ids: string[]) => {
    edit.mutate({ id: grid.map.id, edit: { field: "personaIds", value: ids } }, { onError: report });
  };
  return (
    <div className="journey-personas" data-testid="journey-personas">
      <span className="journey-settings-label">{t("journeys.settings.personas")}</span>
      {grid.personas.length === 0 && <span className="field-hint">{t("journeys.settings.noPersona")}</span>}
      <ul className="journey-persona-chips">
        {grid.personas.map((p) => (
          <li key={p.id} className="journey-persona-chip" data-testid="journey-persona">
            <Link to={`/personas/${p.id}`}>
              <bdi>{p.name}</bdi>
            </Link>
            <button
              type="button"
              className="button button--ghost journey-persona-remove"
              aria-label={t("journeys.settings.removePersona", { name: p.name })}
              disabled={edit.isPending}
              onClick={() => {
                save(grid.personas.filter((x) => x.id !== p.id).map((x) => x.id));
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {offered.length > 0 && grid.personas.length < LIMITS.journey.personas && (
        <>
          <label className="visually-hidden" htmlFor={selectId}>
            {t("journeys.settings.addPersona")}
          </label>
          <select
            id={selectId}
            className="select-input"
            value=""
            disabled={edit.isPending}
            data-testid="journey-persona-add"
            onChange={(event) => {
              if (event.target.value !== "") save([...grid.personas.map((p) => p.id), event.target.value]);
            }}
          >
            <option value="">{t("journeys.settings.addPersona")}</option>
            {offered.map((c) => (
              <option key={c.persona.id} value={c.persona.id}>
                {c.persona.name}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}

/** A future ("to be") map made from this current one, under a name the user may change. */
function FutureMap({ grid }: { grid: JourneyGrid }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const future = useFutureJourney();
  const [name, setName] = useState<string | null>(null);
  const { formRef, failure, message, check, refuse } = useFormIssues(["name"] as const);
  const headingId = useId();
  if (name === null)
    return (
      <button
        type="button"
        className="button"
        data-testid="journey-future"
        onClick={() => {
          // Composed, not interpolated: a field's value carries no isolation marks.
          setName(`${grid.map.name} ${t("journeys.future.suffix")}`.slice(0, LIMITS.journey.name));
        }}
      >
        {t("journeys.future.make")}
      </button>
    );
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (future.isPending || !check([checkText("name", name, LIMITS.journey.name, true)])) return;
    future.mutate(
      { id: grid.map.id, name },
      {
        onSuccess: (map) => {
          setName(null);
          void navigate(`/journeys/${map.id}`);
        },
        onError: refuse,
      },
    );
  };
  return (
    <form
      ref={formRef}
      className="journey-future-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={onSubmit}
      data-testid="journey-future-form"
    >
      <h2 id={headingId} className="journey-settings-heading">
        {t("journeys.future.title")}
      </h2>
      <p className="field-hint">{t("journeys.future.explain")}</p>
      <Field
        label={t("journeys.future.name")}
        error={message("name")}
        errorTestId="journey-future-name-error"
      >
        {(control) => <TextInput {...control} value={name} onChange={setName} testId="journey-future-name" />}
      </Field>
      {failure !== null && (
        <p className="field-error" role="alert" data-testid="journey-future-failed">
          {t("journeys.future.failed", { reason: describeError(t, failure) })}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={future.isPending}
          data-testid="journey-future-create"
        >
          {t("journeys.future.create")}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            setName(null);
          }}
        >
          {t("journeys.future.cancel")}
        </button>
      </div>
    </form>
  );
}

/** Links the problems whose free-text journey stage names a stage or touchpoint here, after saying how many. */
function MatchProblems({
  grid,
  report,
  announce,
}: {
  grid: JourneyGrid;
  report: Report;
  announce: (m: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const preview = useJourneyMatchPreview(grid.map.id, open);
  const link = useLinkJourneyMatch();
  if (!open)
    return (
      <button
        type="button"
        className="button button--ghost"
        data-testid="journey-match"
        onClick={() => {
          setOpen(true);
        }}
      >
        {t("journeys.match.open")}
      </button>
    );
  const found = preview.data;
  return (
    <div
      className="journey-match"
      data-testid="journey-match-panel"
      role="group"
      aria-label={t("journeys.match.title")}
    >
      {preview.isError ? (
        <p className="field-error" role="alert">
          {t("journeys.match.failed", { reason: describeError(t, preview.error) })}
        </p>
      ) : found === undefined ? (
        <p role="status">{t("journeys.match.checking")}</p>
      ) : (
        <p data-testid="journey-match-preview">
          {t("journeys.match.preview", { count: found.linked })}{" "}
          {found.unmatched > 0 && t("journeys.match.unmatched", { count: found.unmatched })}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={found === undefined || found.linked === 0 || link.isPending}
          data-testid="journey-match-link"
          onClick={() => {
            link.mutate(grid.map.id, {
              onSuccess: (outcome) => {
                announce(t("journeys.match.done", { count: outcome.linked }));
                setOpen(false);
              },
              onError: report,
            });
          }}
        >
          {t("journeys.match.link")}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            setOpen(false);
          }}
        >
          {t("journeys.match.close")}
        </button>
      </div>
    </div>
  );
}

/**
 * What a map is about and how it is kept: its personas, how often it is
 * reviewed, the current map a future one was made from (or making a
 * future one), and linking the problems that name its stages.
 */
export function MapSettings({
  grid,
  report,
  announce,
}: {
  grid: JourneyGrid;
  report: Report;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const edit = useEditJourney();
  const maps = useJourneys();
  const reviewId = useId();
  const { map } = grid;
  const source = map.madeFrom === null ? undefined : maps.data?.find((c) => c.map.id === map.madeFrom);
  return (
    <section
      className="journey-settings"
      aria-label={t("journeys.settings.title")}
      data-testid="journey-settings"
    >
      <MapPersonas grid={grid} report={report} />
      <div className="journey-review-period">
        <label className="journey-settings-label" htmlFor={reviewId}>
          {t("journeys.settings.reviewEvery")}
        </label>
        <select
          id={reviewId}
          className="select-input"
          value={String(map.reviewMonths)}
          data-testid="journey-review-months"
          onChange={(event) => {
            edit.mutate(
              { id: map.id, edit: { field: "reviewMonths", value: Number(event.target.value) } },
              { onError: report },
            );
          }}
        >
          {REVIEW_MONTHS.map((n) => (
            <option key={n} value={String(n)}>
              {t("journeys.settings.months", { count: n })}
            </option>
          ))}
        </select>
      </div>
      {source !== undefined && (
        <p className="journey-made-from" data-testid="journey-made-from">
          {t("journeys.future.madeFrom")}{" "}
          <Link to={`/journeys/${source.map.id}`}>
            <bdi>{source.map.name}</bdi>
          </Link>
        </p>
      )}
      <div className="button-row journey-settings-actions">
        {map.state === "current" && <FutureMap grid={grid} />}
        <MatchProblems grid={grid} report={report} announce={announce} />
      </div>
    </section>
  );
}
