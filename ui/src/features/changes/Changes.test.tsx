import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ReviewItem } from "../../bindings/ReviewItem";
import { installMockBackend } from "../../test/mock-backend";
import { renderApp } from "../../test/render";

const LAPTOP = "33333333-aaaa-4bbb-8ccc-000000000003";

function overwritten(overrides: Partial<ReviewItem> = {}): ReviewItem {
  return {
    id: 1,
    mergedAt: "2026-12-01T10:00:00Z",
    kind: "overwritten",
    target: { entity: "problem", id: "p-1", label: "Refund delayed by the bank", inTrash: false },
    fields: [
      { field: "title", lost: "Refunds stall at the bank step", kept: "Refund delayed by the bank" },
      { field: "severity", lost: "critical", kept: "high" },
    ],
    lostAuthor: "Mona",
    lostAt: "2026-11-30T09:00:00Z",
    keptAuthor: "Karim",
    keptAt: "2026-11-30T11:00:00Z",
    parent: null,
    state: "open",
    ...overrides,
  };
}

describe("File menu", () => {
  it("offers export, merge, a copy for a workshop and the review with how many entries wait", async () => {
    installMockBackend({ changes: { review: [overwritten()] } });
    const { user } = renderApp("/problems");
    const button = await screen.findByTestId("file-menu");
    expect(await screen.findByTestId("file-menu-waiting")).toHaveTextContent("1");
    await user.click(button);
    const menu = screen.getByRole("menu", { name: "File menu" });
    expect(
      within(menu)
        .getAllByRole("menuitem")
        .map((i) => i.textContent),
    ).toEqual([
      "Export changes…",
      "Merge changes…",
      "Copy workspace for a workshop…",
      "Merged changes (1 to review)",
    ]);
    await user.click(within(menu).getByTestId("file-menu-review"));
    expect(await screen.findByRole("heading", { level: 1, name: "Merged changes" })).toBeInTheDocument();
  });

  it("exports for the copy this one was made from, saying how many changes it has not seen", async () => {
    const backend = installMockBackend({
      changes: {
        status: {
          replica: { workspaceId: "ws", replicaId: LAPTOP, originReplica: "team", name: "Workshop laptop" },
          peers: [
            {
              replicaId: "team",
              name: "Team copy",
              heardAt: "2026-11-29T08:00:00Z",
              isOrigin: true,
              unsent: 7,
            },
          ],
          ownChanges: 7,
          openReview: 0,
        },
      },
    });
    const { user } = renderApp("/problems");
    await user.click(await screen.findByTestId("file-menu"));
    await user.click(screen.getByTestId("file-menu-export"));
    const dialog = await screen.findByTestId("export-changes-dialog");
    const choice = await within(dialog).findByTestId("export-for");
    expect(choice).toHaveTextContent(
      "\u2068Team copy\u2069 (this copy was made from it): 7 changes it has not seen",
    );
    expect(within(choice).getByRole("radio")).toBeChecked();
    await user.click(within(dialog).getByTestId("export-save"));
    expect(await within(dialog).findByTestId("export-saved")).toHaveTextContent(
      "Saved 7 changes to \u202A/home/sam/changes.rootwise-changes\u202C.",
    );
    expect(backend.callsTo("changes_export")).toEqual([{ forReplica: "team" }]);
  });

  it("merges a file and sums up what happened, with the way to the review", async () => {
    installMockBackend({
      changes: {
        nextMerge: {
          fromReplica: LAPTOP,
          fromName: "Workshop laptop",
          received: 12,
          applied: 12,
          alreadyHere: 0,
          overwritten: 1,
          restored: 0,
          parentDeleted: 0,
        },
      },
    });
    const { user } = renderApp("/problems");
    await user.click(await screen.findByTestId("file-menu"));
    await user.click(screen.getByTestId("file-menu-merge"));
    const dialog = await screen.findByTestId("merge-result-dialog");
    expect(dialog).toHaveTextContent("From \u2068Workshop laptop\u2069.");
    expect(within(dialog).getByTestId("merge-line-applied")).toHaveTextContent("12 changes merged.");
    expect(within(dialog).getByTestId("merge-line-overwritten")).toHaveTextContent(
      "1 set aside for you to review",
    );
    await user.click(within(dialog).getByTestId("merge-review"));
    expect(await screen.findByRole("heading", { level: 1, name: "Merged changes" })).toBeInTheDocument();
  });

  it("says in words why nothing was merged", async () => {
    installMockBackend({
      changes: { nextMerge: { code: "change_file_foreign", message: "foreign", details: {} } },
    });
    const { user } = renderApp("/problems");
    await user.click(await screen.findByTestId("file-menu"));
    await user.click(screen.getByTestId("file-menu-merge"));
    expect(await screen.findByTestId("merge-error")).toHaveTextContent(
      "This change file belongs to another workspace. Nothing was merged.",
    );
  });

  it("copies the workspace for a workshop under the name given", async () => {
    const backend = installMockBackend({ changes: { savePath: "/media/usb/workshop.db" } });
    const { user } = renderApp("/problems");
    await user.click(await screen.findByTestId("file-menu"));
    await user.click(screen.getByTestId("file-menu-copy"));
    const dialog = await screen.findByTestId("copy-workspace-dialog");
    const name = within(dialog).getByTestId("copy-name");
    expect(name).toHaveValue("Workshop copy");
    await user.clear(name);
    await user.type(name, "حاسوب الورشة");
    await user.click(within(dialog).getByTestId("copy-save"));
    expect(await within(dialog).findByTestId("copy-saved")).toHaveTextContent(
      "Copy “\u2068حاسوب الورشة\u2069” saved to \u202A/media/usb/workshop.db\u202C.",
    );
    expect(backend.callsTo("workspace_copy")).toEqual([{ name: "حاسوب الورشة" }]);
  });
});

