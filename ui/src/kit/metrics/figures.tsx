/**
 * How a CX figure reads everywhere (the dashboard, a problem's page): its
 * value on its own scale, its 95% interval, what it rests on, and a "few
 * answers" mark when that is under the core's threshold. Never bare.
 */
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Figure } from "../../bindings/Figure";
import type { Measure } from "../../bindings/Measure";
import { LIMITS } from "../../bindings/rules";
import { leftToRight, useIntlLocale } from "../../i18n/format";

/** A survey measure, or time to resolution. */
export type MeasureKey = Measure | "ttr";

/** Fewer answers than this make a figure thin (the core's rule). */
export const THIN_BELOW: number = LIMITS.metrics.thinBelow;

/** Formats a measure's value on its own scale: NPS signed, CSAT and rates in %, CES with one decimal, hours. */
export interface MeasureFormat {
  /** The value alone, with its unit ("35", "75%", "4.2", "3.5 h"). */
  value: (measure: MeasureKey | "rate", value: number) => string;
  /** A plain number in the reader's numerals. */
  number: (value: number, digits?: number) => string;
}

/** The number formats of the current language and numerals. */
export function useMeasureFormat(): MeasureFormat {
  const { t } = useTranslation();
  const locale = useIntlLocale();
  return useMemo(() => {
    const formats = new Map<string, Intl.NumberFormat>();
    const format = (digits: number, signed = false) => {
      const key = `${String(digits)}|${String(signed)}`;
      let f = formats.get(key);
      if (f === undefined) {
        f = new Intl.NumberFormat(locale, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
          signDisplay: signed ? "exceptZero" : "auto",
        });
        formats.set(key, f);
      }
      return f;
    };
    // A signed number in Western digits keeps its sign in front in a
    // right-to-left sentence too: Intl puts a direction mark before the sign
    // (which WebKit then draws after the digits), so it is dropped and the
    // number embedded left to right (WebKitGTK leaves a leading sign out of
    // isolates). Arabic-Indic digits keep Intl's own order.
    const ltr = (text: string) =>
      /[0-9]/.test(text) ? leftToRight(text.replace(/[\u061c\u200e\u200f]/g, "")) : text;
    const number = (value: number, digits = 0) => {
      const text = format(digits).format(value);
      return value < 0 ? ltr(text) : text;
    };
    return {
      number,
      value: (measure, value) => {
        switch (measure) {
          case "nps":
            return ltr(format(0, true).format(value));
          case "csat":
          case "rate":
            return t("metrics.figure.percent", {
              number: format(Number.isInteger(value) ? 0 : 1).format(value),
            });
          case "ces5":
          case "ces7":
            return number(value, 1);
          case "ttr":
            return t("metrics.figure.hours", { number: format(value < 10 ? 1 : 0).format(value) });
        }
      },
    };
  }, [locale, t]);
}

/** "95% interval 28 to 42", or null when the figure has no interval. */
export function useIntervalText(): (measure: MeasureKey | "rate", figure: Figure) => string | null {
  const { t } = useTranslation();
  const format = useMeasureFormat();
  return (measure, figure) =>
    figure.low === null || figure.high === null
      ? null
      : t("metrics.figure.interval", {
          low: format.value(measure, figure.low),
          high: format.value(measure, figure.high),
        });
}

/** The "few answers" mark, with why in its title. */
export function ThinBadge({ testId }: { testId?: string }) {
  const { t } = useTranslation();
  return (
    <span
      className="badge badge--warn metric-thin"
      title={t("metrics.figure.thinHint", { count: THIN_BELOW })}
      data-testid={testId}
    >
      {t("metrics.figure.thin")}
    </span>
  );
}

interface FigureValueProps {
  measure: MeasureKey | "rate";
  figure: Figure;
  /** What `n` counts: answers (the default), or customers at a period's start. */
  counts?: "answers" | "customers";
  testId: string;
  /** Smaller, for tables and a problem's page. */
  compact?: boolean;
}

/** A figure with its interval, its count and, when thin, the mark. */
export function FigureValue({
  measure,
  figure,
  counts = "answers",
  testId,
  compact = false,
}: FigureValueProps) {
  const { t } = useTranslation();
  const format = useMeasureFormat();
  const interval = useIntervalText();
  const base = compact ? "metric-figure metric-figure--compact" : "metric-figure";
  if (figure.value === null)
    return (
      <span className={`${base} metric-figure--empty`} data-testid={testId}>
        <span className="metric-figure-none">{t("metrics.figure.none")}</span>
      </span>
    );
  const range = interval(measure, figure);
  return (
    <span className={base} data-testid={testId} data-thin={figure.thin ? "true" : undefined}>
      <span className="metric-figure-value" data-testid={`${testId}-value`}>
        <bdi>{format.value(measure, figure.value)}</bdi>
      </span>
      {range !== null && (
        <span className="metric-figure-interval" data-testid={`${testId}-interval`}>
          {range}
        </span>
      )}
      <span className="metric-figure-n">
        {t(counts === "customers" ? "metrics.figure.customers" : "metrics.figure.n", { count: figure.n })}
        {figure.thin && <ThinBadge testId={`${testId}-thin`} />}
      </span>
    </span>
  );
}
