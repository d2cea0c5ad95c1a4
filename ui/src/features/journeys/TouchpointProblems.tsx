import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AppError } from "../../api/errors";
import { useLinkTouchpointProblem, useTouchpointProblems } from "../../api/journeys";
import type { GridTouchpoint } from "../../bindings/GridTouchpoint";
import { ChannelSelect } from "../../kit/fields";
import { ProblemPicker, problemStatusClass } from "../../kit/ProblemPicker";

/**
 * A touchpoint's problems once shown: each opens its page and can be
 * unlinked, and a picker links another. Its query and write exist only
 * while it is open, so a map of a hundred touchpoints opens without them.
 */
function ProblemList({ tp, report }: { tp: GridTouchpoint; report: (error: AppError) => void }) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const problems = useTouchpointProblems(tp.touchpoint.id, true);
  const link = useLinkTouchpointProblem();
  const change = (problemId: string, linked: boolean) => {
    link.mutate({ id: tp.touchpoint.id, problemId, linked }, { onError: report });
  };
  return (
    <div className="journey-touchpoint-problem-list" data-testid="touchpoint-problems">
      {problems.data !== undefined && problems.data.length === 0 && (
        <p className="overview-muted">{t("journeys.touchpoint.none")}</p>
      )}
      <ul>
        {(problems.data ?? []).map((p) => (
          <li key={p.id} data-testid="touchpoint-problem">
            <Link to={`/problems/${p.id}`}>
              <bdi>{p.title}</bdi>
            </Link>
            <span className={problemStatusClass(p.status)}>{t(`problem.status.${p.status}`)}</span>
            <button
              type="button"
              className="button button--ghost"
              aria-label={t("journeys.touchpoint.unlinkLabel", { title: p.title })}
              onClick={() => {
                change(p.id, false);
              }}
            >
              {t("journeys.touchpoint.unlink")}
            </button>
          </li>
        ))}
      </ul>
      {picking ? (
        <ProblemPicker
          words={{
            search: t("journeys.touchpoint.search"),
            searchPlaceholder: t("journeys.touchpoint.searchPlaceholder"),
            searchError: (reason) => t("journeys.touchpoint.searchError", { reason }),
            noMatch: t("journeys.touchpoint.noMatch"),
            results: t("journeys.touchpoint.results"),
            pickLabel: (title) => t("journeys.touchpoint.linkLabel", { title }),
            done: t("journeys.touchpoint.done"),
          }}
          testIdPrefix="touchpoint-problem"
          linkedIds={new Set(tp.problemIds)}
          pending={link.isPending}
          onPick={(problem) => {
            change(problem.id, true);
          }}
          onClose={() => {
            setPicking(false);
          }}
        />
      ) : (
        <button
          type="button"
          className="button"
          data-testid="touchpoint-link-problem"
          onClick={() => {
            setPicking(true);
          }}
        >
          {t("journeys.touchpoint.link")}
        </button>
      )}
    </div>
  );
}

/**
 * A touchpoint's problems: shown when asked (see ProblemList); its
 * channel, changed here.
 */
export function TouchpointProblems({
  tp,
  report,
  onChannel,
}: {
  tp: GridTouchpoint;
  report: (error: AppError) => void;
  onChannel: (channel: GridTouchpoint["touchpoint"]["channel"]) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="journey-touchpoint-problems">
      <label className="journey-emotion" htmlFor={`${tp.touchpoint.id}-channel`}>
        <span>{t("journeys.touchpoint.channel")}</span>
        <ChannelSelect
          value={tp.touchpoint.channel}
          onChange={onChannel}
          testId="touchpoint-channel"
          id={`${tp.touchpoint.id}-channel`}
          aria-invalid={false}
          aria-describedby={undefined}
        />
      </label>
      <button
        type="button"
        className="button button--ghost"
        aria-expanded={open}
        aria-label={t("journeys.touchpoint.problemsLabel", { name: tp.touchpoint.name })}
        data-testid="touchpoint-problems-toggle"
        onClick={() => {
          setOpen((o) => !o);
        }}
      >
        {t("journeys.touchpoint.problemsLink")} ({tp.problemIds.length})
      </button>
      {open && <ProblemList tp={tp} report={report} />}
    </div>
  );
}
