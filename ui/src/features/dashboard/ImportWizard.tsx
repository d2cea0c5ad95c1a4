import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/errors";
import { toAppError } from "../../api/errors";
import {
  cancelSurveyImport,
  checkSurveyImport,
  pickSurveyFile,
  useRunSurveyImport,
  type PickedSurveyFile,
} from "../../api/metrics";
import type { CesEasy } from "../../bindings/CesEasy";
import type { ColumnMapping } from "../../bindings/ColumnMapping";
import type { ImportCheck } from "../../bindings/ImportCheck";
import type { ImportProgress } from "../../bindings/ImportProgress";
import type { ResponseImport } from "../../bindings/ResponseImport";
import { ENUMS, LIMITS } from "../../bindings/rules";
import type { SurveyKind } from "../../bindings/SurveyKind";
import { describeError } from "../../i18n/errors";
import { formatDay, useDayFormat } from "../../i18n/format";
import { ModalDialog } from "../../kit/dialogs/ModalDialog";
import { ImportIssues, ImportRunning } from "../../kit/imports/ImportParts";
import { useMeasureFormat } from "../../kit/metrics/figures";

/** The fields a column can hold, in the order the mapping lists them. */
const COLUMN_FIELDS = [
  "score",
  "respondedOn",
  "channel",
  "comment",
  "ticketRef",
  "customer",
  "problem",
] as const;
type ColumnField = (typeof COLUMN_FIELDS)[number];

/** Header words (English and Arabic) that say what a column holds. */
const SYNONYMS: Record<ColumnField | "kind", readonly string[]> = {
  kind: ["kind", "type", "question", "survey", "metric", "النوع", "نوع", "السؤال", "المؤشر"],
  score: ["score", "rating", "value", "answer", "grade", "الدرجة", "التقييم", "النتيجة", "القيمة"],
  respondedOn: ["date", "responded", "answered", "day", "submitted", "created", "التاريخ", "تاريخ", "اليوم"],
  channel: ["channel", "source", "via", "medium", "القناة", "المصدر"],
  comment: ["comment", "feedback", "text", "remark", "verbatim", "التعليق", "تعليق", "ملاحظات", "الملاحظة"],
  ticketRef: ["ticket", "reference", "ref", "case", "التذكرة", "المرجع", "تذكرة"],
  customer: ["customer", "client", "email", "requester", "user", "العميل", "الزبون", "عميل"],
  problem: ["problem", "issue", "المشكلة", "مشكلة"],
};

function normalise(header: string): string {
  return header.trim().toLocaleLowerCase();
}

/**
 * The mapping a file's header suggests: each field takes the first unused
 * column whose name holds one of its words; the kind is fixed (NPS) when no
 * column names it.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const used = new Set<number>();
  const find = (field: ColumnField | "kind"): number | undefined => {
    const words = SYNONYMS[field];
    const exact = headers.findIndex((h, i) => !used.has(i) && words.includes(normalise(h)));
    const index =
      exact !== -1
        ? exact
        : headers.findIndex((h, i) => !used.has(i) && words.some((w) => normalise(h).includes(w)));
    if (index === -1) return undefined;
    used.add(index);
    return index;
  };
  const kind = find("kind");
  const score = find("score");
  const respondedOn = find("respondedOn");
  const mapping: ColumnMapping = { score: score ?? -1, respondedOn: respondedOn ?? -1 };
  if (kind === undefined) mapping.fixedKind = "nps";
  else mapping.kind = kind;
  for (const field of ["ticketRef", "channel", "comment", "customer", "problem"] as const) {
    const index = find(field);
    if (index !== undefined) mapping[field] = index;
  }
  return mapping;
}

/** `mapping` with `field` read from column `index`, or from none (a required one then shows as unmapped). */
function withColumn(mapping: ColumnMapping, field: ColumnField, index: number | null): ColumnMapping {
  if (field === "score" || field === "respondedOn") return { ...mapping, [field]: index ?? -1 };
  // Undefined is left out of the message, so the core reads "not in the file".
  return { ...mapping, [field]: index ?? undefined };
}

