import { useCreateProblem } from "../../../api/problems";
import { useId, useRef, useState, type KeyboardEvent, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { AppError } from "../../../api/errors";
import type { Channel } from "../../../bindings/Channel";
import type { NewProblem } from "../../../bindings/NewProblem";
import type { Severity } from "../../../bindings/Severity";
import { describeError } from "../../../i18n/errors";
import {
  ChannelSelect,
  charCount,
  checkPastDay,
  checkReferences,
  checkTags,
  checkText,
  DateField,
  describeFieldIssue,
  EARLIEST_DAY,
  Field,
  fieldIssuesFromError,
  LIMITS,
  localToday,
  normaliseReferences,
  normaliseTags,
  NumberInput,
  parseWholeNumber,
  ReferencesEditor,
  SeveritySelect,
  TagsEditor,
  TextInput,
  type FieldIssue,
  type NumberField,
} from "../../../kit/fields";

const LIST_PATH = "/problems";

interface Draft {
  title: string;
  description: string;
  customer: string;
  segment: string;
  journeyStage: string;
  owner: string;
  channel: Channel | null;
  severity: Severity;
  reportedOn: string;
  tags: string[];
  /** Typed in the tag box, not added yet: it counts as a tag when the form is sent. */
  tagText: string;
  references: string[];
  referenceText: string;
  csat: string;
  nps: string;
  ces: string;
  customersAffected: string;
}

type FieldName = keyof NewProblem;
type Issues = Partial<Record<FieldName, FieldIssue | undefined>>;
type ShortTextField = "customer" | "segment" | "journeyStage" | "owner";

const SHORT_TEXT: readonly ShortTextField[] = ["owner", "customer", "segment", "journeyStage"];
const SUGGEST = {
  customer: "customer",
  segment: "segment",
  journeyStage: "journey_stage",
  owner: "owner",
} as const;
const NUMBERS: readonly NumberField[] = ["csat", "nps", "ces", "customersAffected"];

function emptyDraft(): Draft {
  return {
    title: "",
    description: "",
    customer: "",
    segment: "",
    journeyStage: "",
    owner: "",
    channel: null,
    severity: "medium",
    reportedOn: localToday(),
    tags: [],
    tagText: "",
    references: [],
    referenceText: "",
    csat: "",
    nps: "",
    ces: "",
    customersAffected: "",
  };
}

/** The tags and references the form would send: the added ones plus whatever is still typed. */
function pendingTags(draft: Draft): string[] {
  return [...draft.tags, ...draft.tagText.split(/[,،]/)];
}
function pendingReferences(draft: Draft): string[] {
  return [...draft.references, draft.referenceText];
}

/** The rule `field` breaks in `draft`, checked as the core will. */
function checkField(field: FieldName, draft: Draft): FieldIssue | null {
  switch (field) {
    case "title":
      return checkText("title", draft.title, LIMITS.title, true);
    case "description":
      return checkText("description", draft.description, LIMITS.description);
    case "customer":
    case "segment":
    case "journeyStage":
    case "owner":
      return checkText(field, draft[field], LIMITS[field]);
    case "reportedOn":
      return checkPastDay("reportedOn", draft.reportedOn);
    case "tags":
      return checkTags(pendingTags(draft));
    case "references":
      return checkReferences(pendingReferences(draft));
    case "csat":
    case "nps":
    case "ces":
    case "customersAffected": {
      const parsed = parseWholeNumber(field, draft[field]);
      return parsed.ok ? null : parsed.issue;
    }
    case "channel":
    case "severity":
      return null;
  }
}

const CHECKED: readonly FieldName[] = [
  "title",
  "description",
  "severity",
  "channel",
  "reportedOn",
  "owner",
  "customer",
  "segment",
  "journeyStage",
  "tags",
  "references",
  "csat",
  "nps",
  "ces",
  "customersAffected",
];

function checkAll(draft: Draft): Issues {
  const issues: Issues = {};
  for (const field of CHECKED) {
    const issue = checkField(field, draft);
    if (issue !== null) issues[field] = issue;
  }
  return issues;
}

function isFieldName(field: string): field is FieldName {
  return (CHECKED as readonly string[]).includes(field);
}

/** What is sent to the core: what the user filled in, and nothing for what they left empty. */
function toNewProblem(draft: Draft): NewProblem {
  const input: NewProblem = { title: draft.title, severity: draft.severity, reportedOn: draft.reportedOn };
  if (draft.description.trim() !== "") input.description = draft.description;
  for (const field of SHORT_TEXT) {
    if (draft[field].trim() !== "") input[field] = draft[field];
  }
  if (draft.channel !== null) input.channel = draft.channel;
  const tags = normaliseTags(pendingTags(draft));
  if (tags.length > 0) input.tags = tags;
  const references = normaliseReferences(pendingReferences(draft));
  if (references.length > 0) input.references = references;
  for (const field of NUMBERS) {
    const parsed = parseWholeNumber(field, draft[field]);
    if (parsed.ok && parsed.value !== null) input[field] = parsed.value;
  }
  return input;
}

/** A full form for a new problem: only the title is required. */
export function NewProblemScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProblem();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [issues, setIssues] = useState<Issues>({});
  const [failure, setFailure] = useState<AppError | null>(null);
  const [summary, setSummary] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  // The latest values, so two changes in one event (add a tag, clear the box) both count.
  const latest = useRef(draft);
  const hintId = useId();

  const focusFirstInvalid = () => {
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  };

  /**
   * Changes one value. A message already shown for that field follows what is
   * typed; `recheck` checks the field now even if it had no message (an added tag).
   */
  const update = <K extends keyof Draft>(
    key: K,
    value: Draft[K],
    field: FieldName = key as FieldName,
    recheck = false,
  ) => {
    const next = { ...latest.current, [key]: value };
    latest.current = next;
    setDraft(next);
    setIssues((current) => {
      if (!recheck && current[field] === undefined) return current;
      return { ...current, [field]: checkField(field, next) ?? undefined };
    });
  };

  const message = (field: FieldName) => {
    const issue = issues[field];
    return issue === undefined ? null : describeFieldIssue(t, issue);
  };
  const fieldProps = (field: FieldName) => ({
    error: message(field),
    errorTestId: `new-field-${field}-error`,
  });

  const submit = () => {
    if (create.isPending) return;
    const values = latest.current;
    const found = checkAll(values);
    setIssues(found);
    setFailure(null);
    const count = Object.keys(found).length;
    setSummary(count);
    if (count > 0) {
      focusFirstInvalid();
      return;
    }
    create.mutate(toNewProblem(values), {
      onSuccess: (problem) => {
        void navigate(`/problems/${problem.id}`);
      },
      onError: (error) => {
        const fromCore: Issues = {};
        for (const [field, issue] of fieldIssuesFromError(error)) {
          if (isFieldName(field)) fromCore[field] = issue;
        }
        const n = Object.keys(fromCore).length;
        setIssues(fromCore);
        setSummary(n);
        // An error about no particular field is shown for the whole form.
        setFailure(n === 0 ? error : null);
        if (n > 0) focusFirstInvalid();
      },
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

  // An added item that breaks a rule stays in the list, marked, with the reason beside the field.
  const addTags = (items: string[]) => {
    update("tags", normaliseTags([...latest.current.tags, ...items]), "tags", true);
  };
  const addReferences = (items: string[]) => {
    const { references } = latest.current;
    update(
      "references",
      [...references, ...items.filter((item) => !references.includes(item))],
      "references",
      true,
    );
  };

  return (
    <>
      <nav className="breadcrumb" aria-label={t("problemDetail.breadcrumb")}>
        <ol>
          <li>
            <Link to={LIST_PATH} className="breadcrumb-link">
              <svg
                className="icon-inline flip-in-rtl"
                viewBox="0 0 16 16"
                aria-hidden="true"
                focusable="false"
              >
                <path
                  d="M10 3L5 8l5 5"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.75"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                />
              </svg>
              {t("problemDetail.backToList")}
            </Link>
          </li>
        </ol>
      </nav>
      <header className="page-header">
        <h1>{t("newProblem.title")}</h1>
        <p className="page-subtitle">{t("newProblem.subtitle")}</p>
      </header>
      <form
        ref={formRef}
        className="new-problem-form"
        noValidate
        onSubmit={onSubmit}
        onKeyDown={onKeyDown}
        aria-describedby={hintId}
        data-testid="new-problem-form"
      >
        {summary > 0 && (
          <p className="alert form-summary" role="alert" data-testid="new-problem-summary">
            {t("newProblem.summary", { count: summary })}
          </p>
        )}
        <Field label={t("problem.field.title")} {...fieldProps("title")}>
          {(control) => (
            <TextInput
              {...control}
              className="text-input--large"
              value={draft.title}
              onChange={(value) => {
                update("title", value);
              }}
              placeholder={t("newProblem.titlePlaceholder")}
              testId="new-field-title"
            />
          )}
        </Field>
        <Field label={t("problem.field.description")} {...fieldProps("description")}>
          {(control) => (
            <TextInput
              {...control}
              multiline
              value={draft.description}
              onChange={(value) => {
                update("description", value);
              }}
              placeholder={t("problemDetail.descriptionPlaceholder")}
              testId="new-field-description"
            />
          )}
        </Field>

        <div className="form-grid">
          <Field label={t("problem.field.severity")} {...fieldProps("severity")}>
            {(control) => (
              <SeveritySelect
                {...control}
                value={draft.severity}
                onChange={(value) => {
                  update("severity", value);
                }}
                testId="new-field-severity"
              />
            )}
          </Field>
          <Field label={t("problem.field.channel")} {...fieldProps("channel")}>
            {(control) => (
              <ChannelSelect
                {...control}
                value={draft.channel}
                onChange={(value) => {
                  update("channel", value);
                }}
                testId="new-field-channel"
              />
            )}
          </Field>
          <Field label={t("problem.field.reportedOn")} {...fieldProps("reportedOn")}>
            {(control) => (
              <DateField
                {...control}
                value={draft.reportedOn}
                onChange={(value) => {
                  update("reportedOn", value);
                }}
                min={EARLIEST_DAY}
                max={localToday()}
                testId="new-field-reportedOn"
              />
            )}
          </Field>
          {SHORT_TEXT.map((field) => (
            <Field key={field} label={t(`problem.field.${field}`)} {...fieldProps(field)}>
              {(control) => (
                <TextInput
                  {...control}
                  value={draft[field]}
                  suggest={SUGGEST[field]}
                  onChange={(value) => {
                    update(field, value);
                  }}
                  testId={`new-field-${field}`}
                />
              )}
            </Field>
          ))}
        </div>

        <Field label={t("problem.field.tags")} {...fieldProps("tags")}>
          {(control) => (
            <TagsEditor
              {...control}
              value={draft.tags}
              text={draft.tagText}
              onTextChange={(text) => {
                update("tagText", text, "tags");
              }}
              onAdd={addTags}
              isInvalid={(tag) => charCount(tag.trim()) > LIMITS.tag}
              onRemove={(index) => {
                update(
                  "tags",
                  latest.current.tags.filter((_, i) => i !== index),
                );
              }}
              testIdBase="new-field-tags"
            />
          )}
        </Field>
        <Field
          label={t("problem.field.references")}
          hint={t("problemDetail.references.hint")}
          {...fieldProps("references")}
        >
          {(control) => (
            <ReferencesEditor
              {...control}
              value={draft.references}
              text={draft.referenceText}
              onTextChange={(text) => {
                update("referenceText", text, "references");
              }}
              onAdd={addReferences}
              isInvalid={(reference) => charCount(reference.trim()) > LIMITS.reference}
              onRemove={(index) => {
                update(
                  "references",
                  latest.current.references.filter((_, i) => i !== index),
                );
              }}
              testIdBase="new-field-references"
            />
          )}
        </Field>

        <fieldset className="form-fieldset">
          <legend>{t("problemDetail.scores")}</legend>
          <div className="form-grid form-grid--scores">
            {NUMBERS.map((field) => (
              <Field key={field} label={t(`problem.field.${field}`)} {...fieldProps(field)}>
                {(control) => (
                  <NumberInput
                    {...control}
                    value={draft[field]}
                    onChange={(value) => {
                      update(field, value);
                    }}
                    testId={`new-field-${field}`}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>

        {failure !== null && (
          <p className="alert" role="alert" data-testid="new-problem-error">
            {t("newProblem.failed", { reason: describeError(t, failure) })}
          </p>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={create.isPending}
            data-testid="new-problem-submit"
          >
            {create.isPending ? t("newProblem.submitting") : t("newProblem.submit")}
          </button>
          <Link to={LIST_PATH} className="button button--ghost" data-testid="new-problem-cancel">
            {t("newProblem.cancel")}
          </Link>
          <p id={hintId} className="field-hint">
            {t("newProblem.hint")}
          </p>
        </div>
      </form>
    </>
  );
}
