import type { NewActionFormSlotProps } from "../../../kit/slots";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { localToday, useCreateAction, useProblemRootCauses } from "../../../api/actions";
import { useActionFromCard } from "../../../api/journeys";
import type { ActionKind } from "../../../bindings/ActionKind";
import type { NewAction } from "../../../bindings/NewAction";
import type { Priority } from "../../../bindings/Priority";
import { describeError } from "../../../i18n/errors";
import {
  checkText,
  DateField,
  Field,
  oneLine,
  useFormIssues,
  useOneLinePaste,
  type FieldIssue,
} from "../../../kit/fields";
import { OwnerField } from "../shared/OwnerField";
import { ACTION_KINDS, ACTION_LIMITS, PRIORITIES, checkDueDay, LATEST_DUE_DAY } from "./rules";

const FORM_FIELDS = [
  "title",
  "kind",
  "causeIds",
  "owner",
  "dueOn",
  "priority",
  "checkMethod",
  "description",
] as const;

type NewActionFormProps = NewActionFormSlotProps;

/**
 * A new action: what, which kind, the root causes it addresses, who, by
 * when, how urgent and how its effect will be judged. Every rule the core
 * refuses is shown beside its field, focus goes to the first one, and
 * nothing typed is lost.
 */
export function NewActionForm({
  problemId,
  causeIds: initialCauses = [],
  initialTitle = "",
  initialDescription = "",
  initialKind = "corrective",
  variant = "full",
  titleLabel,
  testIdBase = "new-action",
  fromCardId,
  onCreated,
  onCancel,
}: NewActionFormProps) {
  const { t } = useTranslation();
  const created = useCreateAction();
  const fromCard = useActionFromCard();
  const create = fromCardId === undefined ? created : fromCard;
  const brief = variant === "brief";
  const [title, setTitle] = useState(initialTitle);
  const [kind, setKind] = useState<ActionKind>(initialKind);
  const [causeIds, setCauseIds] = useState<string[]>(() => [...initialCauses]);
  const [owner, setOwner] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [priority, setPriority] = useState<Priority>("medium");
  const [checkMethod, setCheckMethod] = useState("");
  const [description, setDescription] = useState(initialDescription);
  const { formRef, failure, message, check, refuse } = useFormIssues(FORM_FIELDS);
  const titleRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const id = (field: string) => `${testIdBase}-${field}`;
  const titlePaste = useOneLinePaste(title, setTitle, id("title"));

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  const submit = () => {
    if (create.isPending) return;
    const found: (FieldIssue | null)[] = [
      checkText("title", title, ACTION_LIMITS.title, true),
      checkText("owner", owner, ACTION_LIMITS.owner),
      checkDueDay("dueOn", dueOn, localToday()),
      checkText("checkMethod", checkMethod, ACTION_LIMITS.checkText),
      checkText("description", description, ACTION_LIMITS.description),
    ];
    if (!check(found)) return;
    const input: NewAction = { problemId, title: title.trim(), kind, causeIds };
    if (owner.trim() !== "") input.owner = owner.trim();
    if (dueOn !== "") input.dueOn = dueOn;
    if (!brief) {
      input.priority = priority;
      if (checkMethod.trim() !== "") input.checkMethod = checkMethod.trim();
      if (description.trim() !== "") input.description = description.trim();
    }
    if (fromCardId === undefined) created.mutate(input, { onSuccess: onCreated, onError: refuse });
    else fromCard.mutate({ id: fromCardId, input }, { onSuccess: onCreated, onError: refuse });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Escape" && onCancel !== undefined && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form
      ref={formRef}
      className={brief ? "new-action-form new-action-form--brief" : "new-action-form"}
      aria-labelledby={brief ? undefined : headingId}
      aria-label={brief ? (titleLabel ?? t("actionCreate.heading")) : undefined}
      noValidate
      data-testid={`${testIdBase}-form`}
      onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={onKeyDown}
    >
      {!brief && (
        <h3 id={headingId} className="new-action-heading">
          {t("actionCreate.heading")}
        </h3>
      )}
      <Field
        label={titleLabel ?? t("actions.field.title")}
        error={message("title")}
        errorTestId={id("title-error")}
        hint={brief ? undefined : t("actionCreate.titleHint")}
      >
        {(control) => (
          <>
            <input
              {...control}
              ref={titleRef}
              type="text"
              className="text-input"
              autoComplete="off"
              dir={title === "" ? undefined : "auto"}
              value={title}
              placeholder={t("actionCreate.titlePlaceholder")}
              data-testid={id("title")}
              onPaste={titlePaste.onPaste}
              onChange={(event) => {
                titlePaste.onTyped();
                setTitle(oneLine(event.target.value));
              }}
              onKeyDown={(event) => {
                if (event.key === "Enter" && !event.nativeEvent.isComposing) {
                  event.preventDefault();
                  submit();
                }
              }}
            />
            {titlePaste.notice}
          </>
        )}
      </Field>

      {!brief && (
        <>
          <fieldset className="form-fieldset action-kind-choices" data-testid={id("kind")}>
            <legend className="field-label">{t("actions.field.kind")}</legend>
            {ACTION_KINDS.map((k) => (
              <label key={k} className="action-kind-choice">
                <input
                  type="radio"
                  name={`${headingId}-kind`}
                  value={k}
                  checked={kind === k}
                  data-testid={id(`kind-${k}`)}
                  onChange={() => {
                    setKind(k);
                  }}
                />
                <span className="action-kind-text">
                  <span className="action-kind-name">{t(`actions.kind.${k}`)}</span>
                  <span className="field-hint">{t(`actions.kindHint.${k}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <CausePicker
            problemId={problemId}
            value={causeIds}
            onChange={setCauseIds}
            error={message("causeIds")}
            testIdBase={id("causes")}
            warnNone={kind === "corrective"}
          />
        </>
      )}

      <div className="form-grid">
        <Field label={t("actions.field.owner")} error={message("owner")} errorTestId={id("owner-error")}>
          {(control) => (
            <OwnerField
              {...control}
              value={owner}
              placeholder={t("actionCreate.ownerPlaceholder")}
              data-testid={id("owner")}
              onChange={setOwner}
            />
          )}
        </Field>
        <Field label={t("actions.field.dueOn")} error={message("dueOn")} errorTestId={id("dueOn-error")}>
          {(control) => (
            <DateField
              {...control}
              min={localToday()}
              max={LATEST_DUE_DAY}
              value={dueOn}
              testId={id("dueOn")}
              onChange={setDueOn}
            />
          )}
        </Field>
        {!brief && (
          <Field
            label={t("actions.field.priority")}
            error={message("priority")}
            errorTestId={id("priority-error")}
          >
            {(control) => (
              <select
                {...control}
                className="select-input"
                value={priority}
                data-testid={id("priority")}
                onChange={(event) => {
                  const next = PRIORITIES.find((p) => p === event.target.value);
                  if (next !== undefined) setPriority(next);
                }}
              >
                {PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {t(`actions.priority.${p}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>

      {!brief && (
        <>
          <Field
            label={t("actions.field.checkMethod")}
            error={message("checkMethod")}
            errorTestId={id("checkMethod-error")}
            hint={t("actionCreate.checkMethodHint")}
          >
            {(control) => (
              <textarea
                {...control}
                className="text-input"
                rows={3}
                dir={checkMethod === "" ? undefined : "auto"}
                value={checkMethod}
                data-testid={id("checkMethod")}
                onChange={(event) => {
                  setCheckMethod(event.target.value);
                }}
              />
            )}
          </Field>
          <Field
            label={t("actionCreate.descriptionLabel")}
            error={message("description")}
            errorTestId={id("description-error")}
          >
            {(control) => (
              <textarea
                {...control}
                className="text-input"
                rows={3}
                dir={description === "" ? undefined : "auto"}
                value={description}
                data-testid={id("description")}
                onChange={(event) => {
                  setDescription(event.target.value);
                }}
              />
            )}
          </Field>
        </>
      )}

      {failure !== null && (
        <p className="field-error" role="alert" data-testid={id("error")}>
          {t("actionCreate.failed", { reason: describeError(t, failure) })}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={create.isPending}
          data-testid={id("save")}
        >
          {create.isPending ? t("actionCreate.creating") : t("actionCreate.create")}
        </button>
        {onCancel !== undefined && (
          <button
            type="button"
            className="button button--ghost"
            data-testid={id("cancel")}
            onClick={onCancel}
          >
            {t("actionCreate.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

interface CausePickerProps {
  problemId: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error: string | null;
  testIdBase: string;
  /** Warn when none is ticked (a corrective action should name one). */
  warnNone: boolean;
  /** Causes already named that may no longer be root causes (shown so they can be unticked). */
  extra?: readonly { id: string; text: string; analysisTitle: string }[];
}

/** The problem's root causes as checkboxes: each its text and the analysis it was found in. */
export function CausePicker({
  problemId,
  value,
  onChange,
  error,
  testIdBase,
  warnNone,
  extra = [],
}: CausePickerProps) {
  const { t } = useTranslation();
  const causes = useProblemRootCauses(problemId);
  const legendId = useId();
  const warnId = useId();
  const errorId = useId();
  const known = causes.data ?? [];
  const shown = [...known, ...extra.filter((e) => !known.some((c) => c.id === e.id))];
  const warn = warnNone && value.length === 0;
  const describedBy = [error !== null ? errorId : null, warn ? warnId : null].filter(Boolean).join(" ");
  return (
    <fieldset
      className="form-fieldset action-causes"
      aria-describedby={describedBy === "" ? undefined : describedBy}
      data-testid={testIdBase}
    >
      <legend id={legendId} className="field-label">
        {t("actions.field.causes")}
      </legend>
      {causes.isError && (
        <p className="field-error" role="alert">
          {t("actionCreate.causesFailed", { reason: describeError(t, causes.error) })}
        </p>
      )}
      {causes.data !== undefined && shown.length === 0 && (
        <p className="muted" data-testid={`${testIdBase}-none`}>
          {t("actionCreate.noCauses")}
        </p>
      )}
      {shown.length > 0 && (
        <ul className="action-cause-choices">
          {shown.map((cause) => (
            <li key={cause.id}>
              <label className="action-cause-choice">
                <input
                  type="checkbox"
                  checked={value.includes(cause.id)}
                  data-testid={`${testIdBase}-option`}
                  data-cause={cause.id}
                  onChange={(event) => {
                    onChange(
                      event.target.checked ? [...value, cause.id] : value.filter((x) => x !== cause.id),
                    );
                  }}
                />
                <span className="action-cause-text">
                  <bdi className="user-text">{cause.text === "" ? t("why.emptyText") : cause.text}</bdi>
                  {cause.analysisTitle !== "" && " "}
                  {cause.analysisTitle !== "" && (
                    <span className="action-cause-analysis">
                      {t("actionCreate.inAnalysis")} <bdi>{cause.analysisTitle}</bdi>
                    </span>
                  )}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error !== null && (
        <p id={errorId} className="field-error" data-testid={`${testIdBase}-error`}>
          {error}
        </p>
      )}
      {warn && (
        <p id={warnId} className="action-warning" data-testid={`${testIdBase}-warning`}>
          {t("actions.flagHint.noRootCause")}
        </p>
      )}
    </fieldset>
  );
}
