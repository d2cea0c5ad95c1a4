import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { installMockBackend, makeProblem, rejectWith } from "../../api/mock-backend";
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
    expect(screen.getByRole("list", { name: "Problems, newest first" })).toBeInTheDocument();
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

  it("lists problems newest first with their creation date", async () => {
    installMockBackend({
      problems: [
        makeProblem("Older problem", "2025-01-05T09:00:00Z"),
        makeProblem("Newest problem", "2025-03-10T15:30:00Z"),
        makeProblem("Middle problem", "2025-02-01T12:00:00Z"),
      ],
    });
    renderApp("/problems");
    await screen.findAllByTestId("problem-row");
    expect(rowTitles()).toEqual(["Newest problem", "Middle problem", "Older problem"]);
    const dates = screen.getAllByTestId("problem-created");
    expect(dates[0]).toHaveAttribute("dateTime", "2025-03-10T15:30:00Z");
    expect(dates[0]).toHaveTextContent(/Mar 10, 2025/);
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

  it("counts with Arabic plural forms and keeps Latin digits in dates", async () => {
    installMockBackend({
      settings: { language: "ar" },
      problems: ["أ", "ب", "ج"].map((title, i) => makeProblem(title, `2025-03-1${String(i)}T10:00:00Z`)),
    });
    renderApp("/problems");
    expect(await screen.findByTestId("problem-count")).toHaveTextContent("3 مشكلات");
    expect(screen.getAllByTestId("problem-created")[0]).toHaveTextContent(/2025/);
    expect(screen.getByTestId("new-problem-title")).toHaveAccessibleName("مشكلة جديدة");
  });

  it("loads further pages on request", async () => {
    const problems = Array.from({ length: 205 }, (_, i) =>
      makeProblem(`Problem ${String(i)}`, new Date(Date.UTC(2025, 0, 1, 0, 0, 205 - i)).toISOString()),
    );
    const backend = installMockBackend({ problems });
    const { user } = renderApp("/problems");
    await waitFor(() => {
      expect(screen.getAllByTestId("problem-row")).toHaveLength(200);
    });
    expect(screen.getByTestId("problem-count")).toHaveTextContent("205 problems");
    await user.click(screen.getByTestId("problems-show-more"));
    await waitFor(() => {
      expect(screen.getAllByTestId("problem-row")).toHaveLength(205);
    });
    expect(backend.callsTo("problem_list").at(-1)).toEqual({ offset: 200, limit: 200 });
    expect(screen.queryByTestId("problems-show-more")).toBeNull();
  });
});
