import { useLogOccurrence } from "../../../api/problems";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Channel } from "../../../bindings/Channel";
import type { NewOccurrence } from "../../../bindings/NewOccurrence";
import type { Occurrence } from "../../../bindings/Occurrence";
import { describeError } from "../../../i18n/errors";
import {
  ChannelSelect,
  checkPastDay,
  checkText,
  DateField,
  EARLIEST_DAY,
  Field,
  LIMITS,
  localToday,
  TextInput,
  useFormIssues,
} from "../../../kit/fields";
import { formatDay, useDayFormat } from "../../../i18n/format";
import { ContactTimes } from "./ContactTimes";

const OCCURRENCE_FIELDS = ["occurredOn", "ticketRef", "note"] as const;

interface LogFormProps {
  problemId: string;
  /** The problem's own channel: a new report most often comes the same way. */
  defaultChannel: Channel | null;
  onDone: (logged: boolean) => void;
  announce: (message: string) => void;
}

function LogOccurrenceForm({ problemId, defaultChannel, onDone, announce }: LogFormProps) {
  const { t } = useTranslation();
  const log = useLogOccurrence(problemId);
  const [occurredOn, setOccurredOn] = useState(localToday);
  const [channel, setChannel] = useState<Channel | null>(defaultChannel);
  const [ticketRef, setTicketRef] = useState("");
  const [note, setNote] = useState("");
  const { formRef, failure, message, check, refuse } = useFormIssues(OCCURRENCE_FIELDS);
  const headingId = useId();

  // Opening the form puts the cursor in its first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, [formRef]);

  const submit = () => {
    if (log.isPending) return;
    const valid = check([
      checkPastDay("occurredOn", occurredOn),
      checkText("ticketRef", ticketRef, LIMITS.ticketRef),
      checkText("note", note, LIMITS.note),
    ]);
    if (!valid) return;
    const input: NewOccurrence = { occurredOn };
    if (channel !== null) input.channel = channel;
    if (ticketRef.trim() !== "") input.ticketRef = ticketRef;
    if (note.trim() !== "") input.note = note;
    log.mutate(input, {
      onSuccess: () => {
        announce(t("problemDetail.occurrences.logged"));
        onDone(true);
      },
      // Anything that is not about one of these fields is shown for the whole form.
      onError: refuse,
    });
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form
      ref={formRef}
      className="occurrence-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      data-testid="occurrence-form"
    >
      <h3 id={headingId} className="occurrence-form-title">
        {t("problemDetail.occurrences.formTitle")}
      </h3>
      <div className="form-grid">
        <Field
          label={t("problem.field.occurredOn")}
          error={message("occurredOn")}
          errorTestId="occurrence-date-error"
        >
          {(control) => (
            <DateField
              {...control}
              value={occurredOn}
              onChange={setOccurredOn}
              min={EARLIEST_DAY}
              max={localToday()}
              testId="occurrence-date"
            />
          )}
        </Field>
        <Field label={t("problem.field.channel")} error={null} errorTestId="occurrence-channel-error">
          {(control) => (
            <ChannelSelect {...control} value={channel} onChange={setChannel} testId="occurrence-channel" />
          )}
        </Field>
      </div>
      <Field
        label={t("problem.field.ticketRef")}
        error={message("ticketRef")}
        errorTestId="occurrence-ticket-error"
      >
        {(control) => (
          <TextInput
            {...control}
            value={ticketRef}
            onChange={setTicketRef}
            placeholder={t("problemDetail.occurrences.ticketPlaceholder")}
            testId="occurrence-ticket"
          />
        )}
      </Field>
      <Field label={t("problem.field.note")} error={message("note")} errorTestId="occurrence-note-error">
        {(control) => (
          <TextInput {...control} value={note} onChange={setNote} multiline testId="occurrence-note" />
        )}
      </Field>
      {failure !== null && (
        <p className="field-error" role="alert" data-testid="occurrence-error">
          {t("problemDetail.occurrences.failed", { reason: describeError(t, failure) })}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={log.isPending}
          data-testid="occurrence-submit"
        >
          {log.isPending ? t("problemDetail.occurrences.logging") : t("problemDetail.occurrences.submit")}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            onDone(false);
          }}
          data-testid="occurrence-cancel"
        >
          {t("problemDetail.cancel")}
        </button>
        <span className="field-hint">{t("problemDetail.occurrences.submitHint")}</span>
      </div>
    </form>
  );
}

interface OccurrencesProps {
  problemId: string;
  /** The problem's channel, which a new report starts with. */
  channel: Channel | null;
  occurrences: readonly Occurrence[];
  announce: (message: string) => void;
}

/** Every further report of the problem, newest first, and a form to log another. */
export function Occurrences({ problemId, channel, occurrences, announce }: OccurrencesProps) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const openRef = useRef<HTMLButtonElement>(null);

  return (
    <section className="detail-section" aria-labelledby={headingId}>
      <div className="detail-section-header">
        <h2 id={headingId} className="detail-section-title">
          {t("problem.field.occurrences")}
        </h2>
        {!open && (
          <button
            ref={openRef}
            type="button"
            className="button"
            onClick={() => {
              setOpen(true);
            }}
            data-testid="occurrence-log-open"
          >
            {t("problemDetail.occurrences.logOpen")}
          </button>
        )}
      </div>
      <p className="field-hint">{t("problemDetail.occurrences.intro")}</p>
      {open && (
        <div>
          <LogOccurrenceForm
            problemId={problemId}
            defaultChannel={channel}
            announce={announce}
            onDone={() => {
              setOpen(false);
              requestAnimationFrame(() => {
                openRef.current?.focus();
              });
            }}
          />
        </div>
      )}
      {occurrences.length === 0 ? (
        <p className="muted" data-testid="occurrences-empty">
          {t("problemDetail.occurrences.empty")}
        </p>
      ) : (
        <ol className="occurrence-list" aria-labelledby={headingId}>
          {occurrences.map((occurrence) => (
            <li key={occurrence.id} className="occurrence-row" data-testid="occurrence-row">
              <div className="occurrence-meta">
                <time className="occurrence-date" dateTime={occurrence.occurredOn}>
                  {formatDay(day, occurrence.occurredOn)}
                </time>
                <span className="occurrence-channel">
                  <span className="visually-hidden">{t("problem.field.channel")}: </span>
                  {occurrence.channel === null
                    ? t("problem.channel.none")
                    : t(`problem.channel.${occurrence.channel}`)}
                </span>
                {occurrence.ticketRef !== "" && (
                  <span className="occurrence-ticket">
                    <span className="visually-hidden">{t("problem.field.ticketRef")}: </span>
                    <bdi>{occurrence.ticketRef}</bdi>
                  </span>
                )}
                <span className="occurrence-author">
                  {t("problemDetail.occurrences.author")}{" "}
                  <bdi>{occurrence.author === "" ? t("problemDetail.noAuthor") : occurrence.author}</bdi>
                </span>
              </div>
              {occurrence.note !== "" && (
                <p className="occurrence-note user-text" dir="auto">
                  <span className="visually-hidden">{t("problem.field.note")}: </span>
                  {occurrence.note}
                </p>
              )}
              <ContactTimes occurrence={occurrence} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
