/**
 * The dashboard's filters as the address keeps them (so back, reload and a
 * link from elsewhere show the same figures): a period preset or custom
 * days, a channel, and the trend's buckets.
 */
import type { Channel } from "../../bindings/Channel";
import type { DashboardQuery } from "../../bindings/DashboardQuery";
import type { Granularity } from "../../bindings/Granularity";
import { LIMITS } from "../../bindings/rules";
import { CHANNELS } from "../../kit/fields";
import { addDays, addMonths } from "../../kit/fields/dates";
import { isDay } from "../../i18n/format";
import type { MeasureKey } from "../../kit/metrics/figures";

export const PRESETS = ["30d", "90d", "12m", "year", "custom"] as const;
export type Preset = (typeof PRESETS)[number];

export const TREND_MEASURES: readonly MeasureKey[] = ["nps", "csat", "ces5", "ces7", "ttr"];

/** What the dashboard shows, read from its address. */
export interface DashboardFilters {
  preset: Preset;
  /** Custom days (only read when `preset` is custom). */
  from: string;
  to: string;
  channel: Channel | null;
  /** A journey touchpoint's id. */
  touchpoint: string | null;
  /** A customer segment, as problems name it. */
  segment: string | null;
  granularity: Granularity;
  /** The measure the trend draws. */
  measure: MeasureKey;
}

function isPreset(value: string | null): value is Preset {
  return (PRESETS as readonly (string | null)[]).includes(value);
}

function isChannel(value: string | null): value is Channel {
  return (CHANNELS as readonly (string | null)[]).includes(value);
}

function isMeasure(value: string | null): value is MeasureKey {
  return (TREND_MEASURES as readonly (string | null)[]).includes(value);
}

/** `text` trimmed, or null when there is none. */
function nonEmpty(text: string | null): string | null {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

/** The filters in `params`, with defaults for what is missing or wrong. */
export function readFilters(params: URLSearchParams, today: string): DashboardFilters {
  const preset = params.get("period");
  const from = params.get("from");
  const to = params.get("to");
  const channel = params.get("channel");
  const measure = params.get("measure");
  return {
    preset: isPreset(preset) ? preset : "90d",
    from: from !== null && isDay(from) ? from : addDays(today, -89),
    to: to !== null && isDay(to) ? to : today,
    channel: isChannel(channel) ? channel : null,
    touchpoint: nonEmpty(params.get("touchpoint")),
    segment: nonEmpty(params.get("segment")),
    granularity: params.get("by") === "month" ? "month" : "week",
    measure: isMeasure(measure) ? measure : "nps",
  };
}

/** The address of `filters` (defaults left out). */
export function writeFilters(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.preset !== "90d") params.set("period", filters.preset);
  if (filters.preset === "custom") {
    params.set("from", filters.from);
    params.set("to", filters.to);
  }
  if (filters.channel !== null) params.set("channel", filters.channel);
  if (filters.touchpoint !== null) params.set("touchpoint", filters.touchpoint);
  if (filters.segment !== null) params.set("segment", filters.segment);
  if (filters.granularity !== "week") params.set("by", filters.granularity);
  if (filters.measure !== "nps") params.set("measure", filters.measure);
  return params;
}

/** The first and last day a preset covers, ending today. */
export function presetRange(
  preset: Preset,
  today: string,
  custom: { from: string; to: string },
): { from: string; to: string } {
  switch (preset) {
    case "30d":
      return { from: addDays(today, -29), to: today };
    case "90d":
      return defaultRange(today);
    case "12m":
      return { from: addDays(addMonths(today, -12), 1), to: today };
    case "year":
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case "custom":
      return custom;
  }
}

/** The period shown when none is chosen (or the chosen one is refused): the last 90 days. */
export function defaultRange(today: string): { from: string; to: string } {
  return { from: addDays(today, -89), to: today };
}

/** Days from `from` to `to`, both counted. */
function spanDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Whether the core will take the range: in order and at most five years long. */
export function rangeIsValid(from: string, to: string): boolean {
  return isDay(from) && isDay(to) && from <= to && spanDays(from, to) <= LIMITS.metrics.rangeDaysMax;
}

/** The core's query for `filters` (null when the custom range is refused). */
export function queryOf(filters: DashboardFilters, today: string): DashboardQuery | null {
  const { from, to } = presetRange(filters.preset, today, filters);
  if (!rangeIsValid(from, to)) return null;
  const query: DashboardQuery = { from, to, granularity: filters.granularity };
  if (filters.channel !== null) query.channel = filters.channel;
  if (filters.touchpoint !== null) query.touchpointId = filters.touchpoint;
  if (filters.segment !== null) query.segment = filters.segment;
  return query;
}
