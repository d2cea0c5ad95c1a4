import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { createMap } from "../../api/empathy";
import { useWrite } from "../../api/freshness";
import type { AppError } from "../../api/errors";
import type { MapRef } from "../../bindings/MapRef";
import type { Persona } from "../../bindings/Persona";
import { describeError } from "../../i18n/errors";
import { localToday } from "../../kit/fields";
import { formatDay, useDayFormat } from "../../i18n/format";

/** One map, linking to its board: title, day of the workshop, how many notes. */
export function MapLine({ map, testId }: { map: MapRef; testId: string }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  return (
    <li className="persona-link-item" data-testid={testId}>
      <Link to={`/empathy/${map.id}`} className="persona-link" data-testid={`${testId}-link`}>
        <bdi>{map.title}</bdi>
      </Link>
      <span className="persona-link-meta">
        <time dateTime={map.heldOn}>{t("personas.maps.held", { date: formatDay(day, map.heldOn) })}</time>
        <span aria-hidden="true"> · </span>
        <span>{t("personas.maps.notes", { count: map.noteCount })}</span>
      </span>
    </li>
  );
}

/** The persona's empathy maps, and a button that starts a new one and opens it. */
export function PersonaMaps({ persona, maps }: { persona: Persona; maps: readonly MapRef[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const headingId = useId();
  const create = useWrite(createMap);
  const [error, setError] = useState<AppError | null>(null);
  return (
    <section className="detail-section persona-maps" aria-labelledby={headingId} data-testid="persona-maps">
      <div className="detail-section-header">
        <h2 id={headingId} className="detail-section-title">
          {t("personas.maps.heading")}{" "}
          <span className="count" data-testid="persona-maps-count">
            {maps.length}
          </span>
        </h2>
        <button
          type="button"
          className="button no-print"
          disabled={create.isPending}
          data-testid="persona-new-map"
          onClick={() => {
            setError(null);
            create.mutate(
              {
                personaId: persona.id,
                title: t("personas.maps.defaultTitle", { name: persona.name }),
                heldOn: localToday(),
              },
              {
                onSuccess: (map) => {
                  void navigate(`/empathy/${map.id}`);
                },
                onError: setError,
              },
            );
          }}
        >
          {create.isPending ? t("personas.maps.creating") : t("personas.maps.new")}
        </button>
      </div>
      {error !== null && (
        <p className="field-error" role="alert" data-testid="persona-new-map-error">
          {t("personas.maps.failed", { reason: describeError(t, error) })}
        </p>
      )}
      {maps.length === 0 ? (
        <p className="muted" data-testid="persona-maps-empty">
          {t("personas.maps.empty")}
        </p>
      ) : (
        <ul className="persona-link-list">
          {maps.map((map) => (
            <MapLine key={map.id} map={map} testId="persona-map" />
          ))}
        </ul>
      )}
    </section>
  );
}
