/**
 * The team hub: connecting the open workspace, opening a team workspace
 * from a hub as a new local copy, where syncing stands, "Sync now" and
 * disconnecting. The shell syncs in the background and announces each
 * change of state as a `hub` change.
 */
import { useQuery } from "@tanstack/react-query";
import type { HubStatus } from "../bindings/HubStatus";
import type { WorkspaceStatus } from "../bindings/WorkspaceStatus";
import type { AppError } from "./errors";
import { queryKeys, useWrite } from "./freshness";
import { invoke } from "./invoke";

/** A team workspace the token's user belongs to on a hub. */
export interface HubWorkspace {
  id: string;
  name: string;
}

/** An address and a token, as typed. */
export interface HubCredentials {
  address: string;
  token: string;
}

export function getHubStatus(): Promise<HubStatus> {
  return invoke<HubStatus>("hub_status");
}

/** The workspaces the token's user belongs to on the hub (checks address and token). */
export function listHubWorkspaces({ address, token }: HubCredentials): Promise<HubWorkspace[]> {
  return invoke<HubWorkspace[]>("hub_workspaces", { address, token });
}

/** Connects the open workspace to the hub, then syncs. */
export function connectHub({ address, token }: HubCredentials): Promise<HubStatus> {
  return invoke<HubStatus>("hub_connect", { address, token });
}

/** Opens a team workspace from the hub as a new local file; null when the dialog is cancelled. */
export function joinHub(
  args: HubCredentials & { workspaceId: string; name: string },
): Promise<WorkspaceStatus | null> {
  const { address, token, workspaceId, name } = args;
  return invoke<WorkspaceStatus | null>("hub_join", { address, token, workspaceId, name });
}

export function syncNow(): Promise<null> {
  return invoke<null>("hub_sync_now");
}

export function disconnectHub(): Promise<HubStatus> {
  return invoke<HubStatus>("hub_disconnect");
}

/** Where syncing stands for the open workspace. */
export function useHubStatus() {
  return useQuery<HubStatus, AppError>({
    queryKey: [...queryKeys.hub, "status"],
    queryFn: getHubStatus,
  });
}

export function useHubWorkspaces() {
  return useWrite<HubWorkspace[], HubCredentials>(listHubWorkspaces, { awaitRefresh: false });
}

export function useConnectHub() {
  return useWrite<HubStatus, HubCredentials>(connectHub);
}

export function useJoinHub() {
  return useWrite<WorkspaceStatus | null, HubCredentials & { workspaceId: string; name: string }>(joinHub);
}

export function useSyncNow() {
  return useWrite<null, undefined>(() => syncNow(), { awaitRefresh: false });
}

export function useDisconnectHub() {
  return useWrite<HubStatus, undefined>(() => disconnectHub());
}
