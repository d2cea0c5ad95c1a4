import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from "react";
import { useTranslation } from "react-i18next";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import type { WhyNode } from "../../../bindings/WhyNode";
import type { OutlineAction } from "../../../shortcuts/registry";
import { isTypingTarget } from "../../../shortcuts/keys";
import { observeRect, rootFontSize, scrollParent } from "../../../kit/virtualScroll";
import { indexTree, type TreeIndex } from "../model/tree";
import type { TreeEditor } from "../model/useTreeEditor";
import { DetailsPanel } from "./DetailsPanel";
import { outlineActionFor } from "./keys";
import { OutlineRow, type RowActions } from "./OutlineRow";
import {
  checksKey,
  indentTarget,
  nextStatus,
  outdentTarget,
  shiftTarget,
  siblingAfter,
  visibleRows,
  type OutlineRowInfo,
  type Placement,
} from "./structure";

export interface OutlineViewProps {
  tree: AnalysisTree;
  editor: TreeEditor;
  /** The cause to select and focus when the outline first shows. */
  focusNodeId?: string;
}

const ignore = () => undefined;

/** Focuses a row's text field and scrolls the whole row into view (focus alone may leave it half hidden). */
function focusInput(input: HTMLTextAreaElement) {
  if (document.activeElement !== input) input.focus({ preventScroll: true });
  // jsdom has no scrollIntoView.
  const row = input.closest("li") as Partial<Pick<HTMLElement, "scrollIntoView">> | null;
  row?.scrollIntoView?.({ block: "nearest" });
}

/** A row's height before it is measured, in rem: one line (2.125rem) and its padding. */
const ROW_REM = 2.25;
/** Each check under a cause adds a line of small text, in rem. */
const CHECK_REM = 1.1;
/** Rows rendered beyond each edge of the screen, so a quick scroll or Arrow key finds them there. */
const OVERSCAN = 8;

/** What the stable row actions read: the latest render's values. */
interface Latest {
  index: TreeIndex;
  rows: OutlineRowInfo[];
  editor: TreeEditor;
  collapsed: ReadonlySet<string>;
}

/**
 * The keyboard-first outline editor of a why-tree: the problem statement on
 * top, then every cause as a row of a tree (role="tree"), each with its
 * marks and the checks that push back. Every edit goes through `editor`, so
 * Ctrl+Z undoes it. See the "Why-tree outline" group of the `?` overlay for
 * the keys.
 */
