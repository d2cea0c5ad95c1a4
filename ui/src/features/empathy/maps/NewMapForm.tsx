import { useWrite } from "../../../api/freshness";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { localToday } from "../../../api/actions";
import { createMap } from "../../../api/empathy";
import { usePersonas } from "../../../api/personas";
import type { EmpathyMap } from "../../../bindings/EmpathyMap";
import type { NewMap } from "../../../bindings/NewMap";
import { LIMITS } from "../../../bindings/rules";
import { describeError } from "../../../i18n/errors";
import { ParticipantsEditor } from "../../../kit/fields/ParticipantsEditor";
import {
  checkText,
  DateField,
  Field,
  oneLine,
  useFormIssues,
  useOneLinePaste,
  type FieldIssue,
} from "../../../kit/fields";
import { useProblemOptions } from "../board/useProblemOptions";

const FORM_FIELDS = ["personaId", "title", "heldOn", "participants", "problemId", "votesPerPerson"] as const;

/**
 * A new empathy map: the persona it is about, a title, the day, who takes
 * part, an optional problem and the dots per participant. Broken rules show
 * beside their fields; nothing typed is lost.
 */
export function NewMapForm({ onCreated }: { onCreated: (map: EmpathyMap) => void }) {
  const { t } = useTranslation();
  const personas = usePersonas();
  const problems = useProblemOptions({ id: null, title: null });
  const [personaId, setPersonaId] = useState("");
  const [title, setTitle] = useState("");
  const titlePaste = useOneLinePaste(title, setTitle, "map-title-input");
  const [heldOn, setHeldOn] = useState(localToday);
  const [participants, setParticipants] = useState<string[]>([]);
  const [participantText, setParticipantText] = useState("");
  const [problemId, setProblemId] = useState("");
  const [votes, setVotes] = useState("3");
  const { formRef, failure, message, check, refuse } = useFormIssues(FORM_FIELDS);
  const create = useWrite(createMap);

  const list = personas.data ?? [];
  if (personas.data !== undefined && list.length === 0) {
    return (
      <section className="empathy-new" aria-labelledby="empathy-new-heading" data-testid="map-new">
        <h2 id="empathy-new-heading" className="empathy-new-heading">
          {t("empathy.create.heading")}
        </h2>
        <p data-testid="map-no-personas">{t("empathy.create.noPersonas")}</p>
        <Link to="/personas" className="button button--primary" data-testid="map-personas-link">
          {t("empathy.create.noPersonasLink")}
        </Link>
      </section>
    );
  }

  const votesMessage = (): string | null => {
    const own = message("votesPerPerson");
    return own === null ? null : t("empathy.create.votesRange");
  };

  const submit = () => {
    if (create.isPending) return;
    const n = Number(votes);
    const found: (FieldIssue | null)[] = [
      personaId === "" ? { field: "personaId", rule: "required", limit: null } : null,
      checkText("title", title, LIMITS.empathy.title, true),
      votes.trim() === "" || !Number.isInteger(n) || n < 1 || n > LIMITS.empathy.votes
        ? { field: "votesPerPerson", rule: "out_of_range", limit: LIMITS.empathy.votes }
        : null,
    ];
    if (!check(found)) return;
    const pending = participantText.trim() === "" ? [] : [participantText.trim()];
    const input: NewMap = {
      personaId,
      title: title.trim(),
      votesPerPerson: n,
      participants: [...participants, ...pending.filter((p) => !participants.includes(p))],
    };
    if (heldOn !== "") input.heldOn = heldOn;
    if (problemId !== "") input.problemId = problemId;
    create.mutate(input, { onSuccess: onCreated, onError: refuse });
  };

  return (
    <form
      ref={formRef}
      className="empathy-new"
      aria-labelledby="empathy-new-heading"
      noValidate
      data-testid="map-new"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id="empathy-new-heading" className="empathy-new-heading">
        {t("empathy.create.heading")}
      </h2>
      <div className="form-grid">
        <Field
          label={t("empathy.create.persona")}
          error={message("personaId")}
          errorTestId="map-persona-error"
        >
          {(control) => (
            <select
              {...control}
              className="select-input"
              value={personaId}
              data-testid="map-persona"
              onChange={(event) => {
                setPersonaId(event.target.value);
              }}
            >
              <option value="">{t("empathy.create.choosePersona")}</option>
              {list.map((card) => (
                <option key={card.persona.id} value={card.persona.id}>
                  {card.persona.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("empathy.create.title")} error={message("title")} errorTestId="map-title-error">
          {(control) => (
            <>
              <input
                {...control}
                type="text"
                className="text-input"
                autoComplete="off"
                dir={title === "" ? undefined : "auto"}
                placeholder={t("empathy.create.titlePlaceholder")}
                value={title}
                data-testid="map-title-input"
                onPaste={titlePaste.onPaste}
                onChange={(event) => {
                  titlePaste.onTyped();
                  setTitle(oneLine(event.target.value));
                }}
              />
              {titlePaste.notice}
            </>
          )}
        </Field>
        <Field label={t("empathy.create.heldOn")} error={message("heldOn")} errorTestId="map-date-error">
          {(control) => (
            <DateField
              {...control}
              max={localToday()}
              value={heldOn}
              testId="map-date-input"
              onChange={setHeldOn}
            />
          )}
        </Field>
        <Field
          label={t("empathy.create.problem")}
          error={message("problemId")}
          errorTestId="map-problem-error"
        >
          {(control) => (
            <select
              {...control}
              className="select-input"
              value={problemId}
              data-testid="map-problem"
              onChange={(event) => {
                setProblemId(event.target.value);
              }}
            >
              <option value="">{t("empathy.create.noProblem")}</option>
              {problems.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t("empathy.create.votes")}
          hint={t("empathy.create.votesHint")}
          error={votesMessage()}
          errorTestId="map-votes-error"
        >
          {(control) => (
            <input
              {...control}
              type="number"
              className="text-input empathy-votes-input"
              dir="ltr"
              min={1}
              max={LIMITS.empathy.votes}
              value={votes}
              data-testid="map-votes"
              onChange={(event) => {
                setVotes(event.target.value);
              }}
            />
          )}
        </Field>
      </div>
      <Field
        label={t("empathy.create.participants")}
        hint={t("empathy.create.participantsHint")}
        error={message("participants")}
        errorTestId="map-participants-error"
      >
        {(control) => (
          <div data-testid="map-participants">
            <ParticipantsEditor
              {...control}
              value={participants}
              text={participantText}
              onTextChange={setParticipantText}
              onAdd={(names) => {
                setParticipants((current) => [...current, ...names.filter((n) => !current.includes(n))]);
              }}
              onRemove={(index) => {
                setParticipants((current) => current.filter((_, i) => i !== index));
              }}
              onCancel={() => {
                setParticipantText("");
              }}
              isInvalid={() => false}
            />
          </div>
        )}
      </Field>
      {failure !== null && (
        <p className="field-error" role="alert" data-testid="map-create-error">
          {t("empathy.create.failed", { reason: describeError(t, failure) })}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={create.isPending}
          data-testid="map-create"
        >
          {create.isPending ? t("empathy.create.busy") : t("empathy.create.submit")}
        </button>
      </div>
    </form>
  );
}
