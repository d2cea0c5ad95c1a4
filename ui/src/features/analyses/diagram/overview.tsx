/**
 * The diagram drawn cheaply: every box and edge of the layout as a handful of
 * SVG paths (one per kind of box, one per kind of edge), with no text. Used
 * where text would be unreadable anyway: the main view below DETAIL_ZOOM (a
 * 1,000-cause tree fitted to view), where xyflow's nodes are hidden, and the
 * minimap at every zoom. Strokes keep their screen width at any zoom.
 */
import {
  Panel,
  type PanelPosition,
  type ReactFlowState,
  useReactFlow,
  useStore,
  ViewportPortal,
} from "@xyflow/react";
import { memo, type PointerEvent, useMemo, useRef } from "react";
import { edgeEnds, edgePath, type LaidOutNode, type Layout } from "./layout";

/** The kinds of box, each drawn as one path (a class of `.diagram-overview-box`). */
export type BoxKind = "problem" | "hypothesis" | "confirmed" | "ruled-out" | "root-cause";

export function boxKind(box: LaidOutNode): BoxKind {
  const why = box.why;
  if (why === null) return "problem";
  if (why.rootCause) return "root-cause";
  if (why.status === "ruled_out") return "ruled-out";
  return why.status === "confirmed" ? "confirmed" : "hypothesis";
}

export interface OverviewPaths {
  edges: string;
  jointEdges: string;
  boxes: Record<BoxKind, string>;
  /** A small mark at the end-side top corner of each box with checks. */
  checks: string;
}

function rectPath(x: number, y: number, w: number, h: number): string {
  return `M${String(Math.round(x))},${String(Math.round(y))}h${String(Math.round(w))}v${String(Math.round(h))}h${String(-Math.round(w))}z`;
}

/** The layout as a few long paths (pure; the view memoises it per layout). */
export function overviewPaths(layout: Layout): OverviewPaths {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const edges: string[] = [];
  const jointEdges: string[] = [];
  for (const edge of layout.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (source === undefined || target === undefined) continue;
    const { sx, sy, tx, ty } = edgeEnds(layout.direction, source, target);
    (edge.joint ? jointEdges : edges).push(edgePath(sx, sy, tx, ty));
  }
  const boxes: Record<BoxKind, string[]> = {
    problem: [],
    hypothesis: [],
    confirmed: [],
    "ruled-out": [],
    "root-cause": [],
  };
  const checks: string[] = [];
  const rtl = layout.direction === "rtl";
  for (const box of layout.nodes) {
    boxes[boxKind(box)].push(rectPath(box.x, box.y, box.width, box.height));
    if (box.checks.length > 0) {
      const size = Math.min(24, box.height / 2);
      checks.push(rectPath(rtl ? box.x : box.x + box.width - size, box.y, size, size));
    }
  }
  const join = (list: string[]) => list.join("");
  return {
    edges: join(edges),
    jointEdges: join(jointEdges),
    boxes: {
      problem: join(boxes.problem),
      hypothesis: join(boxes.hypothesis),
      confirmed: join(boxes.confirmed),
      "ruled-out": join(boxes["ruled-out"]),
      "root-cause": join(boxes["root-cause"]),
    },
    checks: join(checks),
  };
}

const BOX_KINDS: BoxKind[] = ["problem", "hypothesis", "confirmed", "ruled-out", "root-cause"];

/** The shapes, in layout coordinates (edges under boxes, the selected box on top). */
const Shapes = memo(function Shapes({
  paths,
  selected,
}: {
  paths: OverviewPaths;
  selected: LaidOutNode | undefined;
}) {
  return (
    <>
      <path className="diagram-overview-edge" d={paths.edges} />
      <path className="diagram-overview-edge is-joint" d={paths.jointEdges} />
      {BOX_KINDS.map((kind) => (
        <path key={kind} className={`diagram-overview-box is-${kind}`} d={paths.boxes[kind]} />
      ))}
      <path className="diagram-overview-checks" d={paths.checks} />
      {selected !== undefined && (
        <path
          className="diagram-overview-selected"
          d={rectPath(selected.x, selected.y, selected.width, selected.height)}
        />
      )}
    </>
  );
});

