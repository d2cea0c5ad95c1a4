import { createQueryClient } from "../../../api/freshness";
import { DataProvider } from "../../../api/DataProvider";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { makeAnalysis, makeWhy } from "../../../test/mock-analysis";
import { installMockBackend } from "../../../test/mock-backend";
import { makeBoardPersona, makeMap, makeNote } from "../../../test/mock-empathy";
import { WhyNotes } from "./WhyNotes";

describe("WhyNotes", () => {
  it("lists the notes supporting a cause with their area and a link to their map", async () => {
    const persona = makeBoardPersona("Layla");
    const map = makeMap(persona, "Refunds workshop");
    const why = makeWhy(makeAnalysis("p", "A").id, "Refunds wait for a manual check");
    const other = makeWhy(why.analysisId, "Something else");
    installMockBackend({
      personas: { personas: [persona] },
      analysis: { nodes: [why, other] },
      empathy: {
        maps: [map],
        notes: [
          makeNote(map.id, "pains", "Waits two weeks for money", { causeIds: [why.id], author: "Rana" }),
          makeNote(map.id, "says", "Unrelated", { causeIds: [other.id] }),
          makeNote(map.id, "feels", "Not yet revealed", { causeIds: [why.id], hidden: true }),
        ],
      },
    });
    render(
      <DataProvider client={createQueryClient()}>
        <WhyNotes whyId={why.id} />
      </DataProvider>,
    );
    const items = await screen.findAllByTestId("why-note");
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent("Waits two weeks for money");
    expect(items[0]).toHaveTextContent("Pains");
    expect(items[0]).toHaveTextContent("Rana");
    expect(within(items[0] as HTMLElement).getByTestId("why-note-map")).toHaveAttribute(
      "href",
      `#/empathy/${map.id}`,
    );
  });

  it("says when no note supports the cause, and draws nothing without a query client", async () => {
    installMockBackend();
    const { unmount } = render(
      <DataProvider client={createQueryClient()}>
        <WhyNotes whyId="0190b000-0000-7000-8000-000000000999" />
      </DataProvider>,
    );
    expect(await screen.findByTestId("why-notes-empty")).toBeInTheDocument();
    unmount();
    const { container } = render(<WhyNotes whyId="x" />);
    expect(container).toBeEmptyDOMElement();
  });
});
