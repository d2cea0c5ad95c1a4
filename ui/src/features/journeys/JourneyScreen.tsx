import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { localToday } from "../../api/actions";
import type { AppError } from "../../api/errors";
import {
  useAddCard,
  useAddStage,
  useAddTouchpoint,
  useDeleteCard,
  useEditCard,
  useDeleteJourney,
  useDeleteStage,
  useDeleteTouchpoint,
  useEditTouchpoint,
  useJourneyGrid,
  useJourneyPain,
  useMarkJourneyReviewed,
  useMoveCard,
  useMoveStage,
  useMoveTouchpoint,
  useRenameStage,
} from "../../api/journeys";
import type { Card } from "../../bindings/Card";
import type { GridStage } from "../../bindings/GridStage";
import type { GridTouchpoint } from "../../bindings/GridTouchpoint";
import type { Lane } from "../../bindings/Lane";
import type { TouchpointPain } from "../../bindings/TouchpointPain";
import type { TouchpointEdit } from "../../bindings/TouchpointEdit";
import { LIMITS } from "../../bindings/rules";
import { currentLanguage, directionOf } from "../../i18n";
import { checkText } from "../../kit/fields";
import { InPlaceText, useInPlaceEdit } from "../../kit/fields/inPlace";
import { describeError } from "../../i18n/errors";
import { formatDay, useDayFormat } from "../../i18n/format";
import { Announcement, useAnnouncer } from "../../kit/detail/DetailPage";
import { ModalDialog } from "../../kit/dialogs/ModalDialog";
import { addDays, addMonths } from "../../kit/fields/dates";
import { EmotionCurve } from "./EmotionCurve";
import { GridDrag, useGridDraggable, useGridDrop, useGridItem } from "./GridDrag";
import { useMapExport } from "./MapExport";
import {
  CARD_ESTIMATE_REM,
  firstTouchpoints,
  TOUCHPOINT_ESTIMATE_REM,
  useCellNear,
  useNear,
  useStageWindow,
} from "./stageWindow";
import { MapSettings } from "./MapSettings";
import { OpportunityAction } from "./OpportunityAction";
import { PainRanking, PainSummary } from "./PainRanking";
import { TouchpointPins } from "./TouchpointPins";
import { TouchpointProblems } from "./TouchpointProblems";

const EMOTIONS = [-2, -1, 0, 1, 2] as const;
const PAIN_DAYS = ["30", "90", "365"] as const;

/** What failed last on the map, shown once above the grid. */
type Report = (error: AppError) => void;

/** One line of text to add, committed with Enter (Escape clears it). */
function AddLine({
  label,
  placeholder,
  max,
  testId,
  onAdd,
}: {
  label: string;
  placeholder: string;
  max: number;
  testId: string;
  onAdd: (text: string) => Promise<unknown>;
}) {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") setText("");
    if (event.key !== "Enter" || text.trim() === "" || busy) return;
    event.preventDefault();
    setBusy(true);
    onAdd(text)
      .then(() => {
        setText("");
      })
      .catch(() => undefined)
      .finally(() => {
        setBusy(false);
      });
  };
  return (
    <input
      className="text-input journey-add"
      aria-label={label}
      placeholder={placeholder}
      maxLength={max}
      value={text}
      disabled={busy}
      dir={text === "" ? undefined : "auto"}
      data-testid={testId}
      onChange={(event) => {
        setText(event.target.value);
      }}
      onKeyDown={onKeyDown}
    />
  );
}

/** A stage's cell that is not drawn yet: it is drawn as it scrolls near (see stageWindow). */
function LaterCell() {
  return <div className="journey-cell journey-cell--later" role="cell" />;
}

/**
 * Where a stage's touchpoints not drawn yet will be: about their height,
 * drawn as it comes near the view, or at once with its button (how the
 * keyboard reaches them).
 */
function MoreTouchpoints({ count, onShow }: { count: number; onShow: () => void }) {
  const { t } = useTranslation();
  const attach = useNear(onShow);
  return (
    <div
      ref={attach}
      className="journey-more-touchpoints"
      data-later
      style={{ minBlockSize: `${String(count * TOUCHPOINT_ESTIMATE_REM)}rem` }}
      data-testid="touchpoint-more"
    >
      <button type="button" className="button button--ghost" onClick={onShow}>
        {t("journeys.touchpoint.more", { count })}
      </button>
    </div>
  );
}

