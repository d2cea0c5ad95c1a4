import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useCreatePersona, usePersonas } from "../../api/personas";
import type { PersonaCard } from "../../bindings/PersonaCard";
import { LoadErrorAlert, LoadingLine } from "../../kit/LoadStates";
import { describeError } from "../../i18n/errors";
import { checkText, Field, oneLine, useFormIssues, useOneLinePaste } from "../../kit/fields";
import { isolate } from "../../i18n/format";
import { matchesAll, PERSONA_LIMITS } from "./model";
import { PersonaAvatar } from "./PersonaPicture";
import { QuoteWords } from "./PersonaQuotes";
import { PersonaUndoToastHost } from "./PersonaUndo";

function Card({ card }: { card: PersonaCard }) {
  const { t } = useTranslation();
  const { persona, leadQuote } = card;
  return (
    <li className="persona-card" data-testid="persona-card">
      <Link to={`/personas/${persona.id}`} className="persona-card-link" data-testid="persona-card-link">
        <PersonaAvatar persona={persona} testId="persona-card-avatar" />
        <span className="persona-card-body">
          <bdi className="persona-card-name" data-testid="persona-card-name">
            {persona.name}
          </bdi>
          {(persona.role !== "" || persona.segment !== "") && (
            <span className="persona-card-meta">
              {persona.role !== "" && (
                <span data-testid="persona-card-role">
                  <span className="visually-hidden">{t("personas.card.role")}: </span>
                  <bdi>{persona.role}</bdi>
                </span>
              )}
              {persona.segment !== "" && (
                <span className="badge badge--muted" data-testid="persona-card-segment">
                  <span className="visually-hidden">{t("personas.card.segment")}: </span>
                  <bdi>{persona.segment}</bdi>
                </span>
              )}
            </span>
          )}
          {leadQuote === null ? (
            <span className="persona-card-noquote muted">{t("personas.card.noQuote")}</span>
          ) : (
            <span className="persona-card-quote" data-testid="persona-card-quote">
              <span className="visually-hidden">{t("personas.card.leadQuote")}: </span>
              <QuoteWords text={leadQuote.text} />
              <span className="persona-card-quote-source">
                {" — "}
                {t(`personas.source.${leadQuote.source}`)}
                {leadQuote.reference !== "" && (
                  <>
                    {" · "}
                    <bdi>{leadQuote.reference}</bdi>
                  </>
                )}
              </span>
            </span>
          )}
          <span className="persona-card-counts" data-testid="persona-card-counts">
            <span>{t("personas.card.quotes", { count: card.quoteCount })}</span>
            <span>{t("personas.card.problems", { count: card.problemCount })}</span>
            <span>{t("personas.card.maps", { count: card.mapCount })}</span>
          </span>
        </span>
      </Link>
    </li>
  );
}