export function OutlineView({ tree, editor, focusNodeId }: OutlineViewProps) {
  const { t } = useTranslation();
  const index = useMemo(() => indexTree(tree), [tree]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(() => visibleRows(index, collapsed), [index, collapsed]);
  const [selectedId, setSelectedId] = useState<string | null>(focusNodeId ?? null);
  const [panelOpen, setPanelOpen] = useState(false);
  const [panelFocus, setPanelFocus] = useState(0);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const hintId = useId();

  const containerRef = useRef<HTMLDivElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const inputs = useRef(new Map<string, HTMLTextAreaElement>());
  /** A cause to focus as soon as its row is shown (a new one, a moved one). */
  const pendingFocus = useRef<string | null>(focusNodeId ?? null);
  /** The last cause asked to take focus: its row stays in the page until it has it. */
  const [focusTarget, setFocusTarget] = useState<string | null>(focusNodeId ?? null);
  /** True while focus belongs to the outline, even if the focused row just went away. */
  const hasFocus = useRef(false);
  const selectedIndex = useRef(0);
  const latest = useRef<Latest>({ index, rows, editor, collapsed });

  // Only the rows on screen (and a few either side) are in the page; the
  // rows scroll with the page, in the shell's main area.
  const [rowSize] = useState(() => rootFontSize());
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [listElement, setListElement] = useState<HTMLUListElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const listRef = useCallback((element: HTMLUListElement | null) => {
    setListElement(element);
    setScroller(element === null ? null : scrollParent(element));
  }, []);
  // Where the tree starts inside the scrolling area (below the header, the toolbar, the problem).
  useEffect(() => {
    if (listElement === null || scroller === null || typeof ResizeObserver === "undefined") return;
    const measure = () => {
      const margin =
        listElement.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      setScrollMargin((current) => (Math.abs(current - margin) < 1 ? current : margin));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(scroller.firstElementChild ?? scroller);
    observer.observe(listElement);
    return () => {
      observer.disconnect();
    };
  }, [listElement, scroller]);

  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.node.id, i])), [rows]);
  // Rows kept in the page wherever the screen is: the tab stop (the selected row, which
  // holds the focus and any typing not saved yet) and the row about to take focus.
  const tabStopId = (selectedId !== null && rowIndex.has(selectedId) ? selectedId : rows[0]?.node.id) ?? null;
  const pinA = (tabStopId === null ? undefined : rowIndex.get(tabStopId)) ?? -1;
  const pinB = (focusTarget === null ? undefined : rowIndex.get(focusTarget)) ?? -1;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const shown = defaultRangeExtractor(range);
      const extra = [pinA, pinB].filter(
        (i, at, all) => i >= 0 && i < range.count && !shown.includes(i) && all.indexOf(i) === at,
      );
      return extra.length === 0 ? shown : [...shown, ...extra].sort((a, b) => a - b);
    },
    [pinA, pinB],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself; nothing memoises its functions.
  const virtualizer = useVirtualizer<HTMLElement, HTMLLIElement>({
    count: rows.length,
    getScrollElement: () => scroller,
    estimateSize: (i) =>
      rowSize * (ROW_REM + CHECK_REM * (index.checks.get(rows[i]?.node.id ?? "")?.length ?? 0)),
    getItemKey: (i) => rows[i]?.node.id ?? i,
    // A row not laid out (jsdom) keeps its estimate.
    measureElement: (element, _entry, instance) => {
      const height = element.getBoundingClientRect().height;
      return height > 0 ? height : instance.options.estimateSize(instance.indexFromElement(element));
    },
    overscan: OVERSCAN,
    scrollMargin,
    rangeExtractor,
    observeElementRect: observeRect,
    // The first render already shows a screenful, before the scrolling area is known.
    initialRect: { width: 0, height: window.innerHeight },
  });

  useLayoutEffect(() => {
    latest.current = { index, rows, editor, collapsed };
  });

  const focusRow = useCallback((id: string | null) => {
    if (id === null) {
      problemRef.current?.focus();
      return;
    }
    const input = inputs.current.get(id);
    if (input === undefined) {
      // Not in the page (off screen): rendered first, then focused and scrolled to.
      pendingFocus.current = id;
      setFocusTarget(id);
      rerender();
    } else {
      focusInput(input);
    }
  }, []);

  /** Focus a cause once the edit that makes or moves it is done and shown. */
  const focusAfter = useCallback((id: string | null, work: Promise<unknown>) => {
    work.then(() => {
      pendingFocus.current = id;
      setFocusTarget(id);
      if (id === null) problemRef.current?.focus();
      rerender();
    }, ignore);
  }, []);

  // Keep focus on the row it belongs to as rows come, go and move.
  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    if (pending !== null) {
      const input = inputs.current.get(pending);
      if (input !== undefined) {
        pendingFocus.current = null;
        focusInput(input);
      }
      return;
    }
    const at = rows.findIndex((r) => r.node.id === selectedId);
    if (at >= 0) selectedIndex.current = at;
    const active = document.activeElement;
    const lost = active === null || active === document.body;
    if (!hasFocus.current || !lost) return;
    if (at >= 0) {
      inputs.current.get(rows[at]?.node.id ?? "")?.focus();
      return;
    }
    // The selected cause went away (an undone add, say): the row above it takes focus.
    const fallback = rows[Math.min(selectedIndex.current, rows.length) - 1] ?? rows[0];
    if (fallback === undefined) problemRef.current?.focus();
    else focusRow(fallback.node.id);
  });

  const move = useCallback(
    (node: WhyNode, to: Placement | null): boolean => {
      if (to === null) return false;
      const { editor: ed } = latest.current;
      if (to.parentId !== null) {
        const parent = to.parentId;
        setCollapsed((old) => {
          if (!old.has(parent)) return old;
          const next = new Set(old);
          next.delete(parent);
          return next;
        });
      }
      focusAfter(node.id, ed.move(node, to.parentId, to.position));
      return true;
    },
    [focusAfter],
  );

  const addAfter = useCallback((node: WhyNode | null) => {
    const { index: idx, editor: ed } = latest.current;
    const at = siblingAfter(idx, node);
    const work = ed.add({
      text: "",
      position: at.position,
      ...(at.parentId === null ? {} : { parentId: at.parentId }),
    });
    work.then((added) => {
      pendingFocus.current = added.id;
      setFocusTarget(added.id);
      rerender();
    }, ignore);
  }, []);

  const actions = useMemo<RowActions>(
    () => ({
      register(id, input) {
        if (input === null) inputs.current.delete(id);
        else inputs.current.set(id, input);
      },
      select(id) {
        setSelectedId(id);
      },
      toggle(id) {
        setCollapsed((old) => {
          const next = new Set(old);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          return next;
        });
      },
      saveText(node, text) {
        return latest.current.editor.edit(node, { field: "text", value: text });
      },
      rtl() {
        const scope = containerRef.current ?? document.documentElement;
        return scope.closest("[dir]")?.getAttribute("dir") === "rtl";
      },
      run(id, action: OutlineAction) {
        const { index: idx, rows: shown, editor: ed, collapsed: folded } = latest.current;
        const node = idx.byId.get(id);
        if (node === undefined) return false;
        const at = shown.findIndex((r) => r.node.id === id);
        const row = shown[at];
        switch (action.type) {
          case "addSibling":
            addAfter(node);
            return true;
          case "indent":
            move(node, indentTarget(idx, node));
            return true; // Tab never leaves a row it could not indent: focus stays put.
          case "outdent":
            move(node, outdentTarget(idx, node));
            return true;
          case "moveUp":
            move(node, shiftTarget(idx, node, -1));
            return true;
          case "moveDown":
            move(node, shiftTarget(idx, node, 1));
            return true;
          case "previous":
            focusRow(at <= 0 ? null : (shown[at - 1]?.node.id ?? null));
            return true;
          case "next": {
            const next = shown[at + 1];
            if (next !== undefined) focusRow(next.node.id);
            return true;
          }
          case "collapse":
            if (row?.expanded === true) actions.toggle(id);
            else if (node.parentId !== null) focusRow(node.parentId);
            return true;
          case "expand":
            if (row !== undefined && row.hasChildren && folded.has(id)) actions.toggle(id);
            return true;
          case "toggleRootCause":
            ed.edit(node, { field: "rootCause", value: !node.rootCause }).catch(ignore);
            return true;
          case "cycleStatus":
            ed.edit(node, { field: "status", value: nextStatus(node.status) }).catch(ignore);
            return true;
          case "openDetails":
            setSelectedId(id);
            setPanelOpen(true);
            setPanelFocus((n) => n + 1);
            return true;
          case "delete":
          case "deleteEmpty": {
            // Focus the row above (the next one for Delete), skipping what goes to the trash with it.
            let target: string | null = at > 0 ? (shown[at - 1]?.node.id ?? null) : null;
            if (action.type === "deleteEmpty" && row !== undefined) {
              const after = shown.slice(at + 1).find((r) => r.level <= row.level);
              if (after !== undefined && (at === 0 || target === null)) target = after.node.id;
            }
            focusRow(target);
            if (target !== null) setSelectedId(target);
            ed.remove(node).catch(ignore);
            return true;
          }
          case "undo":
            ed.undo().catch(ignore);
            return true;
          case "redo":
            ed.redo().catch(ignore);
            return true;
          case "leave":
            return false;
        }
      },
    }),
    [addAfter, focusRow, move],
  );

  const onFocus = () => {
    hasFocus.current = true;
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const to = event.relatedTarget;
    if (to instanceof Node) {
      if (!event.currentTarget.contains(to)) hasFocus.current = false;
      return;
    }
    // Focus went nowhere: a click on the page's background lets go of the outline, while a
    // row that was removed or moved (its element detached, or focus restored at once) does not.
    const from = event.target;
    setTimeout(() => {
      const active = document.activeElement;
      if (from.isConnected && (active === null || active === document.body)) hasFocus.current = false;
    }, 0);
  };

  // Undo and redo from anywhere in the outline that is not a text field (buttons, the panel's selects).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || isTypingTarget(event.target)) return;
    const action = outlineActionFor(event, actions.rtl());
    if (action?.type === "undo" || action?.type === "redo") {
      event.preventDefault();
      if (action.type === "undo") editor.undo().catch(ignore);
      else editor.redo().catch(ignore);
    }
  };

  const onProblemKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Enter" && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      addAfter(null);
    } else if (event.key === "ArrowDown" && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const first = rows[0];
      if (first !== undefined) focusRow(first.node.id);
    }
  };

  const selectedNode = selectedId === null ? undefined : index.byId.get(selectedId);

  return (
    <div
      ref={containerRef}
      className={panelOpen && selectedNode !== undefined ? "outline outline--with-panel" : "outline"}
      data-testid="outline"
      onFocus={onFocus}
      onBlur={onBlur}
      onKeyDown={onKeyDown}
    >
      <div className="outline-main">
        <div className="outline-toolbar" role="toolbar" aria-label={t("outline.toolbar")}>
          <button
            type="button"
            className="button"
            onClick={() => {
              addAfter(selectedNode ?? (rows.length === 0 ? null : (rows[rows.length - 1]?.node ?? null)));
            }}
          >
            {t("outline.addCause")}
          </button>
        </div>
        <div
          ref={problemRef}
          className="outline-problem"
          data-testid="outline-problem"
          tabIndex={0}
          aria-describedby={hintId}
          onKeyDown={onProblemKeyDown}
        >
          <span className="outline-problem-label">{t("why.problemStatement")}</span>
          <span className="outline-problem-title" dir="auto">
            {tree.problem.title}
          </span>
          <span id={hintId} className="visually-hidden">
            {t("outline.problemHint")}
          </span>
        </div>
        {rows.length === 0 ? (
          <p className="outline-empty">{t("outline.empty")}</p>
        ) : (
          <ul
            ref={listRef}
            className="outline-tree"
            role="tree"
            aria-label={t("outline.label")}
            style={{ blockSize: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const r = rows[item.index];
              if (r === undefined) return null;
              return (
                <OutlineRow
                  key={r.node.id}
                  index={item.index}
                  offset={item.start - virtualizer.options.scrollMargin}
                  measure={virtualizer.measureElement}
                  node={r.node}
                  level={r.level}
                  posInSet={r.posInSet}
                  setSize={r.setSize}
                  hasChildren={r.hasChildren}
                  expanded={r.expanded}
                  selected={r.node.id === selectedId}
                  tabStop={r.node.id === tabStopId}
                  checks={checksKey(index, r.node.id)}
                  actions={actions}
                  t={t}
                />
              );
            })}
          </ul>
        )}
      </div>
      {panelOpen && selectedNode !== undefined && (
        <DetailsPanel
          key={selectedNode.id}
          node={selectedNode}
          editor={editor}
          focusRequest={panelFocus}
          onClose={() => {
            setPanelOpen(false);
            focusRow(selectedNode.id);
          }}
        />
      )}
    </div>
  );
}
