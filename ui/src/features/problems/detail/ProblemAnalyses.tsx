import { useAnalyses, useCreateAnalysis } from "../../../api/analyses";
import { useEffect, useId, useRef, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { NewAnalysis } from "../../../bindings/NewAnalysis";
import { LIMITS as CORE_LIMITS } from "../../../bindings/rules";
import { describeError } from "../../../i18n/errors";
import {
  checkPastDay,
  checkText,
  DateField,
  EARLIEST_DAY,
  Field,
  localToday,
  TextInput,
  useFormIssues,
} from "../../../kit/fields";
import { formatDay, useDayFormat } from "../../../i18n/format";

/** The longest analysis title the core accepts. */
const TITLE_MAX = CORE_LIMITS.analysis.title;

const FORM_FIELDS = ["title", "facilitator", "heldOn"] as const;

/** The first `max` characters (code points, as the core counts) of `text`. */
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join("").trimEnd();
}

interface StartFormProps {
  problemId: string;
  problemTitle: string;
  onCancel: () => void;
}

function StartAnalysisForm({ problemId, problemTitle, onCancel }: StartFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateAnalysis();
  const [title, setTitle] = useState(() =>
    truncate(t("problemDetail.analyses.titlePrefill", { title: problemTitle.trim() }), TITLE_MAX),
  );
  const [facilitator, setFacilitator] = useState("");
  const [heldOn, setHeldOn] = useState(localToday);
  const { formRef, failure, message, check, refuse } = useFormIssues(FORM_FIELDS);
  const headingId = useId();

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>("input")?.focus();
  }, [formRef]);

  const submit = () => {
    if (create.isPending) return;
    const valid = check([
      checkText("title", title, TITLE_MAX, true),
      checkText("facilitator", facilitator, CORE_LIMITS.analysis.facilitator),
      checkPastDay("heldOn", heldOn),
    ]);
    if (!valid) return;
    const input: NewAnalysis = { problemId, title, heldOn };
    if (facilitator.trim() !== "") input.facilitator = facilitator;
    create.mutate(input, {
      onSuccess: (analysis) => {
        void navigate(`/analyses/${analysis.id}`);
      },
      onError: refuse,
    });
  };

  return (
    <form
      ref={formRef}
      className="occurrence-form analysis-start-form"
      aria-labelledby={headingId}
      noValidate
      data-testid="analysis-start-form"
      onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <h3 id={headingId} className="occurrence-form-title">
        {t("problemDetail.analyses.start")}
      </h3>
      <Field
        label={t("analyses.field.title")}
        error={message("title")}
        errorTestId="analysis-start-title-error"
      >
        {(control) => (
          <TextInput {...control} value={title} onChange={setTitle} testId="analysis-start-title" />
        )}
      </Field>
      <div className="form-grid">
        <Field
          label={t("analyses.field.facilitator")}
          error={message("facilitator")}
          errorTestId="analysis-start-facilitator-error"
        >
          {(control) => (
            <TextInput
              {...control}
              value={facilitator}
              onChange={setFacilitator}
              testId="analysis-start-facilitator"
            />
          )}
        </Field>
        <Field
          label={t("analyses.field.heldOn")}
          error={message("heldOn")}
          errorTestId="analysis-start-heldOn-error"
        >
          {(control) => (
            <DateField
              {...control}
              value={heldOn}
              onChange={setHeldOn}
              min={EARLIEST_DAY}
              max={localToday()}
              testId="analysis-start-heldOn"
            />
          )}
        </Field>
      </div>
      {failure !== null && (
        <p className="field-error" role="alert" data-testid="analysis-start-error">
          {t("problemDetail.analyses.createFailed", { reason: describeError(t, failure) })}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={create.isPending}
          data-testid="analysis-start-submit"
        >
          {create.isPending ? t("problemDetail.analyses.creating") : t("problemDetail.analyses.create")}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t("problemDetail.analyses.cancel")}
        </button>
      </div>
    </form>
  );
}

/** The analyses of a problem, each a link, and a small form to start another. */
export function ProblemAnalyses({ problemId, problemTitle }: { problemId: string; problemTitle: string }) {
  const { t } = useTranslation();
  const analyses = useAnalyses(problemId);
  const day = useDayFormat();
  const [starting, setStarting] = useState(false);
  const headingId = useId();
  const openRef = useRef<HTMLButtonElement>(null);

  return (
    <section
      className="detail-section problem-analyses"
      aria-labelledby={headingId}
      data-testid="problem-analyses"
    >
      <div className="detail-section-header">
        <h2 id={headingId} className="detail-section-title">
          {t("problemDetail.analyses.heading")}
        </h2>
        {!starting && (
          <button
            ref={openRef}
            type="button"
            className="button"
            data-testid="analysis-start-open"
            onClick={() => {
              setStarting(true);
            }}
          >
            {t("problemDetail.analyses.start")}
          </button>
        )}
      </div>
      {starting && (
        <StartAnalysisForm
          problemId={problemId}
          problemTitle={problemTitle}
          onCancel={() => {
            setStarting(false);
            requestAnimationFrame(() => openRef.current?.focus());
          }}
        />
      )}
      {analyses.isError && (
        <p className="field-error" role="alert">
          {t("problemDetail.analyses.loadError", { reason: describeError(t, analyses.error) })}
        </p>
      )}
      {analyses.data !== undefined &&
        (analyses.data.length === 0 ? (
          <p className="muted" data-testid="problem-analyses-empty">
            {t("problemDetail.analyses.empty")}
          </p>
        ) : (
          <>
            <p className="field-hint">{t("problemDetail.analyses.intro")}</p>
            <ul className="problem-analyses-list">
              {analyses.data.map(({ analysis, nodeCount, rootCauseCount }) => (
                <li key={analysis.id} className="problem-analysis" data-testid="problem-analysis">
                  <Link to={`/analyses/${analysis.id}`} className="problem-analysis-link">
                    <bdi>{analysis.title}</bdi>
                  </Link>
                  <span className="problem-analysis-meta">
                    <span className={`badge analysis-status analysis-status--${analysis.status}`}>
                      {t(`why.analysisStatus.${analysis.status}`)}
                    </span>
                    <time dateTime={analysis.heldOn}>{formatDay(day, analysis.heldOn)}</time>
                    <span>
                      {t("analyses.list.nodes", { count: nodeCount })}
                      {t("analyses.export.listSeparator")}
                      {t("analyses.list.roots", { count: rootCauseCount })}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}
