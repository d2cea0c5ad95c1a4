import { useId, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { useAddResponse } from "../../api/metrics";
import type { CesEasy } from "../../bindings/CesEasy";
import type { Channel } from "../../bindings/Channel";
import type { LinkedProblem } from "../../bindings/LinkedProblem";
import type { ResponseInput } from "../../bindings/ResponseInput";
import { ENUMS, LIMITS as CORE_LIMITS } from "../../bindings/rules";
import type { SurveyKind } from "../../bindings/SurveyKind";
import { describeError } from "../../i18n/errors";
import {
  ChannelSelect,
  checkPastDay,
  checkText,
  DateField,
  EARLIEST_DAY,
  Field,
  localToday,
  NumberInput,
  TextInput,
  useFormIssues,
  type FieldIssue,
} from "../../kit/fields";
import { parseTypedNumber } from "../../kit/fields/dates";
import { ProblemPicker, type ProblemPickerWords } from "../../kit/ProblemPicker";
import { TouchpointSelect } from "./TouchpointSelect";

const FIELDS = ["score", "cesScale", "cesEasy", "respondedOn", "comment", "ticketRef", "customer"] as const;

const M = CORE_LIMITS.metrics;

/** The lowest and highest score of a question (CES on its chosen scale). */
export function scaleOf(kind: SurveyKind, cesScale: number): [number, number] {
  switch (kind) {
    case "nps":
      return [M.nps.min, M.nps.max];
    case "csat":
      return [M.csat.min, M.csat.max];
    case "ces":
      return [1, cesScale];
  }
}

/** The score as typed, checked against its question's scale (the core's rule and limit). */
export function checkScore(kind: SurveyKind, cesScale: number, text: string): FieldIssue | null {
  const [low, high] = scaleOf(kind, cesScale);
  const value = parseTypedNumber(text);
  if (text.trim() === "") return { field: "score", rule: "required", limit: null };
  if (value === null || !Number.isInteger(value) || value < low || value > high)
    return { field: "score", rule: "out_of_scale", limit: high };
  return null;
}

interface ResponseFormProps {
  announce: (message: string) => void;
}

/** One survey answer, checked as it is typed in and again by the core. */
export function ResponseForm({ announce }: ResponseFormProps) {
  const { t } = useTranslation();
  const add = useAddResponse();
  const [kind, setKind] = useState<SurveyKind>("nps");
  const [score, setScore] = useState("");
  const [cesScale, setCesScale] = useState<number>(7);
  const [cesEasy, setCesEasy] = useState<CesEasy>("high");
  const [respondedOn, setRespondedOn] = useState(localToday);
  const [channel, setChannel] = useState<Channel | null>(null);
  const [comment, setComment] = useState("");
  const [ticketRef, setTicketRef] = useState("");
  const [customer, setCustomer] = useState("");
  const [problem, setProblem] = useState<LinkedProblem | null>(null);
  const [touchpoint, setTouchpoint] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const { formRef, failure, message, check, refuse } = useFormIssues(FIELDS);
  const headingId = useId();
  const high = scaleOf(kind, cesScale)[1];

  const pickerWords: ProblemPickerWords = {
    search: t("personas.problems.search"),
    searchPlaceholder: t("personas.problems.searchPlaceholder"),
    searchError: (reason) => t("personas.problems.searchError", { reason }),
    noMatch: t("personas.problems.noMatch"),
    results: t("personas.problems.results"),
    pickLabel: (title) => t("personas.problems.linkLabel", { title }),
    done: t("personas.problems.done"),
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const valid = check([
      checkScore(kind, cesScale, score),
      checkPastDay("respondedOn", respondedOn),
      checkText("comment", comment, M.comment),
      checkText("ticketRef", ticketRef, M.ticketRef),
      checkText("customer", customer, M.customer),
    ]);
    if (!valid) return;
    const input: ResponseInput = { kind, score: parseTypedNumber(score) ?? 0, respondedOn };
    if (kind === "ces") {
      input.cesScale = cesScale;
      input.cesEasy = cesEasy;
    }
    if (channel !== null) input.channel = channel;
    if (comment.trim() !== "") input.comment = comment;
    if (ticketRef.trim() !== "") input.ticketRef = ticketRef;
    if (customer.trim() !== "") input.customer = customer;
    if (problem !== null) input.problemId = problem.id;
    if (touchpoint !== null) input.touchpointId = touchpoint;
    add.mutate(input, {
      onSuccess: () => {
        announce(t("metrics.answers.added"));
        // The next answer is most often the same question, day and channel.
        setScore("");
        setComment("");
        setTicketRef("");
        setCustomer("");
        formRef.current?.querySelector<HTMLInputElement>('[data-testid="response-score"]')?.focus();
      },
      onError: refuse,
    });
  };

  return (
    <form
      ref={formRef}
      className="metric-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={onSubmit}
      data-testid="response-form"
    >
      <h2 id={headingId}>{t("metrics.answers.formTitle")}</h2>
      <div className="form-grid">
        <Field label={t("metrics.answers.kind")} error={null} errorTestId="response-kind-error">
          {(control) => (
            <select
              {...control}
              className="select-input"
              value={kind}
              data-testid="response-kind"
              onChange={(event) => {
                setKind(ENUMS.surveyKind.find((k) => k === event.target.value) ?? "nps");
              }}
            >
              {ENUMS.surveyKind.map((k) => (
                <option key={k} value={k}>
                  {t(`metrics.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t("metrics.answers.score")}
          hint={
            kind === "ces"
              ? t("metrics.answers.scoreHint.ces", { max: high })
              : t(`metrics.answers.scoreHint.${kind}`)
          }
          error={message("score")}
          errorTestId="response-score-error"
        >
          {(control) => (
            <NumberInput {...control} value={score} onChange={setScore} testId="response-score" />
          )}
        </Field>
      </div>
      {kind === "ces" && (
        <div className="form-grid">
          <Field
            label={t("metrics.answers.cesScale")}
            error={message("cesScale")}
            errorTestId="response-scale-error"
          >
            {(control) => (
              <select
                {...control}
                className="select-input"
                value={String(cesScale)}
                data-testid="response-ces-scale"
                onChange={(event) => {
                  setCesScale(Number(event.target.value));
                }}
              >
                {M.cesScales.map((s) => (
                  <option key={s} value={String(s)}>
                    {t("metrics.answers.cesScaleOption", { count: s })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t("metrics.answers.cesEasy")}
            error={message("cesEasy")}
            errorTestId="response-easy-error"
          >
            {(control) => (
              <select
                {...control}
                className="select-input"
                value={cesEasy}
                data-testid="response-ces-easy"
                onChange={(event) => {
                  setCesEasy(event.target.value === "low" ? "low" : "high");
                }}
              >
                <option value="high">{t("metrics.answers.cesEasyHigh")}</option>
                <option value="low">{t("metrics.answers.cesEasyLow")}</option>
              </select>
            )}
          </Field>
        </div>
      )}
      <div className="form-grid">
        <Field
          label={t("metrics.answers.respondedOn")}
          error={message("respondedOn")}
          errorTestId="response-date-error"
        >
          {(control) => (
            <DateField
              {...control}
              value={respondedOn}
              onChange={setRespondedOn}
              min={EARLIEST_DAY}
              max={localToday()}
              testId="response-date"
            />
          )}
        </Field>
        <Field label={t("metrics.answers.channel")} error={null} errorTestId="response-channel-error">
          {(control) => (
            <ChannelSelect {...control} value={channel} onChange={setChannel} testId="response-channel" />
          )}
        </Field>
      </div>
      <div className="form-grid">
        <Field
          label={t("metrics.answers.customer")}
          error={message("customer")}
          errorTestId="response-customer-error"
        >
          {(control) => (
            <TextInput {...control} value={customer} onChange={setCustomer} testId="response-customer" />
          )}
        </Field>
        <Field
          label={t("metrics.answers.ticketRef")}
          error={message("ticketRef")}
          errorTestId="response-ticket-error"
        >
          {(control) => (
            <TextInput {...control} value={ticketRef} onChange={setTicketRef} testId="response-ticket" />
          )}
        </Field>
      </div>
      <Field label={t("metrics.answers.touchpoint")} error={null} errorTestId="response-touchpoint-error">
        {(control) => (
          <TouchpointSelect
            {...control}
            value={touchpoint}
            noneLabel={t("metrics.answers.noTouchpoint")}
            testId="response-touchpoint"
            onChange={setTouchpoint}
          />
        )}
      </Field>
      <Field
        label={t("metrics.answers.comment")}
        error={message("comment")}
        errorTestId="response-comment-error"
      >
        {(control) => (
          <TextInput {...control} value={comment} onChange={setComment} multiline testId="response-comment" />
        )}
      </Field>
      <div className="metric-form-problem">
        <span className="field-label">{t("metrics.answers.problem")}</span>
        {problem === null ? (
          <span className="overview-muted">{t("metrics.answers.noProblem")}</span>
        ) : (
          <span className="metric-chosen-problem" data-testid="response-problem">
            <bdi>{problem.title}</bdi>
            <button
              type="button"
              className="button button--ghost metric-chosen-remove"
              aria-label={t("personas.problems.unlinkLabel", { title: problem.title })}
              onClick={() => {
                setProblem(null);
              }}
            >
              ×
            </button>
          </span>
        )}
        {!picking && (
          <button
            type="button"
            className="button button--ghost"
            data-testid="response-pick-problem"
            onClick={() => {
              setPicking(true);
            }}
          >
            {t("personas.problems.link")}
          </button>
        )}
      </div>
      {picking && (
        <ProblemPicker
          words={pickerWords}
          testIdPrefix="response-problem"
          linkedIds={new Set(problem === null ? [] : [problem.id])}
          pending={false}
          onPick={(picked) => {
            setProblem(picked);
            setPicking(false);
          }}
          onClose={() => {
            setPicking(false);
          }}
        />
      )}
      {failure !== null && (
        <p className="field-error" role="alert" data-testid="response-error">
          {t("metrics.answers.failed", { reason: describeError(t, failure) })}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={add.isPending}
          data-testid="response-submit"
        >
          {add.isPending ? t("metrics.answers.adding") : t("metrics.answers.submit")}
        </button>
      </div>
    </form>
  );
}
