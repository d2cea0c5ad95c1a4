import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCommentOnAction } from "../../../api/actions";
import type { Comment } from "../../../bindings/Comment";
import { describeError } from "../../../i18n/errors";
import { formatTimestamp, useDateTimeFormat } from "../../../i18n/format";
import { checkText, describeFieldIssue, fieldIssuesFromError, type FieldIssue } from "../../../kit/fields";
import { ACTION_LIMITS } from "../create/rules";

/** The comments on an action, oldest first, and a form to add one (Ctrl+Enter sends). */
export function ActionComments({ actionId, comments }: { actionId: string; comments: readonly Comment[] }) {
  const { t } = useTranslation();
  const time = useDateTimeFormat();
  const comment = useCommentOnAction();
  const [body, setBody] = useState("");
  const [issue, setIssue] = useState<FieldIssue | null>(null);
  const headingId = useId();
  const fieldId = useId();
  const errorId = useId();
  const hintId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);

  const send = () => {
    if (comment.isPending) return;
    const found = checkText("body", body, ACTION_LIMITS.comment, true);
    setIssue(found);
    comment.reset();
    if (found !== null) {
      textRef.current?.focus();
      return;
    }
    comment.mutate(
      { id: actionId, body: body.trim() },
      {
        onSuccess: () => {
          setBody("");
        },
        onError: () => {
          textRef.current?.focus();
        },
      },
    );
  };

  const coreIssue = comment.error === null ? undefined : fieldIssuesFromError(comment.error).get("body");
  const message =
    issue !== null
      ? describeFieldIssue(t, issue)
      : coreIssue !== undefined
        ? describeFieldIssue(t, coreIssue)
        : comment.error !== null
          ? t("actionDetail.comments.failed", { reason: describeError(t, comment.error) })
          : null;

  return (
    <section className="detail-section action-comments" aria-labelledby={headingId}>
      <h2 id={headingId} className="detail-section-title">
        {t("actionDetail.comments.heading")}
      </h2>
      {comments.length === 0 ? (
        <p className="muted" data-testid="action-comments-empty">
          {t("actionDetail.comments.empty")}
        </p>
      ) : (
        <ol className="action-comment-list" aria-labelledby={headingId}>
          {comments.map((c) => (
            <li key={c.id} className="action-comment" data-testid="action-comment">
              <p className="action-comment-meta">
                <bdi className="action-comment-author">
                  {c.author === "" ? t("problemDetail.noAuthor") : c.author}
                </bdi>
                <time dateTime={c.createdAt}>{formatTimestamp(time, c.createdAt)}</time>
              </p>
              <p
                className="action-comment-body user-text preserve-lines"
                dir="auto"
                data-testid="action-comment-body"
              >
                {c.body}
              </p>
            </li>
          ))}
        </ol>
      )}
      <form
        className="action-comment-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <label className="field-label" htmlFor={fieldId}>
          {t("actionDetail.comments.add")}
        </label>
        <textarea
          ref={textRef}
          id={fieldId}
          className="text-input"
          rows={3}
          dir={body === "" ? undefined : "auto"}
          value={body}
          aria-invalid={message !== null}
          aria-describedby={[message !== null ? errorId : null, hintId].filter(Boolean).join(" ")}
          data-testid="action-comment-input"
          onChange={(event) => {
            setBody(event.target.value);
            if (issue !== null) setIssue(null);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              send();
            }
          }}
        />
        {message !== null && (
          <p id={errorId} className="field-error" data-testid="action-comment-error">
            {message}
          </p>
        )}
        <p id={hintId} className="field-hint">
          {t("actionDetail.comments.hint")}
        </p>
        <div className="button-row">
          <button
            type="submit"
            className="button"
            disabled={comment.isPending}
            data-testid="action-comment-send"
          >
            {t("actionDetail.comments.send")}
          </button>
        </div>
      </form>
    </section>
  );
}
