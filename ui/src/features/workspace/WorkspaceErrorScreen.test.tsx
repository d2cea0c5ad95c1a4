import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ErrorPayload } from "../../bindings/ErrorPayload";
import { failedStatus, installMockBackend, makeProblem, rejectWith } from "../../test/mock-backend";
import { renderApp } from "../../test/render";

const BAD = "/home/sam/Documents/notes.db";

const cases: [ErrorPayload["code"], ErrorPayload["details"], RegExp][] = [
  ["not_a_database", { path: BAD }, /is not a Rootwise workspace or not a SQLite database/],
  ["not_a_workspace", { path: BAD }, /is a SQLite database, but not a Rootwise workspace/],
  [
    "schema_too_new",
    { path: BAD, found: 7, supported: 3 },
    /was created by a newer version of Rootwise \(schema 7; this version supports up to 3\)\. It was left untouched\./,
  ],
  ["not_writable", { path: BAD }, /cannot be written/],
  ["io", { path: BAD }, /could not be opened: The file could not be read or written\./],
];

describe("workspace error screen", () => {
  it.each(cases)("explains %s and names the file", async (code, details, message) => {
    installMockBackend({ status: failedStatus(BAD, { code, details }) });
    renderApp("/problems");
    const screenEl = await screen.findByTestId("workspace-error");
    const text = screen.getByTestId("workspace-error-message").textContent;
    expect(text).toContain(BAD);
    expect(text).toMatch(message);
    expect(screenEl).toHaveTextContent(`Error code: ${code}`);
    expect(screen.queryByTestId("nav-problems")).toBeNull();
    expect(document.querySelector("[data-app-ready]")).not.toBeNull();
  });

  it("explains the failure in Arabic too, with the path intact", async () => {
    installMockBackend({
      settings: { language: "ar" },
      status: failedStatus(BAD, { code: "schema_too_new", details: { path: BAD, found: 7, supported: 3 } }),
    });
    renderApp("/problems");
    const text = (await screen.findByTestId("workspace-error-message")).textContent;
    expect(text).toContain(BAD);
    expect(text).toContain("بإصدار أحدث من Rootwise");
    expect(text).toContain("7");
  });

  it("opens a typed path, and only that path, then shows Problems", async () => {
    const backend = installMockBackend({
      status: failedStatus(BAD, { code: "not_a_database", details: { path: BAD } }),
    });
    const { user } = renderApp("/settings");
    const input = await screen.findByTestId("workspace-path-input");
    await user.type(input, "/home/sam/rootwise/team.db");
    await user.click(screen.getByTestId("workspace-path-open"));

    await waitFor(() => {
      expect(backend.callsTo("workspace_open")).toEqual([{ path: "/home/sam/rootwise/team.db" }]);
    });
    expect(await screen.findByTestId("workspace-file-name")).toHaveTextContent("team.db");
    await waitFor(() => {
      expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Problems");
    });
    expect(screen.queryByTestId("workspace-error")).toBeNull();
  });

  it("asks for a path instead of opening an empty one", async () => {
    const backend = installMockBackend({
      status: failedStatus(BAD, { code: "not_a_database", details: { path: BAD } }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("workspace-path-open"));
    expect(await screen.findByText("Type the path of a file first.")).toBeInTheDocument();
    expect(screen.getByTestId("workspace-path-input")).toHaveAttribute("aria-invalid", "true");
    expect(backend.callsTo("workspace_open")).toEqual([]);
  });

  it("shows the new failure when the typed path cannot be opened either", async () => {
    const other = "/mnt/readonly/team.db";
    installMockBackend({
      status: failedStatus(BAD, { code: "not_a_database", details: { path: BAD } }),
      handlers: {
        workspace_open: (args) => rejectWith({ code: "not_writable", details: { path: String(args.path) } }),
      },
    });
    const { user } = renderApp();
    await user.type(await screen.findByTestId("workspace-path-input"), `${other}{Enter}`);
    await waitFor(() => {
      expect(screen.getByTestId("workspace-error-message")).toHaveTextContent(/cannot be written/);
    });
    expect(screen.getByTestId("workspace-error-message").textContent).toContain(other);
  });

  it("opens a file chosen in the dialog", async () => {
    const chosen = "/home/sam/rootwise/existing.rootwise";
    const backend = installMockBackend({
      status: failedStatus(BAD, { code: "not_a_workspace", details: { path: BAD } }),
      dialogPath: chosen,
      handlers: {
        workspace_open: (args, state) => {
          state.status = {
            state: "open",
            path: String(args.path),
            fileName: "existing.rootwise",
            schemaVersion: 1,
            backupPath: null,
          };
          state.problems = [makeProblem("Already logged")];
          return state.status;
        },
      },
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Choose another file…" }));
    expect(await screen.findByText("Already logged")).toBeInTheDocument();
    expect(backend.callsTo("plugin:dialog|open")).toHaveLength(1);
    expect(backend.callsTo("workspace_open")).toEqual([{ path: chosen }]);
  });

  it("says a folder is a folder, and creates and opens a workspace inside it", async () => {
    const folder = "/home/sam/Team files";
    const inside = "/home/sam/Team files/workspace.db";
    const backend = installMockBackend({
      status: failedStatus(folder, { code: "is_a_folder", details: { path: folder, suggestedPath: inside } }),
    });
    const { user } = renderApp();
    const message = await screen.findByTestId("workspace-error-message");
    expect(message.textContent).toContain(folder);
    expect(message).toHaveTextContent(/is a folder, not a workspace file\./);
    expect(message).not.toHaveTextContent(/SQLite/);
    expect(screen.getByTestId("workspace-folder-way-out").textContent).toContain(inside);
    await user.click(screen.getByRole("button", { name: "Create a workspace in this folder" }));
    await waitFor(() => {
      expect(backend.callsTo("workspace_open")).toEqual([{ path: inside }]);
    });
    expect(await screen.findByTestId("problems-empty")).toBeInTheDocument();
  });

  it("says a folder is a folder in Arabic too", async () => {
    const folder = "/home/sam/Team files";
    installMockBackend({
      settings: { language: "ar" },
      status: failedStatus(folder, {
        code: "is_a_folder",
        details: { path: folder, suggestedPath: `${folder}/workspace.db` },
      }),
    });
    renderApp();
    const message = await screen.findByTestId("workspace-error-message");
    expect(message.textContent).toContain(folder);
    expect(message).toHaveTextContent(/مجلد، وليس ملف مساحة عمل/);
    expect(screen.getByTestId("workspace-create-in-folder")).toHaveTextContent(
      "إنشاء مساحة عمل في هذا المجلد",
    );
  });

  it("creates a new workspace where the save dialog says", async () => {
    const backend = installMockBackend({
      status: failedStatus(BAD, { code: "not_writable", details: { path: BAD } }),
      dialogPath: "/home/sam/new-team.db",
    });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("workspace-create-new"));
    expect(await screen.findByTestId("problems-empty")).toBeInTheDocument();
    // The dialog offers a workspace in the documents folder (or the one used last), not the start folder.
    expect(backend.callsTo("plugin:dialog|save")).toEqual([
      { options: expect.objectContaining({ defaultPath: "/home/test/Documents/workspace.db" }) as unknown },
    ]);
    expect(backend.callsTo("workspace_open")).toEqual([{ path: "/home/sam/new-team.db" }]);
  });

  it("never opens anything when the dialog is cancelled", async () => {
    const backend = installMockBackend({
      status: failedStatus(BAD, { code: "not_a_database", details: { path: BAD } }),
      dialogPath: null,
    });
    const { user } = renderApp();
    await user.click(await screen.findByTestId("workspace-choose-file"));
    await waitFor(() => {
      expect(backend.callsTo("plugin:dialog|open")).toHaveLength(1);
    });
    expect(backend.callsTo("workspace_open")).toEqual([]);
    expect(screen.getByTestId("workspace-error")).toBeInTheDocument();
  });

  it("offers a way back when opening another workspace from Settings fails", async () => {
    const backend = installMockBackend({
      dialogPath: "/tmp/broken.db",
      handlers: {
        workspace_open: () => rejectWith({ code: "not_a_database", details: { path: "/tmp/broken.db" } }),
      },
    });
    const { user } = renderApp("/settings");
    await user.click(await screen.findByTestId("settings-open-workspace"));
    expect(await screen.findByTestId("workspace-error-message")).toHaveTextContent("/tmp/broken.db");
    await user.click(screen.getByRole("button", { name: "Back to the open workspace" }));
    expect(await screen.findByTestId("workspace-file-name")).toHaveTextContent("workspace.db");
    expect(backend.state.status.state).toBe("open");
  });
});
