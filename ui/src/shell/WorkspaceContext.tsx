import { chooseNewWorkspaceFile, chooseWorkspaceFile } from "../api/workspace";
import { createContext, useContext, useState } from "react";
import { toAppError, type AppError } from "../api/errors";

export interface WorkspaceActions {
  /** Opens (or creates) the workspace at `path`; a failure shows the workspace error screen. */
  open: (path: string) => Promise<void>;
  /** True while an open is in flight. */
  opening: boolean;
}

export const WorkspaceContext = createContext<WorkspaceActions | null>(null);

export function useWorkspaceActions(): WorkspaceActions {
  const actions = useContext(WorkspaceContext);
  if (actions === null) throw new Error("useWorkspaceActions needs a WorkspaceContext provider");
  return actions;
}

/**
 * "Choose another file…" and "Create a new workspace…": a native dialog, then
 * open what the user picked. Cancelling the dialog does nothing.
 */
export function usePickAndOpen() {
  const { open, opening } = useWorkspaceActions();
  const [picking, setPicking] = useState(false);
  const [dialogError, setDialogError] = useState<AppError | null>(null);

  const pick = async (kind: "existing" | "new"): Promise<void> => {
    setDialogError(null);
    setPicking(true);
    let path: string | null;
    try {
      path = kind === "existing" ? await chooseWorkspaceFile() : await chooseNewWorkspaceFile();
    } catch (reason) {
      setDialogError(toAppError(reason));
      return;
    } finally {
      setPicking(false);
    }
    if (path !== null) await open(path);
  };

  return { pick, busy: picking || opening, dialogError };
}
