import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useReportPreview, useSaveReport, type ReportSubject, type SavedReport } from "../../../api/reports";
import type { Language } from "../../../bindings/Language";
import type { Format } from "../../../bindings/report/Format";
import type { Paper } from "../../../bindings/report/Paper";
import { PAPERS } from "../../../bindings/report/rules";
import { effectiveLanguage, LANGUAGES } from "../../../i18n";
import { describeError } from "../../../i18n/errors";
import { isDay, leftToRight } from "../../../i18n/format";
import { ModalDialog } from "../../../kit/dialogs/ModalDialog";
import { DateField, Field } from "../../../kit/fields";
import { useSettings } from "../../../api/settings";

/** Each language is named in its own script. */
const LANGUAGE_NAMES: Record<Language, string> = { en: "English", ar: "العربية" };

/** The first and last day of last month (a monthly review's period). */
export function lastMonth(today: Date): { from: string; to: string } {
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: day(first), to: day(last) };
}

interface ReportDialogProps {
  /** One problem, or (with dates to pick) the problems closed in a period. */
  subject: ReportSubject;
  onClose: () => void;
}

/**
 * The root-cause report: the reader's language and the paper, a preview
 * as it will print, and saving it as PDF or HTML where the user picks.
 * For a period, its first and last day come first.
 */
export function ReportDialog({ subject: initial, onClose }: ReportDialogProps) {
  const { t } = useTranslation();
  const settings = useSettings();
  const introId = useId();
  const [language, setLanguage] = useState<Language>(() =>
    effectiveLanguage(settings.data?.language ?? "en"),
  );
  const [paper, setPaper] = useState<Paper>("a3_landscape");
  const [from, setFrom] = useState(initial.kind === "period" ? initial.from : "");
  const [to, setTo] = useState(initial.kind === "period" ? initial.to : "");
  const [saved, setSaved] = useState<SavedReport | null>(null);
  const period = initial.kind === "period";
  const periodProblem =
    period && (!isDay(from) || !isDay(to))
      ? t("report.period.dayNeeded")
      : period && to < from
        ? t("report.period.endBeforeStart")
        : null;
  const subject: ReportSubject = period ? { kind: "period", from, to } : initial;
  const choice = { subject, language, paper };
  const preview = useReportPreview(choice, periodProblem === null);
  const save = useSaveReport();

  const saveAs = (format: Format) => {
    setSaved(null);
    save.mutate(
      { choice, format },
      {
        onSuccess: (result) => {
          setSaved(result);
        },
      },
    );
  };

  return (
    <ModalDialog
      title={period ? t("report.period.title") : t("report.title")}
      className="report-dialog"
      describedBy={introId}
      testId="report-dialog"
      pending={save.isPending}
      onClose={onClose}
    >
      <p id={introId} className="dialog-intro">
        {period ? t("report.period.intro") : t("report.intro")}
      </p>
      <div className="report-choices">
        {period && (
          <>
            <Field label={t("report.period.from")} error={null} errorTestId="report-from-error">
              {(control) => (
                <DateField {...control} value={from} onChange={setFrom} testId="report-from" />
              )}
            </Field>
            <Field label={t("report.period.to")} error={null} errorTestId="report-to-error">
              {(control) => <DateField {...control} value={to} onChange={setTo} testId="report-to" />}
            </Field>
          </>
        )}
        <Field label={t("report.language")} error={null} errorTestId="report-language-error">
          {(control) => (
            <select
              {...control}
              className="select-input"
              value={language}
              data-testid="report-language"
              onChange={(event) => {
                const next = LANGUAGES.find((l) => l === event.target.value);
                if (next !== undefined) setLanguage(next);
              }}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("report.paper")} error={null} errorTestId="report-paper-error">
          {(control) => (
            <select
              {...control}
              className="select-input"
              value={paper}
              data-testid="report-paper"
              onChange={(event) => {
                const next = PAPERS.find((p) => p === event.target.value);
                if (next !== undefined) setPaper(next);
              }}
            >
              {PAPERS.map((p) => (
                <option key={p} value={p}>
                  {t(`report.papers.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {periodProblem !== null && (
        <p className="field-error" role="alert" data-testid="report-period-error">
          {periodProblem}
        </p>
      )}
      <div className="report-preview" data-testid="report-preview">
        {preview.isPending && periodProblem === null && (
          <p className="status-line" role="status">
            {t("report.previewing")}
          </p>
        )}
        {preview.isError && (
          <p className="alert" role="alert" data-testid="report-preview-error">
            {t("report.previewFailed", { reason: describeError(t, preview.error) })}
          </p>
        )}
        {preview.data !== undefined && (
          <iframe
            className="report-preview-frame"
            title={t("report.previewTitle")}
            // The report has no scripts; the frame allows none either.
            sandbox=""
            srcDoc={preview.data}
            data-testid="report-preview-frame"
          />
        )}
      </div>
      <div role="status">
        {saved !== null && (
          <p className="notice" data-testid="report-saved">
            {t("report.saved", { path: leftToRight(saved.path) })}
          </p>
        )}
      </div>
      {save.isError && (
        <p className="alert" role="alert" data-testid="report-save-error">
          {t("report.saveFailed", { reason: describeError(t, save.error) })}
        </p>
      )}
      <div className="button-row dialog-actions">
        <button type="button" className="button" disabled={save.isPending} onClick={onClose}>
          {t("report.close")}
        </button>
        <button
          type="button"
          className="button"
          disabled={save.isPending || periodProblem !== null}
          data-testid="report-save-html"
          onClick={() => {
            saveAs("html");
          }}
        >
          {t("report.saveHtml")}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={save.isPending || periodProblem !== null}
          data-testid="report-save-pdf"
          onClick={() => {
            saveAs("pdf");
          }}
        >
          {save.isPending ? t("report.saving") : t("report.savePdf")}
        </button>
      </div>
    </ModalDialog>
  );
}

/** "Report…" on a problem's page. */
export function ReportButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="problem-report"
        onClick={() => {
          setOpen(true);
        }}
      >
        {t("report.open")}
      </button>
      {open && (
        <ReportDialog
          subject={{ kind: "problem", id }}
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </>
  );
}

/** "Report of closed problems…" on the problem list: last month by default. */
export function PeriodReportButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--ghost"
        data-testid="period-report"
        onClick={() => {
          setOpen(true);
        }}
      >
        {t("report.period.open")}
      </button>
      {open && (
        <ReportDialog
          subject={{ kind: "period", ...lastMonth(new Date()) }}
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </>
  );
}
