import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Channel } from "../../bindings/Channel";
import { ENUMS } from "../../bindings/rules";
import type { Severity } from "../../bindings/Severity";
import type { Status } from "../../bindings/Status";
import type { ControlProps } from "./Field";
import { allowedMoves, STATUS_ORDER } from "./rules";

export const SEVERITIES: readonly Severity[] = ENUMS.severity;
export const CHANNELS: readonly Channel[] = ENUMS.channel;

function isStatus(value: string): value is Status {
  return (STATUS_ORDER as readonly string[]).includes(value);
}
function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

interface SelectProps<T> extends ControlProps {
  value: T;
  onChange: (value: T) => void;
  /** Escape: go back to the saved value. */
  onCancel?: () => void;
  testId: string;
}

function cancelOnEscape(onCancel: (() => void) | undefined) {
  return (event: KeyboardEvent<HTMLSelectElement>) => {
    if (event.key === "Escape" && onCancel !== undefined) {
      event.preventDefault();
      onCancel();
    }
  };
}

interface StatusSelectProps extends SelectProps<Status> {
  /** The status the problem has now: only moves the core allows from it are offered. */
  saved: Status;
}

/**
 * The status, offering only the moves the core accepts from the saved status.
 * Moving a closed problem back to investigating is offered as "Reopen".
 */
export function StatusSelect({ value, saved, onChange, onCancel, testId, ...control }: StatusSelectProps) {
  const { t } = useTranslation();
  const moves = allowedMoves(saved);
  const options = STATUS_ORDER.filter((status) => status === saved || moves.includes(status));
  // A rejected choice stays selected (with its message) until the user picks again or cancels.
  if (!options.includes(value)) options.push(value);
  return (
    <select
      {...control}
      className="select-input"
      value={value}
      data-testid={testId}
      onKeyDown={cancelOnEscape(onCancel)}
      onChange={(event) => {
        if (isStatus(event.target.value)) onChange(event.target.value);
      }}
    >
      {options.map((status) => (
        <option key={status} value={status}>
          {saved === "closed" && status === "investigating"
            ? t("problemDetail.reopen")
            : t(`problem.status.${status}`)}
        </option>
      ))}
    </select>
  );
}

export function SeveritySelect({ value, onChange, onCancel, testId, ...control }: SelectProps<Severity>) {
  const { t } = useTranslation();
  return (
    <select
      {...control}
      className="select-input"
      value={value}
      data-testid={testId}
      onKeyDown={cancelOnEscape(onCancel)}
      onChange={(event) => {
        if (isSeverity(event.target.value)) onChange(event.target.value);
      }}
    >
      {SEVERITIES.map((severity) => (
        <option key={severity} value={severity}>
          {t(`problem.severity.${severity}`)}
        </option>
      ))}
    </select>
  );
}

export function ChannelSelect({
  value,
  onChange,
  onCancel,
  testId,
  noneLabel,
  ...control
}: SelectProps<Channel | null> & {
  /** What the empty choice says (default "Not recorded"). */ noneLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <select
      {...control}
      className="select-input"
      value={value ?? ""}
      data-testid={testId}
      onKeyDown={cancelOnEscape(onCancel)}
      onChange={(event) => {
        const next = event.target.value;
        onChange(isChannel(next) ? next : null);
      }}
    >
      <option value="">{noneLabel ?? t("problem.channel.none")}</option>
      {CHANNELS.map((channel) => (
        <option key={channel} value={channel}>
          {t(`problem.channel.${channel}`)}
        </option>
      ))}
    </select>
  );
}
