import { useTranslation } from "react-i18next";

const FORMULAS = ["nps", "csat", "ces", "ttr", "crr", "churn", "clv"] as const;

/** How each figure is worked out, with a worked example, folded away until asked for. */
export function HelpText({ thinBelow }: { thinBelow: number }) {
  const { t } = useTranslation();
  return (
    <details className="metric-help" data-testid="dashboard-help">
      <summary>{t("metrics.help.title")}</summary>
      <ul>
        {FORMULAS.map((key) => (
          <li key={key} data-testid={`help-${key}`}>
            {t(`metrics.help.${key}`)}
          </li>
        ))}
      </ul>
      <p>{t("metrics.help.interval", { count: thinBelow })}</p>
    </details>
  );
}