/**
 * A stage's touchpoints cell: the touchpoints from the top, as many as the
 * window shows until the rest come near (see firstTouchpoints); touchpoints
 * dropped on it go last in the stage.
 */
function TouchpointCell({
  stage,
  index,
  pain,
  actions,
  report,
  children,
}: {
  stage: GridStage;
  index: number;
  pain: ReadonlyMap<string, TouchpointPain>;
  actions: TouchpointActions;
  report: Report;
  children: ReactNode;
}) {
  const [shown, setShown] = useState(() => firstTouchpoints(window.innerHeight));
  const { attach: dropAttach, className: dropClass } = useGridDrop({
    accepts: "touchpoint",
    container: stage.stage.id,
    siblings: stage.touchpoints.map((tp) => tp.touchpoint.id),
    name: stage.stage.name,
    stageId: stage.stage.id,
  });
  const all = stage.touchpoints.length;
  const showAll = useCallback(() => {
    setShown(Number.POSITIVE_INFINITY);
  }, []);
  return (
    <div
      ref={dropAttach}
      className={`journey-cell journey-cell--touchpoints ${dropClass}`}
      role="cell"
      data-stage-index={index}
    >
      <ol className="journey-touchpoints">
        {stage.touchpoints.slice(0, shown).map((tp, i) => (
          <TouchpointBox
            key={tp.touchpoint.id}
            tp={tp}
            stageId={stage.stage.id}
            siblings={stage.touchpoints}
            index={i}
            pain={pain.get(tp.touchpoint.id)}
            actions={actions}
            // Moved later from the last drawn place: the rest are drawn, so it stays in sight.
            onLastMoved={i === shown - 1 ? showAll : undefined}
            report={report}
          />
        ))}
      </ol>
      {shown < all && <MoreTouchpoints count={all - shown} onShow={showAll} />}
      {children}
    </div>
  );
}

/**
 * The writes on touchpoints, held once by the grid rather than by each of
 * its (up to hundreds of) touchpoints, whose cost is what opening a big map
 * waits for. Each write reports its own failure.
 */
interface TouchpointActions {
  edit: (id: string, edit: TouchpointEdit) => void;
  move: (input: { id: string; stageId: string; before: string | null }) => void;
  remove: (id: string) => void;
}

function useTouchpointActions(report: Report): TouchpointActions {
  const { mutateAsync: edit } = useEditTouchpoint();
  const { mutateAsync: move } = useMoveTouchpoint();
  const { mutateAsync: remove } = useDeleteTouchpoint();
  return useMemo(
    () => ({
      edit: (id, change) => {
        edit({ id, edit: change }).catch(report);
      },
      move: (input) => {
        move(input).catch(report);
      },
      remove: (id) => {
        remove(id).catch(report);
      },
    }),
    [edit, move, remove, report],
  );
}

