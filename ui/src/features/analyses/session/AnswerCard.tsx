import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CheckKind } from "../../../bindings/CheckKind";
import { ENUMS } from "../../../bindings/rules";
import type { WhyNode } from "../../../bindings/WhyNode";
import type { WhyStatus } from "../../../bindings/WhyStatus";
import type { TreeEditor } from "../model/useTreeEditor";
import { EvidenceForm } from "./EvidenceForm";

export const STATUSES: readonly WhyStatus[] = ENUMS.whyStatus;

/** The push-back notes of one cause: shown beside it, never blocking. */
export function CheckNotes({ checks, label }: { checks: readonly CheckKind[]; label?: string }) {
  const { t } = useTranslation();
  if (checks.length === 0) return null;
  return (
    <div
      className="session-checks"
      role="note"
      aria-label={label ?? t("session.checks")}
      data-testid="checks"
    >
      <ul>
        {checks.map((kind) => (
          <li key={kind} data-check={kind}>
            {t(`why.check.${kind}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The evidence already attached to a cause. */
export function EvidenceList({ node }: { node: WhyNode }) {
  const { t } = useTranslation();
  if (node.evidence.length === 0) return null;
  return (
    <div className="session-evidence">
      <span className="session-evidence-count">{t("why.evidence", { count: node.evidence.length })}</span>
      <ul>
        {node.evidence.map((e) => (
          <li key={e.id} data-testid="evidence-item">
            {e.note !== "" && <span dir="auto">{e.note}</span>}
            {e.reference !== "" && (
              <span className="session-evidence-reference" dir="auto">
                {e.reference}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A segmented control: the three statuses of a cause as toggle buttons. */
export function StatusButtons({
  node,
  label,
  onChange,
}: {
  node: WhyNode;
  label: string;
  onChange: (status: WhyStatus) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="session-status" role="group" aria-label={label}>
      {STATUSES.map((status) => (
        <button
          key={status}
          type="button"
          className={`session-status-option session-status-option--${status}`}
          aria-pressed={node.status === status}
          data-testid={`status-${status}`}
          onClick={() => {
            if (node.status !== status) onChange(status);
          }}
        >
          {t(`why.status.${status}`)}
        </button>
      ))}
    </div>
  );
}

interface AnswerCardProps {
  node: WhyNode;
  /** 1-based: the number key that picks it. */
  number: number;
  childCount: number;
  checks: readonly CheckKind[];
  editor: TreeEditor;
  onDeeper: () => void;
  onStatus: (status: WhyStatus) => void;
  onEvidenceAttached: () => void;
}

/** One answer to the current question, with what a team does to it. */
export function AnswerCard({
  node,
  number,
  childCount,
  checks,
  editor,
  onDeeper,
  onStatus,
  onEvidenceAttached,
}: AnswerCardProps) {
  const { t } = useTranslation();
  const [evidenceOpen, setEvidenceOpen] = useState(false);
  const text = node.text === "" ? t("why.emptyText") : node.text;
  const headingId = `answer-${node.id}`;
  return (
    <li
      className="session-answer"
      data-status={node.status}
      aria-labelledby={headingId}
      data-testid="session-answer"
    >
      <div className="session-answer-main">
        <kbd className="session-answer-number" aria-hidden="true">
          {number <= 9 ? number : "·"}
        </kbd>
        <div className="session-answer-body">
          <p className="session-answer-text" id={headingId} dir="auto">
            <span className="visually-hidden">{t("session.answer.number", { number })}: </span>
            {text}
          </p>
          <p className="session-answer-meta">
            {node.rootCause && <span className="badge">{t("why.rootCause")}</span>}
            {childCount > 0 && <span>{t("session.answer.below", { count: childCount })}</span>}
          </p>
        </div>
        <button
          type="button"
          className="button button--primary session-deeper"
          data-session-item=""
          data-testid="answer-deeper"
          aria-describedby={headingId}
          onClick={onDeeper}
        >
          {t("session.answer.deeper")}
        </button>
      </div>
      <div className="session-answer-tools">
        <StatusButtons node={node} label={t("session.answer.statusGroup", { number })} onChange={onStatus} />
        {!evidenceOpen && (
          <button
            type="button"
            className="button"
            data-testid="answer-add-evidence"
            aria-describedby={headingId}
            onClick={() => {
              setEvidenceOpen(true);
            }}
          >
            {t("session.answer.addEvidence")}
          </button>
        )}
      </div>
      <EvidenceList node={node} />
      {evidenceOpen && (
        <EvidenceForm
          node={node}
          editor={editor}
          onAttached={() => {
            setEvidenceOpen(false);
            onEvidenceAttached();
          }}
          onCancel={() => {
            setEvidenceOpen(false);
          }}
        />
      )}
      <CheckNotes checks={checks} />
    </li>
  );
}
