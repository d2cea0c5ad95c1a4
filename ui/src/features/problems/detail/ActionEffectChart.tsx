import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useActionEffect } from "../../../api/actions";
import type { ActionEffect } from "../../../bindings/ActionEffect";
import type { WeekCount } from "../../../bindings/WeekCount";
import { isLanguage } from "../../../i18n";
import { describeError } from "../../../i18n/errors";
import { intlLocale } from "../../../i18n/format";
import { formatDay, useDayFormat } from "../../../i18n/format";
import { barSeries, stackLabels, weekBarOptions, weekData } from "../../../kit/charts/bars";
import { Chart } from "../../../kit/charts/Chart";
import { useChartTheme, withAlpha } from "../../../kit/charts/theme";

const BARS_HEIGHT = 70;
/** Height of a row of marker labels, in CSS pixels (the labels' line height). */
const LABEL_ROW = 14;
/** Characters of an action's title shown beside its marker. */
const LABEL_CHARS = 24;
/** A generous width a character of a marker label (10px text), so estimates never run short. */
const CHAR_WIDTH = 6.2;

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
  return useMemo(() => new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 }), [language]);
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

/** The weeks that get a marker, oldest first: several fixes done the same week share one. */
export function weekMarks(
  weeks: readonly WeekCount[],
  actions: readonly ActionEffect[],
): { index: number; titles: string[] }[] {
  const marks: { index: number; titles: string[] }[] = [];
  for (const action of actions) {
    const index = weekIndexOf(weeks, action.doneOn);
    if (index < 0) continue;
    const mark = marks.find((m) => m.index === index);
    if (mark === undefined) marks.push({ index, titles: [action.title] });
    else mark.titles.push(action.title);
  }
  return marks.sort((a, b) => a.index - b.index);
}

/**
 * Where the markers' labels go over a chart `width` pixels wide: each at its
 * week's middle (0–1 from the line's start, which uPlot's mirrored scale
 * makes the right in Arabic), on rows so that no two overlap.
 */
export function placeMarks(marks: readonly { index: number; text: string }[], weeks: number, width: number) {
  const labels = marks.map((mark) => ({
    ...mark,
    at: (mark.index + 0.5) / Math.max(1, weeks),
    width: Array.from(mark.text).length * CHAR_WIDTH + 4,
  }));
  return stackLabels(labels, width);
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
  const theme = useChartTheme();
  const shortDay = useDayFormat({ day: "numeric", month: "short" });
  const [width, setWidth] = useState(480);
  const n = weeks.length;
  const marks = weekMarks(weeks, actions).map(({ index, titles }) => ({
    index,
    text:
      titles.length === 1
        ? truncateTitle(titles[0] ?? "")
        : t("problemActions.effect.several", { count: titles.length }),
  }));
  const placed = placeMarks(marks, n, width);
  const rows = Math.max(1, ...placed.map((p) => p.row + 1));
  const data = useMemo(() => weekData(weeks.map((w) => w.count)), [weeks]);
  const options = useMemo(() => {
    const older = withAlpha(theme.accent, 0.55);
    const fills = (i: number) => (i === n - 1 ? theme.accent : older);
    return weekBarOptions(n, rtl, [barSeries({ fill: older, fills, size: [0.8, 24] })], {
      padding: [rows * LABEL_ROW + 4, 0, 0, 0],
    });
  }, [n, rtl, theme, rows]);
  const total = weeks.reduce((sum, w) => sum + w.count, 0);
  const label = [
    t("problemActions.effect.chartLabel", {
      count: n,
      reports: total,
      from: n > 0 ? formatDay(shortDay, weeks[0]?.weekStart ?? "") : "",
      to: n > 0 ? formatDay(shortDay, weeks[n - 1]?.weekStart ?? "") : "",
    }),
    ...actions
      .filter((action) => weekIndexOf(weeks, action.doneOn) >= 0)
      .map((action) =>
        t("problemActions.effect.markerLabel", {
          title: action.title,
          date: formatDay(shortDay, action.doneOn),
        }),
      ),
  ].join(" ");
  return (
    <Chart
      className="effect-chart"
      role="img"
      aria-label={label}
      data-testid="effect-chart"
      data-direction={rtl ? "rtl" : "ltr"}
      options={options}
      data={data}
      height={rows * LABEL_ROW + 4 + BARS_HEIGHT}
      onWidth={setWidth}
    >
      {placed.map((mark) => (
        <div
          key={mark.index}
          className="effect-marker"
          data-testid="effect-marker"
          data-week={mark.index}
          data-row={mark.row}
          style={{
            insetInlineStart: `${String(mark.at * 100)}%`,
            insetBlockStart: `${String(mark.row * LABEL_ROW)}px`,
          }}
        >
          <span
            className={mark.back ? "effect-marker-label effect-marker-label--back" : "effect-marker-label"}
            style={{ maxInlineSize: `${String(mark.width)}px` }}
          >
            {mark.text}
          </span>
        </div>
      ))}
    </Chart>
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