describe("Merged changes screen", () => {
  it("shows each field's set-aside and kept values with who wrote them, in words", async () => {
    installMockBackend({ changes: { review: [overwritten()] } });
    renderApp("/changes");
    const item = await screen.findByTestId("review-item");
    expect(within(item).getByTestId("review-kind")).toHaveTextContent("Both copies changed it");
    const rows = within(item).getAllByTestId("review-field");
    expect(rows.map((r) => r.textContent)).toEqual([
      "TitleRefunds stall at the bank stepRefund delayed by the bank",
      "SeverityCriticalHigh",
    ]);
    expect(item).toHaveTextContent("Mona");
    expect(item).toHaveTextContent("Karim");
    expect(within(item).getByTestId("review-open")).toHaveAttribute("href", "#/problems/p-1");
  });

  it("brings back the set-aside version in one click and the entry leaves the open list", async () => {
    const backend = installMockBackend({ changes: { review: [overwritten()] } });
    const { user } = renderApp("/changes");
    const item = await screen.findByTestId("review-item");
    await user.click(within(item).getByTestId("review-bring-back"));
    expect(backend.callsTo("merge_review_bring_back")).toEqual([{ id: 1 }]);
    expect(await screen.findByTestId("review-empty")).toBeInTheDocument();
    expect(screen.getByTestId("review-outcome")).toHaveTextContent(
      "The set-aside version of \u2068Refund delayed by the bank\u2069 is back.",
    );
    // Dealt-with entries stay visible on request, with what was done.
    await user.click(screen.getByTestId("review-show-all"));
    expect(await screen.findByTestId("review-state")).toHaveTextContent("Set-aside version used");
  });

  it("offers the deleted parent back for a cause added under it, and the delete back for a kept item", async () => {
    installMockBackend({
      changes: {
        review: [
          overwritten({
            id: 2,
            kind: "parent_deleted",
            target: { entity: "why", id: "w-2", label: "Spaces are not stripped", inTrash: false },
            fields: [],
            lostAuthor: "Karim",
            keptAuthor: "",
            parent: { entity: "why", id: "w-1", label: "The form loses the IBAN", inTrash: true },
          }),
          overwritten({
            id: 3,
            kind: "restored",
            fields: [],
            lostAuthor: "Karim",
            keptAuthor: "Mona",
          }),
        ],
      },
    });
    renderApp("/changes");
    const [parentItem, keptItem] = await screen.findAllByTestId("review-item");
    if (parentItem === undefined || keptItem === undefined) throw new Error("two entries expected");
    expect(within(parentItem).getByTestId("review-bring-back")).toHaveTextContent(
      "Restore “\u2068The form loses the IBAN\u2069”",
    );
    expect(within(parentItem).getByTestId("review-text")).toHaveTextContent(
      "which \u2068Karim\u2069 deleted",
    );
    expect(within(keptItem).getByTestId("review-bring-back")).toHaveTextContent("Move to the trash again");
    expect(within(keptItem).getByTestId("review-text")).toHaveTextContent(
      "\u2068Karim\u2069 deleted it; \u2068Mona\u2069 edited it later on another copy, so it was kept.",
    );
  });

  it("reads in Arabic, right to left", async () => {
    installMockBackend({ settings: { language: "ar" }, changes: { review: [overwritten()] } });
    renderApp("/changes");
    expect(await screen.findByRole("heading", { level: 1, name: "التغييرات المدمجة" })).toBeInTheDocument();
    await waitFor(() => expect(document.documentElement).toHaveAttribute("dir", "rtl"));
    expect(screen.getByTestId("review-kind")).toHaveTextContent("غيّرته النسختان");
    expect(screen.getByTestId("review-bring-back")).toHaveTextContent("استخدم النسخة الموضوعة جانبًا");
  });
});

describe("This copy's name", () => {
  it("is edited on the review screen and saved with copy_rename", async () => {
    const backend = installMockBackend();
    const { user } = renderApp("/changes");
    const field = await screen.findByTestId("copy-rename");
    expect(field).toHaveAccessibleName("Name of this copy");
    await user.type(field, "Team copy, Jeddah");
    await user.click(screen.getByTestId("copy-rename-save"));
    await waitFor(() => {
      expect(backend.callsTo("copy_rename")).toEqual([{ name: "Team copy, Jeddah" }]);
    });
    expect(await screen.findByText("Saved.")).toBeInTheDocument();
  });
});
