/**
 * The team hub commands of the mock backend (component tests only): hubs
 * that answer at an address with their tokens and workspaces, and where
 * syncing stands. Syncing itself is tested in the core and the hub crate.
 */
import type { ChangeEvent } from "../bindings/ChangeEvent";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { HubStatus } from "../bindings/HubStatus";
import type { WorkspaceStatus } from "../bindings/WorkspaceStatus";
import type { HubWorkspace } from "../api/hub";
import type { MockHandlers } from "./mock-handlers";

/** A hub the mock can reach. */
export interface MockHub {
  token: string;
  workspaces: HubWorkspace[];
}

/** The hub part of the mock's state. */
export interface MockHubState {
  status: HubStatus;
  /** Hubs by address; any other address is unreachable. */
  hubs: Record<string, MockHub>;
  /** What the next "Sync now" ends in. */
  nextSync: Pick<HubStatus, "state" | "waiting" | "error"> | null;
}

export function defaultHubState(): MockHubState {
  return {
    status: {
      workspaceId: "ws-1",
      address: null,
      state: "off",
      waiting: 0,
      lastSync: null,
      lastPulled: 0,
      lastPushed: 0,
      error: null,
    },
    hubs: {},
    nextSync: null,
  };
}

type Reject = (payload: ErrorPayload) => Promise<never>;

export function hubHandlers(
  state: MockHubState,
  changed: (event: ChangeEvent) => Promise<void>,
  reject: Reject,
  dialogPath: () => string | null,
  setWorkspace: (status: WorkspaceStatus) => void,
): MockHandlers {
  const hubChanged = () => changed({ entity: "hub", id: "", op: "update" });
  /** Checks what was typed and reaches the hub, as the shell would. */
  const reach = (args: Record<string, unknown>): MockHub | Promise<never> => {
    const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
    const address = text(args.address).replace(/\/+$/, "");
    const token = text(args.token);
    const fields: { field: string; rule: "required" | "invalid"; limit: null }[] = [];
    if (address === "") fields.push({ field: "hubAddress", rule: "required", limit: null });
    else if (!/^https?:\/\/\S+$/.test(address))
      fields.push({ field: "hubAddress", rule: "invalid", limit: null });
    if (token === "") fields.push({ field: "hubToken", rule: "required", limit: null });
    if (fields[0] !== undefined) {
      return reject({
        code: "invalid_input",
        message: "invalid input",
        details: { field: fields[0].field, rule: fields[0].rule, fields },
      });
    }
    const hub = state.hubs[address];
    if (hub === undefined) {
      return reject({ code: "hub_unreachable", message: "connection refused", details: {} });
    }
    if (hub.token !== token) return reject({ code: "hub_token_refused", message: "refused", details: {} });
    return hub;
  };
  return {
    hub_status: () => state.status,
    hub_workspaces: async (args) => (await reach(args)).workspaces,
    hub_connect: async (args) => {
      const hub = await reach(args);
      if (!hub.workspaces.some((w) => w.id === state.status.workspaceId)) {
        return reject({ code: "hub_not_member", message: "not a member", details: {} });
      }
      state.status = {
        ...state.status,
        address: String(args.address).trim(),
        state: "idle",
        lastSync: "2026-12-07T09:30:00.000Z",
      };
      await hubChanged();
      return state.status;
    },
    hub_join: async (args) => {
      const hub = await reach(args);
      if (!hub.workspaces.some((w) => w.id === args.workspaceId)) {
        return reject({ code: "hub_not_member", message: "not a member", details: {} });
      }
      const path = dialogPath();
      if (path === null) return null;
      state.status = {
        ...state.status,
        workspaceId: String(args.workspaceId),
        address: String(args.address).trim(),
        state: "idle",
        lastSync: "2026-12-07T09:30:00.000Z",
      };
      const opened: WorkspaceStatus = {
        state: "open",
        path,
        fileName: path.split("/").pop() ?? path,
        schemaVersion: 9,
        backupPath: null,
      };
      setWorkspace(opened);
      await changed({ entity: "workspace", id: path, op: "update" });
      return opened;
    },
    hub_sync_now: async () => {
      if (state.nextSync !== null) state.status = { ...state.status, ...state.nextSync };
      await hubChanged();
      return null;
    },
    hub_disconnect: async () => {
      state.status = { ...defaultHubState().status, workspaceId: state.status.workspaceId };
      await hubChanged();
      return state.status;
    },
  };
}
