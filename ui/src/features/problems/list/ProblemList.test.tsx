import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { installMockBackend, makeProblem, rejectWith, type MockBackend } from "../../../test/mock-backend";
import type { ProblemQuery } from "../../../bindings/ProblemQuery";
import { renderApp } from "../../../test/render";
import { rememberListSearch } from "./lastSearch";

afterEach(() => {
  rememberListSearch("");
});

/** The item at `index`, failing the test when there is none. */
function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`nothing at ${String(index)}`);
  return item;
}

const rowTitles = () => screen.queryAllByTestId("problem-title").map((el) => el.textContent);

/** The search parameters of the hash route. */
function hashParams(): URLSearchParams {
  return new URLSearchParams(window.location.hash.split("?")[1] ?? "");
}

function lastQuery(backend: MockBackend): ProblemQuery {
  return backend.callsTo("problem_list").at(-1)?.query as ProblemQuery;
}

function workspace() {
  return [
    makeProblem("Refund never reaches the card", "2025-03-01T10:00:00Z", {
      status: "investigating",
      severity: "critical",
      channel: "email",
      owner: "Omar Haddad",
      tags: ["refunds", "payments"],
      references: ["ZD-47110"],
      occurrenceCount: 5,
    }),
    makeProblem("لا يصل رمز التحقق عند تسجيل الدخول", "2025-02-20T10:00:00Z", {
      status: "new",
      severity: "high",
      channel: "phone",
      owner: "ريم الحربي",
      tags: ["تسجيل الدخول"],
      description: "يطلب العميلُ الرمزَ أكثر من مرة",
      occurrenceCount: 2,
    }),
    makeProblem("Delivery date differs between chat and order page", "2025-01-10T10:00:00Z", {
      status: "closed",
      severity: "medium",
      channel: "chat",
      owner: "Omar Haddad",
      tags: ["delivery"],
      occurrenceCount: 9,
    }),
  ];
}

