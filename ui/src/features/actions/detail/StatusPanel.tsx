import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useEditAction } from "../../../api/actions";
import type { AppError } from "../../../api/errors";
import type { ActionDetail } from "../../../bindings/ActionDetail";
import type { ActionStatus } from "../../../bindings/ActionStatus";
import type { CheckResult } from "../../../bindings/CheckResult";
import { ENUMS } from "../../../bindings/rules";
import { describeError } from "../../../i18n/errors";
import { formatDay, useDayFormat } from "../../../i18n/format";
import { StatusBadge, type FlagKey } from "../../../kit/ActionBadges";
import { ReasonDialog } from "../../../kit/dialogs/ReasonDialog";

/** A step the user may take from a status. */
export type StatusStep =
  | { kind: "move"; to: "open" | "in_progress" | "done"; label: StepLabel }
  | { kind: "check" }
  | { kind: "cancel" };

type StepLabel = "start" | "markDone" | "backToOpen" | "backToInProgress" | "reopen";

/** The steps offered from each status: only the moves the core allows. */
export function nextSteps(status: ActionStatus): StatusStep[] {
  switch (status) {
    case "open":
      return [
        { kind: "move", to: "in_progress", label: "start" },
        { kind: "move", to: "done", label: "markDone" },
        { kind: "cancel" },
      ];
    case "in_progress":
      return [
        { kind: "move", to: "done", label: "markDone" },
        { kind: "move", to: "open", label: "backToOpen" },
        { kind: "cancel" },
      ];
    case "done":
      return [
        { kind: "check" },
        { kind: "move", to: "in_progress", label: "backToInProgress" },
        { kind: "cancel" },
      ];
    case "verified_effective":
      return [{ kind: "check" }];
    case "not_effective":
      return [
        { kind: "move", to: "open", label: "reopen" },
        { kind: "move", to: "done", label: "markDone" },
        { kind: "cancel" },
      ];
    case "cancelled":
      return [{ kind: "move", to: "open", label: "reopen" }];
  }
}

/** Days after `day` (YYYY-MM-DD). */
function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** What to look at, said plainly: recurred after the fix, check due, overdue, no root cause. */
export function FlagAlerts({ detail }: { detail: ActionDetail }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const { action, flags } = detail;
  const alerts: { key: FlagKey; text: string; strong?: boolean }[] = [];
  if (flags.recurred && action.recurredOn !== null) {
    alerts.push({
      key: "recurred",
      text: t("actionDetail.flags.recurred", { date: formatDay(day, action.recurredOn) }),
      strong: true,
    });
  }
  if (flags.checkDue) {
    alerts.push({
      key: "checkDue",
      text:
        action.checkDueOn === null
          ? t("actions.flagHint.checkDue")
          : t("actionDetail.flags.checkDue", { date: formatDay(day, action.checkDueOn) }),
    });
  }
  if (flags.overdue && action.dueOn !== null) {
    alerts.push({
      key: "overdue",
      text: t("actionDetail.flags.overdue", { date: formatDay(day, action.dueOn) }),
    });
  }
  if (flags.noRootCause) alerts.push({ key: "noRootCause", text: t("actions.flagHint.noRootCause") });
  if (alerts.length === 0) return null;
  return (
    <ul className="action-alerts" data-testid="action-alerts">
      {alerts.map((alert) => (
        <li
          key={alert.key}
          className={alert.strong === true ? "action-alert action-alert--strong" : "action-alert"}
          data-testid={`action-alert-${alert.key}`}
        >
          <strong className="action-alert-name">{t(`actions.flag.${alert.key}`)}</strong> {alert.text}
        </li>
      ))}
    </ul>
  );
}

type Dialog = "check" | "cancel" | null;

/**
 * Where the action stands and the steps it may take next: start, mark done,
 * back to open, record the check's result (a dialog), cancel with a reason
 * (a dialog), reopen.
 */
