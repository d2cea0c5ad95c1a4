import { useLoadSamples, useRemoveSamples, useSampleCount } from "../../../api/problems";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { describeError } from "../../../i18n/errors";
import { TRASH_PATH } from "../../../shell/sections";

/** What a workspace with no problems shows: how to log the first one, or load the samples. */
export function EmptyWorkspace() {
  const { t } = useTranslation();
  const load = useLoadSamples();
  return (
    <div className="empty-state" data-testid="problems-empty">
      <p className="empty-state-title">{t("problems.emptyTitle")}</p>
      <p className="empty-state-body">{t("problems.emptyBody")}</p>
      <p className="empty-state-body">{t("problemList.empty.samplesHint")}</p>
      <button
        type="button"
        className="button"
        disabled={load.isPending}
        data-testid="sample-load"
        onClick={() => {
          load.mutate();
        }}
      >
        {load.isPending ? t("problemList.empty.loadingSamples") : t("problemList.empty.loadSamples")}
      </button>
      {load.isError && (
        <p className="field-error" role="alert" data-testid="sample-load-error">
          {t("problemList.empty.loadSamplesError", { reason: describeError(t, load.error) })}
        </p>
      )}
    </div>
  );
}

/**
 * While sample problems are in the workspace: a calm note saying so, and the
 * one step that moves them all to the trash (where they can be restored).
 */
export function SampleBanner() {
  const { t } = useTranslation();
  const count = useSampleCount();
  const remove = useRemoveSamples();
  const [removed, setRemoved] = useState<number | null>(null);

  const samples = count.data ?? 0;
  return (
    <>
      {samples > 0 && (
        <div className="sample-banner" data-testid="sample-banner">
          <p>{t("problemList.samples.banner")}</p>
          <button
            type="button"
            className="button"
            disabled={remove.isPending}
            data-testid="sample-remove"
            onClick={() => {
              setRemoved(null);
              remove.mutate(undefined, {
                onSuccess: (n) => {
                  setRemoved(n);
                },
              });
            }}
          >
            {remove.isPending ? t("problemList.samples.removing") : t("problemList.samples.remove")}
          </button>
          {remove.isError && (
            <p className="field-error" role="alert">
              {t("problemList.samples.removeError", { reason: describeError(t, remove.error) })}
            </p>
          )}
        </div>
      )}
      <div
        role="status"
        className={removed === null ? "visually-hidden" : "notice"}
        data-testid="sample-removed"
      >
        {removed !== null && (
          <>
            <span>{t("problemList.samples.removed", { count: removed })}</span>{" "}
            <Link to={TRASH_PATH}>{t("problemList.samples.openTrash")}</Link>
          </>
        )}
      </div>
    </>
  );
}
