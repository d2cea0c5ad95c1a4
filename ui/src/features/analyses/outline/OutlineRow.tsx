import {
  memo,
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from "react";
import type { TFunction } from "i18next";
import type { CheckKind } from "../../../bindings/CheckKind";
import { LIMITS } from "../../../bindings/rules";
import type { WhyNode } from "../../../bindings/WhyNode";
import { GrowingText } from "../../../kit/fields";
import type { OutlineAction } from "../../../shortcuts/registry";
import { outlineActionFor } from "./keys";

/** The longest cause the core stores (code points; the field counts UTF-16 units, close enough). */
export const TEXT_LIMIT = LIMITS.analysis.whyText;

/** How long typing pauses before the text is saved. */
export const IDLE_SAVE_MS = 700;

/** What rows ask of the outline. The object never changes, so rows stay memoised. */
export interface RowActions {
  /** Keeps the text field of a row at hand for focusing (null when it goes). */
  register(id: string, input: HTMLTextAreaElement | null): void;
  select(id: string): void;
  /** Runs an outline action for a row; false when it does not apply (the key then does its usual thing). */
  run(id: string, action: OutlineAction): boolean;
  toggle(id: string): void;
  saveText(node: WhyNode, text: string): Promise<unknown>;
  rtl(): boolean;
}

export interface OutlineRowProps {
  /** The row's place among the visible rows (the virtualiser's index). */
  index: number;
  /** Where the row starts in the tree, in pixels (rows are placed absolutely; only some are in the page). */
  offset: number;
  /** Reports the row's element for measuring its height (stable). */
  measure: (element: HTMLLIElement | null) => void;
  node: WhyNode;
  level: number;
  posInSet: number;
  setSize: number;
  hasChildren: boolean;
  expanded: boolean;
  selected: boolean;
  /** Whether the text field is in the tab order (the selected row, or the first one). */
  tabStop: boolean;
  /** The node's checks, space-separated (a string so unchanged rows compare equal). */
  checks: string;
  actions: RowActions;
  /** The outline's translate function (one subscription for the whole tree, new when the language changes). */
  t: TFunction;
}

let renderProbe: ((id: string) => void) | null = null;

/** Test and benchmark hook: called with the node id each time a row renders. */
export function setRowRenderProbe(probe: ((id: string) => void) | null): void {
  renderProbe = probe;
}

/**
 * One cause in the outline. The text being typed lives here, not in the
 * tree, so a key press re-renders this row only; it is saved on Enter, on
 * leaving the field and after a short pause.
 */
export const OutlineRow = memo(function OutlineRow({
  index,
  offset,
  measure,
  node,
  level,
  posInSet,
  setSize,
  hasChildren,
  expanded,
  selected,
  tabStop,
  checks,
  actions,
  t,
}: OutlineRowProps) {
  renderProbe?.(node.id);
  const [draft, setDraft] = useState<string | null>(null);
  const [seenText, setSeenText] = useState(node.text);
  const rowRef = useRef<HTMLLIElement>(null);
  const setRow = useCallback(
    (element: HTMLLIElement | null) => {
      rowRef.current = element;
      measure(element);
    },
    [measure],
  );
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const draftRef = useRef<string | null>(null);
  const inFlight = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const nodeRef = useRef(node);

  // The text changed elsewhere (undo, redo, another view): show it, unless typing since then would be lost.
  if (seenText !== node.text) {
    setSeenText(node.text);
    if (draft === seenText) setDraft(null);
  }

  useLayoutEffect(() => {
    nodeRef.current = node;
    draftRef.current = draft;
  });

  // A layout effect, so the outline can focus a new row in its own layout effect.
  useLayoutEffect(() => {
    const id = node.id;
    actions.register(id, inputRef.current);
    return () => {
      clearTimeout(timer.current);
      actions.register(id, null);
    };
  }, [actions, node.id]);

  const value = draft ?? node.text;
  const dirty = draft !== null && draft !== node.text;

  const save = () => {
    clearTimeout(timer.current);
    const text = draftRef.current;
    if (text === null || text === nodeRef.current.text || text === inFlight.current) return;
    inFlight.current = text;
    actions
      .saveText(nodeRef.current, text)
      .catch(() => undefined) // The outline shows the error; the text stays in the field.
      .finally(() => {
        if (inFlight.current === text) inFlight.current = null;
      });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.nativeEvent.isComposing || event.defaultPrevented) return;
    const inField = event.target === inputRef.current;
    if (!inField && event.target !== event.currentTarget) return;
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
    if (!inField) {
      // The row itself has focus (after Esc): Tab moves on as usual, Enter or F2 edits again.
      if (event.key === "Tab") return;
      if (plain && (event.key === "Enter" || event.key === "F2")) {
        event.preventDefault();
        inputRef.current?.focus();
        return;
      }
      const rtl = actions.rtl();
      if (plain && (event.key === "ArrowLeft" || event.key === "ArrowRight")) {
        event.preventDefault();
        const outward = event.key === (rtl ? "ArrowRight" : "ArrowLeft");
        actions.run(node.id, { type: outward ? "collapse" : "expand" });
        return;
      }
    }
    const action = outlineActionFor(event, actions.rtl());
    if (action === undefined) return;
    switch (action.type) {
      case "undo":
      case "redo":
        // Typing not saved yet: the field's own undo takes it back first.
        if (inField && dirty) return;
        break;
      case "deleteEmpty":
        if (!inField || value !== "" || hasChildren) return;
        break;
      case "leave":
        if (!inField) return;
        event.preventDefault();
        save();
        rowRef.current?.focus();
        return;
      default:
        break;
    }
    if (inField) save();
    if (actions.run(node.id, action)) event.preventDefault();
  };

  const checkKinds = checks === "" ? [] : (checks.split(" ") as CheckKind[]);
  const checksId = `outline-checks-${node.id}`;
  const statusLabel = t(`why.status.${node.status}`);

  return (
    <li
      ref={setRow}
      role="treeitem"
      aria-level={level}
      aria-posinset={posInSet}
      aria-setsize={setSize}
      aria-expanded={hasChildren ? expanded : undefined}
      aria-selected={selected}
      aria-label={value === "" ? t("why.emptyText") : value}
      tabIndex={-1}
      className="outline-row"
      data-node-id={node.id}
      data-index={index}
      data-status={node.status}
      data-root-cause={node.rootCause || undefined}
      style={{ "--outline-level": level - 1, transform: `translateY(${String(offset)}px)` } as CSSProperties}
      onKeyDown={onKeyDown}
    >
      <div className="outline-line">
        {hasChildren ? (
          <button
            type="button"
            className="outline-toggle"
            tabIndex={-1}
            aria-label={t(expanded ? "outline.collapse" : "outline.expand")}
            onClick={() => {
              actions.toggle(node.id);
            }}
          >
            <span aria-hidden="true" className="outline-toggle-icon" data-expanded={expanded}>
              ▸
            </span>
          </button>
        ) : (
          <span className="outline-bullet" aria-hidden="true" />
        )}
        <GrowingText
          ref={inputRef}
          boxClassName="outline-text-box"
          className="outline-text"
          data-testid="outline-text"
          value={value}
          maxLength={TEXT_LIMIT}
          tabIndex={tabStop ? 0 : -1}
          aria-label={t("outline.causeLabel", { level })}
          aria-describedby={checkKinds.length > 0 ? checksId : undefined}
          placeholder={t("outline.placeholder")}
          dir="auto"
          onFocus={() => {
            actions.select(node.id);
          }}
          onChange={(text) => {
            draftRef.current = text;
            setDraft(text);
            clearTimeout(timer.current);
            timer.current = setTimeout(save, IDLE_SAVE_MS);
          }}
          onBlur={save}
        />
        <span className="outline-meta" data-testid="outline-badges">
          <button
            type="button"
            tabIndex={-1}
            className="outline-status"
            data-status={node.status}
            aria-label={t("outline.changeStatus", { status: statusLabel })}
            title={t("outline.changeStatus", { status: statusLabel })}
            onClick={() => {
              actions.run(node.id, { type: "cycleStatus" });
            }}
          >
            {statusLabel}
          </button>
          {node.category !== null && (
            <span className="outline-chip">{t(`why.category.${node.category}`)}</span>
          )}
          {node.joint && (
            <span className="outline-chip outline-chip--joint" title={t("why.jointHint")}>
              {t("why.joint")}
            </span>
          )}
          <button
            type="button"
            tabIndex={-1}
            className="outline-root"
            data-testid="outline-root-toggle"
            aria-pressed={node.rootCause}
            aria-label={t(node.rootCause ? "outline.unmarkRoot" : "outline.markRoot")}
            title={t(node.rootCause ? "outline.unmarkRoot" : "outline.markRoot")}
            onClick={() => {
              actions.run(node.id, { type: "toggleRootCause" });
            }}
          >
            <span aria-hidden="true">◎</span>
            {node.rootCause && <span>{t("why.rootCause")}</span>}
          </button>
          {node.evidence.length > 0 && (
            <span className="outline-evidence">{t("why.evidence", { count: node.evidence.length })}</span>
          )}
          <button
            type="button"
            tabIndex={-1}
            className="outline-details"
            aria-label={t("outline.openDetails")}
            title={t("outline.openDetails")}
            onClick={() => {
              actions.run(node.id, { type: "openDetails" });
            }}
          >
            <span aria-hidden="true">⋯</span>
          </button>
        </span>
      </div>
      {checkKinds.length > 0 && (
        <div id={checksId} className="outline-checks" aria-label={t("outline.checks")}>
          {checkKinds.map((kind) => (
            <p key={kind} role="note" className="outline-check" data-check={kind}>
              <span aria-hidden="true" className="outline-check-icon">
                ⚠
              </span>
              {t(`why.check.${kind}`)}
            </p>
          ))}
        </div>
      )}
    </li>
  );
});
