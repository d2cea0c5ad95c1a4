import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { installMockBackend, rejectWith } from "../../../test/mock-backend";
import i18n from "../../../i18n";
import ar from "../../../i18n/ar.json";
import { DiagramView } from "./DiagramView";
import { layout, PROBLEM_ID } from "./layout";
import { generatedTree, must, sampleTree } from "./test-trees";
import { installXyflowStubs } from "./xyflow-test-env";

beforeEach(() => {
  installXyflowStubs();
});

function nodeBox(container: HTMLElement, id: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);
  if (el === null) throw new Error(`node ${id} not rendered`);
  return el;
}

/** How many boxes (or curves) a path of the overview draws: one subpath each. */
function subpaths(paths: Iterable<Element>): number {
  let count = 0;
  for (const path of paths) count += (path.getAttribute("d") ?? "").match(/M/g)?.length ?? 0;
  return count;
}

function viewportTransform(container: HTMLElement): { x: number; y: number; zoom: number } {
  const style = container.querySelector<HTMLElement>(".react-flow__viewport")?.style.transform ?? "";
  const match = /translate\(([-\d.e]+)px, ?([-\d.e]+)px\) scale\(([\d.e-]+)\)/.exec(style);
  return { x: Number(match?.[1]), y: Number(match?.[2]), zoom: Number(match?.[3]) };
}