/** Whether CES answers can be in the file under `mapping` (so their scale must be given). */
function mayHoldCes(mapping: ColumnMapping): boolean {
  return mapping.kind !== undefined || mapping.fixedKind === "ces";
}

/** The mapping as the core takes it: CES scale and easy end only where CES may come. */
export function finishMapping(mapping: ColumnMapping, cesScale: number, cesEasy: CesEasy): ColumnMapping {
  const out: ColumnMapping = { ...mapping };
  delete out.cesScale;
  delete out.cesEasy;
  if (mayHoldCes(mapping)) {
    out.cesScale = cesScale;
    out.cesEasy = cesEasy;
  }
  return out;
}

type Step =
  | { at: "pick" }
  | { at: "map"; file: PickedSurveyFile }
  | { at: "checked"; file: PickedSurveyFile; check: ImportCheck }
  | { at: "running"; file: PickedSurveyFile; progress: ImportProgress }
  | { at: "done"; outcome: ResponseImport };

interface ImportWizardProps {
  onClose: () => void;
  announce: (message: string) => void;
}

/**
 * Survey answers from a CSV file: pick it, say which column holds what,
 * check every row (bad ones listed by row and column, the first rows shown
 * as they will be stored), then import all of them, or only the good ones,
 * with progress and Cancel (which leaves nothing).
 */