/** A touchpoint: its name, channel, emotions, pain figures; moved and deleted from here. */
const TouchpointBox = memo(function TouchpointBox({
  tp,
  stageId,
  siblings,
  index,
  pain,
  actions,
  onLastMoved,
  report,
}: {
  tp: GridTouchpoint;
  stageId: string;
  siblings: readonly GridTouchpoint[];
  index: number;
  pain: TouchpointPain | undefined;
  actions: TouchpointActions;
  onLastMoved: (() => void) | undefined;
  report: Report;
}) {
  const { t } = useTranslation();
  const { touchpoint } = tp;
  const emotion = (field: "emotionCurrent" | "emotionTarget") => (
    <label className="journey-emotion">
      <span>{t(`journeys.touchpoint.${field}`)}</span>
      <select
        className="select-input"
        value={touchpoint[field] === null ? "" : String(touchpoint[field])}
        data-testid={`touchpoint-${field}`}
        onChange={(event) => {
          const value = event.target.value === "" ? null : Number(event.target.value);
          actions.edit(touchpoint.id, { field, value });
        }}
      >
        <option value="">{t("journeys.touchpoint.emotionNone")}</option>
        {EMOTIONS.map((e) => (
          <option key={e} value={String(e)}>
            {t(`journeys.emotion.${String(e) as "0"}`)}
          </option>
        ))}
      </select>
    </label>
  );
  const moveTo = (offset: -1 | 1) => {
    // Before the next-but-one going later; before the previous going earlier.
    const target = offset === -1 ? siblings[index - 1] : siblings[index + 2];
    actions.move({ id: touchpoint.id, stageId, before: target?.touchpoint.id ?? null });
    if (offset === 1) onLastMoved?.();
  };
  const {
    attach,
    className: dragClass,
    style: dragStyle,
    onPointerDown,
  } = useGridItem(
    { kind: "touchpoint", id: touchpoint.id, name: touchpoint.name, container: stageId },
    { container: stageId, siblings: siblings.map((s) => s.touchpoint.id), stageId },
  );
  return (
    <li
      ref={attach}
      className={`journey-touchpoint ${dragClass}`}
      style={dragStyle}
      onPointerDown={onPointerDown}
      data-testid="journey-touchpoint"
    >
      <div className="journey-touchpoint-head">
        <bdi className="journey-touchpoint-name" data-testid="touchpoint-name">
          {touchpoint.name}
        </bdi>
        {touchpoint.channel !== null && (
          <span className="journey-touchpoint-channel">{t(`problem.channel.${touchpoint.channel}`)}</span>
        )}
      </div>
      <PainSummary pain={pain} testId="touchpoint-pain" />
      {emotion("emotionCurrent")}
      {emotion("emotionTarget")}
      <TouchpointProblems
        tp={tp}
        report={report}
        onChannel={(value) => {
          actions.edit(touchpoint.id, { field: "channel", value });
        }}
      />
      <TouchpointPins tp={tp} report={report} />
      <div className="journey-row-buttons">
        <button
          type="button"
          className="button button--ghost"
          aria-label={t("journeys.touchpoint.earlier", { name: touchpoint.name })}
          disabled={index === 0}
          data-testid="touchpoint-earlier"
          onClick={() => {
            moveTo(-1);
          }}
        >
          <span aria-hidden="true" className="journey-arrow journey-arrow--earlier" />
        </button>
        <button
          type="button"
          className="button button--ghost"
          aria-label={t("journeys.touchpoint.later", { name: touchpoint.name })}
          disabled={index === siblings.length - 1}
          data-testid="touchpoint-later"
          onClick={() => {
            moveTo(1);
          }}
        >
          <span aria-hidden="true" className="journey-arrow journey-arrow--later" />
        </button>
        <button
          type="button"
          className="button button--ghost"
          aria-label={t("journeys.touchpoint.deleteLabel", { name: touchpoint.name })}
          data-testid="touchpoint-delete"
          onClick={() => {
            actions.remove(touchpoint.id);
          }}
        >
          {t("journeys.touchpoint.delete")}
        </button>
      </div>
    </li>
  );
});