describe("problem list filters in the URL", () => {
  it("writes each filter to the URL and sends it to the core", async () => {
    const backend = installMockBackend({ problems: workspace() });
    const { user } = renderApp("/problems");
    await screen.findAllByTestId("problem-row");
    expect(lastQuery(backend)).toEqual({
      statuses: [],
      severities: [],
      channels: [],
      sort: "reported",
      descending: true,
      offset: 0,
      limit: 100,
    });

    await user.click(screen.getByTestId("filter-status-investigating"));
    await user.click(screen.getByTestId("filter-status-new"));
    expect(hashParams().get("status")).toBe("new,investigating");
    await waitFor(() => {
      expect(lastQuery(backend).statuses).toEqual(["new", "investigating"]);
    });
    await waitFor(() => {
      expect(rowTitles()).toEqual(["Refund never reaches the card", "لا يصل رمز التحقق عند تسجيل الدخول"]);
    });
    expect(screen.getByTestId("problem-count")).toHaveTextContent("2 problems");

    await user.click(screen.getByTestId("filter-severity-critical"));
    await user.click(screen.getByTestId("filter-channel-email"));
    await user.selectOptions(screen.getByTestId("filter-owner"), "Omar Haddad");
    await user.selectOptions(screen.getByTestId("filter-tag"), "refunds");
    await user.type(screen.getByTestId("filter-from"), "2025-01-01");
    await user.type(screen.getByTestId("filter-to"), "2025-12-31");
    await waitFor(() => {
      expect(lastQuery(backend)).toEqual({
        statuses: ["new", "investigating"],
        severities: ["critical"],
        channels: ["email"],
        owner: "Omar Haddad",
        tag: "refunds",
        reportedFrom: "2025-01-01",
        reportedTo: "2025-12-31",
        sort: "reported",
        descending: true,
        offset: 0,
        limit: 100,
      });
    });
    expect(Object.fromEntries(hashParams())).toEqual({
      status: "new,investigating",
      severity: "critical",
      channel: "email",
      owner: "Omar Haddad",
      tag: "refunds",
      from: "2025-01-01",
      to: "2025-12-31",
    });
    await waitFor(() => {
      expect(rowTitles()).toEqual(["Refund never reaches the card"]);
    });
  });

  it("restores filters, sort and search from the URL and asks the core for exactly that", async () => {
    const backend = installMockBackend({ problems: workspace() });
    renderApp(
      "/problems?q=refund&status=investigating,closed&severity=critical&channel=email,chat&owner=Omar%20Haddad&tag=refunds&from=2025-01-01&to=2025-06-30&sort=severity&dir=asc",
    );
    await screen.findAllByTestId("problem-row");
    expect(backend.callsTo("problem_list")).toEqual([
      {
        query: {
          statuses: ["investigating", "closed"],
          severities: ["critical"],
          channels: ["email", "chat"],
          owner: "Omar Haddad",
          tag: "refunds",
          reportedFrom: "2025-01-01",
          reportedTo: "2025-06-30",
          text: "refund",
          sort: "severity",
          descending: false,
          offset: 0,
          limit: 100,
        },
      },
    ]);
    expect(screen.getByTestId("problem-search")).toHaveValue("refund");
    expect(screen.getByTestId("filter-status-investigating")).toBeChecked();
    expect(screen.getByTestId("filter-status-closed")).toBeChecked();
    expect(screen.getByTestId("filter-status-new")).not.toBeChecked();
    expect(screen.getByTestId("filter-severity-critical")).toBeChecked();
    expect(screen.getByTestId("filter-channel-email")).toBeChecked();
    expect(screen.getByTestId("filter-channel-chat")).toBeChecked();
    expect(screen.getByTestId("filter-owner")).toHaveValue("Omar Haddad");
    expect(screen.getByTestId("filter-tag")).toHaveValue("refunds");
    expect(screen.getByTestId("filter-from")).toHaveAttribute("data-day", "2025-01-01");
    expect(screen.getByTestId("filter-to")).toHaveAttribute("data-day", "2025-06-30");
    expect(screen.getByTestId("sort-select")).toHaveValue("severity");
    expect(screen.getByTestId("sort-direction")).toHaveTextContent("Least severe first");
    expect(rowTitles()).toEqual(["Refund never reaches the card"]);
  });

  it("ignores values in the URL that it does not know", async () => {
    const backend = installMockBackend({ problems: workspace() });
    renderApp("/problems?status=new,bogus&severity=extreme&from=yesterday&sort=colour&dir=sideways");
    await screen.findAllByTestId("problem-row");
    expect(lastQuery(backend)).toEqual({
      statuses: ["new"],
      severities: [],
      channels: [],
      sort: "reported",
      descending: true,
      offset: 0,
      limit: 100,
    });
  });

  it("follows Back and Forward through filter changes", async () => {
    const backend = installMockBackend({ problems: workspace() });
    const { user } = renderApp("/problems");
    await screen.findAllByTestId("problem-row");
    await user.click(screen.getByTestId("filter-severity-high"));
    await waitFor(() => {
      expect(rowTitles()).toEqual(["لا يصل رمز التحقق عند تسجيل الدخول"]);
    });

    act(() => {
      window.history.back();
    });
    await waitFor(() => {
      expect(screen.getByTestId("filter-severity-high")).not.toBeChecked();
    });
    await waitFor(() => {
      expect(rowTitles()).toHaveLength(3);
    });
    expect(hashParams().get("severity")).toBeNull();
    // The unfiltered list comes from the cache; nothing was written since.
    expect(backend.callsTo("problem_list").map((c) => (c.query as ProblemQuery).severities)).toEqual([
      [],
      ["high"],
    ]);

    act(() => {
      window.history.forward();
    });
    await waitFor(() => {
      expect(screen.getByTestId("filter-severity-high")).toBeChecked();
    });
    await waitFor(() => {
      expect(rowTitles()).toEqual(["لا يصل رمز التحقق عند تسجيل الدخول"]);
    });
  });

  it("keeps the filters when the user comes back through the sidebar", async () => {
    installMockBackend({ problems: workspace() });
    const { user } = renderApp("/problems");
    await screen.findAllByTestId("problem-row");
    await user.click(screen.getByTestId("filter-status-closed"));
    await waitFor(() => {
      expect(rowTitles()).toHaveLength(1);
    });
    await user.click(screen.getByTestId("nav-settings"));
    await screen.findByRole("heading", { level: 1, name: "Settings" });
    await user.click(screen.getByTestId("nav-problems"));
    await waitFor(() => {
      expect(screen.getByTestId("filter-status-closed")).toBeChecked();
    });
    expect(hashParams().get("status")).toBe("closed");
  });

  it("clears every filter and the search, and says so when nothing matches", async () => {
    const backend = installMockBackend({ problems: workspace() });
    const { user } = renderApp("/problems?status=monitoring&q=refund&sort=title");
    const noResults = await screen.findByTestId("problems-no-results");
    expect(noResults).toHaveTextContent("No problems match these filters");
    expect(screen.queryByTestId("problems-empty")).toBeNull();
    expect(screen.getByTestId("problem-count")).toHaveTextContent("0 problems");

    await user.click(screen.getByTestId("filters-clear"));
    await waitFor(() => {
      expect(rowTitles()).toHaveLength(3);
    });
    // The sort the user chose stays; the filters and the search go.
    expect(window.location.hash).toBe("#/problems?sort=title");
    expect(screen.getByTestId("problem-search")).toHaveValue("");
    expect(screen.getByTestId("filter-status-monitoring")).not.toBeChecked();
    expect(screen.getByTestId("filters-clear")).toBeDisabled();
    expect(lastQuery(backend)).toMatchObject({ statuses: [], sort: "title", descending: false });
    expect(lastQuery(backend)).not.toHaveProperty("text");
  });

  it("offers owners and tags used so far as filter choices", async () => {
    installMockBackend({ problems: workspace() });
    renderApp("/problems");
    await screen.findAllByTestId("problem-row");
    const owner = screen.getByTestId("filter-owner");
    expect(owner).toHaveAccessibleName("Owner");
    await waitFor(() => {
      expect(
        within(owner)
          .getAllByRole("option")
          .map((o) => o.textContent),
      ).toEqual(["Anyone", "Omar Haddad", "ريم الحربي"]);
    });
    const tag = screen.getByTestId("filter-tag");
    expect(
      within(tag)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toContain("تسجيل الدخول");
  });
});

describe("problem list search and sort", () => {
  it("sends what is typed as the search text and sorts by relevance while searching", async () => {
    const backend = installMockBackend({ problems: workspace() });
    const { user } = renderApp("/problems");
    await screen.findAllByTestId("problem-row");
    const search = screen.getByTestId("problem-search");
    expect(search).toHaveAccessibleName("Search problems");
    expect(
      within(screen.getByTestId("sort-select")).queryByRole("option", { name: "Best match" }),
    ).toBeNull();

    const historyBefore = window.history.length;
    await user.type(search, "refund");
    await waitFor(() => {
      expect(lastQuery(backend)).toMatchObject({ text: "refund", sort: "relevance", descending: true });
    });
    expect(hashParams().get("q")).toBe("refund");
    await waitFor(() => {
      expect(rowTitles()).toEqual(["Refund never reaches the card"]);
    });
    expect(screen.getByTestId("sort-select")).toHaveValue("relevance");
    expect(screen.getByTestId("sort-direction")).toHaveTextContent("Best match first");
    // Typing does not fill the history with one entry per key.
    expect(window.history.length).toBe(historyBefore);
  });

  it("finds Arabic typed without diacritics", async () => {
    const backend = installMockBackend({ problems: workspace() });
    const { user } = renderApp("/problems");
    await screen.findAllByTestId("problem-row");
    await user.type(screen.getByTestId("problem-search"), "العميل{Enter}");
    await waitFor(() => {
      expect(lastQuery(backend).text).toBe("العميل");
    });
    await waitFor(() => {
      expect(rowTitles()).toEqual(["لا يصل رمز التحقق عند تسجيل الدخول"]);
    });
  });

  it("sorts by the chosen key and reverses with the direction toggle", async () => {
    const backend = installMockBackend({ problems: workspace() });
    const { user } = renderApp("/problems");
    await screen.findAllByTestId("problem-row");
    await user.selectOptions(screen.getByTestId("sort-select"), "occurrences");
    await waitFor(() => {
      expect(lastQuery(backend)).toMatchObject({ sort: "occurrences", descending: true });
    });
    expect(hashParams().get("sort")).toBe("occurrences");
    await waitFor(() => {
      expect(rowTitles()[0]).toBe("Delivery date differs between chat and order page");
    });
    const direction = screen.getByTestId("sort-direction");
    expect(direction).toHaveAccessibleName("Most reported first");
    expect(direction).toHaveAccessibleDescription("Reverse the order");

    await user.click(direction);
    await waitFor(() => {
      expect(lastQuery(backend)).toMatchObject({ sort: "occurrences", descending: false });
    });
    expect(hashParams().get("dir")).toBe("asc");
    await waitFor(() => {
      expect(rowTitles()[0]).toBe("لا يصل رمز التحقق عند تسجيل الدخول");
    });
    expect(direction).toHaveTextContent("Least reported first");
  });
});

describe("problem list keyboard", () => {
  it("moves a visible selection with the arrow keys and opens it with Enter", async () => {
    const problems = workspace();
    installMockBackend({ problems });
    const { user } = renderApp("/problems");
    await screen.findAllByTestId("problem-row");
    const rows = () => screen.getAllByTestId("problem-row");

    await user.keyboard("{ArrowDown}");
    expect(rows()[0]).toHaveClass("is-selected");
    expect(within(at(rows(), 0)).getByTestId("problem-title")).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(rows()[1]).toHaveClass("is-selected");
    expect(rows()[0]).not.toHaveClass("is-selected");
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowUp}");
    expect(rows()[1]).toHaveClass("is-selected");
    expect(within(at(rows(), 1)).getByTestId("problem-title")).toHaveFocus();

    await user.keyboard("{Enter}");
    await waitFor(() => {
      expect(window.location.hash).toBe(`#/problems/${at(problems, 1).id}`);
    });
  });

  it("opens the selected row with Enter when focus has left it", async () => {
    const problems = workspace();
    installMockBackend({ problems });
    const { user } = renderApp("/problems");
    await screen.findAllByTestId("problem-row");
    await user.keyboard("{ArrowDown}");
    (document.activeElement as HTMLElement).blur();
    await user.keyboard("{Enter}");
    await waitFor(() => {
      expect(window.location.hash).toBe(`#/problems/${at(problems, 0).id}`);
    });
  });

  it("/ focuses the search, and ArrowDown there moves into the list", async () => {
    installMockBackend({ problems: workspace() });
    const { user } = renderApp("/problems");
    await screen.findAllByTestId("problem-row");
    await user.keyboard("/");
    const search = screen.getByTestId("problem-search");
    expect(search).toHaveFocus();
    expect(search).toHaveValue("");
    await user.keyboard("{ArrowDown}");
    expect(screen.getAllByTestId("problem-row")[0]).toHaveClass("is-selected");
    expect(within(at(screen.getAllByTestId("problem-row"), 0)).getByTestId("problem-title")).toHaveFocus();
  });

  it("opens a problem when its row is clicked", async () => {
    const problems = workspace();
    installMockBackend({ problems });
    const { user } = renderApp("/problems");
    const rows = await screen.findAllByTestId("problem-row");
    await user.click(within(at(rows, 2)).getByTestId("problem-occurrences"));
    await waitFor(() => {
      expect(window.location.hash).toBe(`#/problems/${at(problems, 2).id}`);
    });
  });

  it("ticking a row's checkbox does not open it", async () => {
    installMockBackend({ problems: workspace() });
    const { user } = renderApp("/problems");
    const rows = await screen.findAllByTestId("problem-row");
    const box = within(at(rows, 0)).getByTestId("problem-select");
    expect(box).toHaveAccessibleName("Select “\u2068Refund never reaches the card\u2069”");
    await user.click(box);
    expect(box).toBeChecked();
    expect(window.location.hash).toBe("#/problems");
  });
});

