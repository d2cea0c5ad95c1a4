import { useId, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import type { CheckKind } from "../../../bindings/CheckKind";
import type { WhyNode } from "../../../bindings/WhyNode";
import { chainTo, type TreeIndex } from "../model/tree";
import type { TreeEditor } from "../model/useTreeEditor";
import { CheckNotes, EvidenceList } from "./AnswerCard";
import { EvidenceForm } from "./EvidenceForm";
import { clip, errorsFrom, NO_ERRORS, SESSION_LIMITS, type FormErrors } from "./messages";
import { rootCauseCandidates } from "./steps";

interface WrapUpProps {
  tree: AnalysisTree;
  index: TreeIndex;
  editor: TreeEditor;
  /** Reports a failed write that belongs to no field. */
  onError: (reason: unknown) => void;
  announce: (message: string) => void;
  onBack: () => void;
  onDone: () => void;
}

/** The end of a session: which causes are root causes, and what to do about each. */
export function WrapUp({ tree, index, editor, onError, announce, onBack, onDone }: WrapUpProps) {
  const { t } = useTranslation();
  const candidates = rootCauseCandidates(tree, index);
  const ticked = candidates.filter((n) => n.rootCause).length;
  return (
    <div className="session-wrapup" data-testid="session-wrapup">
      <h2 className="session-question" tabIndex={-1} data-testid="session-question">
        {t("session.wrapUp.title")}
      </h2>
      <p className="session-intro">{t("session.wrapUp.intro")}</p>
      {candidates.length === 0 ? (
        <p className="session-empty">{t("session.wrapUp.empty")}</p>
      ) : (
        <>
          <p className="session-count" role="status" data-testid="ticked-count">
            {t("session.wrapUp.ticked", { count: ticked })}
          </p>
          <ul className="session-candidates">
            {candidates.map((node) => (
              <Candidate
                key={node.id}
                node={node}
                index={index}
                problemTitle={tree.problem.title}
                editor={editor}
                checks={index.checks.get(node.id) ?? []}
                onError={onError}
                announce={announce}
              />
            ))}
          </ul>
        </>
      )}
      <div className="button-row session-wrapup-actions">
        <button type="button" className="button" onClick={onBack}>
          {t("session.wrapUp.backToQuestions")}
        </button>
        <button type="button" className="button button--primary" data-testid="session-done" onClick={onDone}>
          {t("session.wrapUp.done")}
        </button>
      </div>
    </div>
  );
}

interface CandidateProps {
  node: WhyNode;
  index: TreeIndex;
  problemTitle: string;
  editor: TreeEditor;
  checks: readonly CheckKind[];
  onError: (reason: unknown) => void;
  announce: (message: string) => void;
}

function Candidate({ node, index, problemTitle, editor, checks, onError, announce }: CandidateProps) {
  const { t } = useTranslation();
  const id = useId();
  const [evidenceOpen, setEvidenceOpen] = useState(false);
  const emptyText = t("why.emptyText");
  const textOf = (n: WhyNode) => (n.text === "" ? emptyText : n.text);
  // Root cause first, then each effect, up to the problem.
  const readBack = [...chainTo(index, node.id).reverse().map(textOf), problemTitle].join(
    t("session.wrapUp.separator"),
  );
  return (
    <li
      className="session-candidate"
      data-root={node.rootCause ? "" : undefined}
      data-testid="root-candidate"
      aria-labelledby={`${id}-text`}
    >
      <div className="session-candidate-head">
        <label className="session-root-toggle">
          <input
            type="checkbox"
            checked={node.rootCause}
            data-session-item=""
            data-testid="root-toggle"
            aria-describedby={`${id}-text`}
            onChange={(event) => {
              editor.edit(node, { field: "rootCause", value: event.target.checked }).catch(onError);
            }}
          />
          {t("session.wrapUp.isRoot")}
        </label>
        <div className="session-candidate-body">
          <p className="session-answer-text" id={`${id}-text`} dir="auto">
            {textOf(node)}
          </p>
          <p className="session-readback">
            <span className="visually-hidden">{t("session.wrapUp.readBack")}: </span>
            <span dir="auto">{readBack}</span>
          </p>
        </div>
        <span className={`session-status-badge session-status-badge--${node.status}`}>
          {t(`why.status.${node.status}`)}
        </span>
      </div>
      {node.rootCause && (
        <div className="session-candidate-tools">
          {node.status !== "confirmed" && (
            <button
              type="button"
              className="button"
              data-testid="root-confirm"
              aria-describedby={`${id}-text`}
              onClick={() => {
                editor
                  .edit(node, { field: "status", value: "confirmed" })
                  .then(() => {
                    announce(t("why.status.confirmed"));
                  })
                  .catch(onError);
              }}
            >
              {t("session.wrapUp.confirm")}
            </button>
          )}
          {!evidenceOpen && (
            <button
              type="button"
              className="button"
              aria-describedby={`${id}-text`}
              onClick={() => {
                setEvidenceOpen(true);
              }}
            >
              {t("session.answer.addEvidence")}
            </button>
          )}
        </div>
      )}
      <EvidenceList node={node} />
      {evidenceOpen && (
        <EvidenceForm
          node={node}
          editor={editor}
          onAttached={() => {
            setEvidenceOpen(false);
          }}
          onCancel={() => {
            setEvidenceOpen(false);
          }}
        />
      )}
      <CheckNotes checks={checks} />
      {node.rootCause && <ActionIntent node={node} editor={editor} onError={onError} />}
    </li>
  );
}

/**
 * "Create a corrective action": until the actions section exists, the
 * session records what to create on the cause itself (`actionIntent`).
 */
function ActionIntent({
  node,
  editor,
  onError,
}: {
  node: WhyNode;
  editor: TreeEditor;
  onError: (reason: unknown) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const open = () => {
    setErrors(NO_ERRORS);
    setDraft(
      node.actionIntent ??
        clip(t("session.action.suggestion", { cause: node.text.trim() }), SESSION_LIMITS.actionIntent),
    );
  };

  const save = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (draft === null || busy) return;
    const value = draft.trim();
    if (value === "") {
      setErrors({ fields: { actionIntent: t("errors.rule.required") }, general: null });
      return;
    }
    if (Array.from(value).length > SESSION_LIMITS.actionIntent) {
      setErrors({
        fields: { actionIntent: t("errors.rule.too_long", { count: SESSION_LIMITS.actionIntent }) },
        general: null,
      });
      return;
    }
    setBusy(true);
    try {
      await editor.edit(node, { field: "actionIntent", value });
      setDraft(null);
      setErrors(NO_ERRORS);
    } catch (reason) {
      setErrors(errorsFrom(t, reason, ["actionIntent"]));
    } finally {
      setBusy(false);
    }
  };

  if (draft !== null) {
    const error = errors.fields.actionIntent;
    return (
      <form className="session-action-form" onSubmit={(event) => void save(event)} noValidate>
        <label className="field-label" htmlFor={`${id}-action`}>
          {t("session.action.label")}
        </label>
        <div className="input-row">
          <input
            id={`${id}-action`}
            className="text-input"
            dir={draft === "" ? undefined : "auto"}
            value={draft}
            // Opened on request: typing starts here.
            autoFocus
            aria-invalid={error === undefined ? undefined : true}
            aria-describedby={error === undefined ? `${id}-later` : `${id}-error ${id}-later`}
            data-testid="action-intent"
            onChange={(event) => {
              setDraft(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                event.preventDefault();
                setDraft(null);
              }
            }}
          />
          <button type="submit" className="button button--primary" disabled={busy} data-testid="action-save">
            {t("session.action.save")}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(null);
            }}
          >
            {t("session.action.cancel")}
          </button>
        </div>
        {error !== undefined && (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
        {errors.general !== null && (
          <p className="field-error" role="alert">
            {errors.general}
          </p>
        )}
        <p className="field-hint" id={`${id}-later`}>
          {t("session.action.later")}
        </p>
      </form>
    );
  }

  if (node.actionIntent !== null) {
    return (
      <div className="session-action">
        <p className="session-action-text" data-testid="action-recorded">
          {t("session.action.recorded", { action: node.actionIntent })}
        </p>
        <p className="field-hint">{t("session.action.later")}</p>
        <div className="button-row">
          <button type="button" className="button" onClick={open}>
            {t("session.action.change")}
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              editor.edit(node, { field: "actionIntent", value: null }).catch(onError);
            }}
          >
            {t("session.action.remove")}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="session-action">
      <button type="button" className="button" data-testid="action-create" onClick={open}>
        {t("session.action.create")}
      </button>
    </div>
  );
}