/** A stage's head: its name (renamed in place), moves, delete (with its touchpoints once confirmed). */
const StageHead = memo(function StageHead({
  stage,
  stages,
  index,
  report,
  announce,
}: {
  stage: GridStage;
  stages: readonly GridStage[];
  index: number;
  report: Report;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const rename = useRenameStage();
  const move = useMoveStage();
  const remove = useDeleteStage();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(stage.stage.name);
  const [confirming, setConfirming] = useState(false);
  const count = stage.touchpoints.length;
  const del = (withTouchpoints: boolean) => {
    remove.mutate(
      { id: stage.stage.id, withTouchpoints },
      {
        onSuccess: () => {
          setConfirming(false);
        },
        onError: (error) => {
          if (error.code === "stage_has_touchpoints") setConfirming(true);
          else report(error);
        },
      },
    );
  };
  const {
    attach,
    className: dragClass,
    style: dragStyle,
    onPointerDown,
  } = useGridItem(
    { kind: "stage", id: stage.stage.id, name: stage.stage.name, container: stage.stage.mapId },
    { container: stage.stage.mapId, siblings: stages.map((s) => s.stage.id), stageId: stage.stage.id },
    editing || confirming,
  );
  return (
    <div
      ref={attach}
      className={`journey-stage-head ${dragClass}`}
      style={dragStyle}
      onPointerDown={onPointerDown}
      data-testid="journey-stage"
    >
      {editing ? (
        <form
          className="journey-stage-rename"
          onSubmit={(event) => {
            event.preventDefault();
            rename.mutate(
              { id: stage.stage.id, name },
              {
                onSuccess: () => {
                  setEditing(false);
                },
                onError: report,
              },
            );
          }}
        >
          <input
            className="text-input"
            aria-label={t("journeys.stage.renameLabel", { name: stage.stage.name })}
            value={name}
            maxLength={LIMITS.journey.name}
            autoFocus
            data-testid="stage-rename-input"
            onChange={(event) => {
              setName(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                setName(stage.stage.name);
                setEditing(false);
              }
            }}
          />
          <button type="submit" className="button" data-testid="stage-rename-save">
            {t("journeys.stage.save")}
          </button>
        </form>
      ) : (
        <h2 className="journey-stage-name" data-testid="stage-name">
          <bdi>{stage.stage.name}</bdi>
        </h2>
      )}
      <div className="journey-row-buttons">
        {!editing && (
          <button
            type="button"
            className="button button--ghost"
            aria-label={t("journeys.stage.renameLabel", { name: stage.stage.name })}
            data-testid="stage-rename"
            onClick={() => {
              setName(stage.stage.name);
              setEditing(true);
            }}
          >
            {t("journeys.stage.rename")}
          </button>
        )}
        <button
          type="button"
          className="button button--ghost"
          aria-label={t("journeys.stage.earlierLabel", { name: stage.stage.name })}
          disabled={index === 0}
          data-testid="stage-earlier"
          onClick={() => {
            move.mutate(
              { id: stage.stage.id, before: stages[index - 1]?.stage.id ?? null },
              { onError: report },
            );
          }}
        >
          <span aria-hidden="true" className="journey-arrow journey-arrow--earlier" />
        </button>
        <button
          type="button"
          className="button button--ghost"
          aria-label={t("journeys.stage.laterLabel", { name: stage.stage.name })}
          disabled={index === stages.length - 1}
          data-testid="stage-later"
          onClick={() => {
            move.mutate(
              { id: stage.stage.id, before: stages[index + 2]?.stage.id ?? null },
              { onError: report },
            );
          }}
        >
          <span aria-hidden="true" className="journey-arrow journey-arrow--later" />
        </button>
        <button
          type="button"
          className="button button--ghost"
          aria-label={t("journeys.stage.deleteLabel", { name: stage.stage.name })}
          data-testid="stage-delete"
          onClick={() => {
            del(false);
          }}
        >
          {t("journeys.stage.delete")}
        </button>
      </div>
      {confirming && (
        <ModalDialog
          title={t("journeys.stage.confirmTitle")}
          className="reason-dialog"
          testId="stage-delete-dialog"
          pending={remove.isPending}
          onClose={() => {
            setConfirming(false);
          }}
        >
          <p>{t("journeys.stage.confirmBody", { count, name: stage.stage.name })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              data-testid="stage-delete-confirm"
              onClick={() => {
                del(true);
                announce(t("journeys.map.deleted"));
              }}
            >
              {t("journeys.stage.confirm")}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setConfirming(false);
              }}
            >
              {t("journeys.stage.cancel")}
            </button>
          </div>
        </ModalDialog>
      )}
    </div>
  );
});

/** What a cell does for its cards (one set of mutations for the cell, not one per card). */
interface CardActions {
  remove: (id: string) => void;
  move: (input: { id: string; lane: Lane; stageId: string; before: string | null }) => void;
  t: TFunction;
}

/** A card's text in its editor: Enter or leaving saves, Escape goes back to the saved text. */
function CardEditor({ card, onClose }: { card: Card; onClose: () => void }) {
  const { t } = useTranslation();
  const editCard = useEditCard();
  const edit = useInPlaceEdit<string, Card>({
    saved: card.text,
    check: (value) => checkText("text", value, LIMITS.journey.card, true),
    save: (text) => editCard.mutateAsync({ id: card.id, text }),
    onSaved: onClose,
  });
  const inPlace = {
    ...edit,
    // Enter on an unchanged card, or Escape, leaves editing too.
    commit: (value?: string) => {
      if (value === undefined && !edit.dirty) onClose();
      else edit.commit(value);
    },
    cancel: () => {
      edit.cancel();
      onClose();
    },
  };
  return (
    <InPlaceText
      edit={inPlace}
      field="text"
      label={t("journeys.card.editLabel")}
      placeholder={t("journeys.card.placeholder")}
      testId="journey-card-edit"
      fieldClassName="journey-card-field"
      multiline
    />
  );
}

