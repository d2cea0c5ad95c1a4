import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useProblemActions } from "../../../api/actions";
import type { Action } from "../../../bindings/Action";
import type { AnalysisTree } from "../../../bindings/AnalysisTree";
import type { CheckKind } from "../../../bindings/CheckKind";
import type { WhyNode } from "../../../bindings/WhyNode";
import { chainTo, type TreeIndex } from "../model/tree";
import type { TreeEditor } from "../model/useTreeEditor";
import { CheckNotes, EvidenceList } from "./AnswerCard";
import { EvidenceForm } from "./EvidenceForm";
import { Slot } from "../../../kit/slots";
import { clip, SESSION_LIMITS } from "./messages";
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
                problemId={tree.analysis.problemId}
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
  problemId: string;
  editor: TreeEditor;
  checks: readonly CheckKind[];
  onError: (reason: unknown) => void;
  announce: (message: string) => void;
}

function Candidate({
  node,
  index,
  problemTitle,
  problemId,
  editor,
  checks,
  onError,
  announce,
}: CandidateProps) {
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
      {node.rootCause && <ActionForCause node={node} problemId={problemId} announce={announce} />}
    </li>
  );
}

/**
 * "Create a corrective action": creates a real corrective action for this
 * root cause (owner and due day optional), then links to it. The actions
 * already made for the cause are listed, each a link to its page.
 */
function ActionForCause({
  node,
  problemId,
  announce,
}: {
  node: WhyNode;
  problemId: string;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const actions = useProblemActions(problemId);
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Action | null>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const forCause = (actions.data ?? []).map((row) => row.action).filter((a) => a.causeIds.includes(node.id));
  // Just created, before the list has caught up.
  if (created !== null && !forCause.some((a) => a.id === created.id)) forCause.push(created);

  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => openRef.current?.focus());
  };

  return (
    <div className="session-action">
      {forCause.length > 0 && (
        <ul className="session-action-list">
          {forCause.map((a) => (
            <li key={a.id} className="session-action-text" data-testid="action-recorded">
              {t("session.action.created")}{" "}
              <Link to={`/actions/${a.id}`} data-testid="action-link">
                <bdi>{a.title}</bdi>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <Slot
          name="newActionForm"
          props={{
            problemId,
            variant: "brief",
            causeIds: [node.id],
            initialTitle:
              node.actionIntent ??
              clip(t("session.action.suggestion", { cause: node.text.trim() }), SESSION_LIMITS.actionIntent),
            titleLabel: t("session.action.label"),
            testIdBase: "action",
            onCreated: (action) => {
              setCreated(action);
              announce(t("session.action.announced", { action: action.title }));
              close();
            },
            onCancel: close,
          }}
        />
      ) : (
        <button
          ref={openRef}
          type="button"
          className="button"
          data-testid="action-create"
          onClick={() => {
            setOpen(true);
          }}
        >
          {forCause.length > 0 ? t("session.action.another") : t("session.action.create")}
        </button>
      )}
      {open && <p className="field-hint">{t("session.action.hint")}</p>}
    </div>
  );
}