describe("merging duplicates", () => {
  it("merges two selected problems into the one the user keeps, then opens it", async () => {
    const problems = workspace();
    const [refund, otp, delivery] = problems as [
      (typeof problems)[0],
      (typeof problems)[0],
      (typeof problems)[0],
    ];
    const backend = installMockBackend({ problems });
    const { user } = renderApp("/problems");
    const rows = await screen.findAllByTestId("problem-row");
    expect(screen.queryByTestId("merge-open")).toBeNull();

    await user.click(within(at(rows, 0)).getByTestId("problem-select"));
    expect(screen.queryByTestId("merge-open")).toBeNull();
    await user.click(within(at(rows, 1)).getByTestId("problem-select"));
    await user.click(within(at(rows, 2)).getByTestId("problem-select"));
    // Three are too many.
    expect(screen.queryByTestId("merge-open")).toBeNull();
    expect(screen.getByTestId("problem-selection")).toHaveTextContent(
      "Select exactly two problems to merge them.",
    );
    await user.click(within(at(rows, 2)).getByTestId("problem-select"));

    const open = screen.getByTestId("merge-open");
    await user.click(open);
    const dialog = screen.getByRole("dialog", { name: "Merge duplicate problems" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(dialog).toHaveTextContent(refund.title);
    expect(dialog).toHaveTextContent(otp.title);
    expect(dialog).toHaveAccessibleDescription(
      expect.stringContaining(
        "occurrences, source references and tags of the other problem move to the one you keep",
      ),
    );
    expect(dialog).toHaveTextContent("goes to the trash");
    expect(dialog).not.toHaveTextContent(delivery.title);
    // The one reported more often is suggested, and focused.
    const keepRefund = within(dialog).getByTestId(`merge-survivor-${refund.id}`);
    const keepOtp = within(dialog).getByTestId(`merge-survivor-${otp.id}`);
    expect(keepRefund).toBeChecked();
    expect(keepRefund).toHaveFocus();

    await user.click(keepOtp);
    expect(keepOtp).toBeChecked();
    await user.click(within(dialog).getByTestId("merge-confirm"));

    await waitFor(() => {
      expect(window.location.hash).toBe(`#/problems/${otp.id}`);
    });
    expect(backend.callsTo("problem_merge")).toEqual([{ duplicate: refund.id, survivor: otp.id }]);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(backend.state.trash.map((t) => t.problem.id)).toEqual([refund.id]);
  });

  it("closes with Escape, returns focus, and keeps focus inside while open", async () => {
    const backend = installMockBackend({ problems: workspace() });
    const { user } = renderApp("/problems");
    const rows = await screen.findAllByTestId("problem-row");
    await user.click(within(at(rows, 0)).getByTestId("problem-select"));
    await user.click(within(at(rows, 1)).getByTestId("problem-select"));
    const open = screen.getByTestId("merge-open");
    await user.click(open);
    const dialog = screen.getByRole("dialog");
    for (let i = 0; i < 5; i++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    // List shortcuts wait while the dialog is open.
    await user.keyboard("{ArrowDown}");
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    await user.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.queryByRole("dialog")).toBeNull();
    });
    expect(open).toHaveFocus();
    expect(backend.callsTo("problem_merge")).toHaveLength(0);
  });

  it("shows a translated error when the merge is refused", async () => {
    installMockBackend({
      problems: workspace(),
      handlers: {
        problem_merge: () => rejectWith({ code: "conflict", details: {} }),
      },
    });
    const { user } = renderApp("/problems");
    const rows = await screen.findAllByTestId("problem-row");
    await user.click(within(at(rows, 0)).getByTestId("problem-select"));
    await user.click(within(at(rows, 1)).getByTestId("problem-select"));
    await user.click(screen.getByTestId("merge-open"));
    await user.click(screen.getByTestId("merge-confirm"));
    expect(await screen.findByTestId("merge-error")).toHaveTextContent(
      "The problems could not be merged: Someone else changed this at the same time. Reload and try again.",
    );
    expect(screen.getByRole("dialog")).toBeInTheDocument();
    expect(window.location.hash).toBe("#/problems");
  });
});

