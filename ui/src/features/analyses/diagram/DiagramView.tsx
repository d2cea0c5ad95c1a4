import "@xyflow/react/dist/style.css";
import {
  Background,
  BackgroundVariant,
  type Edge,
  getViewportForBounds,
  MarkerType,
  type NodeChange,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  useStoreApi,
  type Viewport,
} from "@xyflow/react";
import { type KeyboardEvent, useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { AppError } from "../../../api/errors";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import type { CheckKind } from "../../../bindings/CheckKind";
import { ENUMS } from "../../../bindings/rules";
import type { WhyStatus } from "../../../bindings/WhyStatus";
import { directionOf, isLanguage } from "../../../i18n";
import { leftToRight } from "../../../i18n/format";
import { DetailsPanel } from "./DetailsPanel";
import { exportFileName } from "../../../kit/export/fileName";
import { exportDiagram, type ExportFormat } from "./export";
import { type Direction, type LaidOutNode, type Layout, layout as layoutTree, PROBLEM_ID } from "./layout";
import { useTextMeasure } from "./measure";
import { DETAIL_ZOOM, type DiagramFlowNode, handleSides, NODE_TYPES, type NodeLabels } from "./nodes";
import { OverviewLayer, OverviewMap, overviewPaths } from "./overview";
import type { SceneLabels } from "./scene";

export interface DiagramViewProps {
  tree: AnalysisTree;
  /** Overrides the direction that follows the UI language (tests, previews). */
  direction?: Direction;
}

const MIN_ZOOM = 0.1;
const MAX_ZOOM = 2;
const FIT = { padding: 0.08, minZoom: MIN_ZOOM, maxZoom: 1 } as const;
/** Arrow heads (SVG markers take a plain colour); readable on both themes. */
const EDGE_COLOR = "#9a9aa6";
const JOINT_COLOR = "#d97706";
const WHY_STATUSES: readonly WhyStatus[] = ENUMS.whyStatus;
/** Stands for a box's text in its translated accessible name (a private-use character). */
const TEXT_MARK = "\uE000";
const NO_NODES: DiagramFlowNode[] = [];
const NO_EDGES: Edge[] = [];
const CHECK_KINDS: CheckKind[] = [
  "open_branch",
  "root_unconfirmed",
  "root_without_evidence",
  "blames_person",
  "repeats_parent",
];

/**
 * The diagram of a why-tree: the problem at the start side, the causes fanning
 * out towards the end side (mirrored in Arabic). Read-only; selecting a box
 * shows its details beside the diagram. Zoom, pan, fit, and export as SVG/PNG.
 *
 * `data-render-ms` on the root: milliseconds from the first render (layout
 * start) to the first frame with the nodes drawn, for the end-to-end budget.
 */
export function DiagramView(props: DiagramViewProps) {
  return (
    <ReactFlowProvider>
      <Diagram {...props} />
    </ReactFlowProvider>
  );
}

type ExportState =
  { kind: "idle" } | { kind: "busy" } | { kind: "saved"; path: string } | { kind: "failed"; reason: string };

function Diagram({ tree, direction: forced }: DiagramViewProps) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "en";
  const direction = forced ?? directionOf(language);
  const rtl = direction === "rtl";
  const [startedAt] = useState(() => performance.now());
  const keysId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const flow = useReactFlow<DiagramFlowNode>();
  const store = useStoreApi<DiagramFlowNode>();
  const measure = useTextMeasure();
  const emptyText = t("why.emptyText");

  const laid: Layout = useMemo(
    () => layoutTree(tree, direction, { measure, emptyText }),
    [tree, direction, measure, emptyText],
  );

  const labels: NodeLabels = useMemo(
    () => ({
      problem: t("why.problemStatement"),
      rootCause: t("why.rootCause"),
      joint: t("why.joint"),
      status: {
        hypothesis: t("why.status.hypothesis"),
        confirmed: t("why.status.confirmed"),
        ruled_out: t("why.status.ruled_out"),
      },
      check: Object.fromEntries(CHECK_KINDS.map((k) => [k, t(`why.check.${k}`)])) as Record<
        CheckKind,
        string
      >,
      checks: (count) => t("diagram.checks", { count }),
      evidence: (count) => t("why.evidence", { count }),
    }),
    // `language` re-creates the labels when the language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, language],
  );

  /**
   * A box's accessible name. Translated once per kind of box with a marker for
   * the text, which each box then fills in: a thousand calls to `t` cost more
   * than the rest of the first frame.
   */
  const boxLabel = useMemo(() => {
    const templates = {
      problem: t("diagram.problemLabel", { text: TEXT_MARK }),
      cause: Object.fromEntries(
        WHY_STATUSES.map((s) => [s, t("diagram.nodeLabel", { status: labels.status[s], text: TEXT_MARK })]),
      ) as Record<WhyStatus, string>,
      root: Object.fromEntries(
        WHY_STATUSES.map((s) => [
          s,
          t("diagram.rootNodeLabel", { status: labels.status[s], text: TEXT_MARK }),
        ]),
      ) as Record<WhyStatus, string>,
    };
    // A box has at most one check of each kind.
    const checks = CHECK_KINDS.map((_, i) => labels.checks(i + 1));
    return (box: LaidOutNode): string => {
      const why = box.why;
      const template =
        why === null ? templates.problem : (why.rootCause ? templates.root : templates.cause)[why.status];
      const label = template.split(TEXT_MARK).join(box.lines.join(" "));
      const count = box.checks.length;
      if (count === 0) return label;
      const said = checks[count - 1] ?? labels.checks(count);
      return `${label}. ${said}`;
    };
  }, [t, labels]);

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = selectedId === null ? undefined : laid.nodes.find((n) => n.id === selectedId);
  const paths = useMemo(() => overviewPaths(laid), [laid]);
  /** Each box's parent and causes in order, for walking the tree with the arrow keys. */
  const family = useMemo(() => {
    const parent = new Map<string, string>();
    const children = new Map<string, string[]>();
    for (const edge of laid.edges) {
      parent.set(edge.target, edge.source);
      const list = children.get(edge.source);
      if (list === undefined) children.set(edge.source, [edge.target]);
      else list.push(edge.target);
    }
    return { parent, children };
  }, [laid]);

  // The first viewport is the fitted one, computed before the first paint, so
  // the first frame already draws the right (visible) nodes at the right zoom.
  const canvasRef = useRef<HTMLDivElement>(null);
  const [canvasSize, setCanvasSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = canvasRef.current;
    if (el !== null) setCanvasSize({ width: el.clientWidth, height: el.clientHeight });
  }, []);
  const initialViewport: Viewport | undefined = useMemo(() => {
    if (canvasSize === null || canvasSize.width === 0 || canvasSize.height === 0) return undefined;
    return getViewportForBounds(
      { x: 0, y: 0, width: laid.width, height: laid.height },
      canvasSize.width,
      canvasSize.height,
      FIT.minZoom,
      FIT.maxZoom,
      FIT.padding,
    );
    // Only the first layout decides the first viewport; later edits keep the user's view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canvasSize, direction]);

  // Zoomed out past reading the text (a large tree fitted to view), the tree is drawn as a
  // few SVG paths (overview.tsx) and xyflow gets no nodes or edges at all: a thousand boxes
  // of DOM cost far more to draw than they show at that size. Until xyflow has its
  // viewport, the first one decides.
  const storeFar = useStore((s) => (s.panZoom === null ? null : s.transform[2] < DETAIL_ZOOM));
  const far = storeFar ?? (initialViewport?.zoom ?? 1) < DETAIL_ZOOM;
  const farRef = useRef(far);
  useLayoutEffect(() => {
    farRef.current = far;
  });

  const allNodes: DiagramFlowNode[] = useMemo(() => {
    if (far) return NO_NODES;
    const sides = handleSides(direction);
    return laid.nodes.map((box) => {
      const mid = box.height / 2 - 0.5;
      const startX = direction === "rtl" ? box.width - 1 : 0;
      const endX = direction === "rtl" ? 0 : box.width - 1;
      return {
        id: box.id,
        type: box.kind,
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        // Known up front, so edges draw and culling works before any measuring.
        handles: [
          { type: "target", position: sides.target, x: startX, y: mid, width: 1, height: 1 },
          { type: "source", position: sides.source, x: endX, y: mid, width: 1, height: 1 },
        ],
        data: { box, direction, labels },
        draggable: false,
        connectable: false,
        ariaLabel: boxLabel(box),
      };
    });
  }, [far, laid, direction, labels, boxLabel]);
  const nodes = useMemo(
    () => allNodes.map((n) => (n.id === selectedId ? { ...n, selected: true } : n)),
    [allNodes, selectedId],
  );

  const edges: Edge[] = useMemo(
    () =>
      far
        ? NO_EDGES
        : laid.edges.map((e) => ({
            id: e.id,
            source: e.source,
            target: e.target,
            type: "default",
            className: e.joint ? "diagram-edge is-joint" : "diagram-edge",
            markerEnd: {
              type: MarkerType.ArrowClosed,
              width: 16,
              height: 16,
              color: e.joint ? JOINT_COLOR : EDGE_COLOR,
            },
            focusable: false,
            selectable: false,
            ...(e.joint
              ? {
                  label: labels.joint,
                  labelShowBg: true,
                  labelBgPadding: [6, 2] as [number, number],
                  labelBgBorderRadius: 8,
                  labelClassName: "diagram-edge-label",
                }
              : {}),
          })),
    [far, laid, labels],
  );

  /**
   * Fits the whole tree from the laid-out sizes. (xyflow's own fitView waits
   * until every node is measured, which never happens for the nodes that
   * onlyRenderVisibleElements leaves out.)
   */
  const fitAll = useCallback(
    (duration?: number) => {
      const { width, height } = store.getState();
      if (width === 0 || height === 0) return;
      const bounds = { x: 0, y: 0, width: laid.width, height: laid.height };
      const viewport = getViewportForBounds(bounds, width, height, FIT.minZoom, FIT.maxZoom, FIT.padding);
      void flow.setViewport(viewport, duration === undefined ? undefined : { duration });
    },
    [store, flow, laid],
  );

  const onInit = useCallback(() => {
    if (initialViewport === undefined) fitAll();
    // Wait for a frame in which the tree is in the page as the zoom wants it (the overview,
    // or xyflow's nodes), then one more: its callback runs once that frame is painted.
    const drawn = (root: HTMLElement) =>
      root.querySelector(farRef.current ? ".diagram-overview .diagram-overview-box" : ".react-flow__node") !==
      null;
    const check = () => {
      const root = rootRef.current;
      if (root === null || root.dataset.renderMs !== undefined) return;
      if (!drawn(root)) {
        requestAnimationFrame(check);
        return;
      }
      requestAnimationFrame(() => {
        root.dataset.renderMs = String(Math.round(performance.now() - startedAt));
        root.dataset.renderedNodes = String(root.querySelectorAll(".react-flow__node").length);
        root.dataset.drawn = root.querySelector(".diagram-overview") === null ? "nodes" : "overview";
      });
    };
    requestAnimationFrame(check);
  }, [startedAt, initialViewport, fitAll]);

  /** Moves the view just enough to show a box, at the same zoom. */
  const reveal = useCallback(
    (id: string) => {
      const box = laid.nodes.find((n) => n.id === id);
      const { width, height, transform } = store.getState();
      if (box === undefined || width === 0 || height === 0) return;
      const [tx, ty, zoom] = transform;
      const left = box.x * zoom + tx;
      const top = box.y * zoom + ty;
      const inside =
        left >= 0 && top >= 0 && left + box.width * zoom <= width && top + box.height * zoom <= height;
      if (!inside) {
        void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom, duration: 120 });
      }
    },
    [laid, store, flow],
  );

  /** The arrow keys walk the tree: up and down among siblings, towards the causes and back. */
  const walk = (key: string): boolean => {
    const forward = rtl ? "ArrowLeft" : "ArrowRight";
    const back = rtl ? "ArrowRight" : "ArrowLeft";
    if (!["ArrowUp", "ArrowDown", forward, back, "Home"].includes(key)) return false;
    let next: string | undefined;
    if (selectedId === null || key === "Home") next = PROBLEM_ID;
    else if (key === forward) next = family.children.get(selectedId)?.[0];
    else if (key === back) next = family.parent.get(selectedId);
    else {
      const parent = family.parent.get(selectedId);
      const siblings = parent === undefined ? [] : (family.children.get(parent) ?? []);
      next = siblings[siblings.indexOf(selectedId) + (key === "ArrowDown" ? 1 : -1)];
    }
    if (next !== undefined) {
      setSelectedId(next);
      reveal(next);
    }
    return true;
  };

  // Enter or Space on a focused box (xyflow's keyboard selection) selects it here too.
  const onNodesChange = useCallback((changes: NodeChange<DiagramFlowNode>[]) => {
    for (const change of changes) if (change.type === "select" && change.selected) setSelectedId(change.id);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key;
    if (key === "+" || key === "=") void flow.zoomIn({ duration: 120 });
    else if (key === "-" || key === "_") void flow.zoomOut({ duration: 120 });
    else if (key === "0" || key === "f" || key === "F") fitAll(160);
    else if (key === "Escape" && selectedId !== null) setSelectedId(null);
    else if (!walk(key)) return;
    event.preventDefault();
  };

  const [exportState, setExportState] = useState<ExportState>({ kind: "idle" });
  const runExport = async (format: ExportFormat) => {
    setExportState({ kind: "busy" });
    const sceneLabels: SceneLabels = {
      title: tree.analysis.title,
      problem: labels.problem,
      rootCause: labels.rootCause,
      joint: labels.joint,
      status: labels.status,
    };
    try {
      const name = exportFileName(tree.analysis.title, t("diagram.fileName"), format);
      const path = await exportDiagram(format, laid, sceneLabels, name);
      setExportState(path === null ? { kind: "idle" } : { kind: "saved", path });
    } catch (reason) {
      const message =
        reason instanceof AppError ? t(`errors.code.${reason.code}`) : t("diagram.renderFailed");
      setExportState({ kind: "failed", reason: message });
    }
  };

  const ariaLabelConfig = useMemo(
    () => ({
      "node.a11yDescription.default": t("diagram.a11y.node"),
      "node.a11yDescription.keyboardDisabled": t("diagram.a11y.node"),
      "edge.a11yDescription.default": t("diagram.a11y.edge"),
      "minimap.ariaLabel": t("diagram.a11y.minimap"),
    }),
    [t],
  );

  return (
    <section
      className="diagram"
      ref={rootRef}
      dir={direction}
      data-diagram=""
      data-direction={direction}
      data-node-count={laid.nodes.length}
      aria-label={t("diagram.title")}
    >
      <div className="diagram-toolbar" role="toolbar" aria-label={t("diagram.toolbar")}>
        <button
          type="button"
          className="button diagram-tool"
          onClick={() => void flow.zoomIn({ duration: 120 })}
        >
          <span aria-hidden="true">+</span>
          <span className="visually-hidden">{t("diagram.zoomIn")}</span>
        </button>
        <button
          type="button"
          className="button diagram-tool"
          onClick={() => void flow.zoomOut({ duration: 120 })}
        >
          <span aria-hidden="true">−</span>
          <span className="visually-hidden">{t("diagram.zoomOut")}</span>
        </button>
        <button
          type="button"
          className="button diagram-tool"
          onClick={() => {
            fitAll(160);
          }}
        >
          {t("diagram.fit")}
        </button>
        <span className="diagram-toolbar-gap" />
        <button
          type="button"
          className="button"
          disabled={exportState.kind === "busy"}
          onClick={() => void runExport("svg")}
        >
          {t("diagram.exportSvg")}
        </button>
        <button
          type="button"
          className="button"
          disabled={exportState.kind === "busy"}
          onClick={() => void runExport("png")}
        >
          {t("diagram.exportPng")}
        </button>
      </div>
      <p className="diagram-status" role="status">
        {exportState.kind === "busy" && t("diagram.exporting")}
        {exportState.kind === "saved" && (
          <span className="diagram-saved">{t("diagram.saved", { path: leftToRight(exportState.path) })}</span>
        )}
        {exportState.kind === "failed" && (
          <span className="diagram-error">{t("diagram.exportFailed", { reason: exportState.reason })}</span>
        )}
      </p>
      <div className="diagram-body">
        <div
          className="diagram-canvas"
          ref={canvasRef}
          tabIndex={0}
          role="group"
          aria-label={t("diagram.region")}
          aria-describedby={keysId}
          onKeyDown={onKeyDown}
        >
          {canvasSize !== null && (
            <ReactFlow<DiagramFlowNode>
              key={direction}
              nodes={nodes}
              edges={edges}
              nodeTypes={NODE_TYPES}
              onInit={onInit}
              {...(initialViewport === undefined ? {} : { defaultViewport: initialViewport })}
              minZoom={MIN_ZOOM}
              maxZoom={MAX_ZOOM}
              onlyRenderVisibleElements
              onNodesChange={onNodesChange}
              nodesDraggable={false}
              nodesConnectable={false}
              edgesFocusable={false}
              elementsSelectable
              deleteKeyCode={null}
              selectionKeyCode={null}
              multiSelectionKeyCode={null}
              zoomOnDoubleClick={false}
              onNodeClick={(_event, node) => {
                setSelectedId(node.id);
              }}
              onPaneClick={() => {
                setSelectedId(null);
              }}
              proOptions={{ hideAttribution: true }}
              ariaLabelConfig={ariaLabelConfig}
            >
              <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
              {far && (
                <OverviewLayer
                  layout={laid}
                  paths={paths}
                  selected={selected}
                  onPick={(id) => {
                    setSelectedId(id);
                  }}
                />
              )}
              <OverviewMap
                layout={laid}
                paths={paths}
                position={rtl ? "bottom-left" : "bottom-right"}
                label={t("diagram.a11y.minimap")}
              />
            </ReactFlow>
          )}
        </div>
        {selected !== undefined && (
          <DetailsPanel
            box={selected}
            tree={tree}
            labels={labels}
            onClose={() => {
              setSelectedId(null);
            }}
          />
        )}
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="diagram-selection">
        {selected === undefined ? "" : boxLabel(selected)}
      </p>
      <p id={keysId} className="diagram-hint">
        {t("diagram.keysHint")}
      </p>
    </section>
  );
}