/**
 * A lane card: its text, edited in place once clicked, and deleted by its
 * button. A map has a thousand of them: the card itself holds no query or
 * mutation (its cell does), and its editor exists only while it is open.
 */
function CardItem({
  card,
  lane,
  cell,
  actions,
}: {
  card: Card;
  lane: Lane;
  cell: CardCell;
  actions: CardActions;
}) {
  const { t } = actions;
  const [editing, setEditing] = useState(false);
  const container = `${card.stageId}|${lane}`;
  const {
    attach,
    className: dragClass,
    style: dragStyle,
    onPointerDown,
  } = useGridDraggable({ kind: "card", id: card.id, name: card.text, container }, editing);
  /** Alt+Up/Down within the cell, Alt+Left/Right to the next stage as drawn (right to left in Arabic). */
  const onMoveKey = (event: KeyboardEvent<HTMLElement>) => {
    if (!event.altKey || editing) return;
    const at = cell.siblings.indexOf(card.id);
    let target: { stageId: string; before: string | null } | null = null;
    if (event.key === "ArrowUp" && at > 0)
      target = { stageId: card.stageId, before: cell.siblings[at - 1] ?? null };
    else if (event.key === "ArrowDown" && at < cell.siblings.length - 1)
      target = { stageId: card.stageId, before: cell.siblings[at + 2] ?? null };
    else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      const later = (event.key === "ArrowRight") === (directionOf(currentLanguage()) === "ltr");
      const next = later ? cell.nextStage : cell.previousStage;
      if (next !== null) target = { stageId: next, before: null };
    }
    if (target === null) return;
    event.preventDefault();
    actions.move({ id: card.id, lane, ...target });
  };
  const item = useRef<HTMLLIElement>(null);
  // The editor opens focused, the caret after the text.
  useEffect(() => {
    if (!editing) return;
    const field = item.current?.querySelector("textarea");
    if (field === null || field === undefined) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, [editing]);
  return (
    <li
      ref={(node) => {
        item.current = node;
        attach(node);
      }}
      className={`journey-card journey-card--${lane} ${dragClass}`}
      style={dragStyle}
      onPointerDown={onPointerDown}
      onKeyDown={onMoveKey}
      data-card-id={card.id}
      data-testid="journey-card-item"
    >
      {editing ? (
        <CardEditor
          card={card}
          onClose={() => {
            setEditing(false);
          }}
        />
      ) : (
        <button
          type="button"
          className="journey-card-text"
          aria-label={t("journeys.card.editButton", { text: card.text })}
          data-testid="journey-card-text"
          onClick={() => {
            setEditing(true);
          }}
        >
          <bdi>{card.text}</bdi>
        </button>
      )}
      <button
        type="button"
        className="button button--ghost journey-card-delete"
        aria-label={t("journeys.card.deleteLabel", { text: card.text })}
        onClick={() => {
          actions.remove(card.id);
        }}
      >
        ×
      </button>
      {lane === "opportunities" && !editing && <OpportunityAction card={card} />}
    </li>
  );
}

/** A card's cell as its keys move it: its siblings and the stages on either side. */
interface CardCell {
  siblings: readonly string[];
  previousStage: string | null;
  nextStage: string | null;
}

