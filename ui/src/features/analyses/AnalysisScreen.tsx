import { useAnalysisTree } from "../../api/analyses";
import { Breadcrumb } from "../../kit/detail/Breadcrumb";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import type { AnalysisTree } from "../../bindings/AnalysisTree";
import { currentLanguage, directionOf } from "../../i18n";
import { describeError } from "../../i18n/errors";
import { isModalOpen, isTypingTarget } from "../../shortcuts/keys";
import { LoadErrorAlert, LoadingLine, NotFoundState } from "../../kit/LoadStates";
import { DiagramView } from "./diagram/DiagramView";
import { ExportButton } from "./export/ExportButton";
import { AnalysisHeader } from "./header/AnalysisHeader";
import { DeleteAnalysis } from "./header/DeleteAnalysis";
import { EditorError } from "./model/EditorError";
import { useTreeEditor, type TreeEditor } from "./model/useTreeEditor";
import { OutlineView } from "./outline/OutlineView";
import { ReadBackView } from "./readback/ReadBackView";
import { AnalysisHistory } from "./header/AnalysisHistory";

const LIST_PATH = "/analyses";

export const VIEWS = ["outline", "diagram", "readback"] as const;
export type View = (typeof VIEWS)[number];

function isView(value: string | null): value is View {
  return (VIEWS as readonly (string | null)[]).includes(value);
}

function AnalysisBreadcrumb({ title }: { title?: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb
      label={t("analyses.detail.breadcrumb")}
      back={{ to: LIST_PATH, text: t("analyses.detail.back"), testId: "analysis-back" }}
      current={title}
    />
  );
}

/**
 * Ctrl+Z undoes and Ctrl+Shift+Z or Ctrl+Y redoes the last tree edit while
 * this screen is shown, unless a text field has the focus (it undoes its own
 * typing) or a view already handled the key.
 */
function useUndoKeys(editor: TreeEditor) {
  const latest = useRef(editor);
  useEffect(() => {
    latest.current = editor;
  });
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || !(event.ctrlKey || event.metaKey)) return;
      if (isTypingTarget(event.target) || isTypingTarget(document.activeElement) || isModalOpen()) return;
      // The physical key, so the shortcut works in an Arabic layout too.
      const z = event.code === "KeyZ" || event.key.toLowerCase() === "z";
      const y = event.code === "KeyY" || event.key.toLowerCase() === "y";
      if (z && !event.shiftKey) {
        event.preventDefault();
        void latest.current.undo().catch(() => undefined);
      } else if ((z && event.shiftKey) || (y && !event.shiftKey)) {
        event.preventDefault();
        void latest.current.redo().catch(() => undefined);
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
    };
  }, []);
}

function Toolbar({ tree, editor }: { tree: AnalysisTree; editor: TreeEditor }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { analysis } = tree;
  return (
    <div className="analysis-toolbar" role="group" aria-label={t("analyses.detail.actions")}>
      <button
        type="button"
        className="button button--primary"
        data-testid="analysis-session"
        onClick={() => void navigate(`/analyses/${analysis.id}/session`)}
      >
        {t("analyses.detail.session")}
      </button>
      <ExportButton tree={tree} />
      <button
        type="button"
        className="button"
        disabled={!editor.canUndo}
        title={t("analyses.detail.undoHint")}
        aria-keyshortcuts="Control+Z"
        data-testid="analysis-undo"
        onClick={() => void editor.undo().catch(() => undefined)}
      >
        {t("analyses.detail.undo")}
      </button>
      <button
        type="button"
        className="button"
        disabled={!editor.canRedo}
        title={t("analyses.detail.redoHint")}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
        data-testid="analysis-redo"
        onClick={() => void editor.redo().catch(() => undefined)}
      >
        {t("analyses.detail.redo")}
      </button>
      <span className="analysis-toolbar-end">
        <DeleteAnalysis id={analysis.id} title={analysis.title} />
      </span>
    </div>
  );
}

