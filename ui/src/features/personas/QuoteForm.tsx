import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toAppError } from "../../api/errors";
import type { QuoteInput } from "../../bindings/QuoteInput";
import type { QuoteSource } from "../../bindings/QuoteSource";
import { describeError } from "../../i18n/errors";
import {
  checkPastDay,
  checkText,
  DateField,
  EARLIEST_DAY,
  Field,
  localToday,
  useFormIssues,
} from "../../kit/fields";
import { isQuoteSource, PERSONA_LIMITS, QUOTE_SOURCES } from "./model";

const FIELDS = ["text", "reference", "saidOn"] as const;

interface QuoteFormProps {
  /** What the form starts with (a quote being edited); empty and today when absent. */
  initial?: QuoteInput;
  /** Sends the quote; rejects with the core's refusal. */
  onSubmit: (input: QuoteInput) => Promise<unknown>;
  onDone: () => void;
  onCancel?: () => void;
  heading: string;
  submitLabel: string;
  testId: string;
}

/**
 * A customer's words with their source, reference and day. A support ticket
 * needs its reference; the day defaults to today and cannot be later. A
 * refusal shows beside its field and keeps everything typed.
 */
export function QuoteForm({
  initial,
  onSubmit,
  onDone,
  onCancel,
  heading,
  submitLabel,
  testId,
}: QuoteFormProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial?.text ?? "");
  const [source, setSource] = useState<QuoteSource>(initial?.source ?? "interview");
  const [reference, setReference] = useState(initial?.reference ?? "");
  const [saidOn, setSaidOn] = useState(initial?.saidOn ?? localToday());
  const [pending, setPending] = useState(false);
  const { formRef, failure, message, check, refuse } = useFormIssues(FIELDS);
  const headingId = useId();
  const ticket = source === "support_ticket";

  const submit = async () => {
    const ok = check([
      checkText("text", text, PERSONA_LIMITS.quote, true),
      checkText("reference", reference, PERSONA_LIMITS.quoteReference, ticket),
      checkPastDay("saidOn", saidOn),
    ]);
    if (!ok) return;
    setPending(true);
    try {
      await onSubmit({ text: text.trim(), source, reference: reference.trim(), saidOn });
      if (initial === undefined) {
        // Ready for the next quote from the same source and day.
        setText("");
        setReference("");
      }
      onDone();
    } catch (error) {
      refuse(toAppError(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      ref={formRef}
      className="quote-form no-print"
      aria-labelledby={headingId}
      data-testid={testId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape" && onCancel !== undefined) {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <h3 id={headingId} className="quote-form-title">
        {heading}
      </h3>
      <Field label={t("personas.quotes.text")} error={message("text")} errorTestId="quote-text-error">
        {(control) => (
          <textarea
            {...control}
            className="text-input quote-text-input"
            rows={3}
            dir={text === "" ? undefined : "auto"}
            placeholder={t("personas.quotes.textPlaceholder")}
            value={text}
            data-testid="quote-text"
            onChange={(event) => {
              setText(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void submit();
              }
            }}
          />
        )}
      </Field>
      <div className="quote-form-grid">
        <Field label={t("personas.quotes.source")} error={null} errorTestId="quote-source-error">
          {(control) => (
            <select
              {...control}
              className="select-input"
              value={source}
              data-testid="quote-source"
              onChange={(event) => {
                if (isQuoteSource(event.target.value)) setSource(event.target.value);
              }}
            >
              {QUOTE_SOURCES.map((value) => (
                <option key={value} value={value}>
                  {t(`personas.source.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={ticket ? t("personas.quotes.referenceRequired") : t("personas.quotes.reference")}
          error={message("reference")}
          errorTestId="quote-reference-error"
          hint={ticket ? t("personas.quotes.referenceTicketHint") : t("personas.quotes.referenceHint")}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              className="text-input"
              autoComplete="off"
              aria-required={ticket}
              dir={reference === "" ? undefined : "auto"}
              value={reference}
              data-testid="quote-reference"
              onChange={(event) => {
                setReference(event.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t("personas.quotes.date")} error={message("saidOn")} errorTestId="quote-date-error">
          {(control) => (
            <DateField
              {...control}
              min={EARLIEST_DAY}
              max={localToday()}
              value={saidOn}
              testId="quote-date"
              onChange={setSaidOn}
            />
          )}
        </Field>
      </div>
      {failure !== null && (
        <p className="field-error" role="alert" data-testid="quote-form-error">
          {t("personas.quotes.failed", { reason: describeError(t, failure) })}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={pending} data-testid="quote-save">
          {pending ? t("personas.quotes.saving") : submitLabel}
        </button>
        {onCancel !== undefined && (
          <button
            type="button"
            className="button button--ghost"
            data-testid="quote-cancel"
            onClick={onCancel}
          >
            {t("personas.quotes.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
