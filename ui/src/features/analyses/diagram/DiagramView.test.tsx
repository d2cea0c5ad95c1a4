import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { installMockBackend, rejectWith } from "../../../api/mock-backend";
import i18n from "../../../i18n";
import { DiagramView } from "./DiagramView";
import { PROBLEM_ID } from "./layout";
import { must, sampleTree } from "./test-trees";
import { installXyflowStubs } from "./xyflow-test-env";

beforeEach(() => {
  installXyflowStubs();
});

function nodeBox(container: HTMLElement, id: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);
  if (el === null) throw new Error(`node ${id} not rendered`);
  return el;
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