/** Outline, Diagram and Read-back as tabs, the one shown kept in the URL (`?view=`). */
function Views({ tree, editor }: { tree: AnalysisTree; editor: TreeEditor }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get("view");
  // A search hit links here with ?node=<id>: the outline selects that cause.
  const focusNodeId = params.get("node") ?? undefined;
  const view: View = isView(requested) ? requested : "outline";
  const baseId = useId();
  const tabId = (v: View) => `${baseId}-tab-${v}`;
  const panelId = `${baseId}-panel`;
  const tabs = useRef(new Map<View, HTMLButtonElement>());

  const select = (next: View, focus = false) => {
    setParams(
      (previous) => {
        const out = new URLSearchParams(previous);
        out.set("view", next);
        return out;
      },
      { replace: true },
    );
    if (focus) tabs.current.get(next)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = VIEWS.indexOf(view);
    const rtl = directionOf(currentLanguage()) === "rtl";
    let next: number | null = null;
    if (event.key === "ArrowRight") next = rtl ? at - 1 : at + 1;
    else if (event.key === "ArrowLeft") next = rtl ? at + 1 : at - 1;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = VIEWS.length - 1;
    if (next === null) return;
    event.preventDefault();
    const target = VIEWS[(next + VIEWS.length) % VIEWS.length];
    if (target !== undefined) select(target, true);
  };

  return (
    <section className="analysis-views">
      <div
        className="analysis-tabs"
        role="tablist"
        aria-label={t("analyses.detail.views")}
        onKeyDown={onKeyDown}
      >
        {VIEWS.map((v) => (
          <button
            key={v}
            ref={(element) => {
              if (element === null) tabs.current.delete(v);
              else tabs.current.set(v, element);
            }}
            type="button"
            role="tab"
            id={tabId(v)}
            className="analysis-tab"
            aria-selected={v === view}
            aria-controls={panelId}
            tabIndex={v === view ? 0 : -1}
            data-testid={`analysis-tab-${v}`}
            onClick={() => {
              select(v);
            }}
          >
            {t(`analyses.view.${v}`)}
          </button>
        ))}
      </div>
      <div
        id={panelId}
        role="tabpanel"
        className="analysis-panel"
        aria-labelledby={tabId(view)}
        data-testid={`analysis-panel-${view}`}
      >
        {view === "outline" && <OutlineView tree={tree} editor={editor} focusNodeId={focusNodeId} />}
        {view === "diagram" && <DiagramView tree={tree} />}
        {view === "readback" && <ReadBackView tree={tree} />}
      </div>
    </section>
  );
}

function Detail({ tree, editor }: { tree: AnalysisTree; editor: TreeEditor }) {
  const [announcement, setAnnouncement] = useState("");
  const announce = useCallback((message: string) => {
    setAnnouncement("");
    requestAnimationFrame(() => {
      setAnnouncement(message);
    });
  }, []);
  return (
    <article className="analysis-detail" data-testid="analysis-detail">
      <AnalysisBreadcrumb title={tree.analysis.title} />
      <AnalysisHeader tree={tree} announce={announce} />
      <Toolbar tree={tree} editor={editor} />
      <EditorError editor={editor} />
      <Views tree={tree} editor={editor} />
      <AnalysisHistory tree={tree} />
      <p className="visually-hidden" role="status" data-testid="analysis-announcement">
        {announcement}
      </p>
    </article>
  );
}

/** One analysis: its header, the outline, the diagram and the read-back. */
export function AnalysisScreen() {
  const { id = "" } = useParams();
  // Keyed by id: another analysis starts with its own undo history.
  return <AnalysisPage key={id} id={id} />;
}

function AnalysisPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const tree = useAnalysisTree(id);
  const editor = useTreeEditor(id);
  useUndoKeys(editor);

  if (tree.isPending) {
    return (
      <>
        <AnalysisBreadcrumb />
        <LoadingLine testId="analysis-loading">{t("analyses.detail.loading")}</LoadingLine>
      </>
    );
  }
  if (tree.isError && tree.data === undefined) {
    if (tree.error.code === "not_found") {
      return (
        <>
          <AnalysisBreadcrumb />
          <NotFoundState
            testId="analysis-not-found"
            title={t("analyses.detail.notFoundTitle")}
            body={t("analyses.detail.notFoundBody")}
            backTo={LIST_PATH}
            backLabel={t("analyses.detail.back")}
            trashLabel={t("analyses.detail.openTrash")}
          />
        </>
      );
    }
    return (
      <>
        <AnalysisBreadcrumb />
        <LoadErrorAlert
          testId="analysis-load-error"
          message={t("analyses.detail.loadError", { reason: describeError(t, tree.error) })}
          retryLabel={t("analyses.retry")}
          onRetry={() => void tree.refetch()}
        />
      </>
    );
  }
  // A failed refresh keeps what was loaded on screen.
  return <Detail tree={tree.data} editor={editor} />;
}