describe("sample workspace", () => {
  it("loads samples into an empty workspace, then removes them to the trash", async () => {
    const backend = installMockBackend();
    const { user } = renderApp("/problems");
    const empty = await screen.findByTestId("problems-empty");
    expect(screen.queryByTestId("sample-banner")).toBeNull();
    const load = within(empty).getByTestId("sample-load");
    expect(load).toHaveAccessibleName("Load a sample workspace");

    await user.click(load);
    expect(backend.callsTo("sample_load")).toHaveLength(1);
    await waitFor(() => {
      expect(rowTitles()).toHaveLength(3);
    });
    const banner = await screen.findByTestId("sample-banner");
    expect(banner).toHaveTextContent("These are sample problems");
    expect(rowTitles()).toContain("لا يصل رمز التحقق برسالة نصية عند تسجيل الدخول");
    expect(within(at(screen.getAllByTestId("problem-row"), 0)).getByText("Sample")).toBeInTheDocument();

    await user.click(within(banner).getByTestId("sample-remove"));
    expect(backend.callsTo("sample_remove")).toHaveLength(1);
    await screen.findByTestId("problems-empty");
    await waitFor(() => {
      expect(screen.queryByTestId("sample-banner")).toBeNull();
    });
    expect(screen.getByTestId("sample-removed")).toHaveTextContent("3 sample problems moved to the trash.");
    expect(backend.state.trash).toHaveLength(3);

    await user.click(
      within(screen.getByTestId("sample-removed")).getByRole("link", { name: "Open the trash" }),
    );
    expect(await screen.findAllByTestId("trash-row")).toHaveLength(3);
  });

  it("shows the banner in Arabic while samples exist", async () => {
    installMockBackend({
      settings: { language: "ar" },
      problems: [makeProblem("مثال", undefined, { sample: true })],
    });
    renderApp("/problems");
    const banner = await screen.findByTestId("sample-banner");
    expect(banner).toHaveTextContent("هذه مشكلات تجريبية");
    expect(within(banner).getByTestId("sample-remove")).toHaveTextContent("إزالة المشكلات التجريبية");
  });

  it("says so when the samples cannot be loaded", async () => {
    installMockBackend({
      handlers: {
        sample_load: () => rejectWith({ code: "not_writable", details: {} }),
      },
    });
    const { user } = renderApp("/problems");
    await user.click(await screen.findByTestId("sample-load"));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The sample workspace could not be loaded: The workspace file cannot be written.",
    );
  });
});
