import { useId, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useCreateJourney, useJourneys } from "../../api/journeys";
import type { JourneyState } from "../../bindings/JourneyState";
import { ENUMS, LIMITS } from "../../bindings/rules";
import { currentLanguage } from "../../i18n";
import { describeError } from "../../i18n/errors";
import { formatDay, useDayFormat } from "../../i18n/format";
import { checkText, Field, TextInput, useFormIssues } from "../../kit/fields";

const FIELDS = ["name"] as const;

/** A new map: its name, current or future, and (by default) the usual stages in the reader's language. */
function NewMapForm() {
  const { t } = useTranslation();
  const create = useCreateJourney();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [state, setState] = useState<JourneyState>("current");
  const [starting, setStarting] = useState(true);
  const { formRef, failure, message, check, refuse } = useFormIssues(FIELDS);
  const headingId = useId();

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending || !check([checkText("name", name, LIMITS.journey.name, true)])) return;
    create.mutate(
      { name, state, ...(starting ? { startingStages: currentLanguage() } : {}) },
      {
        onSuccess: (map) => {
          void navigate(`/journeys/${map.id}`);
        },
        onError: refuse,
      },
    );
  };

  return (
    <form
      ref={formRef}
      className="journey-new"
      aria-labelledby={headingId}
      noValidate
      onSubmit={onSubmit}
      data-testid="journey-new"
    >
      <h2 id={headingId}>{t("journeys.create.title")}</h2>
      <div className="form-grid">
        <Field label={t("journeys.create.name")} error={message("name")} errorTestId="journey-name-error">
          {(control) => <TextInput {...control} value={name} onChange={setName} testId="journey-name" />}
        </Field>
        <Field label={t("journeys.create.state")} error={null} errorTestId="journey-state-error">
          {(control) => (
            <select
              {...control}
              className="select-input"
              value={state}
              data-testid="journey-state"
              onChange={(event) => {
                setState(ENUMS.journeyState.find((s) => s === event.target.value) ?? "current");
              }}
            >
              {ENUMS.journeyState.map((s) => (
                <option key={s} value={s}>
                  {t(`journeys.state.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <label className="checkbox-row">
        <input
          type="checkbox"
          checked={starting}
          data-testid="journey-starting"
          onChange={(event) => {
            setStarting(event.target.checked);
          }}
        />
        {t("journeys.create.starting")}
      </label>
      {failure !== null && (
        <p className="field-error" role="alert">
          {t("journeys.create.failed", { reason: describeError(t, failure) })}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={create.isPending}
          data-testid="journey-create"
        >
          {create.isPending ? t("journeys.create.creating") : t("journeys.create.submit")}
        </button>
      </div>
    </form>
  );
}

/** Every journey map, with its size and when its review is due, and a form for a new one. */
export function MapsScreen() {
  const { t } = useTranslation();
  const maps = useJourneys();
  const days = useDayFormat();
  return (
    <div className="journeys" data-testid="journeys-screen">
      <header className="page-header">
        <h1>{t("journeys.title")}</h1>
        <p className="page-subtitle">{t("journeys.subtitle")}</p>
      </header>
      <NewMapForm />
      {maps.isError ? (
        <p className="field-error" role="alert">
          {t("journeys.list.loadFailed", { reason: describeError(t, maps.error) })}
        </p>
      ) : maps.data === undefined ? null : maps.data.length === 0 ? (
        <p className="empty-state-body" data-testid="journeys-empty">
          {t("journeys.list.empty")}
        </p>
      ) : (
        <ul className="journey-list">
          {maps.data.map((card) => (
            <li key={card.map.id} className="journey-list-item" data-testid="journey-card">
              <Link to={`/journeys/${card.map.id}`} className="journey-list-name">
                <bdi>{card.map.name}</bdi>
              </Link>
              <span className="badge badge--muted">{t(`journeys.state.${card.map.state}`)}</span>
              <span className="journey-list-counts">
                {t("journeys.list.stages", { count: card.stageCount })} ·{" "}
                {t("journeys.list.touchpoints", { count: card.touchpointCount })}
              </span>
              {card.reviewDue ? (
                <span className="badge badge--warn" data-testid="journey-review-due">
                  {t("journeys.list.reviewDue")}
                </span>
              ) : (
                <span className="journey-list-review">
                  {t("journeys.list.reviewOn", { date: formatDay(days, card.reviewDueOn) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
