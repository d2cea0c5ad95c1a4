import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { installMockBackend, makeProblem, makeTrashed, rejectWith } from "../../test/mock-backend";
import { renderApp } from "../../test/render";

describe("Trash screen", () => {
  it("is reached from the end of the sidebar", async () => {
    installMockBackend();
    const { user } = renderApp("/problems");
    const link = await screen.findByTestId("nav-trash");
    expect(link).toHaveAccessibleName("Trash");
    const items = screen.getAllByRole("listitem").filter((li) => li.closest("nav") !== null);
    expect(items.at(-1)).toContainElement(link);
    await user.click(link);
    expect(await screen.findByRole("heading", { level: 1, name: "Trash" })).toBeInTheDocument();
    expect(link).toHaveAttribute("aria-current", "page");
  });

  it("says honestly that the trash is empty", async () => {
    installMockBackend({ problems: [makeProblem("Still live")] });
    renderApp("/trash");
    expect(await screen.findByTestId("trash-empty")).toHaveTextContent("The trash is empty");
    expect(screen.queryAllByTestId("trash-row")).toHaveLength(0);
  });

  it("lists deleted problems, most recent first, with when and by whom", async () => {
    installMockBackend({
      trash: [
        makeTrashed(makeProblem("Deleted earlier"), "2025-03-01T09:00:00Z", ""),
        makeTrashed(makeProblem("<b>Deleted</b> later"), "2025-03-05T16:45:00Z", "Reem"),
      ],
    });
    renderApp("/trash");
    const rows = await screen.findAllByTestId("trash-row");
    expect(rows.map((r) => within(r).getByTestId("trash-label").textContent)).toEqual([
      "<b>Deleted</b> later",
      "Deleted earlier",
    ]);
    expect(rows[0]?.querySelector("b")).toBeNull();
    expect(rows[0]).toHaveTextContent(/Deleted Mar 5, 2025.* by \u2068Reem\u2069/);
    expect(rows[1]).toHaveTextContent(/Deleted Mar 1, 2025/);
    expect(rows[1]).not.toHaveTextContent(" by ");
    expect(screen.getByTestId("trash-count")).toHaveTextContent("2 items");
  });

  it("restores a problem: trash_restore is called and it is back in the list", async () => {
    const gone = makeProblem("Refund email never arrives");
    const backend = installMockBackend({
      problems: [makeProblem("Live one")],
      trash: [makeTrashed(gone, "2025-03-01T09:00:00Z", "Omar")],
    });
    const { user } = renderApp("/trash");
    const row = await screen.findByTestId("trash-row");
    const restore = within(row).getByTestId("trash-restore");
    expect(restore).toHaveAccessibleName("Restore “\u2068Refund email never arrives\u2069”");
    await user.click(restore);

    expect(backend.callsTo("trash_restore")).toEqual([{ entity: "problem", id: gone.id }]);
    expect(await screen.findByTestId("trash-empty")).toBeInTheDocument();
    expect(screen.getByTestId("trash-restored")).toHaveTextContent("is back in the problem list");

    await user.click(screen.getByRole("link", { name: "Open it" }));
    await waitFor(() => {
      expect(window.location.hash).toBe(`#/problems/${gone.id}`);
    });
    await user.click(screen.getByTestId("nav-problems"));
    await waitFor(() => {
      expect(screen.getAllByTestId("problem-title").map((t) => t.textContent)).toContain(
        "Refund email never arrives",
      );
    });
  });

  it("explains a failed restore in words", async () => {
    installMockBackend({
      trash: [makeTrashed(makeProblem("Stuck"), "2025-03-01T09:00:00Z")],
      handlers: { trash_restore: () => rejectWith({ code: "not_found", details: {} }) },
    });
    const { user } = renderApp("/trash");
    await user.click(await screen.findByTestId("trash-restore"));
    expect(await screen.findByTestId("trash-restore-error")).toHaveTextContent(
      "could not be restored: It no longer exists; it may have been deleted.",
    );
    expect(screen.getByTestId("trash-row")).toBeInTheDocument();
  });

  it("shows a translated error when the trash cannot be read", async () => {
    installMockBackend({ handlers: { trash_list: () => rejectWith({ code: "database", details: {} }) } });
    renderApp("/trash");
    expect(await screen.findByTestId("trash-error")).toHaveTextContent(
      "The trash could not be loaded: The workspace database reported an error.",
    );
  });

  it("names analyses and causes, shows an empty cause honestly, and links a restored analysis", async () => {
    installMockBackend({
      handlers: {
        trash_list: () => [
          { entity: "why", id: "w1", label: "", deletedAt: "2025-03-06T10:00:00Z", deletedBy: "Omar" },
          {
            entity: "analysis",
            id: "a1",
            label: "Why refunds are late",
            deletedAt: "2025-03-05T10:00:00Z",
            deletedBy: "",
          },
        ],
        trash_restore: () => null,
      },
    });
    const { user } = renderApp("/trash");
    const rows = await screen.findAllByTestId("trash-row");
    expect(rows[0]).toHaveTextContent("(no text yet)");
    expect(rows[0]).toHaveTextContent("Cause");
    expect(rows[1]).toHaveTextContent("Analysis");
    await user.click(within(rows[1] as HTMLElement).getByTestId("trash-restore"));
    const notice = await screen.findByTestId("trash-restored");
    expect(notice).toHaveTextContent("is back with its whole tree");
    expect(within(notice).getByRole("link")).toHaveAttribute("href", "#/analyses/a1");
  });

  it("names personas, quotes, maps and notes, and links a restored map", async () => {
    const item = (entity: string, id: string, label: string) => ({
      entity,
      id,
      label,
      deletedAt: "2025-03-05T10:00:00Z",
      deletedBy: "Mona",
    });
    installMockBackend({
      handlers: {
        trash_list: () => [
          item("persona", "p1", "Salma"),
          item("quote", "q1", "Where is my refund?"),
          item("empathy_map", "m1", "Returns workshop"),
          item("empathy_note", "n1", "Calls twice a day"),
          item("action", "x1", "Show refund steps"),
        ],
        trash_restore: () => null,
      },
    });
    const { user } = renderApp("/trash");
    const rows = await screen.findAllByTestId("trash-row");
    expect(
      rows.map((r) => within(r).getByText(/^(Persona|Quote|Empathy map|Note|Action)$/).textContent),
    ).toEqual(["Persona", "Quote", "Empathy map", "Note", "Action"]);
    await user.click(within(rows[2] as HTMLElement).getByTestId("trash-restore"));
    const notice = await screen.findByTestId("trash-restored");
    expect(notice).toHaveTextContent(/Returns workshop.* is back where it was/);
    expect(within(notice).getByRole("link")).toHaveAttribute("href", "#/empathy/m1");
  });

  it("speaks Arabic", async () => {
    installMockBackend({
      settings: { language: "ar" },
      trash: [makeTrashed(makeProblem("مشكلة محذوفة"), "2025-03-01T09:00:00Z", "ريم")],
    });
    renderApp("/trash");
    const row = await screen.findByTestId("trash-row");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("سلة المحذوفات");
    expect(within(row).getByTestId("trash-restore")).toHaveTextContent("استعادة");
    expect(row).toHaveTextContent(/حذفها .*ريم.* في .*2025/);
    expect(screen.getByTestId("trash-count")).toHaveTextContent("عنصر واحد");
    expect(document.documentElement).toHaveAttribute("dir", "rtl");
  });
});
