import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { installMockBackend } from "../../test/mock-backend";
import { renderApp } from "../../test/render";

const HUB = "http://127.0.0.1:8787";
const hubs = {
  [HUB]: {
    token: "rwh_good",
    workspaces: [
      { id: "ws-1", name: "Support team" },
      { id: "ws-2", name: "فريق الدعم" },
    ],
  },
};

/** The Team section, once it knows where the hub stands. */
async function team() {
  await screen.findByTestId("team-workspace-id");
  return within(screen.getByTestId("team-section"));
}

describe("Settings → Team", () => {
  it("names what is missing or wrong in the form, field by field, and keeps what was typed", async () => {
    const backend = installMockBackend({ hub: { hubs } });
    const { user } = renderApp("/settings");
    const section = await team();
    await user.click(section.getByTestId("team-connect"));
    expect(await section.findByTestId("team-address-error")).toHaveTextContent("Type the hub's address.");
    expect(section.getByTestId("team-token-error")).toHaveTextContent("Paste the token");
    expect(section.getByTestId("team-address")).toHaveAttribute("aria-invalid", "true");

    await user.type(section.getByTestId("team-address"), "hub.example.org");
    await user.type(section.getByTestId("team-token"), "rwh_good");
    await user.click(section.getByTestId("team-connect"));
    expect(await section.findByTestId("team-address-error")).toHaveTextContent("http:// or https://");
    expect(section.queryByTestId("team-token-error")).toBeNull();
    expect(section.getByTestId("team-address")).toHaveValue("hub.example.org");
    expect(backend.state.hub.status.address).toBeNull();
  });

  it("says why the hub refused: a wrong token, a workspace not shared, a hub away", async () => {
    installMockBackend({ hub: { hubs, status: { ...noHub(), workspaceId: "ws-9" } } });
    const { user } = renderApp("/settings");
    const section = await team();
    await user.type(section.getByTestId("team-address"), HUB);
    await user.type(section.getByTestId("team-token"), "rwh_wrong");
    await user.click(section.getByTestId("team-connect"));
    expect(await section.findByTestId("team-error")).toHaveTextContent("did not accept this token");

    await user.clear(section.getByTestId("team-token"));
    await user.type(section.getByTestId("team-token"), "rwh_good");
    await user.click(section.getByTestId("team-connect"));
    expect(await section.findByTestId("team-error")).toHaveTextContent("not shared with you");

    await user.clear(section.getByTestId("team-address"));
    await user.type(section.getByTestId("team-address"), "http://10.0.0.9:8787");
    await user.click(section.getByTestId("team-connect"));
    expect(await section.findByTestId("team-error")).toHaveTextContent("cannot be reached");
  });

  it("connects, shows the state in Settings and the sidebar, syncs on demand and disconnects", async () => {
    const backend = installMockBackend({ hub: { hubs } });
    const { user } = renderApp("/settings");
    const section = await team();
    expect(section.getByTestId("team-workspace-id")).toHaveTextContent("ws-1");
    expect(screen.queryByTestId("hub-indicator")).toBeNull();
    await user.type(section.getByTestId("team-address"), `${HUB}/`);
    await user.type(section.getByTestId("team-token"), "rwh_good");
    await user.click(section.getByTestId("team-connect"));

    expect(await section.findByTestId("team-connected-address")).toHaveTextContent(HUB);
    expect(section.getByTestId("team-state")).toHaveTextContent("Up to date. Last synced");
    expect(await screen.findByTestId("hub-indicator")).toHaveTextContent("Team: up to date");
    expect(backend.callsTo("hub_connect")).toEqual([{ address: `${HUB}/`, token: "rwh_good" }]);

    // Offline with work waiting: said in both places, counted.
    backend.state.hub.nextSync = { state: "offline", waiting: 3, error: null };
    await user.click(section.getByTestId("team-sync-now"));
    await waitFor(() => {
      expect(section.getByTestId("team-state")).toHaveTextContent(
        "Offline: 3 changes wait to be sent when the hub can be reached.",
      );
    });
    expect(screen.getByTestId("hub-indicator")).toHaveTextContent("Team: offline");
    expect(screen.getByTestId("hub-indicator")).toHaveAttribute("data-state", "offline");

    await user.click(section.getByTestId("team-disconnect"));
    expect(await section.findByTestId("team-form")).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.queryByTestId("hub-indicator")).toBeNull();
    });
  });

  it("lists the team workspaces on a hub and opens one as a new file", async () => {
    const backend = installMockBackend({
      hub: { hubs },
      dialogPath: "/home/mona/فريق الدعم.db",
    });
    const { user } = renderApp("/settings");
    const section = await team();
    await user.type(section.getByTestId("team-address"), HUB);
    await user.type(section.getByTestId("team-token"), "rwh_good");
    await user.click(section.getByTestId("team-list"));
    const offered = await section.findByTestId("team-offered");
    expect(offered).toHaveTextContent("Support team");
    expect(offered).toHaveTextContent("This is the workspace open now");
    await user.click(within(offered).getByTestId("team-join-ws-2"));
    await waitFor(() => {
      expect(backend.callsTo("hub_join")).toEqual([
        { address: HUB, token: "rwh_good", workspaceId: "ws-2", name: "فريق الدعم" },
      ]);
    });
    expect(await screen.findByTestId("workspace-file-name")).toHaveTextContent("فريق الدعم.db");
    expect(await section.findByTestId("team-connected")).toBeInTheDocument();
  });

  it("speaks Arabic, with Arabic plural forms for what waits", async () => {
    installMockBackend({
      settings: { language: "ar" },
      hub: {
        hubs,
        status: { ...noHub(), address: HUB, state: "idle", waiting: 2, lastSync: "2026-12-07T09:30:00.000Z" },
      },
    });
    renderApp("/settings");
    const section = await team();
    expect(section.getByRole("heading", { level: 2 })).toHaveTextContent("الفريق");
    expect(section.getByTestId("team-state")).toHaveTextContent("تغييران ينتظران الإرسال.");
    expect(await screen.findByTestId("hub-indicator")).toHaveTextContent("الفريق: تغييران للإرسال");
    expect(section.getByTestId("team-connected-address")).toHaveAttribute("dir", "ltr");
  });
});

function noHub() {
  return {
    workspaceId: "ws-1",
    address: null,
    state: "off" as const,
    waiting: 0,
    lastSync: null,
    lastPulled: 0,
    lastPushed: 0,
    error: null,
  };
}
