import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Card } from "../../bindings/Card";
import type { LinkedProblem } from "../../bindings/LinkedProblem";
import { LIMITS } from "../../bindings/rules";
import { Announcement, useAnnouncer } from "../../kit/detail/DetailPage";
import { oneLine } from "../../kit/fields";
import { ProblemPicker, type ProblemPickerWords } from "../../kit/ProblemPicker";
import { Slot } from "../../kit/slots";

type Step = { at: "closed" } | { at: "problem" } | { at: "form"; problem: LinkedProblem };

/**
 * An opportunity card becoming a corrective action: the problem it acts
 * on is picked first, then the usual action form starts with the card's
 * words as its title; the card lists the actions it became.
 */
export function OpportunityAction({ card }: { card: Card }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ at: "closed" });
  const [announcement, announce] = useAnnouncer();
  const close = () => {
    setStep({ at: "closed" });
  };
  const words: ProblemPickerWords = {
    search: t("journeys.opportunity.search"),
    searchPlaceholder: t("journeys.touchpoint.searchPlaceholder"),
    searchError: (reason) => t("journeys.touchpoint.searchError", { reason }),
    noMatch: t("journeys.opportunity.noMatch"),
    results: t("journeys.opportunity.results"),
    pickLabel: (title) => t("journeys.opportunity.pickLabel", { title }),
    done: t("journeys.opportunity.cancel"),
  };
  const title = oneLine(card.text).trim().slice(0, LIMITS.action.title);
  // A card longer than a title (or on several lines) keeps all its words in the description.
  const description = title === card.text.trim() ? "" : card.text.trim();
  return (
    <div className="journey-opportunity" data-testid="opportunity-action">
      {card.actionIds.length > 0 && (
        <p className="journey-opportunity-became" data-testid="opportunity-became">
          {t("journeys.opportunity.became", { count: card.actionIds.length })}{" "}
          {card.actionIds.map((id, i) => (
            <Link key={id} to={`/actions/${id}`} className="journey-opportunity-link">
              {t("journeys.opportunity.actionN", { n: i + 1 })}
            </Link>
          ))}
        </p>
      )}
      {step.at === "closed" && (
        <button
          type="button"
          className="button button--ghost journey-opportunity-make"
          aria-label={t("journeys.opportunity.makeLabel", { text: card.text })}
          data-testid="opportunity-make"
          onClick={() => {
            setStep({ at: "problem" });
          }}
        >
          {t("journeys.opportunity.make")}
        </button>
      )}
      {step.at === "problem" && (
        <div className="journey-opportunity-step">
          <p className="field-hint">{t("journeys.opportunity.pickFirst")}</p>
          <ProblemPicker
            words={words}
            testIdPrefix="opportunity-problem"
            linkedIds={new Set()}
            pending={false}
            onPick={(problem) => {
              setStep({ at: "form", problem });
            }}
            onClose={close}
          />
        </div>
      )}
      {step.at === "form" && (
        <div className="journey-opportunity-step">
          <p className="journey-opportunity-for" data-testid="opportunity-for">
            {t("journeys.opportunity.for")} <bdi>{step.problem.title}</bdi>{" "}
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setStep({ at: "problem" });
              }}
            >
              {t("journeys.opportunity.otherProblem")}
            </button>
          </p>
          <Slot
            name="newActionForm"
            props={{
              problemId: step.problem.id,
              initialTitle: title,
              initialDescription: description,
              fromCardId: card.id,
              testIdBase: "opportunity-action",
              onCreated: (action) => {
                announce(t("journeys.opportunity.created", { title: action.title }));
                close();
              },
              onCancel: close,
            }}
          />
        </div>
      )}
      <Announcement text={announcement} testId="opportunity-announcement" />
    </div>
  );
}
