import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useActionEffect } from "../../../api/actions";
import type { ActionEffect } from "../../../bindings/ActionEffect";
import type { WeekCount } from "../../../bindings/WeekCount";
import { isLanguage } from "../../../i18n";
import { describeError } from "../../../i18n/errors";
import { INTL_LOCALES } from "../../../i18n/format";
import { formatDay, useDayFormat } from "../../../i18n/format";

const BAR = 24;
const GAP = 6;
const BARS_TOP = 34;
const BARS_HEIGHT = 70;
const HEIGHT = BARS_TOP + BARS_HEIGHT;
/** Characters of an action's title shown beside its marker. */
const LABEL_CHARS = 24;
/** Marker labels stack on this many rows so neighbours do not overlap. */
const LABEL_ROWS = 2;

/** The first `max` characters (code points) of `text`, with an ellipsis when cut. */
export function truncateTitle(text: string, max = LABEL_CHARS): string {
  const chars = Array.from(text.trim());
  return chars.length <= max
    ? chars.join("")
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

/** The index of the week holding `day` (the last week starting on or before it), or -1. */
export function weekIndexOf(weeks: readonly WeekCount[], day: string): number {
  let found = -1;
  weeks.forEach((week, index) => {
    if (week.weekStart <= day) found = index;
  });
  if (found === weeks.length - 1 && weeks.length > 0) {
    // Past the last week's seven days: outside the chart.
    const end = new Date(`${weeks[found]?.weekStart ?? day}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 7);
    if (day >= end.toISOString().slice(0, 10)) return -1;
  }
  return found;
}

function useRateFormat(): Intl.NumberFormat {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "en";
  return useMemo(
    () => new Intl.NumberFormat(INTL_LOCALES[language], { maximumFractionDigits: 1 }),
    [language],
  );
}

/** "Before “X”: 3.5 reports a week; since: 0.5 a week (over 4 weeks)", in the user's language. */
export function useEffectSentence(): (effect: ActionEffect) => string {
  const { t } = useTranslation();
  const rate = useRateFormat();
  return (effect) => {
    const title = `\u2068${effect.title}\u2069`;
    const before = t("problemActions.effect.before", {
      title,
      rate: rate.format(effect.beforePerWeek),
      count: effect.beforePerWeek,
    });
    const after =
      effect.afterPerWeek === null
        ? t("problemActions.effect.notYet")
        : t("problemActions.effect.since", {
            rate: rate.format(effect.afterPerWeek),
            weeks: t("problemActions.effect.weeks", { count: effect.weeksAfter }),
          });
    return t("problemActions.effect.sentence", { before, after });
  };
}

interface ChartProps {
  weeks: readonly WeekCount[];
  actions: readonly ActionEffect[];
}

/**
 * Reports per week as bars, with a marker at the week each action was done,
 * labelled with its title. Time runs in reading direction: left to right in
 * English, right to left in Arabic. The picture has a text alternative; the
 * sentences under it say the same in words.
 */
export function EffectBars({ weeks, actions }: ChartProps) {
  const { t, i18n } = useTranslation();
  const rtl = i18n.dir() === "rtl";
  const shortDay = useDayFormat({ day: "numeric", month: "short" });
  const n = weeks.length;
  const width = Math.max(360, n * (BAR + GAP) - GAP);
  const step = n === 0 ? 0 : (width + GAP) / n;
  const barWidth = Math.max(2, step - GAP);
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const slotX = (index: number) => (rtl ? n - 1 - index : index) * step;
  const markers = actions
    .map((action) => ({ action, index: weekIndexOf(weeks, action.doneOn) }))
    .filter((m) => m.index >= 0);
  // One marker a week: several fixes done the same week share it (the
  // sentences below name each one).
  const weekMarks: { index: number; titles: string[] }[] = [];
  for (const { action, index } of markers) {
    const mark = weekMarks.find((m) => m.index === index);
    if (mark === undefined) weekMarks.push({ index, titles: [action.title] });
    else mark.titles.push(action.title);
  }
  const total = weeks.reduce((sum, w) => sum + w.count, 0);
  const label = [
    t("problemActions.effect.chartLabel", {
      count: n,
      reports: total,
      from: n > 0 ? formatDay(shortDay, weeks[0]?.weekStart ?? "") : "",
      to: n > 0 ? formatDay(shortDay, weeks[n - 1]?.weekStart ?? "") : "",
    }),
    ...markers.map((m) =>
      t("problemActions.effect.markerLabel", {
        title: m.action.title,
        date: formatDay(shortDay, m.action.doneOn),
      }),
    ),
  ].join(" ");
  return (
    <svg
      className="effect-chart"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      data-testid="effect-chart"
      data-direction={rtl ? "rtl" : "ltr"}
    >
      <line className="effect-baseline" x1={0} x2={width} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
      {weeks.map((week, index) => {
        const height = week.count === 0 ? 0 : Math.max(3, (week.count / max) * (BARS_HEIGHT - 4));
        return (
          <rect
            key={week.weekStart}
            className={index === n - 1 ? "effect-bar effect-bar--current" : "effect-bar"}
            x={slotX(index)}
            y={HEIGHT - height}
            width={barWidth}
            height={height}
            rx={1.5}
            data-testid="effect-bar"
            data-week={week.weekStart}
            data-count={week.count}
          />
        );
      })}
      {weekMarks.map(({ index, titles }, i) => {
        const x = slotX(index) + barWidth / 2;
        const y = 11 + (i % LABEL_ROWS) * 13;
        // The label runs from the marker towards the newer weeks (in reading direction).
        const nearEnd = rtl ? x < width * 0.3 : x > width * 0.7;
        const anchor = rtl !== nearEnd ? "end" : "start";
        return (
          <g key={index} className="effect-marker" data-testid="effect-marker" data-week={index}>
            <line className="effect-marker-line" x1={x} x2={x} y1={y + 3} y2={HEIGHT} />
            <text
              className="effect-marker-label"
              x={anchor === "start" ? x + 3 : x - 3}
              y={y}
              textAnchor={anchor}
              direction={rtl ? "rtl" : "ltr"}
            >
              {titles.length === 1
                ? truncateTitle(titles[0] ?? "")
                : t("problemActions.effect.several", { count: titles.length })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * Whether the fixes worked: reports per week before and after each done
 * action, as a chart and as sentences. Until an action is done, a note.
 */
export function ActionEffectChart({ problemId }: { problemId: string }) {
  const { t } = useTranslation();
  const effect = useActionEffect(problemId);
  const sentence = useEffectSentence();
  const day = useDayFormat();
  const shortDay = useDayFormat({ day: "numeric", month: "short" });
  const headingId = useId();
  const data = effect.data;
  return (
    <div className="action-effect" data-testid="action-effect">
      <h3 id={headingId} className="action-effect-title">
        {t("problemActions.effect.heading")}
      </h3>
      {effect.isError && (
        <p className="field-error" role="alert">
          {t("problemActions.effect.loadError", { reason: describeError(t, effect.error) })}
        </p>
      )}
      {data !== undefined &&
        (data.actions.length === 0 ? (
          <p className="muted" data-testid="action-effect-none">
            {t("problemActions.effect.none")}
          </p>
        ) : (
          <figure className="effect-figure" aria-labelledby={headingId}>
            {data.weeks.length > 0 && (
              <>
                <EffectBars weeks={data.weeks} actions={data.actions} />
                <div className="effect-axis" aria-hidden="true">
                  <span>{formatDay(shortDay, data.weeks[0]?.weekStart ?? "")}</span>
                  <span>{formatDay(shortDay, data.weeks[data.weeks.length - 1]?.weekStart ?? "")}</span>
                </div>
              </>
            )}
            <figcaption>
              <ul className="effect-sentences" data-testid="effect-sentences">
                {data.actions.map((a) => (
                  <li key={a.actionId} data-testid="effect-sentence">
                    {sentence(a)}{" "}
                    <span className="muted">
                      {t("problemActions.effect.doneOn", { date: formatDay(day, a.doneOn) })}
                    </span>
                  </li>
                ))}
              </ul>
            </figcaption>
          </figure>
        ))}
    </div>
  );
}
