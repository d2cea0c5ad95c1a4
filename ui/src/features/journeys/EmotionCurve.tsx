import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { GridStage } from "../../bindings/GridStage";
import { LIMITS } from "../../bindings/rules";

/** One touchpoint on the curve: where it sits across the map (0-1, in reading order) and its emotions. */
export interface CurvePoint {
  id: string;
  name: string;
  /** The middle of its slot: stages share the width equally, and a stage's touchpoints share its part. */
  across: number;
  current: number | null;
  target: number | null;
}

/** The touchpoints of `stages` placed across the map, as the grid's equal stage columns hold them. */
export function curvePoints(stages: readonly GridStage[]): CurvePoint[] {
  const count = Math.max(1, stages.length);
  return stages.flatMap((stage, i) =>
    stage.touchpoints.map((tp, j) => ({
      id: tp.touchpoint.id,
      name: tp.touchpoint.name,
      across: (i + (j + 0.5) / stage.touchpoints.length) / count,
      current: tp.touchpoint.emotionCurrent,
      target: tp.touchpoint.emotionTarget,
    })),
  );
}

const { min, max } = LIMITS.journey.emotion;
/** Room above the top and below the bottom of the scale, so the dots are whole. */
const MARGIN = 0.12;

/** How far down an emotion sits (0 top, 1 bottom): +2 at the top. */
function down(emotion: number): number {
  return MARGIN + ((max - emotion) / (max - min)) * (1 - 2 * MARGIN);
}

function pct(value: number): string {
  return `${(value * 100).toFixed(3)}%`;
}

/** The segments joining neighbouring touchpoints that both have an emotion in `line`. */
function segments(points: readonly CurvePoint[], line: "current" | "target") {
  const out: { from: CurvePoint; to: CurvePoint; a: number; b: number }[] = [];
  for (let i = 1; i < points.length; i += 1) {
    const from = points[i - 1];
    const to = points[i];
    const a = from?.[line];
    const b = to?.[line];
    if (
      from !== undefined &&
      to !== undefined &&
      a !== null &&
      a !== undefined &&
      b !== null &&
      b !== undefined
    )
      out.push({ from, to, a, b });
  }
  return out;
}

/**
 * The emotion curve: each touchpoint's current feeling (solid) and the
 * target (dashed), −2 to +2, drawn across the stages in reading order
 * (right to left in Arabic), one dot per touchpoint under its stage. A
 * touchpoint without an emotion breaks its line. The same figures are
 * listed for screen readers.
 */
export const EmotionCurve = memo(function EmotionCurve({
  stages,
  rtl,
}: {
  stages: readonly GridStage[];
  rtl: boolean;
}) {
  const { t } = useTranslation();
  const points = curvePoints(stages);
  const x = (p: CurvePoint) => pct(rtl ? 1 - p.across : p.across);
  const levels = [max, 0, min];
  return (
    <div className="journey-curve" data-testid="journey-curve">
      <svg className="journey-curve-plot" role="img" aria-label={t("journeys.curve.title")}>
        {levels.map((level) => (
          <line
            key={level}
            className={level === 0 ? "journey-curve-zero" : "journey-curve-grid"}
            x1="0"
            x2="100%"
            y1={pct(down(level))}
            y2={pct(down(level))}
          />
        ))}
        {(["target", "current"] as const).map((line) =>
          segments(points, line).map(({ from, to, a, b }) => (
            <line
              key={`${line}-${from.id}`}
              className={`journey-curve-line journey-curve-line--${line}`}
              x1={x(from)}
              x2={x(to)}
              y1={pct(down(a))}
              y2={pct(down(b))}
            />
          )),
        )}
        {(["target", "current"] as const).map((line) =>
          points.map((p) => {
            const value = p[line];
            return value === null ? null : (
              <circle
                key={`${line}-${p.id}`}
                className={`journey-curve-dot journey-curve-dot--${line}`}
                data-testid={`curve-${line}`}
                data-touchpoint={p.id}
                data-emotion={value}
                cx={x(p)}
                cy={pct(down(value))}
                r={line === "current" ? 5 : 4}
              >
                <title>{`${p.name}: ${t(`journeys.emotion.${String(value) as "0"}`)}`}</title>
              </circle>
            );
          }),
        )}
      </svg>
      <p className="journey-curve-legend">
        <span className="journey-curve-key journey-curve-key--current">{t("journeys.curve.current")}</span>
        <span className="journey-curve-key journey-curve-key--target">{t("journeys.curve.target")}</span>
      </p>
      <table className="visually-hidden">
        <caption>{t("journeys.curve.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("journeys.curve.touchpoint")}</th>
            <th scope="col">{t("journeys.curve.current")}</th>
            <th scope="col">{t("journeys.curve.target")}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <bdi>{p.name}</bdi>
              </th>
              <td>{p.current === null ? "" : t(`journeys.emotion.${String(p.current) as "0"}`)}</td>
              <td>{p.target === null ? "" : t(`journeys.emotion.${String(p.target) as "0"}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