/** The box at a point of the layout, or the nearest one within `slack`; undefined when none. */
export function boxAt(layout: Layout, x: number, y: number, slack: number): LaidOutNode | undefined {
  let best: LaidOutNode | undefined;
  let bestDistance = slack;
  for (const box of layout.nodes) {
    const dx = Math.max(box.x - x, 0, x - (box.x + box.width));
    const dy = Math.max(box.y - y, 0, y - (box.y + box.height));
    const distance = Math.hypot(dx, dy);
    if (distance <= bestDistance) {
      best = box;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}

/** The diagram below DETAIL_ZOOM: drawn inside xyflow's viewport, so panning and zooming move it. */
export function OverviewLayer({
  layout,
  paths,
  selected,
  onPick,
}: {
  layout: Layout;
  paths: OverviewPaths;
  selected: LaidOutNode | undefined;
  onPick: (id: string | null) => void;
}) {
  const flow = useReactFlow();
  const zoom = useStore((s: ReactFlowState) => s.transform[2]);
  return (
    <ViewportPortal>
      <svg
        className="diagram-overview"
        data-testid="diagram-overview"
        width={Math.ceil(layout.width)}
        height={Math.ceil(layout.height)}
        viewBox={`0 0 ${String(Math.ceil(layout.width))} ${String(Math.ceil(layout.height))}`}
        aria-hidden="true"
        onClick={(event) => {
          // A click, not the end of a drag (d3-zoom swallows those): the box under the pointer.
          const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
          onPick(boxAt(layout, at.x, at.y, 6 / zoom)?.id ?? null);
        }}
      >
        <Shapes paths={paths} selected={selected} />
      </svg>
    </ViewportPortal>
  );
}

const MAP_WIDTH = 200;
const MAP_HEIGHT = 150;

const viewSelector = (s: ReactFlowState) => ({
  x: -s.transform[0] / s.transform[2],
  y: -s.transform[1] / s.transform[2],
  width: s.width / s.transform[2],
  height: s.height / s.transform[2],
  zoom: s.transform[2],
});
const sameView = (a: ReturnType<typeof viewSelector>, b: ReturnType<typeof viewSelector>) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/**
 * The minimap: the whole tree from the same paths, the part on screen
 * outlined. Press or drag on it to move the view there; the wheel zooms.
 */
export function OverviewMap({
  layout,
  paths,
  position,
  label,
}: {
  layout: Layout;
  paths: OverviewPaths;
  position: PanelPosition;
  label: string;
}) {
  const flow = useReactFlow();
  const view = useStore(viewSelector, sameView);
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);
  // The tree's box, grown to the map's proportions, with a margin.
  const box = useMemo(() => {
    const scale = Math.max(layout.width / MAP_WIDTH, layout.height / MAP_HEIGHT, 1e-6);
    const width = MAP_WIDTH * scale;
    const height = MAP_HEIGHT * scale;
    const margin = 5 * scale;
    return {
      x: (layout.width - width) / 2 - margin,
      y: (layout.height - height) / 2 - margin,
      width: width + 2 * margin,
      height: height + 2 * margin,
    };
  }, [layout]);

  const moveTo = (event: PointerEvent<SVGSVGElement>) => {
    const svg = svgRef.current;
    if (svg === null) return;
    const rect = svg.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return;
    const x = box.x + ((event.clientX - rect.left) / rect.width) * box.width;
    const y = box.y + ((event.clientY - rect.top) / rect.height) * box.height;
    void flow.setCenter(x, y, { zoom: view.zoom });
  };

  return (
    <Panel position={position} className="diagram-map">
      <svg
        ref={svgRef}
        className="diagram-map-svg"
        data-testid="diagram-map"
        width={MAP_WIDTH}
        height={MAP_HEIGHT}
        viewBox={`${String(box.x)} ${String(box.y)} ${String(box.width)} ${String(box.height)}`}
        role="img"
        aria-label={label}
        onPointerDown={(event) => {
          dragging.current = true;
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={(event) => {
          if (dragging.current) moveTo(event);
        }}
        onPointerUp={() => {
          dragging.current = false;
        }}
        onPointerCancel={() => {
          dragging.current = false;
        }}
        onWheel={(event) => {
          if (event.deltaY < 0) void flow.zoomIn();
          else if (event.deltaY > 0) void flow.zoomOut();
        }}
      >
        <Shapes paths={paths} selected={undefined} />
        <rect
          className="diagram-map-view"
          x={view.x}
          y={view.y}
          width={Math.max(view.width, 0)}
          height={Math.max(view.height, 0)}
        />
      </svg>
    </Panel>
  );
}
