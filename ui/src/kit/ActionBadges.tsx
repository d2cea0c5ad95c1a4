import { useTranslation } from "react-i18next";
import type { ActionFlags } from "../bindings/ActionFlags";
import type { ActionKind } from "../bindings/ActionKind";
import type { ActionStatus } from "../bindings/ActionStatus";
import type { Priority } from "../bindings/Priority";

/** The flags in the order they are shown (most pressing first). */
export const FLAG_KEYS = ["overdue", "checkDue", "recurred", "noRootCause"] as const;
export type FlagKey = (typeof FLAG_KEYS)[number];

/** An action's status as a coloured badge: `<StatusBadge status="open" />`. */
export function StatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`action-badge action-status--${status}`} data-testid="action-status-badge">
      {t(`actions.status.${status}`)}
    </span>
  );
}

/** An action's priority as a badge: `<PriorityBadge priority="urgent" />`. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <span className={`action-badge action-priority--${priority}`} data-testid="action-priority-badge">
      {t(`actions.priority.${priority}`)}
    </span>
  );
}

/** An action's kind, with what the kind means as its hint: `<KindBadge kind="corrective" />`. */
export function KindBadge({ kind }: { kind: ActionKind }) {
  const { t } = useTranslation();
  return (
    <span
      className={`action-badge action-kind action-kind--${kind}`}
      title={t(`actions.kindHint.${kind}`)}
      data-testid="action-kind-badge"
    >
      {t(`actions.kind.${kind}`)}
    </span>
  );
}

/** One flag (overdue, check due, recurred after fix, no root cause) with its hint. */
export function FlagBadge({ flag }: { flag: FlagKey }) {
  const { t } = useTranslation();
  const hint = t(`actions.flagHint.${flag}`);
  return (
    <span className={`action-badge action-flag--${flag}`} title={hint} data-testid={`action-flag-${flag}`}>
      {t(`actions.flag.${flag}`)}
      <span className="visually-hidden">{`: ${hint}`}</span>
    </span>
  );
}

/** The flags that are set, each with its hint; nothing when none is: `<FlagBadges flags={row.flags} />`. */
export function FlagBadges({ flags }: { flags: ActionFlags }) {
  const set = FLAG_KEYS.filter((flag) => flags[flag]);
  if (set.length === 0) return null;
  return (
    <span className="action-flags">
      {set.map((flag) => (
        <FlagBadge key={flag} flag={flag} />
      ))}
    </span>
  );
}