function nodeX(el: HTMLElement): number {
  const match = /translate\(([-\d.]+)px/.exec(el.style.transform);
  return Number(match?.[1]);
}

describe("DiagramView", () => {
  it("draws every node and edge, with status, root cause, AND and checks visible", async () => {
    const tree = sampleTree();
    const { container } = render(<DiagramView tree={tree} />);
    await waitFor(() => {
      expect(container.querySelectorAll(".react-flow__node")).toHaveLength(tree.nodes.length + 1);
    });
    expect(container.querySelectorAll(".react-flow__edge")).toHaveLength(tree.nodes.length);

    const timeout = must(tree.nodes[0]);
    const pool = must(tree.nodes[1]);
    const config = must(tree.nodes[2]);
    const retries = must(tree.nodes[3]);
    const network = must(tree.nodes[4]);
    const inner = (id: string) => nodeBox(container, id).querySelector(".diagram-node");
    expect(inner(PROBLEM_ID)).toHaveClass("diagram-problem");
    expect(inner(timeout.id)).toHaveClass("is-confirmed");
    expect(inner(pool.id)).toHaveClass("is-joint");
    expect(inner(config.id)).toHaveClass("is-root-cause");
    expect(within(nodeBox(container, config.id)).getByText("Root cause")).toBeInTheDocument();
    expect(inner(retries.id)).toHaveClass("is-hypothesis");
    expect(inner(network.id)).toHaveClass("is-ruled-out");

    // AND badges on both AND-marked edges.
    expect(container.querySelectorAll(".react-flow__edge.is-joint")).toHaveLength(2);
    expect(screen.getAllByText("AND")).toHaveLength(2);

    // The check is beside the node, with its message as tooltip and label.
    const badge = nodeBox(container, retries.id).querySelector(".diagram-badge-checks");
    expect(badge).toHaveAttribute("title", expect.stringContaining("This branch ends without a root cause"));
    expect(badge).toHaveAccessibleName(expect.stringContaining("1 check pushes back"));
    expect(nodeBox(container, retries.id)).toHaveAttribute(
      "aria-label",
      expect.stringContaining("Retries double the load"),
    );
  });

  it("records the time to the first drawn frame", async () => {
    const { container } = render(<DiagramView tree={sampleTree()} />);
    const root = container.querySelector<HTMLElement>("[data-diagram]");
    await waitFor(() => {
      expect(root?.dataset.renderMs).toMatch(/^\d+$/);
    });
    expect(Number(root?.dataset.renderedNodes)).toBeGreaterThan(0);
  });

  it("shows a node's details when it is clicked", async () => {
    const user = userEvent.setup();
    const tree = sampleTree();
    const { container } = render(<DiagramView tree={tree} />);
    const retries = must(tree.nodes[3]);
    await waitFor(() => nodeBox(container, retries.id));
    // A plain click: jsdom's pointer events lack the `view` d3-zoom reads on mousedown.
    fireEvent.click(within(nodeBox(container, retries.id)).getByText("Retries double the load"));
    const panel = await screen.findByRole("complementary", { name: "Details" });
    expect(within(panel).getByText("Retries double the load")).toBeInTheDocument();
    expect(within(panel).getByText("Hypothesis")).toBeInTheDocument();
    expect(within(panel).getByText(/This branch ends without a root cause/)).toBeInTheDocument();
    expect(within(panel).getByText("No evidence yet.")).toBeInTheDocument();
    await user.click(within(panel).getByRole("button", { name: "Close details" }));
    expect(screen.queryByRole("complementary", { name: "Details" })).not.toBeInTheDocument();
  });

  it("mirrors in Arabic: the problem on the right, causes to its left", async () => {
    await act(async () => {
      await i18n.changeLanguage("ar");
    });
    const tree = sampleTree();
    const { container } = render(<DiagramView tree={tree} />);
    await waitFor(() => nodeBox(container, PROBLEM_ID));
    expect(container.querySelector("[data-diagram]")).toHaveAttribute("data-direction", "rtl");
    const problemX = nodeX(nodeBox(container, PROBLEM_ID));
    for (const why of tree.nodes) expect(nodeX(nodeBox(container, why.id))).toBeLessThan(problemX);
    expect(screen.getByRole("button", { name: "تصدير SVG" })).toBeInTheDocument();
    expect(within(nodeBox(container, PROBLEM_ID)).getByText("المشكلة")).toBeInTheDocument();
  });

  it("zooms with + and - and fits with 0 when the diagram has focus", async () => {
    const user = userEvent.setup();
    const { container } = render(<DiagramView tree={sampleTree()} />);
    const viewport = () =>
      container.querySelector<HTMLElement>(".react-flow__viewport")?.style.transform ?? "";
    await waitFor(() => {
      expect(viewport()).toMatch(/scale/);
    });
    const canvas = screen.getByRole("group", { name: "Diagram of the why-tree" });
    const before = viewport();
    await user.keyboard("+"); // no focus yet: nothing happens
    expect(viewport()).toBe(before);
    canvas.focus();
    await user.keyboard("+");
    await waitFor(() => {
      expect(viewport()).not.toBe(before);
    });
    const zoomed = viewport();
    await user.keyboard("0");
    await waitFor(() => {
      expect(viewport()).not.toBe(zoomed);
    });
  });

  it("draws a large tree fitted to view as a light overview, and boxes once zoomed in", async () => {
    const user = userEvent.setup();
    const tree = generatedTree(300);
    const { container } = render(<DiagramView tree={tree} />);
    const root = container.querySelector<HTMLElement>("[data-diagram]");
    await waitFor(
      () => {
        expect(root?.dataset.drawn).toBe("overview");
      },
      { timeout: 5000 },
    );
    expect(root?.dataset.renderMs).toMatch(/^\d+$/);
    // No DOM per box: every box and edge is in a few paths.
    expect(container.querySelectorAll(".react-flow__node")).toHaveLength(0);
    expect(container.querySelectorAll(".react-flow__edge")).toHaveLength(0);
    const overview = screen.getByTestId("diagram-overview");
    expect(subpaths(overview.querySelectorAll(".diagram-overview-box"))).toBe(301);
    expect(subpaths(overview.querySelectorAll(".diagram-overview-edge"))).toBe(300);
    expect(overview.querySelectorAll("path").length).toBeLessThan(12);
    expect(subpaths(overview.querySelectorAll(".diagram-overview-box.is-root-cause"))).toBe(
      tree.nodes.filter((n) => n.rootCause).length,
    );
    // The minimap shows the whole tree too.
    expect(subpaths(screen.getByTestId("diagram-map").querySelectorAll(".diagram-overview-box"))).toBe(301);

    // Zoomed in far enough to read, the boxes are xyflow's again (those in view).
    const zoomIn = screen.getByRole("button", { name: "Zoom in" });
    for (let i = 0; i < 12 && viewportTransform(container).zoom < 0.5; i++) {
      const before = viewportTransform(container).zoom;
      await user.click(zoomIn);
      await waitFor(() => {
        expect(viewportTransform(container).zoom).toBeGreaterThan(before);
      });
    }
    await waitFor(() => {
      expect(screen.queryByTestId("diagram-overview")).toBeNull();
    });
    // jsdom zooms about the corner (it has no sizes): bring the problem into view with Home.
    screen.getByRole("group", { name: "Diagram of the why-tree" }).focus();
    await user.keyboard("{Home}");
    await waitFor(() => {
      expect(container.querySelector(`.react-flow__node[data-id="${PROBLEM_ID}"]`)).not.toBeNull();
    });
    expect(container.querySelectorAll(".react-flow__node").length).toBeLessThan(301);
  });

  it("selects the box clicked in the overview and shows its details", async () => {
    const tree = generatedTree(300);
    const { container } = render(<DiagramView tree={tree} />);
    await waitFor(
      () => {
        expect(container.querySelector<HTMLElement>("[data-diagram]")?.dataset.drawn).toBe("overview");
      },
      { timeout: 5000 },
    );
    const laid = layout(tree, "ltr");
    const box = must(laid.nodes.find((n) => n.id === tree.nodes[2]?.id));
    const { x, y, zoom } = viewportTransform(container);
    fireEvent.click(screen.getByTestId("diagram-overview"), {
      clientX: x + (box.x + box.width / 2) * zoom,
      clientY: y + (box.y + box.height / 2) * zoom,
    });
    const panel = await screen.findByRole("complementary", { name: "Details" });
    expect(panel).toHaveAttribute("data-details-for", box.id);
    expect(screen.getByTestId("diagram-overview").querySelector(".diagram-overview-selected")).not.toBeNull();
    // A click on empty space lets go of it.
    fireEvent.click(screen.getByTestId("diagram-overview"), {
      clientX: x - 500 * zoom,
      clientY: y - 500 * zoom,
    });
    await waitFor(() => {
      expect(screen.queryByRole("complementary", { name: "Details" })).toBeNull();
    });
  });

  it("walks the tree with the arrow keys, mirrored in Arabic", async () => {
    const user = userEvent.setup();
    const tree = sampleTree();
    const [timeout, pool, , retries, network] = tree.nodes;
    const { unmount } = render(<DiagramView tree={tree} />);
    let name = "Details";
    const details = () => screen.getByRole("complementary", { name }).dataset.detailsFor;
    screen.getByRole("group", { name: "Diagram of the why-tree" }).focus();
    await user.keyboard("{ArrowRight}");
    expect(details()).toBe(PROBLEM_ID);
    await user.keyboard("{ArrowRight}");
    expect(details()).toBe(timeout?.id);
    expect(screen.getByTestId("diagram-selection")).toHaveTextContent("The payment call times out");
    await user.keyboard("{ArrowRight}");
    expect(details()).toBe(pool?.id);
    await user.keyboard("{ArrowDown}");
    expect(details()).toBe(retries?.id);
    await user.keyboard("{ArrowDown}"); // the last of its siblings: stays
    expect(details()).toBe(retries?.id);
    await user.keyboard("{ArrowLeft}{ArrowDown}");
    expect(details()).toBe(network?.id);
    await user.keyboard("{Home}");
    expect(details()).toBe(PROBLEM_ID);
    unmount();

    await act(async () => {
      await i18n.changeLanguage("ar");
    });
    render(<DiagramView tree={tree} />);
    name = ar.diagram.details.title;
    screen.getByRole("group", { name: ar.diagram.region }).focus();
    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(details()).toBe(timeout?.id);
    await user.keyboard("{ArrowRight}");
    expect(details()).toBe(PROBLEM_ID);
  });

  it("selects a focused box with Enter", async () => {
    const user = userEvent.setup();
    const tree = sampleTree();
    const { container } = render(<DiagramView tree={tree} />);
    const network = must(tree.nodes[4]);
    await waitFor(() => nodeBox(container, network.id));
    nodeBox(container, network.id).focus();
    await user.keyboard("{Enter}");
    const panel = await screen.findByRole("complementary", { name: "Details" });
    expect(panel).toHaveAttribute("data-details-for", network.id);
    expect(nodeBox(container, network.id).querySelector(".diagram-node")).toHaveClass("is-selected");
  });

  it("exports SVG through the save dialog with the analysis title as name", async () => {
    const backend = installMockBackend();
    const user = userEvent.setup();
    const tree = sampleTree();
    render(<DiagramView tree={tree} />);
    await user.click(screen.getByRole("button", { name: "Export SVG" }));
    await screen.findByText(/Saved to/);
    const [call] = backend.callsTo("export_save");
    expect(call).toMatchObject({ name: "Checkout review.svg", base64: false });
    const svg = backend.state.analysis.exports["Checkout review.svg"] ?? "";
    expect(svg).toMatch(/^<\?xml/);
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    const text = [...doc.getElementsByTagName("text")].map((t) => t.textContent).join(" ");
    expect(text).toContain("The connection pool is exhausted");
    expect(screen.getByRole("status")).toHaveTextContent("/tmp/exports/Checkout review.svg");
  });

  it("exports PNG as base64 without the data: prefix", async () => {
    const backend = installMockBackend();
    // jsdom has no canvas or image decoding: stand in for the engine.
    const drawImage = vi.fn();
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue({
      setTransform: vi.fn(),
      clearRect: vi.fn(),
      drawImage,
    } as unknown as CanvasRenderingContext2D);
    vi.spyOn(HTMLCanvasElement.prototype, "toDataURL").mockReturnValue("data:image/png;base64,iVBORw0KGgo=");
    vi.stubGlobal(
      "URL",
      Object.assign(URL, { createObjectURL: () => "blob:diagram", revokeObjectURL: vi.fn() }),
    );
    class LoadingImage {
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      set src(_url: string) {
        setTimeout(() => this.onload?.(), 0);
      }
    }
    vi.stubGlobal("Image", LoadingImage);
    const user = userEvent.setup();
    render(<DiagramView tree={sampleTree()} />);
    await user.click(screen.getByRole("button", { name: "Export PNG" }));
    await screen.findByText(/Saved to/, undefined, { timeout: 3000 });
    expect(backend.callsTo("export_save")[0]).toMatchObject({
      name: "Checkout review.png",
      contents: "iVBORw0KGgo=",
      base64: true,
    });
    expect(drawImage).toHaveBeenCalled();
  });

  it("shows a translated error when the save fails", async () => {
    installMockBackend({
      handlers: { export_save: () => rejectWith({ code: "io", details: {} }) },
    });
    const user = userEvent.setup();
    render(<DiagramView tree={sampleTree()} />);
    await user.click(screen.getByRole("button", { name: "Export SVG" }));
    expect(await screen.findByText(/could not be exported/)).toHaveTextContent(
      "The file could not be read or written.",
    );
  });
});