/** The cards of one stage's lane, each movable and deletable, and a line to add one. */
const LaneCell = memo(function LaneCell({
  stage,
  lane,
  stages,
  index,
  report,
}: {
  stage: GridStage;
  lane: Lane;
  stages: readonly GridStage[];
  index: number;
  report: Report;
}) {
  const { t } = useTranslation();
  const add = useAddCard();
  const remove = useDeleteCard();
  const move = useMoveCard();
  const actions: CardActions = {
    remove: (id) => {
      remove.mutateAsync(id).catch(report);
    },
    move: (input) => {
      move.mutateAsync(input).catch(report);
    },
    t,
  };
  const { drawn: cardsDrawn, attachCell, attachPlaceholder } = useCellNear();
  const cards = stage.cells.find((c) => c.lane === lane)?.cards ?? [];
  const siblings = cards.map((c) => c.id);
  const laneName = t(`journeys.lane.${lane}`);
  const {
    attach: dropAttach,
    className: dropClass,
    dropContainer,
  } = useGridDrop({
    accepts: "card",
    container: `${stage.stage.id}|${lane}`,
    siblings,
    name: t("journeys.drag.cell", { lane: laneName, stage: stage.stage.name }),
    stageId: stage.stage.id,
    lane,
  });
  const attach = useCallback(
    (node: HTMLElement | null) => {
      dropAttach(node);
      attachCell(node);
    },
    [dropAttach, attachCell],
  );
  const cell: CardCell = {
    siblings,
    previousStage: stages[index - 1]?.stage.id ?? null,
    nextStage: stages[index + 1]?.stage.id ?? null,
  };
  return (
    <div
      ref={attach}
      className={`journey-cell ${dropClass}`}
      role="cell"
      data-drop-container={dropContainer}
      data-stage-index={index}
      data-testid={`cell-${lane}`}
    >
      {cardsDrawn || cards.length === 0 ? (
        <ul className="journey-cards">
          {cards.map((card) => (
            <CardItem key={card.id} card={card} lane={lane} cell={cell} actions={actions} />
          ))}
        </ul>
      ) : (
        <div
          ref={attachPlaceholder}
          className="journey-later-cards"
          style={{ minBlockSize: `${String(cards.length * CARD_ESTIMATE_REM)}rem` }}
          data-later
        />
      )}
      <AddLine
        label={t("journeys.card.addLabel", { lane: t(`journeys.lane.${lane}`), stage: stage.stage.name })}
        placeholder={t("journeys.card.placeholder")}
        max={LIMITS.journey.card}
        testId={`card-add-${lane}`}
        onAdd={(text) => add.mutateAsync({ stageId: stage.stage.id, lane, text }).catch(report)}
      />
    </div>
  );
});

/**
 * A journey map as a grid: stages across (right to left in Arabic), the
 * touchpoints of each with their emotions and how much pain sits there,
 * then one row per lane of text cards. Everything is added and edited in
 * place; stages and touchpoints move by their buttons (keyboard too).
 */
