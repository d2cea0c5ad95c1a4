import { useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSetContactTimes } from "../../../api/metrics";
import type { Occurrence } from "../../../bindings/Occurrence";
import { describeError } from "../../../i18n/errors";
import { formatTimestamp, useDateTimeFormat } from "../../../i18n/format";
import {
  DateField,
  EARLIEST_DAY,
  Field,
  localToday,
  useFormIssues,
  type FieldIssue,
} from "../../../kit/fields";
import { westernDigits } from "../../../kit/fields/dates";
import { useMeasureFormat } from "../../../kit/metrics/figures";

const FIELDS = ["openedAt", "resolvedAt"] as const;

/** A local day and "HH:MM" as the instant they name; null when the time is not one. */
export function instantOf(day: string, time: string): string | null {
  const match = /^(\d{1,2})[:.٫](\d{2})$/.exec(westernDigits(time.trim()));
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  const [year, month, date] = day.split("-").map(Number);
  if (year === undefined || month === undefined || date === undefined) return null;
  return new Date(year, month - 1, date, hours, minutes).toISOString();
}

/** An instant as the local day and "HH:MM" the form shows; the report's day when not set. */
function partsOf(instant: string | undefined, reportedOn: string): { day: string; time: string } {
  if (instant === undefined) return { day: reportedOn, time: "" };
  const at = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { day: localToday(at), time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
}

/** Hours from opening to resolution. */
export function hoursBetween(openedAt: string, resolvedAt: string): number {
  return (Date.parse(resolvedAt) - Date.parse(openedAt)) / 3_600_000;
}

/**
 * When a report's customer contact was opened and resolved (time to
 * resolution is worked out from them, never typed): shown on the report's
 * row, set or cleared in a small form.
 */
export function ContactTimes({ occurrence }: { occurrence: Occurrence }) {
  const { t } = useTranslation();
  const stamps = useDateTimeFormat();
  const format = useMeasureFormat();
  const [editing, setEditing] = useState(false);
  const save = useSetContactTimes();
  const opened = partsOf(occurrence.openedAt, occurrence.occurredOn);
  const resolved = partsOf(occurrence.resolvedAt, occurrence.occurredOn);
  const [openedDay, setOpenedDay] = useState(opened.day);
  const [openedTime, setOpenedTime] = useState(opened.time);
  const [resolvedDay, setResolvedDay] = useState(resolved.day);
  const [resolvedTime, setResolvedTime] = useState(resolved.time);
  const { formRef, failure, message, check, refuse } = useFormIssues(FIELDS);

  const summary =
    occurrence.openedAt !== undefined && occurrence.resolvedAt !== undefined
      ? t("metrics.times.ttr", {
          number: format.number(hoursBetween(occurrence.openedAt, occurrence.resolvedAt), 1),
        })
      : occurrence.openedAt !== undefined
        ? t("metrics.times.open", { date: formatTimestamp(stamps, occurrence.openedAt) })
        : null;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const openedAt = openedTime.trim() === "" ? null : instantOf(openedDay, openedTime);
    const resolvedAt = resolvedTime.trim() === "" ? null : instantOf(resolvedDay, resolvedTime);
    const issues: (FieldIssue | null)[] = [
      openedTime.trim() !== "" && openedAt === null
        ? { field: "openedAt", rule: "invalid", limit: null }
        : null,
      resolvedTime.trim() !== "" && resolvedAt === null
        ? { field: "resolvedAt", rule: "invalid", limit: null }
        : null,
      resolvedAt !== null && openedTime.trim() === ""
        ? { field: "openedAt", rule: "required", limit: null }
        : null,
      openedAt !== null && resolvedAt !== null && resolvedAt < openedAt
        ? { field: "resolvedAt", rule: "before_start", limit: null }
        : null,
    ];
    if (!check(issues)) return;
    save.mutate(
      { id: occurrence.id, openedAt, resolvedAt },
      {
        onSuccess: () => {
          setEditing(false);
        },
        onError: refuse,
      },
    );
  };

  return (
    <div className="contact-times" data-testid="contact-times">
      {summary !== null && (
        <span className="occurrence-ttr" data-testid="occurrence-ttr">
          {summary}
        </span>
      )}
      {!editing ? (
        <button
          type="button"
          className="button button--ghost"
          aria-label={t("metrics.times.editLabel")}
          data-testid="contact-times-edit"
          onClick={() => {
            setEditing(true);
          }}
        >
          {t("metrics.times.edit")}
        </button>
      ) : (
        <form
          ref={formRef}
          className="contact-times-form"
          noValidate
          onSubmit={onSubmit}
          data-testid="contact-times-form"
        >
          <div className="form-grid">
            <Field
              label={t("metrics.times.opened")}
              error={message("openedAt")}
              errorTestId="contact-opened-error"
            >
              {(control) => (
                <span className="contact-times-when">
                  <DateField
                    {...control}
                    value={openedDay}
                    onChange={setOpenedDay}
                    min={EARLIEST_DAY}
                    max={localToday()}
                    testId="contact-opened-day"
                  />
                  <input
                    className="text-input contact-times-time"
                    inputMode="numeric"
                    value={openedTime}
                    placeholder="09:30"
                    aria-label={t("metrics.times.time", { field: t("metrics.times.opened") })}
                    aria-invalid={control["aria-invalid"]}
                    aria-describedby={control["aria-describedby"]}
                    data-testid="contact-opened-time"
                    onChange={(event) => {
                      setOpenedTime(event.target.value);
                    }}
                  />
                </span>
              )}
            </Field>
            <Field
              label={t("metrics.times.resolved")}
              error={message("resolvedAt")}
              errorTestId="contact-resolved-error"
            >
              {(control) => (
                <span className="contact-times-when">
                  <DateField
                    {...control}
                    value={resolvedDay}
                    onChange={setResolvedDay}
                    min={EARLIEST_DAY}
                    max={localToday()}
                    testId="contact-resolved-day"
                  />
                  <input
                    className="text-input contact-times-time"
                    inputMode="numeric"
                    value={resolvedTime}
                    placeholder="17:00"
                    aria-label={t("metrics.times.time", { field: t("metrics.times.resolved") })}
                    aria-invalid={control["aria-invalid"]}
                    aria-describedby={control["aria-describedby"]}
                    data-testid="contact-resolved-time"
                    onChange={(event) => {
                      setResolvedTime(event.target.value);
                    }}
                  />
                </span>
              )}
            </Field>
          </div>
          {failure !== null && (
            <p className="field-error" role="alert" data-testid="contact-times-error">
              {t("metrics.times.failed", { reason: describeError(t, failure) })}
            </p>
          )}
          <div className="button-row">
            <button
              type="submit"
              className="button button--primary"
              disabled={save.isPending}
              data-testid="contact-times-save"
            >
              {save.isPending ? t("metrics.times.saving") : t("metrics.times.save")}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setEditing(false);
              }}
            >
              {t("metrics.times.cancel")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
