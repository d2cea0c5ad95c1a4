import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { installMockBackend, makeProblem, rejectWith } from "../../test/mock-backend";
import { renderApp } from "../../test/render";

const rowTitles = () => screen.getAllByTestId("problem-title").map((el) => el.textContent);

describe("Problems screen", () => {
  it("says honestly that a new workspace has no problems", async () => {
    installMockBackend();
    renderApp("/problems");
    expect(await screen.findByTestId("problems-empty")).toHaveTextContent("No problems yet");
    expect(screen.queryAllByTestId("problem-row")).toHaveLength(0);
    // What the end-to-end suite waits for before it starts clicking.
    expect(document.querySelector("[data-app-ready]")).not.toBeNull();
  });

  it("adds a problem on Enter, clears the field and lists it", async () => {
    const backend = installMockBackend();
    const { user } = renderApp("/problems");
    const input = await screen.findByTestId("new-problem-title");
    expect(input).toHaveAccessibleName("New problem");
    expect(input).toHaveAttribute("placeholder", "Describe the problem in one line, then press Enter");
    await screen.findByTestId("problems-empty");

    await user.type(input, "Checkout times out on slow networks{Enter}");

    expect(backend.callsTo("problem_create")).toEqual([
      { input: { title: "Checkout times out on slow networks" } },
    ]);
    await waitFor(() => {
      expect(rowTitles()).toEqual(["Checkout times out on slow networks"]);
    });
    expect(input).toHaveValue("");
    expect(input).toHaveAttribute("aria-invalid", "false");
    expect(screen.getByTestId("problem-count")).toHaveTextContent("1 problem");
    expect(screen.getByRole("list", { name: "Problem list" })).toBeInTheDocument();
  });

  it("joins pasted lines into one title with spaces, says so, and logs it that way", async () => {
    const backend = installMockBackend();
    const { user } = renderApp("/problems");
    const input = await screen.findByTestId("new-problem-title");
    await screen.findByTestId("problems-empty");
    await user.click(input);
    await user.paste("Refund never arrives\nafter\tcancelling");
    expect(input).toHaveValue("Refund never arrives after cancelling");
    expect(screen.getByTestId("new-problem-title-joined")).toHaveTextContent(
      "Line breaks and tabs became spaces: this field holds one line.",
    );
    await user.keyboard("{Enter}");
    expect(backend.callsTo("problem_create")).toEqual([
      { input: { title: "Refund never arrives after cancelling" } },
    ]);
  });

  it("shows user text exactly as typed, never as markup", async () => {
    installMockBackend();
    const { user } = renderApp("/problems");
    const input = await screen.findByTestId("new-problem-title");
    const title = `<img src=x onerror="alert(1)"> & <b>bold</b>  "quoted"`;
    await user.click(input);
    await user.paste(title);
    await user.keyboard("{Enter}");
    const row = await screen.findByTestId("problem-row");
    expect(within(row).getByTestId("problem-title").textContent).toBe(title);
    expect(row.querySelector("img, b")).toBeNull();
  });

  it("keeps the typed text and shows the translated error when the core rejects the title", async () => {
    const backend = installMockBackend({
      handlers: {
        problem_create: () =>
          rejectWith({ code: "invalid_input", details: { field: "title", rule: "too_long", limit: 300 } }),
      },
    });
    const { user } = renderApp("/problems");
    const input = await screen.findByTestId("new-problem-title");
    const long = "x".repeat(301);
    await user.click(input);
    await user.paste(long);
    await user.keyboard("{Enter}");

    expect(await screen.findByText("A title can be at most 300 characters")).toBeInTheDocument();
    expect(input).toHaveValue(long);
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription(
      expect.stringContaining("A title can be at most 300 characters"),
    );
    expect(backend.callsTo("problem_create")).toHaveLength(1);
    expect(screen.queryAllByTestId("problem-row")).toHaveLength(0);
  });

  it("explains a missing title, and clears the error once a title is accepted", async () => {
    let reject = true;
    installMockBackend({
      handlers: {
        problem_create: (args, state) => {
          if (reject)
            return rejectWith({ code: "invalid_input", details: { field: "title", rule: "required" } });
          const problem = makeProblem((args.input as { title: string }).title);
          state.problems.unshift(problem);
          return problem;
        },
      },
    });
    const { user } = renderApp("/problems");
    const input = await screen.findByTestId("new-problem-title");
    await user.type(input, "   {Enter}");
    expect(await screen.findByTestId("new-problem-title-error")).toHaveTextContent("A title is required");
    expect(input).toHaveValue("   ");

    reject = false;
    await user.clear(input);
    expect(screen.queryByTestId("new-problem-title-error")).toBeNull();
    await user.type(input, "Refund email never arrives{Enter}");
    await waitFor(() => {
      expect(rowTitles()).toEqual(["Refund email never arrives"]);
    });
    expect(screen.queryByTestId("new-problem-title-error")).toBeNull();
    expect(input).toHaveAttribute("aria-invalid", "false");
  });

  it("lists problems most recently reported first, with their badges and details", async () => {
    installMockBackend({
      problems: [
        makeProblem("Older problem", "2025-01-05T09:00:00Z"),
        makeProblem("Newest problem", "2025-03-10T15:30:00Z", {
          status: "investigating",
          severity: "critical",
          channel: "email",
          owner: "Omar Haddad",
          tags: ["refunds", "payments"],
          occurrenceCount: 4,
          lastSeen: "2025-03-12",
        }),
        makeProblem("Middle problem", "2025-02-01T12:00:00Z"),
      ],
    });
    renderApp("/problems");
    await screen.findAllByTestId("problem-row");
    expect(rowTitles()).toEqual(["Newest problem", "Middle problem", "Older problem"]);
    const row = screen.getAllByTestId("problem-row")[0] as HTMLElement;
    expect(within(row).getByTestId("problem-status")).toHaveTextContent("Investigating");
    expect(within(row).getByTestId("problem-severity")).toHaveTextContent("Critical");
    expect(within(row).getByTestId("problem-channel")).toHaveTextContent("Email");
    expect(within(row).getByTestId("problem-owner")).toHaveTextContent("Omar Haddad");
    expect(
      within(row)
        .getAllByTestId("problem-tag")
        .map((t) => t.textContent),
    ).toEqual(["refunds", "payments"]);
    expect(within(row).getByTestId("problem-occurrences")).toHaveTextContent("4 reports");
    const lastSeen = within(row).getByTestId("problem-last-seen");
    expect(lastSeen).toHaveAttribute("dateTime", "2025-03-12");
    expect(lastSeen).toHaveTextContent("Last seen Mar 12, 2025");
    const quiet = screen.getAllByTestId("problem-row")[1] as HTMLElement;
    expect(within(quiet).getByTestId("problem-owner")).toHaveTextContent("No owner");
    expect(within(quiet).queryByTestId("problem-channel")).toBeNull();
    expect(within(quiet).getByTestId("problem-occurrences")).toHaveTextContent("1 report");
    expect(screen.getByTestId("problem-count")).toHaveTextContent("3 problems");
  });

  it("refreshes when the shell announces a change made elsewhere", async () => {
    const backend = installMockBackend({ problems: [makeProblem("First")] });
    renderApp("/problems");
    await screen.findByText("First");
    const added = makeProblem("Logged from another window");
    backend.state.problems.unshift(added);
    await backend.emitChange({ entity: "problem", id: added.id, op: "create" });
    expect(await screen.findByText("Logged from another window")).toBeInTheDocument();
    expect(screen.getByTestId("problem-count")).toHaveTextContent("2 problems");
  });

  it("shows a translated error when the list cannot be loaded", async () => {
    installMockBackend({
      handlers: { problem_list: () => rejectWith({ code: "workspace_closed", details: {} }) },
    });
    renderApp("/problems");
    expect(await screen.findByTestId("problems-error")).toHaveTextContent(
      "The problems could not be loaded: No workspace is open.",
    );
  });

  it("speaks Arabic right to left: plural counts, translated controls, Latin digits in dates", async () => {
    installMockBackend({
      settings: { language: "ar" },
      problems: ["أ", "ب", "ج"].map((title, i) =>
        makeProblem(title, `2025-03-1${String(i)}T10:00:00Z`, { severity: "high", occurrenceCount: 3 }),
      ),
    });
    renderApp("/problems");
    expect(await screen.findByTestId("problem-count")).toHaveTextContent("3 مشكلات");
    expect(document.documentElement).toHaveAttribute("dir", "rtl");
    expect(document.documentElement).toHaveAttribute("lang", "ar");
    expect(screen.getAllByTestId("problem-last-seen")[0]).toHaveTextContent(/آخر ظهور .*2025/);
    expect(screen.getAllByTestId("problem-severity")[0]).toHaveTextContent("عالية");
    expect(screen.getAllByTestId("problem-occurrences")[0]).toHaveTextContent("3 بلاغات");
    expect(screen.getByTestId("new-problem-title")).toHaveAccessibleName("مشكلة جديدة");
    expect(screen.getByTestId("problem-search")).toHaveAccessibleName("البحث في المشكلات");
    expect(screen.getByTestId("filter-status-new")).toHaveAccessibleName("جديدة");
    expect(screen.getByRole("group", { name: "الخطورة" })).toBeInTheDocument();
    expect(screen.getByTestId("sort-select")).toHaveAccessibleName("الترتيب حسب");
    expect(screen.getByTestId("sort-direction")).toHaveTextContent("الأحدث أولًا");
    expect(screen.getByTestId("filters-clear")).toHaveTextContent("مسح عوامل التصفية");
    expect(screen.getByTestId("new-problem-full")).toHaveTextContent("مشكلة جديدة بكامل تفاصيلها…");
    expect(screen.getByTestId("nav-trash")).toHaveTextContent("سلة المحذوفات");
  });

  it("renders only the rows in view and loads further pages as the user scrolls", async () => {
    const problems = Array.from({ length: 250 }, (_, i) =>
      makeProblem(`Problem ${String(i)}`, new Date(Date.UTC(2025, 0, 1) - i * 86_400_000).toISOString()),
    );
    const backend = installMockBackend({ problems });
    renderApp("/problems");
    expect(await screen.findByTestId("problem-count")).toHaveTextContent("250 problems");
    const rendered = screen.getAllByTestId("problem-row").length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(rowTitles()[0]).toBe("Problem 0");
    expect(backend.callsTo("problem_list")).toHaveLength(1);
    expect(backend.callsTo("problem_list")[0]).toMatchObject({ query: { offset: 0, limit: 100 } });

    // Scroll the main area to the end of the first page: the next page is asked for.
    const main = document.querySelector("main") as HTMLElement;
    main.scrollTop = 95 * 72;
    fireEvent.scroll(main);
    await waitFor(() => {
      expect(backend.callsTo("problem_list").at(-1)).toMatchObject({ query: { offset: 100, limit: 100 } });
    });
    await waitFor(() => {
      expect(rowTitles()).toContain("Problem 99");
    });
    expect(screen.getAllByTestId("problem-row").length).toBeLessThan(60);
    const row = screen.getAllByTestId("problem-row").find((r) => r.textContent.includes("Problem 99"));
    expect(row).toHaveAttribute("aria-posinset", "100");
    expect(row).toHaveAttribute("aria-setsize", "250");
  });

  it("opens a problem at the top of the page and returns to the same place in the list", async () => {
    const problems = Array.from({ length: 60 }, (_, i) =>
      makeProblem(`Problem ${String(i)}`, new Date(Date.UTC(2025, 0, 1) - i * 86_400_000).toISOString()),
    );
    installMockBackend({ problems });
    const { user } = renderApp("/problems?sort=title");
    await screen.findAllByTestId("problem-row");
    const main = document.querySelector("main") as HTMLElement;
    main.scrollTop = 20 * 72;
    fireEvent.scroll(main);
    await waitFor(() => {
      expect(rowTitles()).toContain("Problem 29");
    });
    const row = screen.getAllByTestId("problem-row").find((r) => r.textContent.includes("Problem 29"));
    await user.click(within(row as HTMLElement).getByTestId("problem-title"));
    await waitFor(() => {
      expect(window.location.hash).toMatch(/^#\/problems\/0190/);
    });
    expect(main.scrollTop).toBe(0);

    act(() => {
      window.history.back();
    });
    await waitFor(() => {
      expect(window.location.hash).toBe("#/problems?sort=title");
    });
    await screen.findAllByTestId("problem-row");
    expect(main.scrollTop).toBe(20 * 72);
    expect(rowTitles()).toContain("Problem 29");
  });

  it("links to the full new-problem form", async () => {
    installMockBackend({ problems: [makeProblem("One")] });
    const { user } = renderApp("/problems");
    const link = await screen.findByTestId("new-problem-full");
    expect(link).toHaveAccessibleName("New problem with details…");
    await user.click(link);
    await waitFor(() => {
      expect(window.location.hash).toBe("#/problems/new");
    });
  });
});