/** "New persona": a name is all it needs; the rest is filled in on its page. */
function NewPersonaForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePersona();
  const [name, setName] = useState("");
  const namePaste = useOneLinePaste(name, setName, "persona-new-name");
  const { formRef, failure, message, check, refuse } = useFormIssues(["name"] as const);
  const headingId = useId();
  return (
    <form
      ref={formRef}
      className="persona-new-form"
      aria-labelledby={headingId}
      data-testid="persona-new-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!check([checkText("name", name, PERSONA_LIMITS.name, true)])) return;
        create.mutate(
          { name: name.trim() },
          {
            onSuccess: (persona) => {
              void navigate(`/personas/${persona.id}`);
            },
            onError: refuse,
          },
        );
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <h2 id={headingId} className="detail-section-title">
        {t("personas.new.heading")}
      </h2>
      <Field
        label={t("personas.new.name")}
        error={message("name")}
        errorTestId="persona-new-name-error"
        hint={t("personas.new.hint")}
      >
        {(control) => (
          <>
            <input
              {...control}
              type="text"
              className="text-input"
              autoComplete="off"
              // Opened on purpose by "New persona": ready to type.
              autoFocus
              aria-required="true"
              dir={name === "" ? undefined : "auto"}
              placeholder={t("personas.new.namePlaceholder")}
              value={name}
              data-testid="persona-new-name"
              onPaste={namePaste.onPaste}
              onChange={(event) => {
                namePaste.onTyped();
                setName(oneLine(event.target.value));
              }}
            />
            {namePaste.notice}
          </>
        )}
      </Field>
      {failure !== null && (
        <p className="field-error" role="alert" data-testid="persona-new-error">
          {t("personas.new.failed", { reason: describeError(t, failure) })}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={create.isPending}
          data-testid="persona-create"
        >
          {create.isPending ? t("personas.new.creating") : t("personas.new.create")}
        </button>
        <button
          type="button"
          className="button button--ghost"
          data-testid="persona-new-cancel"
          onClick={onCancel}
        >
          {t("personas.new.cancel")}
        </button>
      </div>
    </form>
  );
}

function EmptyState({ onCreate }: { onCreate: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="empty-state" data-testid="personas-empty">
      <h2 className="empty-state-title">{t("personas.empty.title")}</h2>
      <p className="empty-state-body">{t("personas.empty.body")}</p>
      <button
        type="button"
        className="button button--primary"
        data-testid="personas-empty-new"
        onClick={onCreate}
      >
        {t("personas.new.button")}
      </button>
    </div>
  );
}

/** Moves focus between the cards with the arrow keys (Home and End too); Enter opens, as links do. */
function moveFocus(event: KeyboardEvent<HTMLElement>, list: HTMLElement | null) {
  const keys = ["ArrowDown", "ArrowUp", "Home", "End"];
  if (!keys.includes(event.key) || list === null) return;
  const links = Array.from(list.querySelectorAll<HTMLAnchorElement>(".persona-card-link"));
  if (links.length === 0) return;
  event.preventDefault();
  const index = links.findIndex((link) => link === document.activeElement);
  const last = links.length - 1;
  const next =
    event.key === "Home"
      ? 0
      : event.key === "End"
        ? last
        : event.key === "ArrowDown"
          ? Math.min(index + 1, last)
          : Math.max(index - 1, 0);
  links[next]?.focus();
}

/** Every persona as a card, a filter, and "New persona". */
export function PersonasScreen() {
  const { t } = useTranslation();
  const personas = usePersonas();
  const [params, setParams] = useSearchParams();
  const text = params.get("q") ?? "";
  const [adding, setAdding] = useState(false);
  const filterId = useId();
  const hintId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const newRef = useRef<HTMLButtonElement>(null);

  const cards = personas.data;
  const shown = useMemo(
    () =>
      (cards ?? []).filter(({ persona, leadQuote }) =>
        matchesAll(text, [persona.name, persona.role, persona.segment, leadQuote?.text ?? ""]),
      ),
    [cards, text],
  );

  const setText = (next: string) => {
    setParams(
      (previous) => {
        const out = new URLSearchParams(previous);
        if (next === "") out.delete("q");
        else out.set("q", next);
        return out;
      },
      { replace: true },
    );
  };
  const closeForm = () => {
    setAdding(false);
    requestAnimationFrame(() => newRef.current?.focus());
  };

  let body: React.ReactNode;
  if (personas.isPending) {
    body = <LoadingLine testId="personas-loading">{t("personas.loading")}</LoadingLine>;
  } else if (personas.isError) {
    body = (
      <LoadErrorAlert
        testId="personas-error"
        message={t("personas.loadError", { reason: describeError(t, personas.error) })}
        retryLabel={t("personas.retry")}
        onRetry={() => void personas.refetch()}
      />
    );
  } else if (personas.data.length === 0) {
    body = adding ? null : (
      <EmptyState
        onCreate={() => {
          setAdding(true);
        }}
      />
    );
  } else {
    body = (
      <>
        <div className="persona-filter">
          <label htmlFor={filterId} className="field-label">
            {t("personas.list.filterLabel")}
          </label>
          <input
            id={filterId}
            type="search"
            className="text-input"
            autoComplete="off"
            dir={text === "" ? undefined : "auto"}
            placeholder={t("personas.list.filterPlaceholder")}
            aria-describedby={hintId}
            value={text}
            data-testid="persona-filter"
            onChange={(event) => {
              setText(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === "ArrowDown") {
                event.preventDefault();
                listRef.current?.querySelector<HTMLAnchorElement>(".persona-card-link")?.focus();
              }
            }}
          />
          <p id={hintId} className="field-hint">
            {t("personas.list.keyboardHint")}
          </p>
        </div>
        <p className="count" role="status" data-testid="personas-count">
          {t("personas.list.count", { count: shown.length })}
        </p>
        {shown.length === 0 ? (
          <div className="empty-state" data-testid="personas-nomatch">
            <p className="empty-state-body">{t("personas.list.noMatch", { text: isolate(text.trim()) })}</p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setText("");
              }}
            >
              {t("personas.list.clearFilter")}
            </button>
          </div>
        ) : (
          <ul
            ref={listRef}
            className="persona-grid"
            aria-label={t("personas.list.label")}
            data-testid="persona-list"
            onKeyDown={(event) => {
              moveFocus(event, listRef.current);
            }}
          >
            {shown.map((card) => (
              <Card key={card.persona.id} card={card} />
            ))}
          </ul>
        )}
      </>
    );
  }

  return (
    <div className="personas-screen">
      <header className="page-header page-header--with-action">
        <div className="page-header-text">
          <h1 className="list-title">{t("personas.title")}</h1>
          <p className="page-subtitle">{t("personas.subtitle")}</p>
        </div>
        {!adding && (
          <button
            ref={newRef}
            type="button"
            className="button button--primary"
            data-testid="persona-new"
            onClick={() => {
              setAdding(true);
            }}
          >
            {t("personas.new.button")}
          </button>
        )}
      </header>
      {adding && <NewPersonaForm onCancel={closeForm} />}
      {body}
      <PersonaUndoToastHost />
    </div>
  );
}
