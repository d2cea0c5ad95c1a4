/**
 * The workspace file: which one is open (or why it could not be), opening
 * another, and the native dialogs that pick one.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { open, save } from "@tauri-apps/plugin-dialog";
import type { WorkspaceStatus } from "../bindings/WorkspaceStatus";
import { toAppError, type AppError } from "./errors";
import { queryKeys, useWrite } from "./freshness";
import { invoke } from "./invoke";

const WORKSPACE_FILTERS = [{ name: "Rootwise workspace", extensions: ["db", "rootwise"] }];

/** The workspace the shell has open, or why it could not open it. Never rejects. */
export function getWorkspaceStatus(): Promise<WorkspaceStatus> {
  return invoke<WorkspaceStatus>("workspace_status");
}

/** Opens the workspace at `path`, creating a new one if no file is there. */
export function openWorkspace(path: string): Promise<WorkspaceStatus> {
  return invoke<WorkspaceStatus>("workspace_open", { path });
}

/**
 * Where the dialogs start: the folder the user used last, else their
 * documents folder, and a new workspace's path there (the shell decides;
 * never the folder the app was started from).
 */
function dialogStart(): Promise<[string | null, string | null]> {
  return invoke<[string | null, string | null]>("workspace_dialog_start");
}

/** Native "open file" dialog for an existing workspace; null when cancelled. */
export async function chooseWorkspaceFile(): Promise<string | null> {
  try {
    const [folder] = await dialogStart();
    const picked = await open({
      multiple: false,
      directory: false,
      filters: WORKSPACE_FILTERS,
      ...(folder === null ? {} : { defaultPath: folder }),
    });
    return typeof picked === "string" ? picked : null;
  } catch (reason) {
    throw toAppError(reason);
  }
}

/** Native "save file" dialog for where a new workspace goes; null when cancelled. */
export async function chooseNewWorkspaceFile(): Promise<string | null> {
  try {
    const [, newFile] = await dialogStart();
    return await save({ defaultPath: newFile ?? "workspace.db", filters: WORKSPACE_FILTERS });
  } catch (reason) {
    throw toAppError(reason);
  }
}

export function useWorkspaceStatus() {
  return useQuery<WorkspaceStatus, AppError>({
    queryKey: queryKeys.workspace,
    queryFn: getWorkspaceStatus,
  });
}

/** Reads the workspace status again (after leaving the "can't be opened" screen). */
export function useRecheckWorkspace(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
}

/**
 * Opens a workspace. On success the cached data of the previous workspace is
 * dropped, so no screen shows another workspace's problems for a moment;
 * settings (language, theme) stay on screen.
 */
export function useOpenWorkspace() {
  const queryClient = useQueryClient();
  return useWrite<WorkspaceStatus, string>(openWorkspace, {
    onSuccess: (status) => {
      const keep = new Set<unknown>([queryKeys.workspace[1], queryKeys.settings[1]]);
      queryClient.removeQueries({
        queryKey: queryKeys.all,
        predicate: (query) => !keep.has(query.queryKey[1]),
      });
      queryClient.setQueryData(queryKeys.workspace, status);
    },
  });
}
