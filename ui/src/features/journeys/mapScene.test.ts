import { describe, expect, it } from "vitest";
import type { GridStage } from "../../bindings/GridStage";
import type { JourneyGrid } from "../../bindings/JourneyGrid";
import type { TouchpointPain } from "../../bindings/TouchpointPain";
import { estimateSceneWidth } from "../../kit/export/scene/measure";
import type { Scene, Shape } from "../../kit/export/scene/scene";
import { heatFill, mapScene, type MapSceneLabels } from "./mapScene";

const labels: MapSceneLabels = {
  title: "Online order",
  subtitle: "Current (as is)",
  touchpoints: "Touchpoints",
  curve: "Emotion curve",
  current: "Feels now",
  target: "Target",
  lanes: {
    actions: "Actions",
    expectations: "Expectations",
    thoughts: "Thoughts",
    emotions: "Emotions",
    motivations: "Motivations",
    obstacles: "Obstacles",
    opportunities: "Opportunities",
  },
  channel: (c) => `channel:${c}`,
  direct: "Direct",
  indirect: "Indirect",
  problems: (n) => `${String(n)} problems`,
  reports: (n) => `${String(n)} reports`,
  severity: (s) => `Highest severity: ${s}`,
  allFixed: "All fixes verified",
};

function stage(
  id: string,
  name: string,
  touchpoints: [string, number | null][],
  cards: string[] = [],
): GridStage {
  return {
    stage: { id, mapId: "m", name, position: 1 },
    touchpoints: touchpoints.map(([tpName, emotion], i) => ({
      touchpoint: {
        id: `${id}-tp${String(i)}`,
        mapId: "m",
        stageId: id,
        name: tpName,
        position: i + 1,
        channel: "email",
        direct: true,
        ownerTeam: "",
        emotionCurrent: emotion,
        emotionTarget: emotion === null ? null : 2,
      },
      problemIds: [],
      notes: [],
      quotes: [],
    })),
    cells: [
      {
        lane: "obstacles",
        cards: cards.map((text, i) => ({
          id: `${id}-c${String(i)}`,
          mapId: "m",
          stageId: id,
          lane: "obstacles",
          position: i + 1,
          text,
          actionIds: [],
        })),
      },
    ],
  };
}

function grid(stages: GridStage[]): JourneyGrid {
  return {
    map: {
      id: "m",
      name: "Online order",
      state: "current",
      madeFrom: null,
      reviewMonths: 4,
      reviewedAt: null,
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-01T00:00:00Z",
    },
    personas: [],
    lanes: ["obstacles"],
    stages,
    curve: [],
  } as unknown as JourneyGrid;
}

const texts = (scene: Scene) =>
  scene.shapes.filter((s): s is Extract<Shape, { kind: "text" }> => s.kind === "text");
const textAt = (scene: Scene, value: string) => {
  const found = texts(scene).find((s) => s.text === value);
  if (found === undefined) throw new Error(`no text ${value}`);
  return found;
};

const long =
  "Customers cannot find where to enter the discount code and abandon the basket at the last step before paying";
const sample = grid([
  stage("s1", "Awareness", [["Advert", -1]]),
  stage(
    "s2",
    "Purchase",
    [
      ["Checkout", -2],
      ["Receipt", null],
      ["Delivery", 1],
    ],
    [long, "الدفع يتأخر"],
  ),
]);

describe("the map's picture", () => {
  it("lays the stages out left to right and mirrors them in Arabic", () => {
    const ltr = mapScene({ grid: sample, pain: new Map(), labels, rtl: false, measure: estimateSceneWidth });
    const rtl = mapScene({ grid: sample, pain: new Map(), labels, rtl: true, measure: estimateSceneWidth });
    expect(textAt(ltr, "Awareness").x).toBeLessThan(textAt(ltr, "Purchase").x);
    expect(textAt(rtl, "Awareness").x).toBeGreaterThan(textAt(rtl, "Purchase").x);
    expect(rtl.width).toBe(ltr.width);
    expect(rtl.height).toBe(ltr.height);
    // Labels run in the reader's direction; user text in its own.
    expect(textAt(rtl, "Obstacles").dir).toBe("rtl");
    expect(textAt(rtl, "الدفع يتأخر").dir).toBe("rtl");
    expect(textAt(ltr, "الدفع يتأخر").dir).toBe("rtl");
    expect(textAt(rtl, "Checkout").dir).toBe("ltr");
    // The curve's scale reads +2 and −2 in either language.
    expect(textAt(rtl, "+2").dir).toBe("ltr");
    expect(textAt(rtl, "−2").dir).toBe("ltr");
  });

  it("keeps every shape inside the picture and wraps long cards inside their column", () => {
    const scene = mapScene({
      grid: sample,
      pain: new Map(),
      labels,
      rtl: false,
      measure: estimateSceneWidth,
    });
    for (const s of scene.shapes) {
      if (s.kind === "rect") {
        expect(s.x).toBeGreaterThanOrEqual(0);
        expect(s.x + s.w).toBeLessThanOrEqual(scene.width);
        expect(s.y + s.h).toBeLessThanOrEqual(scene.height);
      }
      if (s.kind === "text") {
        expect(s.x).toBeGreaterThanOrEqual(0);
        expect(s.x).toBeLessThanOrEqual(scene.width);
      }
    }
    const cardLines = texts(scene).filter((s) => long.includes(s.text) && s.text !== "");
    expect(cardLines.length).toBeGreaterThan(1);
    expect(cardLines.map((s) => s.text).join(" ")).toBe(long);
    for (const line of cardLines) expect(estimateSceneWidth(line.text, line.size, 400)).toBeLessThan(3 * 170);
  });

  it("draws the curve through the touchpoints with an emotion, broken where one has none", () => {
    const scene = mapScene({
      grid: sample,
      pain: new Map(),
      labels,
      rtl: false,
      measure: estimateSceneWidth,
    });
    // The legend's sample line comes first; the curve is the last solid line.
    const lines = scene.shapes.filter((s) => s.kind === "path" && s.stroke === "#4f46e5");
    expect(lines).toHaveLength(2);
    const last = lines.at(-1);
    const d = last?.kind === "path" ? last.d : "";
    // Advert → Checkout joined, Receipt has none, Delivery starts again.
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/L/g)).toHaveLength(1);
  });

  it("shows the pain of each touchpoint as a heat scale, and verified fixes", () => {
    const pain: TouchpointPain = {
      touchpointId: "s2-tp0",
      stageId: "s2",
      problems: 3,
      occurrences: 12,
      highestSeverity: "high",
      allFixed: true,
      heat: 1,
    };
    const scene = mapScene({
      grid: sample,
      pain: new Map([[pain.touchpointId, pain]]),
      labels,
      rtl: false,
      measure: estimateSceneWidth,
    });
    expect(textAt(scene, "3 problems · 12 reports")).toBeDefined();
    expect(textAt(scene, "Highest severity: high")).toBeDefined();
    expect(textAt(scene, "All fixes verified")).toBeDefined();
    expect(scene.shapes.some((s) => s.kind === "rect" && s.fill === heatFill(pain))).toBe(true);
    expect(heatFill(pain)).toBe("#fda29b");
    expect(heatFill(undefined)).toBe("#ffffff");
    expect(heatFill({ ...pain, heat: 0 })).toBe("#fff4ed");
  });
});