export function ImportWizard({ onClose, announce }: ImportWizardProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ at: "pick" });
  const [mapping, setMapping] = useState<ColumnMapping>({ score: -1, respondedOn: -1, fixedKind: "nps" });
  const [cesScale, setCesScale] = useState(7);
  const [cesEasy, setCesEasy] = useState<CesEasy>("high");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const run = useRunSurveyImport();
  const days = useDayFormat();
  const format = useMeasureFormat();

  const pick = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await pickSurveyFile();
      if (file !== null) {
        setMapping(guessMapping(file.headers));
        setStep({ at: "map", file });
      }
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setBusy(false);
    }
  };

  const check = async (file: PickedSurveyFile) => {
    setBusy(true);
    setError(null);
    try {
      const result = await checkSurveyImport(finishMapping(mapping, cesScale, cesEasy));
      setStep({ at: "checked", file, check: result });
    } catch (reason) {
      setError(toAppError(reason));
    } finally {
      setBusy(false);
    }
  };

  const start = (file: PickedSurveyFile, skipBadRows: boolean, total: number) => {
    setError(null);
    setStep({ at: "running", file, progress: { done: 0, total } });
    run.mutate(
      {
        mapping: finishMapping(mapping, cesScale, cesEasy),
        skipBadRows,
        onProgress: (progress) => {
          setStep((current) => (current.at === "running" ? { ...current, progress } : current));
        },
      },
      {
        onSuccess: (outcome) => {
          setStep({ at: "done", outcome });
          if (outcome.imported > 0) announce(t("metrics.import.done", { count: outcome.imported }));
        },
        onError: (reason) => {
          setError(reason);
          setStep({ at: "map", file });
        },
      },
    );
  };

  const running = step.at === "running";
  const headers = step.at === "map" || step.at === "checked" ? step.file.headers : [];

  const unmapped = mapping.score < 0 || mapping.respondedOn < 0;
  const columnSelect = (field: ColumnField) => {
    const value = mapping[field];
    const missing = (field === "score" || field === "respondedOn") && mapping[field] < 0;
    return (
      <label key={field} className="import-map-row">
        <span>
          {t(`metrics.import.field.${field}`)}
          {missing && (
            <span className="field-error" data-testid={`import-map-${field}-missing`}>
              {" "}
              {t("errors.rule.required")}
            </span>
          )}
        </span>
        <select
          className="select-input"
          value={value === undefined || value < 0 ? "" : String(value)}
          aria-invalid={missing}
          data-testid={`import-map-${field}`}
          onChange={(event) => {
            setMapping(
              withColumn(mapping, field, event.target.value === "" ? null : Number(event.target.value)),
            );
            if (step.at === "checked") setStep({ at: "map", file: step.file });
          }}
        >
          <option value="">{t("metrics.import.notInFile")}</option>
          {headers.map((header, i) => (
            <option key={`${String(i)}-${header}`} value={String(i)}>
              {header}
            </option>
          ))}
        </select>
      </label>
    );
  };

  return (
    <ModalDialog
      title={t("metrics.import.title")}
      className="import-dialog"
      testId="survey-import"
      pending={running}
      onClose={onClose}
    >
      {error !== null && (
        <p className="field-error" role="alert" data-testid="import-error">
          {t("metrics.import.failed", { reason: describeError(t, error) })}
        </p>
      )}
      {step.at === "pick" && (
        <>
          <p>{t("metrics.import.intro")}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              data-testid="import-pick"
              onClick={() => void pick()}
            >
              {busy ? t("metrics.import.picking") : t("metrics.import.pick")}
            </button>
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t("metrics.import.cancel")}
            </button>
          </div>
        </>
      )}
      {(step.at === "map" || step.at === "checked") && (
        <>
          <p className="field-hint" data-testid="import-file">
            {t("metrics.import.file", { name: step.file.name })}
          </p>
          <fieldset className="import-map" disabled={busy}>
            <legend>{t("metrics.import.mappingTitle")}</legend>
            <label className="import-map-row">
              <span>{t("metrics.import.kindColumn")}</span>
              <select
                className="select-input"
                value={
                  mapping.kind === undefined ? `fixed:${mapping.fixedKind ?? "nps"}` : String(mapping.kind)
                }
                data-testid="import-map-kind"
                onChange={(event) => {
                  const next = { ...mapping };
                  const v = event.target.value;
                  if (v.startsWith("fixed:")) {
                    delete next.kind;
                    next.fixedKind = ENUMS.surveyKind.find((k) => `fixed:${k}` === v) ?? "nps";
                  } else {
                    delete next.fixedKind;
                    next.kind = Number(v);
                  }
                  setMapping(next);
                  if (step.at === "checked") setStep({ at: "map", file: step.file });
                }}
              >
                <optgroup label={t("metrics.import.fixedKind")}>
                  {ENUMS.surveyKind.map((k: SurveyKind) => (
                    <option key={k} value={`fixed:${k}`}>
                      {t(`metrics.kind.${k}`)}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t("metrics.import.kindFromColumn")}>
                  {headers.map((header, i) => (
                    <option key={`${String(i)}-${header}`} value={String(i)}>
                      {header}
                    </option>
                  ))}
                </optgroup>
              </select>
            </label>
            {COLUMN_FIELDS.map(columnSelect)}
            {mayHoldCes(mapping) && (
              <>
                <label className="import-map-row">
                  <span>{t("metrics.answers.cesScale")}</span>
                  <select
                    className="select-input"
                    value={String(cesScale)}
                    data-testid="import-ces-scale"
                    onChange={(event) => {
                      setCesScale(Number(event.target.value));
                    }}
                  >
                    {LIMITS.metrics.cesScales.map((s) => (
                      <option key={s} value={String(s)}>
                        {t("metrics.answers.cesScaleOption", { count: s })}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="import-map-row">
                  <span>{t("metrics.answers.cesEasy")}</span>
                  <select
                    className="select-input"
                    value={cesEasy}
                    data-testid="import-ces-easy"
                    onChange={(event) => {
                      setCesEasy(event.target.value === "low" ? "low" : "high");
                    }}
                  >
                    <option value="high">{t("metrics.answers.cesEasyHigh")}</option>
                    <option value="low">{t("metrics.answers.cesEasyLow")}</option>
                  </select>
                </label>
              </>
            )}
          </fieldset>
          {step.at === "map" && (
            <div className="button-row">
              <button
                type="button"
                className="button button--primary"
                disabled={busy || unmapped}
                data-testid="import-check"
                onClick={() => void check(step.file)}
              >
                {busy ? t("metrics.import.checking") : t("metrics.import.check")}
              </button>
              <button type="button" className="button button--ghost" onClick={onClose}>
                {t("metrics.import.cancel")}
              </button>
            </div>
          )}
        </>
      )}
      {step.at === "checked" && (
        <div className="import-result" data-testid="import-checked">
          <p role="status" data-testid="import-summary">
            {t("metrics.import.rows", { count: step.check.rows })} ·{" "}
            {t("metrics.import.good", { count: step.check.good })}
            {step.check.issueCount === 0 && ` · ${t("metrics.import.allGood")}`}
          </p>
          <ImportIssues issues={step.check.issues} count={step.check.issueCount} />
          {step.check.preview.length > 0 && (
            <div className="import-preview">
              <h3>{t("metrics.import.previewTitle")}</h3>
              <table className="overview-owners metric-table" data-testid="import-preview">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t("metrics.answers.kind")}</th>
                    <th scope="col">{t("metrics.answers.score")}</th>
                    <th scope="col">{t("metrics.answers.respondedOn")}</th>
                    <th scope="col">{t("metrics.answers.channel")}</th>
                    <th scope="col">{t("metrics.answers.customer")}</th>
                  </tr>
                </thead>
                <tbody>
                  {step.check.preview.map((row) =>
                    row.response === null ? (
                      <tr key={row.row} className="import-bad" data-testid="preview-row-bad">
                        <th scope="row">{format.number(row.row)}</th>
                        <td colSpan={5}>{t("metrics.import.previewBad")}</td>
                      </tr>
                    ) : (
                      <tr key={row.row} data-testid="preview-row">
                        <th scope="row">{format.number(row.row)}</th>
                        <td>{t(`metrics.kind.${row.response.kind}`)}</td>
                        <td>{format.number(row.response.score)}</td>
                        <td>{formatDay(days, row.response.respondedOn)}</td>
                        <td>
                          {row.response.channel === undefined
                            ? ""
                            : t(`problem.channel.${row.response.channel}`)}
                        </td>
                        <td>
                          <bdi>{row.response.customer ?? ""}</bdi>
                        </td>
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            </div>
          )}
          <div className="button-row">
            {step.check.issueCount === 0 && step.check.good > 0 && (
              <button
                type="button"
                className="button button--primary"
                data-testid="import-all"
                onClick={() => {
                  start(step.file, false, step.check.good);
                }}
              >
                {t("metrics.import.importAll", { count: step.check.good })}
              </button>
            )}
            {step.check.issueCount > 0 && step.check.good > 0 && (
              <button
                type="button"
                className="button button--primary"
                data-testid="import-good"
                onClick={() => {
                  start(step.file, true, step.check.good);
                }}
              >
                {t("metrics.import.importGood", { count: step.check.good })}
              </button>
            )}
            <button
              type="button"
              className="button button--ghost"
              data-testid="import-back"
              onClick={() => {
                setStep({ at: "map", file: step.file });
              }}
            >
              {t("metrics.import.back")}
            </button>
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t("metrics.import.cancel")}
            </button>
          </div>
        </div>
      )}
      {step.at === "running" && (
        <ImportRunning
          done={step.progress.done}
          total={step.progress.total}
          onCancel={() => void cancelSurveyImport()}
        />
      )}
      {step.at === "done" && (
        <div className="import-done" data-testid="import-done">
          <p role="status" data-testid="import-outcome">
            {step.outcome.cancelled
              ? t("metrics.import.cancelled")
              : step.outcome.imported === 0 && step.outcome.issueCount > 0
                ? t("metrics.import.refused")
                : t("metrics.import.done", { count: step.outcome.imported })}
            {step.outcome.skipped > 0 && ` ${t("metrics.import.skipped", { count: step.outcome.skipped })}`}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              data-testid="import-close"
              onClick={onClose}
            >
              {t("metrics.import.close")}
            </button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
