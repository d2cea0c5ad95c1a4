import type { QueryClient } from "@tanstack/react-query";
import { DataProvider } from "./api/DataProvider";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { HashRouter, useNavigate } from "react-router";
import { AppError, toAppError } from "./api/errors";
import { useSettings } from "./api/settings";
import { useOpenWorkspace, useRecheckWorkspace, useWorkspaceStatus } from "./api/workspace";
import { WorkspaceContext, type WorkspaceActions } from "./shell/WorkspaceContext";
import { WorkspaceErrorScreen, type WorkspaceFailure } from "./features/workspace/WorkspaceErrorScreen";
import { usePreferencesSync } from "./shell/preferences";
import { HOME_PATH } from "./shell/sections";
import { Shell } from "./shell/Shell";

interface OpenFailure extends WorkspaceFailure {
  /** A workspace was open when this open failed, so the user may go back to it. */
  canGoBack: boolean;
}

const NO_WORKSPACE = new AppError({ code: "workspace_closed", message: "No workspace is open", details: {} });

function Splash() {
  const { t } = useTranslation();
  return (
    <div className="splash" role="status">
      {t("app.loading")}
    </div>
  );
}

function Root() {
  const recheck = useRecheckWorkspace();
  const status = useWorkspaceStatus();
  const settings = useSettings();
  usePreferencesSync(settings.data);

  const navigate = useNavigate();
  const { mutateAsync: openWorkspace, isPending: opening } = useOpenWorkspace();
  const [openFailure, setOpenFailure] = useState<OpenFailure | null>(null);

  const open = useCallback(
    async (path: string) => {
      const wasOpen = status.data?.state === "open";
      try {
        const result = await openWorkspace(path);
        setOpenFailure(null);
        // A "failed" result is now the workspace status and shows the error screen.
        if (result.state === "open") void navigate(HOME_PATH);
      } catch (reason) {
        setOpenFailure({ path, error: toAppError(reason), canGoBack: wasOpen });
      }
    },
    [openWorkspace, navigate, status.data],
  );

  const actions = useMemo<WorkspaceActions>(() => ({ open, opening }), [open, opening]);

  if (status.isPending || settings.isPending) return <Splash />;

  const current = status.data?.state === "open" ? status.data : null;
  let failure: OpenFailure | null = openFailure;
  if (failure === null && status.isError) {
    failure = { path: "", error: status.error, canGoBack: false };
  } else if (failure === null && status.data?.state === "failed") {
    failure = { path: status.data.path, error: new AppError(status.data.error), canGoBack: false };
  }

  let screen: React.ReactNode;
  if (failure === null && current !== null) {
    screen = <Shell path={current.path} fileName={current.fileName} backupPath={current.backupPath} />;
  } else {
    const shown = failure ?? { path: "", error: NO_WORKSPACE, canGoBack: false };
    const goBack = () => {
      setOpenFailure(null);
      recheck();
    };
    screen = <WorkspaceErrorScreen failure={shown} onBack={shown.canGoBack ? goBack : undefined} />;
  }

  return <WorkspaceContext.Provider value={actions}>{screen}</WorkspaceContext.Provider>;
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <DataProvider client={queryClient}>
      <HashRouter>
        <Root />
      </HashRouter>
    </DataProvider>
  );
}
