import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/errors";
import { useAddQuote, useDeleteQuote, useEditQuote } from "../../api/personas";
import type { Quote } from "../../bindings/Quote";
import { describeError } from "../../i18n/errors";
import { formatDay, useDayFormat } from "../../i18n/format";
import { isolate } from "../../i18n/format";
import { shorten } from "./model";
import { offerUndoQuoteDelete, QuoteUndoToastHost } from "./PersonaUndo";
import { QuoteForm } from "./QuoteForm";

/** The words in the language's quotation marks, in their own direction. */
export function QuoteWords({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <span className="quote-words user-text" dir="auto">
      {t("personas.quote.marks", { text })}
    </span>
  );
}

/** Where and when the words were heard: "Support ticket · #4411 · Mar 3, 2025". */
export function QuoteSourceLine({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  return (
    <span className="quote-source" data-testid="quote-source-line">
      <span data-testid="quote-source-label">{t(`personas.source.${quote.source}`)}</span>
      {quote.reference !== "" && (
        <>
          <span aria-hidden="true"> · </span>
          <bdi className="quote-reference" data-testid="quote-reference-label">
            {quote.reference}
          </bdi>
        </>
      )}
      <span aria-hidden="true"> · </span>
      <time dateTime={quote.saidOn} data-testid="quote-date-label">
        {formatDay(day, quote.saidOn)}
      </time>
    </span>
  );
}

function QuoteItem({ quote, announce }: { quote: Quote; announce: (message: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const edit = useEditQuote();
  const remove = useDeleteQuote();
  const editRef = useRef<HTMLButtonElement>(null);
  const short = isolate(shorten(quote.text));

  const close = () => {
    setEditing(false);
    requestAnimationFrame(() => editRef.current?.focus());
  };

  if (editing) {
    return (
      <li className="quote-item quote-item--editing" data-testid="quote-item">
        <QuoteForm
          initial={{
            text: quote.text,
            source: quote.source,
            reference: quote.reference,
            saidOn: quote.saidOn,
          }}
          heading={t("personas.quotes.editHeading")}
          submitLabel={t("personas.quotes.update")}
          testId="quote-edit-form"
          onSubmit={(input) => edit.mutateAsync({ id: quote.id, input })}
          onDone={() => {
            announce(t("personas.quotes.updated"));
            close();
          }}
          onCancel={close}
        />
      </li>
    );
  }

  return (
    <li className="quote-item" data-testid="quote-item">
      <figure className="quote-figure">
        <blockquote className="quote-text" data-testid="quote-text-shown">
          <QuoteWords text={quote.text} />
        </blockquote>
        <figcaption className="quote-caption">
          <QuoteSourceLine quote={quote} />
        </figcaption>
      </figure>
      <div className="quote-item-actions no-print">
        <button
          ref={editRef}
          type="button"
          className="button button--ghost"
          aria-label={t("personas.quotes.editLabel", { text: short })}
          data-testid="quote-edit"
          onClick={() => {
            setError(null);
            setEditing(true);
          }}
        >
          {t("personas.quotes.edit")}
        </button>
        <button
          type="button"
          className="button button--ghost"
          disabled={remove.isPending}
          aria-label={t("personas.quotes.deleteLabel", { text: short })}
          data-testid="quote-delete"
          onClick={() => {
            setError(null);
            remove.mutate(quote.id, {
              onSuccess: () => {
                offerUndoQuoteDelete({ id: quote.id, title: shorten(quote.text) });
              },
              onError: setError,
            });
          }}
        >
          {t("personas.quotes.delete")}
        </button>
      </div>
      {error !== null && (
        <p className="field-error" role="alert" data-testid="quote-delete-error">
          {t("personas.quotes.deleteFailed", { reason: describeError(t, error) })}
        </p>
      )}
    </li>
  );
}

/**
 * The heart of a persona: what real customers said, each with its source,
 * reference and day, most recent first; add, edit, delete with Undo.
 */
export function PersonaQuotes({
  personaId,
  quotes,
  announce,
}: {
  personaId: string;
  quotes: readonly Quote[];
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const add = useAddQuote();
  const headingId = useId();
  return (
    <section
      className="detail-section persona-quotes"
      aria-labelledby={headingId}
      data-testid="persona-quotes"
    >
      <div className="detail-section-header">
        <h2 id={headingId} className="detail-section-title">
          {t("personas.quotes.heading")}{" "}
          <span className="count" data-testid="persona-quotes-count">
            {t("personas.quotes.count", { count: quotes.length })}
          </span>
        </h2>
      </div>
      <p className="field-hint no-print">{t("personas.quotes.hint")}</p>
      {quotes.length === 0 ? (
        <p className="muted" data-testid="persona-quotes-empty">
          {t("personas.quotes.empty")}
        </p>
      ) : (
        <ul className="quote-list" aria-label={t("personas.quotes.list")}>
          {quotes.map((quote) => (
            <QuoteItem key={quote.id} quote={quote} announce={announce} />
          ))}
        </ul>
      )}
      <QuoteForm
        heading={t("personas.quotes.addHeading")}
        submitLabel={t("personas.quotes.add")}
        testId="quote-add-form"
        onSubmit={(input) => add.mutateAsync({ personaId, input })}
        onDone={() => {
          announce(t("personas.quotes.added"));
        }}
      />
      <QuoteUndoToastHost clearOnUnmount />
    </section>
  );
}
