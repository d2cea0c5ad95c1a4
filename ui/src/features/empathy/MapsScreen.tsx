import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useMaps } from "../../api/empathy";
import type { MapRef } from "../../bindings/MapRef";
import { describeError } from "../../i18n/errors";
import { formatDay, useDayFormat } from "../../i18n/format";
import { MapUndoToastHost } from "./maps/mapUndo";
import { NewMapForm } from "./maps/NewMapForm";

function MapRow({ map }: { map: MapRef }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  return (
    <li className="empathy-map-row" data-testid="map-row" data-map-id={map.id}>
      <Link to={`/empathy/${map.id}`} className="empathy-map-link">
        <bdi className="empathy-map-row-title">{map.title}</bdi>
        <span className="empathy-map-row-meta">
          <span>{t("empathy.list.persona", { name: `\u2068${map.personaName}\u2069` })}</span>
          <time dateTime={map.heldOn}>{t("empathy.list.heldOn", { date: formatDay(day, map.heldOn) })}</time>
          <span data-testid="map-row-count">{t("empathy.list.notes", { count: map.noteCount })}</span>
        </span>
      </Link>
    </li>
  );
}

/** `/empathy`: every empathy map, most recent first, and the form to start one. */
export function MapsScreen() {
  const { t } = useTranslation();
  const maps = useMaps();
  const navigate = useNavigate();

  let body: React.ReactNode;
  if (maps.isPending) {
    body = (
      <p className="status-line" role="status" data-testid="maps-loading">
        {t("empathy.loading")}
      </p>
    );
  } else if (maps.isError) {
    body = (
      <div className="alert" role="alert" data-testid="maps-error">
        <p>{t("empathy.loadError", { reason: describeError(t, maps.error) })}</p>
        <button type="button" className="button" onClick={() => void maps.refetch()}>
          {t("empathy.retry")}
        </button>
      </div>
    );
  } else if (maps.data.length === 0) {
    body = (
      <p className="empty-state-body" data-testid="maps-empty">
        {t("empathy.list.empty")}
      </p>
    );
  } else {
    body = (
      <ul className="empathy-map-list" aria-label={t("empathy.list.label")} data-testid="map-list">
        {maps.data.map((map) => (
          <MapRow key={map.id} map={map} />
        ))}
      </ul>
    );
  }

  return (
    <div className="empathy-maps-screen">
      <header className="page-header">
        <h1 className="list-title">{t("empathy.title")}</h1>
        <p className="page-subtitle">{t("empathy.subtitle")}</p>
      </header>
      {body}
      <NewMapForm
        onCreated={(map) => {
          void navigate(`/empathy/${map.id}`);
        }}
      />
      <MapUndoToastHost />
    </div>
  );
}
