/**
 * The guided session: a full-screen, projector-friendly walk through a
 * why-tree, one question at a time. Every edit goes through the tree editor,
 * so Ctrl+Z / Ctrl+Shift+Z undo and redo here as in the other views.
 */
import { useAnalysisTree } from "../../../api/analyses";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { toAppError } from "../../../api/errors";
import { setFullscreen } from "../../../api/window";
import type { WhyNode } from "../../../bindings/WhyNode";
import type { WhyStatus } from "../../../bindings/WhyStatus";
import { currentLanguage, directionOf } from "../../../i18n";
import { describeError } from "../../../i18n/errors";
import { trapTab } from "../../../shortcuts/focusTrap";
import { isTypingTarget } from "../../../shortcuts/keys";
import { chainTo, indexTree } from "../model/tree";
import { useTreeEditor } from "../model/useTreeEditor";
import { AnswerCard, CheckNotes } from "./AnswerCard";
import { AnswerInput } from "./AnswerInput";
import { Chain } from "./Chain";
import { KeyLegend } from "./KeyLegend";
import { sessionKeyAction, type SessionKeyAction } from "./keys";
import { playSoftTone } from "./signal";
import { StepTimer } from "./StepTimer";
import { answersOf } from "./steps";
import { useStepTimer } from "./timer";
import { WrapUp } from "./WrapUp";

type Phase = "ask" | "wrapUp";

/** Moves focus `by` places among `items` (from outside the list: to its first or last). */
function moveFocus(items: HTMLElement[], by: 1 | -1): void {
  if (items.length === 0) return;
  const active = document.activeElement;
  const at = items.findIndex((item) => item === active);
  const next =
    at === -1 ? (by === 1 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + by));
  items[next]?.focus();
}

