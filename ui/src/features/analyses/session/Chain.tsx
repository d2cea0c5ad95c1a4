import { useTranslation } from "react-i18next";
import type { WhyNode } from "../../../bindings/WhyNode";

interface ChainProps {
  problemTitle: string;
  /** From the first answer down to the cause in question; empty at the problem. */
  chain: readonly WhyNode[];
  /** Go back to a step: null for the problem. */
  onPick: (nodeId: string | null) => void;
}

/**
 * The breadcrumb from the problem to the cause in question. It follows the
 * inline direction, so in Arabic it flows right to left; each earlier step is
 * a button that goes back to it.
 */
export function Chain({ problemTitle, chain, onPick }: ChainProps) {
  const { t } = useTranslation();
  const emptyText = t("why.emptyText");
  const steps: { id: string | null; label: string; text: string }[] = [
    { id: null, label: t("why.problemStatement"), text: problemTitle },
    ...chain.map((node, i) => ({
      id: node.id,
      label: t("session.step", { number: i + 1 }),
      text: node.text === "" ? emptyText : node.text,
    })),
  ];
  return (
    <nav className="session-chain" aria-label={t("session.chain")} data-session-chain="">
      <ol>
        {steps.map((step, i) => {
          const current = i === steps.length - 1;
          const content = (
            <>
              <span className="session-crumb-label">{step.label}</span>
              <span className="session-crumb-text" dir="auto">
                {step.text}
              </span>
            </>
          );
          return (
            <li key={step.id ?? "problem"} className="session-crumb">
              {current ? (
                <span className="session-crumb-current" aria-current="step" data-testid="crumb">
                  {content}
                </span>
              ) : (
                <button
                  type="button"
                  className="session-crumb-button"
                  data-crumb=""
                  data-testid="crumb"
                  title={step.text}
                  onClick={() => {
                    onPick(step.id);
                  }}
                >
                  {content}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
