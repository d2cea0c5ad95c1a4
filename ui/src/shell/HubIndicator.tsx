import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useHubStatus } from "../api/hub";
import { useNumberFormat } from "../i18n/format";

/**
 * Under the workspace's name: where syncing with the team hub stands, a
 * link to Settings → Team. Nothing when the workspace has no hub.
 */
export function HubIndicator() {
  const { t } = useTranslation();
  const numbers = useNumberFormat();
  const status = useHubStatus();
  const hub = status.data;
  if (hub === undefined || hub.state === "off") return null;
  const text =
    hub.state === "idle" && hub.waiting > 0
      ? t("team.indicator.waiting", { count: hub.waiting, n: numbers.format(hub.waiting) })
      : t(`team.indicator.${hub.state}`);
  const title =
    hub.state === "error" || hub.state === "offline"
      ? t(hub.state === "offline" ? "team.state.offline" : "team.state.errorUnknown")
      : undefined;
  return (
    <NavLink
      to="/settings#team"
      className={`hub-indicator hub-indicator--${hub.state}`}
      title={title}
      data-testid="hub-indicator"
      data-state={hub.state}
    >
      <span className="hub-indicator-dot" aria-hidden="true" />
      <span className="hub-indicator-text">{text}</span>
    </NavLink>
  );
}
