import { Breadcrumb } from "../../kit/detail/Breadcrumb";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { usePersona } from "../../api/personas";
import type { PersonaDetail } from "../../bindings/PersonaDetail";
import { NotFoundState } from "../../kit/LoadStates";
import { Announcement, DetailStates, useAnnouncer } from "../../kit/detail/DetailPage";
import { describeError } from "../../i18n/errors";
import { formatTimestamp, useDateTimeFormat } from "../../i18n/format";
import { PROFILE_FIELDS } from "./markdown";
import { PersonaActions } from "./PersonaActions";
import { PersonaChannels, PersonaText } from "./PersonaFields";
import { PersonaMaps } from "./PersonaMaps";
import { PersonaPicture } from "./PersonaPicture";
import { PersonaProblems } from "./PersonaProblems";
import { PersonaQuotes } from "./PersonaQuotes";
import { PersonaHistory } from "./PersonaHistory";

const LIST_PATH = "/personas";

function PersonaBreadcrumb({ name }: { name?: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb
      label={t("personas.detail.breadcrumb")}
      back={{ to: LIST_PATH, text: t("personas.detail.back"), testId: "persona-back" }}
      current={name}
      className="no-print"
    />
  );
}

/** The profile as plain text, for paper: inputs do not print well. */
function PrintProfile({ detail }: { detail: PersonaDetail }) {
  const { t } = useTranslation();
  const { persona } = detail;
  return (
    <dl className="persona-print-profile print-only" data-testid="persona-print-profile">
      {PROFILE_FIELDS.filter((field) => persona[field].trim() !== "").map((field) => (
        <div key={field} className="persona-print-field">
          <dt>{t(`personas.field.${field}`)}</dt>
          <dd className="user-text" dir="auto">
            {persona[field]}
          </dd>
        </div>
      ))}
      {persona.channels.length > 0 && (
        <div className="persona-print-field">
          <dt>{t("personas.field.channels")}</dt>
          <dd>{persona.channels.map((c) => t(`problem.channel.${c}`)).join(t("personas.list.separator"))}</dd>
        </div>
      )}
    </dl>
  );
}

function Detail({ detail }: { detail: PersonaDetail }) {
  const { t } = useTranslation();
  const { persona } = detail;
  const time = useDateTimeFormat();
  const [announcement, announce] = useAnnouncer();
  const profileId = useId();
  const shared = { persona, announce };

  return (
    <article className="persona-page" data-testid="persona-detail">
      <PersonaBreadcrumb name={persona.name} />
      <header className="persona-header">
        <PersonaPicture persona={persona} announce={announce} />
        <div className="persona-header-main">
          <h1 className="persona-print-name">
            <bdi>{persona.name}</bdi>
          </h1>
          <div className="persona-header-fields no-print">
            <PersonaText {...shared} field="name" className="title-input" />
            <PersonaText {...shared} field="role" />
            <PersonaText {...shared} field="segment" />
          </div>
          <p className="persona-print-line print-only">
            {[persona.role, persona.segment].filter((v) => v.trim() !== "").join(" · ")}
          </p>
          <p className="detail-meta no-print">
            <span>{t("personas.detail.created", { date: formatTimestamp(time, persona.createdAt) })}</span>
            <span>{t("personas.detail.updated", { date: formatTimestamp(time, persona.updatedAt) })}</span>
            {persona.sample && <span className="badge">{t("personas.detail.sample")}</span>}
          </p>
          <p className="field-hint no-print">{t("personas.detail.editHint")}</p>
        </div>
      </header>

      <PersonaActions detail={detail} />

      <PersonaQuotes personaId={persona.id} quotes={detail.quotes} announce={announce} />

      <section className="detail-section persona-profile" aria-labelledby={profileId}>
        <h2 id={profileId} className="detail-section-title">
          {t("personas.detail.profile")}
        </h2>
        <div className="persona-profile-grid no-print">
          <PersonaText {...shared} field="goals" />
          <PersonaText {...shared} field="painPoints" />
          <PersonaText {...shared} field="triggers" hint={t("personas.hint.triggers")} />
          <PersonaText {...shared} field="fears" />
          <PersonaChannels {...shared} />
          <PersonaText {...shared} field="story" hint={t("personas.hint.story")} />
          <PersonaText {...shared} field="demographics" hint={t("personas.hint.demographics")} />
        </div>
        <PrintProfile detail={detail} />
      </section>

      <PersonaProblems personaId={persona.id} problems={detail.problems} announce={announce} />
      <PersonaMaps persona={persona} maps={detail.maps} />
      <div className="no-print">
        <PersonaHistory personaId={persona.id} />
      </div>

      <Announcement text={announcement} testId="persona-announcement" />
    </article>
  );
}

/** One persona: every field edited in place, its quotes, picture, problems and maps. */
export function PersonaScreen() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const detail = usePersona(id);

  return (
    <DetailStates
      query={detail}
      breadcrumb={<PersonaBreadcrumb />}
      loadingTestId="persona-loading"
      loadingText={t("personas.detail.loading")}
      notFound={
        <>
          <PersonaBreadcrumb />
          <NotFoundState
            testId="persona-not-found"
            title={t("personas.detail.notFound.title")}
            body={t("personas.detail.notFound.body")}
            backTo={LIST_PATH}
            backLabel={t("personas.detail.back")}
            trashLabel={t("personas.detail.notFound.trash")}
          />
        </>
      }
      errorTestId="persona-error"
      errorMessage={(error) => t("personas.detail.loadError", { reason: describeError(t, error) })}
      retryLabel={t("personas.detail.retry")}
    >
      {/* Keyed by id: going from one persona to another starts with no edits in progress. */}
      {(data) => <Detail key={data.persona.id} detail={data} />}
    </DetailStates>
  );
}
