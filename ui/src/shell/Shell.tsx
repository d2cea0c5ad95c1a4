import { SlotsProvider } from "../kit/slots";
import { APP_SLOTS } from "./slots";
import { EmpathyBoardScreen } from "../features/empathy/EmpathyBoardScreen";
import { MapsScreen } from "../features/empathy/MapsScreen";
import { PersonaScreen } from "../features/personas/PersonaScreen";
import { PersonasScreen } from "../features/personas/PersonasScreen";
import { AnalysesScreen } from "../features/analyses/AnalysesScreen";
import { AnalysisScreen } from "../features/analyses/AnalysisScreen";
import { SessionScreen } from "../features/analyses/session/SessionScreen";
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Route, Routes, useLocation, useNavigate } from "react-router";
import { ProblemsScreen, type FocusNewProblemState } from "../features/problems/ProblemsScreen";
import { lastListSearch } from "../features/problems/list/lastSearch";
import { ProblemDetailScreen } from "../features/problems/detail/ProblemDetailScreen";
import { UndoToastHost } from "../features/problems/detail/UndoToast";
import { NewProblemScreen } from "../features/problems/new/NewProblemScreen";
import { SettingsScreen } from "../features/settings/SettingsScreen";
import { ActionDetailScreen } from "../features/actions/detail/ActionDetailScreen";
import { BoardScreen } from "../features/actions/board/BoardScreen";
import { OverviewScreen } from "../features/actions/overview/OverviewScreen";
import { ActionsTableScreen } from "../features/actions/table/ActionsTableScreen";
import { MyActionsScreen } from "../features/actions/table/MyActionsScreen";
import { useReminders } from "../features/actions/reminders/useReminders";
import { AnswersScreen } from "../features/dashboard/AnswersScreen";
import { JourneyScreen } from "../features/journeys/JourneyScreen";
import { MapsScreen as JourneysScreen } from "../features/journeys/MapsScreen";
import { CustomersScreen } from "../features/dashboard/CustomersScreen";
import { DashboardScreen } from "../features/dashboard/DashboardScreen";
import { TrashScreen } from "../features/trash/TrashScreen";
import { MergedChangesScreen } from "../features/changes/MergedChangesScreen";
import { REVIEW_PATH } from "../features/changes/paths";
import type { ShortcutAction } from "../shortcuts/registry";
import { ShortcutOverlay } from "../shortcuts/ShortcutOverlay";
import { useGlobalShortcuts } from "../shortcuts/useGlobalShortcuts";
import { HOME_PATH } from "./sections";
import { Sidebar } from "./Sidebar";

interface ShellProps {
  path: string;
  fileName: string;
  backupPath: string | null;
}

/** The app frame for an open workspace: sidebar, routed sections, shortcuts. */
export function Shell({ path, fileName, backupPath }: ShellProps) {
  const { t } = useTranslation();
  const [helpOpen, setHelpOpen] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  // Another screen opens at its top, not at the offset the last one was scrolled to.
  useLayoutEffect(() => {
    if (mainRef.current !== null) mainRef.current.scrollTop = 0;
  }, [location.pathname]);

  const onAction = useCallback(
    (action: ShortcutAction) => {
      switch (action.type) {
        case "toggleHelp":
          setHelpOpen((open) => !open);
          break;
        case "newProblem": {
          const state: FocusNewProblemState = { focusNewProblem: true };
          const onList = location.pathname === HOME_PATH;
          // Keep the list's filters: those in view, or those it had when last shown.
          const search = onList ? location.search : lastListSearch();
          void navigate({ pathname: HOME_PATH, search }, { state, replace: onList });
          break;
        }
        case "navigate":
          void navigate(action.path);
          break;
      }
    },
    [navigate, location.pathname, location.search],
  );
  useGlobalShortcuts(onAction, !helpOpen);
  useReminders();

  return (
    <div className="app-shell" data-app-ready="">
      <button
        type="button"
        className="skip-link"
        onClick={() => {
          mainRef.current?.focus();
        }}
      >
        {t("app.skipToContent")}
      </button>
      <Sidebar
        fileName={fileName}
        path={path}
        onShowShortcuts={() => {
          setHelpOpen(true);
        }}
      />
      <main ref={mainRef} className="main" tabIndex={-1} data-testid="main">
        <div className="main-inner">
          <SlotsProvider slots={APP_SLOTS}>
            <Routes>
              <Route path="/" element={<Navigate to={HOME_PATH} replace />} />
              <Route path="/problems" element={<ProblemsScreen />} />
              <Route path="/problems/new" element={<NewProblemScreen />} />
              <Route path="/problems/:id" element={<ProblemDetailScreen />} />
              <Route path="/analyses" element={<AnalysesScreen />} />
              <Route path="/analyses/:id" element={<AnalysisScreen />} />
              <Route path="/analyses/:id/session" element={<SessionScreen />} />
              <Route path="/actions" element={<ActionsTableScreen />} />
              <Route path="/actions/board" element={<BoardScreen />} />
              <Route path="/actions/mine" element={<MyActionsScreen />} />
              <Route path="/actions/overview" element={<OverviewScreen />} />
              <Route path="/actions/:id" element={<ActionDetailScreen />} />
              <Route path="/personas" element={<PersonasScreen />} />
              <Route path="/personas/:id" element={<PersonaScreen />} />
              <Route path="/empathy" element={<MapsScreen />} />
              <Route path="/empathy/:id" element={<EmpathyBoardScreen />} />
              <Route path="/journeys" element={<JourneysScreen />} />
              <Route path="/journeys/:id" element={<JourneyScreen />} />
              <Route path="/dashboard" element={<DashboardScreen />} />
              <Route path="/dashboard/answers" element={<AnswersScreen />} />
              <Route path="/dashboard/customers" element={<CustomersScreen />} />
              <Route path="/trash" element={<TrashScreen />} />
              <Route path={REVIEW_PATH} element={<MergedChangesScreen />} />
              <Route
                path="/settings"
                element={<SettingsScreen workspacePath={path} backupPath={backupPath} />}
              />
              <Route path="*" element={<Navigate to={HOME_PATH} replace />} />
            </Routes>
          </SlotsProvider>
        </div>
      </main>
      <UndoToastHost />
      {helpOpen && (
        <ShortcutOverlay
          onClose={() => {
            setHelpOpen(false);
          }}
        />
      )}
    </div>
  );
}
