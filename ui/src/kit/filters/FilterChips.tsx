import { useId, type ReactNode } from "react";

interface ChoiceGroupProps<T extends string> {
  legend: string;
  testIdPrefix: string;
  values: readonly T[];
  checked: readonly T[];
  label: (value: T) => string;
  /** What a value means, as the chip's tooltip. */
  hint?: (value: T) => string;
  onChange: (next: T[]) => void;
}

/** A row of on/off chips, one checkbox each; none checked means "any". */
export function ChoiceGroup<T extends string>({
  legend,
  testIdPrefix,
  values,
  checked,
  label,
  hint,
  onChange,
}: ChoiceGroupProps<T>) {
  const legendId = useId();
  return (
    <div className="filter-group" role="group" aria-labelledby={legendId}>
      <span id={legendId} className="filter-legend">
        {legend}
      </span>
      <div className="filter-chips">
        {values.map((value) => {
          const on = checked.includes(value);
          return (
            <label key={value} className="chip" title={hint?.(value)}>
              <input
                type="checkbox"
                checked={on}
                data-testid={`${testIdPrefix}-${value}`}
                onChange={() => {
                  onChange(
                    on
                      ? checked.filter((v) => v !== value)
                      : values.filter((v) => v === value || checked.includes(v)),
                  );
                }}
              />
              <span>{label(value)}</span>
            </label>
          );
        })}
      </div>
    </div>
  );
}

interface FilterSelectProps {
  label: string;
  value: string;
  /** Added to `select-input`. */
  className?: string;
  testId: string;
  onChange: (value: string) => void;
  /** The `<option>`s. */
  children: ReactNode;
}

/** A labelled drop-down among a list's filters. */
export function FilterSelect({ label, value, className, testId, onChange, children }: FilterSelectProps) {
  const id = useId();
  return (
    <div className="filter-field">
      <label className="filter-legend" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className={className === undefined ? "select-input" : `select-input ${className}`}
        value={value}
        data-testid={testId}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {children}
      </select>
    </div>
  );
}