export function SessionScreen() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const dir = directionOf(currentLanguage());
  const tree = useAnalysisTree(id);
  const editor = useTreeEditor(id);
  const titleId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const [focusId, setFocusId] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>("ask");
  const [announcement, setAnnouncement] = useState("");
  const [alert, setAlert] = useState<string | null>(null);
  const [fullscreen, setFullscreenState] = useState(false);
  const fullscreenRef = useRef(false);

  const index = useMemo(() => (tree.data === undefined ? null : indexTree(tree.data)), [tree.data]);
  // A cause that went away (an undo, another view) sends the session back to the problem.
  const focus: WhyNode | null = focusId === null ? null : (index?.byId.get(focusId) ?? null);
  const chain = useMemo(
    () => (focus === null || index === null ? [] : chainTo(index, focus.id)),
    [focus, index],
  );
  const answers = index === null ? [] : answersOf(index, focus?.id ?? null);
  const stepKey = phase === "wrapUp" ? "wrapUp" : (focus?.id ?? "problem");

  const announce = useCallback((message: string) => {
    setAnnouncement(message);
  }, []);
  const report = useCallback(
    (reason: unknown) => {
      setAlert(describeError(t, toAppError(reason)));
    },
    [t],
  );

  const onSignal = useCallback(() => {
    playSoftTone();
    announce(t("session.timer.done"));
  }, [announce, t]);
  const timer = useStepTimer(stepKey, onSignal);

  // Each new step shows its question at the top, under the sticky bar, and
  // puts the keyboard where the work is: the answer field, or the question.
  const loaded = tree.data !== undefined;
  useEffect(() => {
    if (!loaded) return;
    const question = rootRef.current?.querySelector<HTMLElement>(".session-question");
    // jsdom has no scrollIntoView.
    (question as Partial<Pick<HTMLElement, "scrollIntoView">> | null | undefined)?.scrollIntoView?.({
      block: "start",
    });
    if (stepKey === "wrapUp") question?.focus({ preventScroll: true });
    else inputRef.current?.focus({ preventScroll: true });
  }, [stepKey, loaded]);

  // The sticky bar's height keeps whatever is scrolled into view out from under it.
  useEffect(() => {
    const root = rootRef.current;
    if (root === null) return;
    const bar = root.querySelector<HTMLElement>(".session-bar");
    if (bar === null) return;
    const measure = () => {
      root.style.setProperty("--session-bar-size", `${String(bar.offsetHeight)}px`);
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => {
      observer.disconnect();
    };
  }, [loaded]);

  // Leaving the session (Exit, Escape, Done, navigation) leaves full screen too.
  useEffect(
    () => () => {
      if (fullscreenRef.current) setFullscreen(false).catch(() => undefined);
    },
    [],
  );

  const exit = useCallback(() => {
    void navigate(`/analyses/${id}`);
  }, [navigate, id]);

  const toggleFullscreen = useCallback(() => {
    const next = !fullscreenRef.current;
    setFullscreen(next).then(
      () => {
        fullscreenRef.current = next;
        setFullscreenState(next);
      },
      () => {
        setAlert(t("session.fullscreen.failed"));
      },
    );
  }, [t]);

  const goTo = useCallback(
    (nodeId: string | null) => {
      setPhase("ask");
      setFocusId(nodeId);
      const node = nodeId === null ? undefined : index?.byId.get(nodeId);
      announce(
        node === undefined
          ? t("session.backAtProblem")
          : t("session.nowAsking", { cause: node.text === "" ? t("why.emptyText") : node.text }),
      );
    },
    [announce, index, t],
  );

  const back = useCallback(() => {
    if (phase === "wrapUp") setPhase("ask");
    else if (focus !== null) goTo(focus.parentId);
  }, [phase, focus, goTo]);

  const setStatus = useCallback(
    (node: WhyNode, number: number, status: WhyStatus) => {
      editor
        .edit(node, { field: "status", value: status })
        .then(() => {
          announce(t("session.answer.statusChanged", { number, status: t(`why.status.${status}`) }));
        })
        .catch(report);
    },
    [editor, announce, report, t],
  );

  const onAction = (action: SessionKeyAction) => {
    const root = rootRef.current;
    switch (action.type) {
      case "exit":
        exit();
        break;
      case "blur":
        root?.focus();
        break;
      case "back":
        back();
        break;
      case "deeper": {
        const answer = phase === "ask" ? answers[action.index] : undefined;
        if (answer !== undefined) goTo(answer.id);
        break;
      }
      case "moveAnswer":
        if (root !== null)
          moveFocus([...root.querySelectorAll<HTMLElement>("[data-session-item]")], action.by);
        break;
      case "moveCrumb":
        if (root !== null) moveFocus([...root.querySelectorAll<HTMLElement>("[data-crumb]")], action.by);
        break;
      case "undo":
        editor.undo().catch(report);
        break;
      case "redo":
        editor.redo().catch(report);
        break;
      case "focusInput":
        inputRef.current?.focus();
        break;
      case "toggleFullscreen":
        toggleFullscreen();
        break;
      case "toggleTimer":
        if (!timer.state.enabled) {
          timer.dispatch({ type: "enable", on: true });
          timer.dispatch({ type: "start" });
        } else {
          timer.dispatch({ type: timer.state.running ? "pause" : "start" });
        }
        break;
    }
  };
  const onActionRef = useRef(onAction);
  useEffect(() => {
    onActionRef.current = onAction;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const root = rootRef.current;
      if (event.key === "Tab") {
        trapTab(event, root);
        return;
      }
      const target = event.target;
      const field =
        target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target : null;
      const action = sessionKeyAction(event, {
        dir,
        typing: isTypingTarget(target),
        hasText: field !== null && field.value !== "",
        singleLine: target instanceof HTMLInputElement,
        inChain: target instanceof Element && target.closest("[data-session-chain]") !== null,
      });
      if (action === null) return;
      event.preventDefault();
      onActionRef.current(action);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
    };
  }, [dir]);

  const frame = (body: ReactNode) => (
    <div
      ref={rootRef}
      className="session"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      dir={dir}
      tabIndex={-1}
      data-testid="session"
      data-phase={phase}
      data-timer-finished={timer.state.finished ? "" : undefined}
    >
      {body}
      <p className="visually-hidden" role="status" data-testid="session-announcement">
        {announcement}
      </p>
    </div>
  );

  if (tree.data === undefined || index === null) {
    return frame(
      <div className="session-status-screen">
        <h1 id={titleId} className="session-title">
          {t("session.title")}
        </h1>
        {tree.error === null ? (
          <p>{t("session.loading")}</p>
        ) : (
          <p className="alert" role="alert">
            {t("session.failed", { reason: describeError(t, tree.error) })}
          </p>
        )}
        <button type="button" className="button" onClick={exit}>
          {t("session.exit")}
        </button>
      </div>,
    );
  }

  const data = tree.data;
  const emptyText = t("why.emptyText");
  const question =
    focus === null
      ? t("session.question.problem")
      : t("session.question.cause", { cause: focus.text === "" ? emptyText : focus.text });

  return frame(
    <>
      <header className="session-bar">
        <h1 id={titleId} className="session-title">
          {t("session.title")}
          <span className="session-analysis-title" dir="auto">
            {data.analysis.title}
          </span>
        </h1>
        <StepTimer timer={timer} />
        <div className="session-bar-actions">
          <button
            type="button"
            className="button button--ghost"
            disabled={!editor.canUndo}
            data-testid="session-undo"
            onClick={() => {
              editor.undo().catch(report);
            }}
          >
            {t("session.undo")}
          </button>
          <button
            type="button"
            className="button button--ghost"
            disabled={!editor.canRedo}
            data-testid="session-redo"
            onClick={() => {
              editor.redo().catch(report);
            }}
          >
            {t("session.redo")}
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={fullscreen}
            data-testid="session-fullscreen"
            onClick={toggleFullscreen}
          >
            {fullscreen ? t("session.fullscreen.leave") : t("session.fullscreen.enter")}
          </button>
          <button type="button" className="button" data-testid="session-exit" onClick={exit}>
            {t("session.exit")}
          </button>
        </div>
      </header>

      <div className="session-body">
        {alert !== null && (
          <div className="alert session-alert" role="alert" data-testid="session-alert">
            <span>{alert}</span>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setAlert(null);
              }}
            >
              {t("session.dismiss")}
            </button>
          </div>
        )}

        <section className="session-problem" aria-label={t("why.problemStatement")}>
          <p className="session-problem-label">{t("why.problemStatement")}</p>
          <p className="session-problem-title" dir="auto" data-testid="session-problem">
            {data.problem.title}
          </p>
        </section>

        {phase === "wrapUp" ? (
          <WrapUp
            tree={data}
            index={index}
            editor={editor}
            onError={report}
            announce={announce}
            onBack={() => {
              setPhase("ask");
            }}
            onDone={exit}
          />
        ) : (
          <>
            <Chain problemTitle={data.problem.title} chain={chain} onPick={goTo} />

            <h2 className="session-question" tabIndex={-1} data-testid="session-question">
              {question}
            </h2>
            {focus !== null && (
              <CheckNotes checks={index.checks.get(focus.id) ?? []} label={t("session.focusChecks")} />
            )}

            <AnswerInput
              inputRef={inputRef}
              parentId={focus?.id ?? null}
              editor={editor}
              onAdded={(text) => {
                announce(t("session.answer.added", { text }));
              }}
            />

            <section className="session-answers-section" aria-label={t("session.answers.heading")}>
              <h3 className="session-answers-heading">{t("session.answers.heading")}</h3>
              {answers.length === 0 ? (
                <p className="session-empty">{t("session.answers.empty")}</p>
              ) : (
                <ol className="session-answers">
                  {answers.map((node, i) => (
                    <AnswerCard
                      key={node.id}
                      node={node}
                      number={i + 1}
                      childCount={index.children.get(node.id)?.length ?? 0}
                      checks={index.checks.get(node.id) ?? []}
                      editor={editor}
                      onDeeper={() => {
                        goTo(node.id);
                      }}
                      onStatus={(status) => {
                        setStatus(node, i + 1, status);
                      }}
                      onEvidenceAttached={() => {
                        announce(t("session.evidence.added", { number: i + 1 }));
                      }}
                    />
                  ))}
                </ol>
              )}
            </section>

            <div className="button-row session-nav">
              {focus !== null && (
                <button type="button" className="button" data-testid="session-back" onClick={back}>
                  {t("session.back")}
                </button>
              )}
              <button
                type="button"
                className="button button--primary"
                data-testid="session-finish"
                onClick={() => {
                  setPhase("wrapUp");
                }}
              >
                {t("session.finish")}
              </button>
            </div>
          </>
        )}
      </div>

      <footer className="session-footer">
        <KeyLegend dir={dir} wrapUp={phase === "wrapUp"} />
      </footer>
    </>,
  );
}