export function JourneyScreen() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const grid = useJourneyGrid(id);
  const [painDays, setPainDays] = useState<(typeof PAIN_DAYS)[number]>("90");
  const today = localToday();
  const painFrom = addDays(today, 1 - Number(painDays));
  const pain = useJourneyPain(id, { from: painFrom, to: today });
  const addStage = useAddStage();
  const addTouchpoint = useAddTouchpoint();
  const reviewed = useMarkJourneyReviewed();
  const removeMap = useDeleteJourney();
  const days = useDayFormat();
  const [error, setError] = useState<AppError | null>(null);
  const [announcement, announce] = useAnnouncer();
  const report: Report = setError;
  const touchpointActions = useTouchpointActions(report);
  const { attach: attachScroller, range: drawnStages } = useStageWindow(grid.data?.stages.length ?? 0);
  const drawn = (i: number) => i >= drawnStages.from && i <= drawnStages.to;
  const mapExport = useMapExport(grid.data, pain.data, t(`journeys.map.painPreset.${painDays}`));

  if (grid.isPending) return <p role="status">{t("journeys.map.loading")}</p>;
  if (grid.isError)
    return (
      <p className="field-error" role="alert">
        {t("journeys.map.failed", { reason: describeError(t, grid.error) })}
      </p>
    );
  const { map, stages, lanes } = grid.data;
  const painOf = new Map((pain.data ?? []).map((p) => [p.touchpointId, p]));
  // As the core reckons it: the last review (or the map's creation) plus the map's period.
  const dueOn = addMonths((map.reviewedAt ?? map.createdAt).slice(0, 10), map.reviewMonths);
  const columns = `minmax(9rem, 11rem) repeat(${String(Math.max(1, stages.length))}, minmax(15rem, 1fr))`;

  return (
    <div className="journey" data-testid="journey-screen">
      <header className="page-header journey-header">
        <Link to="/journeys" className="journey-back">
          {t("journeys.map.back")}
        </Link>
        <h1>
          <bdi>{map.name}</bdi>
        </h1>
        <span className="badge badge--muted">{t(`journeys.state.${map.state}`)}</span>
        <p className={dueOn <= today ? "field-error" : "field-hint"} data-testid="journey-review">
          {dueOn <= today
            ? t("journeys.map.reviewDue", { date: formatDay(days, dueOn) })
            : t("journeys.map.reviewOn", { date: formatDay(days, dueOn) })}
        </p>
        <div className="button-row">
          <label className="metric-weeks">
            <span>{t("journeys.map.painPeriod")}</span>
            <select
              className="select-input"
              value={painDays}
              data-testid="journey-pain-period"
              onChange={(event) => {
                setPainDays(PAIN_DAYS.find((d) => d === event.target.value) ?? "90");
              }}
            >
              {PAIN_DAYS.map((d) => (
                <option key={d} value={d}>
                  {t(`journeys.map.painPreset.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            data-testid="journey-reviewed"
            onClick={() => {
              reviewed.mutate(map.id, {
                onSuccess: () => {
                  announce(t("journeys.map.reviewedDone"));
                },
                onError: report,
              });
            }}
          >
            {t("journeys.map.reviewed")}
          </button>
          {mapExport.button}
          <button
            type="button"
            className="button button--ghost"
            data-testid="journey-delete"
            onClick={() => {
              removeMap.mutate(map.id, {
                onSuccess: () => {
                  void navigate("/journeys");
                },
                onError: report,
              });
            }}
          >
            {t("journeys.map.delete")}
          </button>
        </div>
      </header>
      {mapExport.notes}
      <MapSettings grid={grid.data} report={report} announce={announce} />
      {error !== null && (
        <p className="field-error" role="alert" data-testid="journey-error">
          {t("journeys.failed", { reason: describeError(t, error) })}
        </p>
      )}
      {stages.length === 0 && <p className="empty-state-body">{t("journeys.map.empty")}</p>}
      <PainRanking mapId={map.id} from={painFrom} to={today} stages={stages} />
      <GridDrag report={report}>
        <div className="journey-scroll" ref={attachScroller}>
          <div
            className="journey-grid"
            role="table"
            aria-label={t("journeys.map.gridLabel")}
            style={{ gridTemplateColumns: columns }}
            data-testid="journey-grid"
          >
            <div className="journey-corner" role="columnheader">
              {t("journeys.map.lanes")}
            </div>
            {stages.map((stage, i) => (
              <div key={stage.stage.id} role="columnheader" className="journey-col-head" data-stage-head>
                <StageHead stage={stage} stages={stages} index={i} report={report} announce={announce} />
              </div>
            ))}
            <div className="journey-lane-label" role="rowheader">
              {t("journeys.map.touchpointsRow")}
            </div>
            {stages.map((stage, i) =>
              !drawn(i) ? (
                <LaterCell key={stage.stage.id} />
              ) : (
                <TouchpointCell
                  key={stage.stage.id}
                  stage={stage}
                  index={i}
                  pain={painOf}
                  actions={touchpointActions}
                  report={report}
                >
                  <AddLine
                    label={t("journeys.touchpoint.addLabel", { name: stage.stage.name })}
                    placeholder={t("journeys.touchpoint.add")}
                    max={LIMITS.journey.name}
                    testId="touchpoint-add"
                    onAdd={(name) =>
                      addTouchpoint.mutateAsync({ stageId: stage.stage.id, name }).catch(report)
                    }
                  />
                </TouchpointCell>
              ),
            )}
            <div className="journey-lane-label" role="rowheader">
              {t("journeys.curve.title")}
            </div>
            <div className="journey-cell journey-cell--curve" role="cell" style={{ gridColumn: "2 / -1" }}>
              <EmotionCurve stages={stages} rtl={i18n.dir() === "rtl"} />
            </div>
            {lanes.map((lane) => [
              <div key={`${lane}-label`} className="journey-lane-label" role="rowheader">
                {t(`journeys.lane.${lane}`)}
              </div>,
              ...stages.map((stage, i) =>
                !drawn(i) ? (
                  <LaterCell key={`${lane}-${stage.stage.id}`} />
                ) : (
                  <LaneCell
                    key={`${lane}-${stage.stage.id}`}
                    stage={stage}
                    lane={lane}
                    stages={stages}
                    index={i}
                    report={report}
                  />
                ),
              ),
            ])}
          </div>
        </div>
      </GridDrag>
      <div className="journey-add-stage">
        <AddLine
          label={t("journeys.stage.addLabel")}
          placeholder={t("journeys.stage.add")}
          max={LIMITS.journey.name}
          testId="stage-add"
          onAdd={(name) => addStage.mutateAsync({ mapId: map.id, name, before: null }).catch(report)}
        />
      </div>
      <Announcement text={announcement} testId="journey-announcement" />
    </div>
  );
}