export function StatusPanel({
  detail,
  announce,
}: {
  detail: ActionDetail;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { action } = detail;
  const edit = useEditAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<AppError | null>(null);
  const headingId = useId();
  const steps = nextSteps(action.status);

  const run = (value: Parameters<typeof edit.mutate>[0]["edit"], done: () => void) => {
    setError(null);
    edit.mutate(
      { id: action.id, edit: value },
      {
        onSuccess: (saved) => {
          done();
          announce(t("actionDetail.status.now", { status: t(`actions.status.${saved.status}`) }));
        },
        onError: setError,
      },
    );
  };

  const open = (which: Dialog) => {
    edit.reset();
    setError(null);
    setDialog(which);
  };

  return (
    <section className="action-status-panel" aria-labelledby={headingId} data-testid="action-status-panel">
      <h2 id={headingId} className="visually-hidden">
        {t("actions.field.status")}
      </h2>
      <div className="action-status-row">
        <span className="action-status-now">
          {t("actions.field.status")}: <StatusBadge status={action.status} />
        </span>
        <div className="button-row action-steps">
          {steps.map((step) => {
            if (step.kind === "move") {
              return (
                <button
                  key={step.label}
                  type="button"
                  className={step.to === "done" ? "button button--primary" : "button"}
                  disabled={edit.isPending}
                  data-testid={`action-step-${step.label}`}
                  onClick={() => {
                    run({ field: "status", value: step.to }, () => undefined);
                  }}
                >
                  {t(`actionDetail.step.${step.label}`)}
                </button>
              );
            }
            return (
              <button
                key={step.kind}
                type="button"
                className={step.kind === "check" ? "button button--primary" : "button button--ghost"}
                disabled={edit.isPending}
                data-testid={`action-step-${step.kind}`}
                onClick={() => {
                  open(step.kind);
                }}
              >
                {step.kind === "check" ? t("actionDetail.step.check") : t("actionDetail.step.cancel")}
              </button>
            );
          })}
        </div>
      </div>
      {action.status === "cancelled" && action.cancelReason !== "" && (
        <p className="action-cancel-reason" data-testid="action-cancel-reason">
          {t("actions.field.cancelReason")}: <bdi className="user-text">{action.cancelReason}</bdi>
        </p>
      )}
      {dialog === null && error !== null && (
        <p className="field-error" role="alert" data-testid="action-step-error">
          {t("actionDetail.status.failed", { reason: describeError(t, error) })}
        </p>
      )}
      {dialog === "check" && (
        <CheckDialog
          current={action.status}
          pending={edit.isPending}
          error={error}
          onClose={() => {
            setDialog(null);
            setError(null);
          }}
          onConfirm={(result, notes) => {
            run({ field: "check", value: { result, notes } }, () => {
              setDialog(null);
            });
          }}
        />
      )}
      {dialog === "cancel" && (
        <ReasonDialog
          title={t("actionDetail.cancel.title")}
          explanation={t("actionDetail.cancel.explanation")}
          label={t("actions.field.cancelReason")}
          fields={["cancelReason", "reason"]}
          confirmLabel={t("actionDetail.cancel.confirm")}
          pending={edit.isPending}
          error={error}
          testId="action-cancel-dialog"
          onClose={() => {
            setDialog(null);
            setError(null);
          }}
          onConfirm={(reason) => {
            run({ field: "cancel", value: { reason } }, () => {
              setDialog(null);
            });
          }}
        />
      )}
    </section>
  );
}

function CheckDialog({
  current,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  current: ActionStatus;
  pending: boolean;
  error: AppError | null;
  onClose: () => void;
  onConfirm: (result: CheckResult, notes: string) => void;
}) {
  const { t } = useTranslation();
  const [result, setResult] = useState<CheckResult>(
    current === "verified_effective" ? "not_effective" : "effective",
  );
  const name = useId();
  const hintId = useId();
  // A verified action can only be found not effective after all; otherwise either result.
  const results: readonly CheckResult[] =
    current === "verified_effective" ? ["not_effective"] : ENUMS.checkResult;
  return (
    <ReasonDialog
      title={t("actionDetail.check.title")}
      explanation={t("actionDetail.check.explanation")}
      label={t("actions.field.checkNotes")}
      fields={["checkNotes", "notes"]}
      confirmLabel={t("actionDetail.check.confirm")}
      pending={pending}
      error={error}
      testId="action-check-dialog"
      onClose={onClose}
      onConfirm={(notes) => {
        onConfirm(result, notes);
      }}
    >
      <fieldset className="form-fieldset check-results">
        <legend className="field-label">{t("actions.field.checkResult")}</legend>
        {results.map((r) => (
          <label key={r} className="check-result-choice">
            <input
              type="radio"
              name={name}
              value={r}
              checked={result === r}
              aria-describedby={r === "not_effective" ? hintId : undefined}
              data-testid={`check-result-${r}`}
              onChange={() => {
                setResult(r);
              }}
            />
            <span>{t(`actions.checkResult.${r}`)}</span>
            {r === "not_effective" && (
              <span id={hintId} className="field-hint check-result-hint">
                {t("actionDetail.check.notEffectiveHint")}
              </span>
            )}
          </label>
        ))}
      </fieldset>
    </ReasonDialog>
  );
}

/**
 * The effectiveness check: how it will be judged, when (by default 30 days
 * after done), and what it found.
 */
export function CheckSummary({ detail }: { detail: ActionDetail }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const { action } = detail;
  const when =
    action.checkDueOn !== null
      ? t("actionDetail.check.dueOn", { date: formatDay(day, action.checkDueOn) })
      : action.doneOn !== null
        ? t("actionDetail.check.dueOn", { date: formatDay(day, addDays(action.doneOn, 30)) })
        : t("actionDetail.check.defaultWhen");
  return (
    <div className="action-check-summary" data-testid="action-check-summary">
      <p data-testid="action-check-when">{when}</p>
      {action.doneOn !== null && (
        <p className="muted">{t("actionDetail.check.doneOn", { date: formatDay(day, action.doneOn) })}</p>
      )}
      {action.checkResult !== null && (
        <dl className="action-check-result" data-testid="action-check-result">
          <div>
            <dt>{t("actions.field.checkResult")}</dt>
            <dd>
              <span className={`action-badge action-check--${action.checkResult}`}>
                {t(`actions.checkResult.${action.checkResult}`)}
              </span>
            </dd>
          </div>
          {action.checkedOn !== null && (
            <div>
              <dt>{t("actions.field.checkedOn")}</dt>
              <dd>{formatDay(day, action.checkedOn)}</dd>
            </div>
          )}
          {action.checkNotes !== "" && (
            <div>
              <dt>{t("actions.field.checkNotes")}</dt>
              <dd className="user-text preserve-lines" dir="auto">
                {action.checkNotes}
              </dd>
            </div>
          )}
        </dl>
      )}
    </div>
  );
}
