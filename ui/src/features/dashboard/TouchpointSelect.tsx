import { useTranslation } from "react-i18next";
import { useTouchpointChoices } from "../../api/metrics";
import type { TouchpointRef } from "../../bindings/TouchpointRef";
import { isolate } from "../../i18n/format";
import type { ControlProps } from "../../kit/fields";

interface TouchpointSelectProps extends Partial<ControlProps> {
  value: string | null;
  onChange: (touchpoint: string | null) => void;
  /** What the empty choice says ("All touchpoints", "No touchpoint"). */
  noneLabel: string;
  testId: string;
}

/** The maps' touchpoints, grouped by map, each named with its stage. */
export function TouchpointSelect({ value, onChange, noneLabel, testId, ...control }: TouchpointSelectProps) {
  const { t } = useTranslation();
  const choices = useTouchpointChoices();
  const maps = new Map<string, { name: string; touchpoints: TouchpointRef[] }>();
  for (const tp of choices.data ?? []) {
    const map = maps.get(tp.mapId) ?? { name: tp.mapName, touchpoints: [] };
    map.touchpoints.push(tp);
    maps.set(tp.mapId, map);
  }
  const none = choices.data !== undefined && choices.data.length === 0;
  return (
    <select
      {...control}
      className="select-input"
      value={value ?? ""}
      disabled={none && value === null}
      data-testid={testId}
      onChange={(event) => {
        onChange(event.target.value === "" ? null : event.target.value);
      }}
    >
      <option value="">{none ? t("metrics.filters.noTouchpoints") : noneLabel}</option>
      {[...maps.entries()].map(([id, map]) => (
        <optgroup key={id} label={map.name}>
          {map.touchpoints.map((tp) => (
            <option key={tp.id} value={tp.id}>
              {t("metrics.filters.touchpointName", { stage: isolate(tp.stageName), name: tp.name })}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
