import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../api/errors";
import { useBoard, useMaps } from "../../api/empathy";
import { usePinToTouchpoint } from "../../api/journeys";
import { usePersona, usePersonas } from "../../api/personas";
import type { GridTouchpoint } from "../../bindings/GridTouchpoint";

type Report = (error: AppError) => void;
type Source = "quote" | "note";

/** Items a touchpoint can pin, each pinned with a click; `empty` once there are none left. */
function PinChoices({
  tp,
  kind,
  items,
  empty,
  report,
}: {
  tp: GridTouchpoint;
  kind: Source;
  /** Undefined while loading. */
  items: readonly { id: string; text: string }[] | undefined;
  empty: string;
  report: Report;
}) {
  const pin = usePinToTouchpoint();
  if (items === undefined) return null;
  if (items.length === 0) return <p className="field-hint">{empty}</p>;
  return (
    <ul className="journey-pin-choices">
      {items.map((item) => (
        <li key={item.id}>
          <button
            type="button"
            className="journey-pin-choice"
            data-testid={`pin-${kind}-choice`}
            disabled={pin.isPending}
            onClick={() => {
              pin.mutate({ id: tp.touchpoint.id, kind, itemId: item.id, pinned: true }, { onError: report });
            }}
          >
            <bdi>{kind === "quote" ? `“${item.text}”` : item.text}</bdi>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A persona's quotes not pinned here yet. */
function QuoteChoices({ tp, personaId, report }: { tp: GridTouchpoint; personaId: string; report: Report }) {
  const { t } = useTranslation();
  const persona = usePersona(personaId);
  const pinned = new Set(tp.quotes.map((q) => q.id));
  const items = persona.data?.quotes.filter((q) => !pinned.has(q.id));
  return <PinChoices tp={tp} kind="quote" items={items} empty={t("journeys.pins.noQuote")} report={report} />;
}

/** An empathy map's notes not pinned here yet (hidden ones left out: a workshop is still writing). */
function NoteChoices({ tp, mapId, report }: { tp: GridTouchpoint; mapId: string; report: Report }) {
  const { t } = useTranslation();
  const board = useBoard(mapId);
  const pinned = new Set(tp.notes.map((n) => n.id));
  const items = board.data?.notes.filter((n) => !n.hidden && !pinned.has(n.id));
  return <PinChoices tp={tp} kind="note" items={items} empty={t("journeys.pins.noNote")} report={report} />;
}

/** Where a pin comes from: a persona's quotes or an empathy map's notes, then the item. */
function PinPicker({ tp, report, onClose }: { tp: GridTouchpoint; report: Report; onClose: () => void }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source>("quote");
  const [from, setFrom] = useState("");
  const personas = usePersonas();
  const maps = useMaps();
  const sourceId = useId();
  const fromId = useId();
  const options =
    source === "quote"
      ? (personas.data ?? []).map((c) => ({ id: c.persona.id, label: c.persona.name }))
      : (maps.data ?? []).map((m) => ({ id: m.id, label: `${m.title} (${m.personaName})` }));
  return (
    <div
      className="journey-pin-picker"
      role="group"
      aria-label={t("journeys.pins.pickerLabel", { name: tp.touchpoint.name })}
      data-testid="pin-picker"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <label htmlFor={sourceId} className="journey-pin-label">
        {t("journeys.pins.source")}
      </label>
      <select
        id={sourceId}
        className="select-input"
        value={source}
        data-testid="pin-source"
        onChange={(event) => {
          setSource(event.target.value === "note" ? "note" : "quote");
          setFrom("");
        }}
      >
        <option value="quote">{t("journeys.pins.fromPersona")}</option>
        <option value="note">{t("journeys.pins.fromMap")}</option>
      </select>
      <label htmlFor={fromId} className="journey-pin-label">
        {source === "quote" ? t("journeys.pins.persona") : t("journeys.pins.map")}
      </label>
      <select
        id={fromId}
        className="select-input"
        value={from}
        data-testid="pin-from"
        onChange={(event) => {
          setFrom(event.target.value);
        }}
      >
        <option value="">
          {source === "quote" ? t("journeys.pins.choosePersona") : t("journeys.pins.chooseMap")}
        </option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      {from !== "" &&
        (source === "quote" ? (
          <QuoteChoices tp={tp} personaId={from} report={report} />
        ) : (
          <NoteChoices tp={tp} mapId={from} report={report} />
        ))}
      <button type="button" className="button button--ghost" data-testid="pin-done" onClick={onClose}>
        {t("journeys.pins.done")}
      </button>
    </div>
  );
}

/** The notes and quotes pinned to a touchpoint, each unpinned with its button. */
function PinnedList({ tp, report }: { tp: GridTouchpoint; report: Report }) {
  const { t } = useTranslation();
  const unpin = usePinToTouchpoint();
  return (
    <ul className="journey-pinned" aria-label={t("journeys.pins.listLabel", { name: tp.touchpoint.name })}>
      {[
        ...tp.quotes.map((q) => ({ kind: "quote" as const, id: q.id, text: q.text, who: q.personaName })),
        ...tp.notes.map((n) => ({ kind: "note" as const, id: n.id, text: n.text, who: null })),
      ].map((item) => (
        <li
          key={item.id}
          className={`journey-pinned-item journey-pinned-item--${item.kind}`}
          data-testid={`pinned-${item.kind}`}
        >
          <span className="journey-pinned-text">
            <bdi>{item.kind === "quote" ? `“${item.text}”` : item.text}</bdi>
            {item.who !== null && <span className="journey-pinned-who"> — {item.who}</span>}
          </span>
          <button
            type="button"
            className="button button--ghost journey-pinned-remove"
            aria-label={t("journeys.pins.unpinLabel", { text: item.text })}
            disabled={unpin.isPending}
            onClick={() => {
              unpin.mutate(
                { id: tp.touchpoint.id, kind: item.kind, itemId: item.id, pinned: false },
                { onError: report },
              );
            }}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * What customers said at a touchpoint: empathy notes and persona quotes
 * pinned to it (see PinnedList), and a picker to pin more. A touchpoint
 * with nothing pinned holds no write of its own.
 */
export function TouchpointPins({ tp, report }: { tp: GridTouchpoint; report: Report }) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const count = tp.notes.length + tp.quotes.length;
  return (
    <div className="journey-pins" data-testid="touchpoint-pins">
      {count > 0 && <PinnedList tp={tp} report={report} />}
      {picking ? (
        <PinPicker
          tp={tp}
          report={report}
          onClose={() => {
            setPicking(false);
          }}
        />
      ) : (
        <button
          type="button"
          className="button button--ghost"
          aria-label={t("journeys.pins.pinLabel", { name: tp.touchpoint.name })}
          data-testid="touchpoint-pin"
          onClick={() => {
            setPicking(true);
          }}
        >
          {t("journeys.pins.pin")}
        </button>
      )}
    </div>
  );
}
