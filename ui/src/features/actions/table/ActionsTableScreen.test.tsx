import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { localToday } from "../../../api/actions";
import { makeAction } from "../../../test/mock-actions";
import { installMockBackend, makeProblem, rejectWith, type MockBackend } from "../../../test/mock-backend";
import type { Action } from "../../../bindings/Action";
import type { ExportWords } from "../../../bindings/ExportWords";
import type { ActionQuery } from "../../../bindings/ActionQuery";
import { renderApp } from "../../../test/render";

/** The search parameters of the hash route. */
function hashParams(): URLSearchParams {
  return new URLSearchParams(window.location.hash.split("?")[1] ?? "");
}

function lastQuery(backend: MockBackend): ActionQuery {
  return backend.callsTo("action_list").at(-1)?.query as ActionQuery;
}

const rowTitles = () => screen.queryAllByTestId("action-row-title").map((el) => el.textContent);

function workspace() {
  const refunds = makeProblem("Refund never reaches the card");
  const login = makeProblem("لا يصل رمز التحقق عند تسجيل الدخول");
  const actions: Action[] = [
    makeAction(refunds.id, "Reset the payment token", {
      owner: "Omar Haddad",
      dueOn: "2020-03-01",
      priority: "high",
      kind: "corrective",
    }),
    makeAction(login.id, "إعادة إرسال رمز التحقق", {
      owner: "ريم الحربي",
      dueOn: "2999-01-10",
      priority: "urgent",
      kind: "containment",
      causeIds: ["c-1"],
    }),
    makeAction(refunds.id, "Train the refunds team", {
      dueOn: null,
      priority: "low",
      kind: "preventive",
      status: "done",
      doneOn: "2020-01-01",
      checkDueOn: "2020-02-01",
      recurredOn: "2020-01-15",
    }),
  ];
  return { problems: [refunds, login], actions, refunds, login };
}

describe("actions table", () => {
  it("shows each action with its problem, kind, owner, due date, priority, status and flags", async () => {
    const { problems, actions, refunds } = workspace();
    installMockBackend({ problems, actions: { actions } });
    renderApp("/actions");
    await screen.findByTestId("actions-table");
    // Due date ascending, undated last.
    expect(rowTitles()).toEqual([
      "Reset the payment token",
      "إعادة إرسال رمز التحقق",
      "Train the refunds team",
    ]);

    const rows = screen.getAllByTestId("action-row");
    const first = within(rows[0] as HTMLElement);
    expect(first.getByRole("link", { name: "Reset the payment token" })).toHaveAttribute(
      "href",
      `#/actions/${actions[0]?.id ?? ""}`,
    );
    expect(first.getByRole("link", { name: "Refund never reaches the card" })).toHaveAttribute(
      "href",
      `#/problems/${refunds.id}`,
    );
    expect(first.getByText("Corrective")).toBeInTheDocument();
    expect(first.getByText("High")).toBeInTheDocument();
    expect(first.getByText("Open")).toBeInTheDocument();
    expect(first.getByTestId("action-row-owner")).toHaveTextContent("Omar Haddad");
    expect(first.getByTestId("action-row-due")).toHaveTextContent("Mar 1, 2020");
    expect(first.getByTestId("action-row-due")).toHaveClass("actions-row-due--overdue");
    expect(first.getByTestId("action-flag-overdue")).toHaveAttribute(
      "title",
      "Past its due date and not done",
    );
    expect(first.getByTestId("action-flag-noRootCause")).toBeInTheDocument();

    const third = within(rows[2] as HTMLElement);
    expect(third.getByTestId("action-row-owner")).toHaveTextContent("Unassigned");
    expect(third.getByTestId("action-row-due")).toHaveTextContent("No due date");
    expect(third.getByTestId("action-flag-checkDue")).toBeInTheDocument();
    expect(third.getByTestId("action-flag-recurred")).toHaveTextContent("Recurred after fix");
    expect(third.queryByTestId("action-flag-overdue")).toBeNull();

    // A real table with column headers; sort buttons in the due and priority headers.
    const table = screen.getByRole("table", { name: "Corrective actions" });
    const headers = within(table).getAllByRole("columnheader");
    expect(headers.map((h) => h.textContent)).toEqual([
      "Action",
      "Problem",
      "Kind",
      "Owner",
      "Due",
      "Priority",
      "Status",
    ]);
    expect(headers[4]).toHaveAttribute("aria-sort", "ascending");
    expect(screen.getByTestId("actions-range")).toHaveTextContent("1–3 of 3");
  });

  it("writes filters to the URL and sends them to the core", async () => {
    const { problems, actions } = workspace();
    const backend = installMockBackend({ problems, actions: { actions } });
    const { user } = renderApp("/actions");
    await screen.findByTestId("actions-table");
    expect(lastQuery(backend)).toMatchObject({
      statuses: [],
      kinds: [],
      sort: "due",
      descending: false,
      offset: 0,
    });

    await user.click(screen.getByTestId("actions-filter-status-open"));
    await waitFor(() => {
      expect(hashParams().get("status")).toBe("open");
    });
    await waitFor(() => {
      expect(lastQuery(backend).statuses).toEqual(["open"]);
    });
    expect(rowTitles()).toEqual(["Reset the payment token", "إعادة إرسال رمز التحقق"]);

    await user.click(screen.getByTestId("actions-filter-kind-containment"));
    await waitFor(() => {
      expect(lastQuery(backend).kinds).toEqual(["containment"]);
    });
    expect(hashParams().get("kind")).toBe("containment");
    expect(rowTitles()).toEqual(["إعادة إرسال رمز التحقق"]);

    await user.click(screen.getByTestId("actions-filters-clear"));
    await waitFor(() => {
      expect(rowTitles()).toHaveLength(3);
    });
    expect(hashParams().toString()).toBe("");

    // The owner select offers the people who own actions, and Unassigned (owner "").
    const owner = screen.getByRole("combobox", { name: "Owner" });
    await waitFor(() => {
      expect(within(owner).getByRole("option", { name: "ريم الحربي" })).toBeInTheDocument();
    });
    await user.selectOptions(owner, "Unassigned");
    await waitFor(() => {
      expect(lastQuery(backend).owner).toBe("");
    });
    expect(hashParams().has("owner")).toBe(true);
    expect(hashParams().get("owner")).toBe("");
    expect(rowTitles()).toEqual(["Train the refunds team"]);

    await user.selectOptions(owner, "Omar Haddad");
    await waitFor(() => {
      expect(lastQuery(backend).owner).toBe("Omar Haddad");
    });
    expect(hashParams().get("owner")).toBe("Omar Haddad");

    await user.selectOptions(owner, "Anyone");
    await user.selectOptions(screen.getByRole("combobox", { name: "Due" }), "Overdue");
    await waitFor(() => {
      expect(lastQuery(backend).due).toBe("overdue");
    });
    expect(lastQuery(backend).owner).toBeUndefined();
    expect(hashParams().get("due")).toBe("overdue");
    expect(rowTitles()).toEqual(["Reset the payment token"]);
  });

  it("reads filters and sort back from the URL", async () => {
    const { problems, actions } = workspace();
    const backend = installMockBackend({ problems, actions: { actions } });
    renderApp("/actions?status=open,in_progress&owner=Omar%20Haddad&due=overdue&sort=priority&dir=desc");
    await screen.findByTestId("actions-table");
    expect(lastQuery(backend)).toMatchObject({
      statuses: ["open", "in_progress"],
      owner: "Omar Haddad",
      due: "overdue",
      sort: "priority",
      descending: true,
    });
    expect(screen.getByTestId("actions-filter-status-open")).toBeChecked();
    expect(screen.getByTestId("actions-filter-status-in_progress")).toBeChecked();
    expect(screen.getByTestId("actions-filter-status-done")).not.toBeChecked();
    expect(screen.getByRole("combobox", { name: "Owner" })).toHaveDisplayValue("Omar Haddad");
    expect(screen.getByRole("combobox", { name: "Due" })).toHaveDisplayValue("Overdue");
    expect(screen.getByRole("combobox", { name: "Sort by" })).toHaveDisplayValue("Priority");
    expect(screen.getByTestId("actions-sort-direction")).toHaveTextContent("Least urgent first");
    expect(screen.getByRole("columnheader", { name: "Priority" })).toHaveAttribute("aria-sort", "ascending");
  });

  it("sorts from the column headers and the direction button", async () => {
    const { problems, actions } = workspace();
    const backend = installMockBackend({ problems, actions: { actions } });
    const { user } = renderApp("/actions");
    await screen.findByTestId("actions-table");

    // Due again: reverse it.
    await user.click(screen.getByRole("button", { name: "Due" }));
    await waitFor(() => {
      expect(lastQuery(backend)).toMatchObject({ sort: "due", descending: true });
    });
    expect(hashParams().get("dir")).toBe("desc");
    expect(screen.getByRole("columnheader", { name: "Due" })).toHaveAttribute("aria-sort", "descending");
    await waitFor(() => {
      expect(rowTitles()[0]).toBe("Train the refunds team");
    });

    // Another column: sort by it in its natural order (most urgent first).
    await user.click(screen.getByRole("button", { name: "Priority" }));
    await waitFor(() => {
      expect(lastQuery(backend)).toMatchObject({ sort: "priority", descending: false });
    });
    expect(hashParams().get("sort")).toBe("priority");
    expect(hashParams().has("dir")).toBe(false);
    const priority = screen.getByRole("columnheader", { name: "Priority" });
    expect(priority).toHaveAttribute("aria-sort", "descending");
    expect(screen.getByRole("columnheader", { name: "Due" })).not.toHaveAttribute("aria-sort");
    await waitFor(() => {
      expect(rowTitles()).toEqual([
        "إعادة إرسال رمز التحقق",
        "Reset the payment token",
        "Train the refunds team",
      ]);
    });

    await user.click(screen.getByRole("button", { name: "Reverse the order (now: Most urgent first)" }));
    await waitFor(() => {
      expect(lastQuery(backend)).toMatchObject({ sort: "priority", descending: true });
    });
    expect(screen.getByTestId("actions-sort-direction")).toHaveTextContent("Least urgent first");

    await user.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "Last updated");
    await waitFor(() => {
      expect(lastQuery(backend)).toMatchObject({ sort: "updated", descending: false });
    });
    expect(screen.getByTestId("actions-sort-direction")).toHaveTextContent("Newest first");

    // Back restores the previous sort (from the cache).
    act(() => {
      window.history.back();
    });
    await waitFor(() => {
      expect(screen.getByRole("combobox", { name: "Sort by" })).toHaveDisplayValue("Priority");
    });
    expect(hashParams().get("dir")).toBe("desc");
    await waitFor(() => {
      expect(rowTitles()).toEqual([
        "Train the refunds team",
        "Reset the payment token",
        "إعادة إرسال رمز التحقق",
      ]);
    });
  });

  it("pages through many actions, counting in the user's number format", async () => {
    const problem = makeProblem("Busy problem");
    const actions = Array.from({ length: 1234 }, (_, i) =>
      makeAction(problem.id, `Action ${String(i + 1).padStart(4, "0")}`, {
        dueOn: `2999-01-01`,
        id: `a-${String(i).padStart(5, "0")}`,
      }),
    );
    const backend = installMockBackend({ problems: [problem], actions: { actions } });
    const { user } = renderApp("/actions");
    await screen.findByTestId("actions-table");
    expect(screen.getByTestId("actions-range")).toHaveTextContent("1–100 of 1,234");
    expect(rowTitles()).toHaveLength(100);
    expect(screen.getByTestId("actions-page-previous")).toBeDisabled();

    await user.click(screen.getByTestId("actions-page-next"));
    await waitFor(() => {
      expect(screen.getByTestId("actions-range")).toHaveTextContent("101–200 of 1,234");
    });
    expect(lastQuery(backend)).toMatchObject({ offset: 100, limit: 100 });
    expect(hashParams().get("page")).toBe("2");
    expect(rowTitles()[0]).toBe("Action 0101");

    // A filter change goes back to the first page.
    await user.click(screen.getByTestId("actions-filter-status-open"));
    await waitFor(() => {
      expect(lastQuery(backend)).toMatchObject({ offset: 0, statuses: ["open"] });
    });
    expect(hashParams().has("page")).toBe(false);
  });

  it("opens on the page in the URL, and the last page when it is past the end", async () => {
    const problem = makeProblem("Busy problem");
    const actions = Array.from({ length: 150 }, (_, i) =>
      makeAction(problem.id, `Action ${String(i + 1).padStart(3, "0")}`, {
        id: `a-${String(i).padStart(4, "0")}`,
      }),
    );
    const backend = installMockBackend({ problems: [problem], actions: { actions } });
    renderApp("/actions?page=9");
    await waitFor(() => {
      expect(screen.getByTestId("actions-range")).toHaveTextContent("101–150 of 150");
    });
    expect(hashParams().get("page")).toBe("2");
    expect(lastQuery(backend).offset).toBe(100);
    expect(screen.getByTestId("actions-page-next")).toBeDisabled();
  });

  it("says how to create actions when there are none", async () => {
    installMockBackend({});
    renderApp("/actions");
    const empty = await screen.findByTestId("actions-empty");
    expect(empty).toHaveTextContent("No actions yet");
    expect(empty).toHaveTextContent("created from a problem's page, or from a root cause");
    expect(within(empty).getByRole("link", { name: "Open the problems" })).toHaveAttribute(
      "href",
      "#/problems",
    );
    expect(screen.queryByTestId("actions-no-match")).toBeNull();
  });

  it("offers to clear filters when nothing matches", async () => {
    const { problems, actions } = workspace();
    installMockBackend({ problems, actions: { actions } });
    const { user } = renderApp("/actions?status=cancelled");
    const noMatch = await screen.findByTestId("actions-no-match");
    expect(noMatch).toHaveTextContent("No actions match these filters");
    expect(screen.queryByTestId("actions-empty")).toBeNull();
    await user.click(within(noMatch).getByRole("button", { name: "Clear filters" }));
    await waitFor(() => {
      expect(rowTitles()).toHaveLength(3);
    });
    expect(hashParams().has("status")).toBe(false);
  });

  it("narrows to one problem from the problem page's link, by its title, and clears it", async () => {
    const { problems, actions, refunds } = workspace();
    const backend = installMockBackend({ problems, actions: { actions } });
    const { user } = renderApp(`/actions?problem=${refunds.id}`);
    const chip = await screen.findByTestId("actions-filter-problem");
    await waitFor(() => {
      expect(chip).toHaveTextContent("Refund never reaches the card");
    });
    expect(lastQuery(backend).problemId).toBe(refunds.id);
    await waitFor(() => {
      expect(rowTitles()).toEqual(["Reset the payment token", "Train the refunds team"]);
    });

    await user.click(screen.getByRole("button", { name: "Show actions of every problem" }));
    await waitFor(() => {
      expect(rowTitles()).toHaveLength(3);
    });
    expect(lastQuery(backend).problemId).toBeUndefined();
    expect(hashParams().has("problem")).toBe(false);
    expect(screen.queryByTestId("actions-filter-problem")).toBeNull();
  });

  it("narrows to a problem chosen among those that have actions", async () => {
    const { problems, actions, refunds } = workspace();
    const backend = installMockBackend({ problems, actions: { actions } });
    const { user } = renderApp("/actions");
    const select = await screen.findByTestId("actions-filter-problem-select");
    await waitFor(() => {
      expect(
        within(select).getByRole("option", { name: "Refund never reaches the card" }),
      ).toBeInTheDocument();
    });
    await user.selectOptions(select, refunds.id);
    await waitFor(() => {
      expect(lastQuery(backend).problemId).toBe(refunds.id);
    });
    expect(hashParams().get("problem")).toBe(refunds.id);
    expect(await screen.findByTestId("actions-filter-problem")).toHaveTextContent(
      "Refund never reaches the card",
    );
    expect(screen.queryByTestId("actions-filter-problem-select")).toBeNull();
  });

  it("points to the problem's page when a problem has no actions", async () => {
    const lonely = makeProblem("Lonely problem");
    installMockBackend({ problems: [lonely] });
    renderApp(`/actions?problem=${lonely.id}`);
    const empty = await screen.findByTestId("actions-problem-empty");
    expect(within(empty).getByRole("link", { name: "Open the problem" })).toHaveAttribute(
      "href",
      `#/problems/${lonely.id}`,
    );
  });

  it("shows an error with a way to try again", async () => {
    let fail = true;
    const { problems, actions } = workspace();
    installMockBackend({
      problems,
      actions: { actions },
      handlers: {
        action_list: () => (fail ? rejectWith({ code: "database", details: {} }) : { items: [], total: 0 }),
      },
    });
    const { user } = renderApp("/actions");
    const alert = await screen.findByTestId("actions-load-error");
    expect(alert).toHaveTextContent("The actions could not be loaded");
    fail = false;
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("actions-empty")).toBeInTheDocument();
  });

  it("is in Arabic, right to left, with Arabic dates", async () => {
    const { problems, actions } = workspace();
    installMockBackend({ problems, actions: { actions }, settings: { language: "ar" } });
    renderApp("/actions");
    await waitFor(() => {
      expect(screen.getByRole("table", { name: "الإجراءات التصحيحية" })).toBeInTheDocument();
    });
    expect(document.documentElement).toHaveAttribute("dir", "rtl");
    expect(screen.getByRole("columnheader", { name: "المسؤول" })).toBeInTheDocument();
    expect(screen.getByTestId("actions-export-csv")).toHaveTextContent("تصدير CSV");
    const rows = screen.getAllByTestId("action-row");
    const first = within(rows[0] as HTMLElement);
    expect(first.getByTestId("action-flag-overdue")).toHaveTextContent("متأخر");
    expect(first.getByText("تصحيحي")).toBeInTheDocument();
    // The Arabic day order, Latin digits.
    expect(first.getByTestId("action-row-due")).toHaveTextContent(/01\D+03\D+2020/);
    // User text is isolated so it keeps its own direction.
    expect(first.getByRole("link", { name: "Reset the payment token" }).querySelector("bdi")).not.toBeNull();
    expect(within(rows[2] as HTMLElement).getByTestId("action-row-owner")).toHaveTextContent("بلا مسؤول");
    expect(screen.getByTestId("actions-range")).toHaveTextContent("1–3 من 3");
  });
});

describe("actions export", () => {
  it("asks the core for every matching action as CSV, in the user's words", async () => {
    const { problems, actions } = workspace();
    const backend = installMockBackend({ problems, actions: { actions } });
    const { user } = renderApp("/actions?status=open");
    await screen.findByTestId("actions-table");
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    const saved = await screen.findByTestId("actions-export-saved");
    const name = `rootwise-actions-${localToday()}.csv`;
    // The path is embedded left to right (so an Arabic sentence keeps it whole).
    expect(saved).toHaveTextContent(`Saved to \u202A/tmp/${name}\u202C`);

    const [call] = backend.callsTo("action_export");
    expect(call).toMatchObject({ format: "csv", name });
    // The table's filters, not its page: the core writes every match.
    const filters = call?.filters as ActionQuery;
    expect(filters.statuses).toEqual(["open"]);
    expect(filters).not.toHaveProperty("offset");
    expect(filters.today).toBe(localToday());
    const words = call?.words as ExportWords;
    expect(Object.values(words.columns)).toEqual([
      "ID",
      "Action",
      "Problem",
      "Kind",
      "Status",
      "Priority",
      "Owner",
      "Due date",
      "Check due date",
      "Check result",
      "Done date",
      "Recurred date",
      "Created at",
    ]);
    expect(words.statuses).toMatchObject({
      open: "Open",
      in_progress: "In progress",
      cancelled: "Cancelled",
    });
    expect(words.kinds).toEqual({
      containment: "Containment",
      corrective: "Corrective",
      preventive: "Preventive",
    });
    expect(words.priorities.urgent).toBe("Urgent");
    expect(words.checkResults.not_effective).toBe("Not effective");
  });

  it("asks for a calendar with templates the core fills in per action", async () => {
    const { problems, actions } = workspace();
    const backend = installMockBackend({ problems, actions: { actions } });
    const { user } = renderApp("/actions");
    await screen.findByTestId("actions-table");
    await user.click(screen.getByRole("button", { name: "Export calendar (.ics)" }));
    await screen.findByTestId("actions-export-saved");
    const [call] = backend.callsTo("action_export");
    expect(call).toMatchObject({ format: "ics", name: `rootwise-actions-${localToday()}.ics` });
    expect(call?.words).toMatchObject({
      calendarName: "Rootwise actions",
      dueSummary: "Due: {title}",
      checkSummary: "Check whether it worked: {title}",
      problemLine: "Problem: {title}",
      ownerLine: "Owner: {name}",
      statusLine: "Status: {status}",
      checkMethodLine: "How to judge it: {method}",
    });
  });

  it("exports in Arabic when the app is in Arabic", async () => {
    const { problems, actions } = workspace();
    const backend = installMockBackend({ problems, actions: { actions }, settings: { language: "ar" } });
    const { user } = renderApp("/actions");
    await user.click(await screen.findByRole("button", { name: "تصدير CSV" }));
    expect(await screen.findByTestId("actions-export-saved")).toHaveTextContent("حُفظ في");
    const words = backend.callsTo("action_export")[0]?.words as ExportWords;
    expect(Object.values(words.columns).slice(0, 8).join(",")).toBe(
      "المعرّف,الإجراء,المشكلة,النوع,الحالة,الأولوية,المسؤول,الموعد",
    );
    expect(words.kinds.containment).toBe("احتوائي");
    expect(words.statuses.open).toBe("مفتوح");
    expect(words.priorities.urgent).toBe("عاجلة");

    await user.click(screen.getByRole("button", { name: "تصدير إلى التقويم (.ics)" }));
    await waitFor(() => {
      expect(backend.callsTo("action_export")).toHaveLength(2);
    });
    expect((backend.callsTo("action_export")[1]?.words as ExportWords).dueSummary).toBe("موعد: {title}");
  });

  it("says when there is nothing to put in a calendar, and when saving fails", async () => {
    const problem = makeProblem("P");
    const backend = installMockBackend({
      problems: [problem],
      actions: { actions: [makeAction(problem.id, "Undated")], exportOutcome: { outcome: "noDates" } },
    });
    const { user } = renderApp("/actions");
    await screen.findByTestId("actions-table");
    await user.click(screen.getByTestId("actions-export-ics"));
    expect(await screen.findByTestId("actions-export-nodates")).toHaveTextContent(
      "No action in this view has a due date",
    );
    backend.state.actions.exportOutcome = undefined;
    await user.click(screen.getByTestId("actions-export-csv"));
    await screen.findByTestId("actions-export-saved");
    expect(screen.queryByTestId("actions-export-nodates")).toBeNull();
  });

  it("says why when the export fails", async () => {
    const problem = makeProblem("P");
    installMockBackend({
      problems: [problem],
      actions: { actions: [makeAction(problem.id, "A")] },
      handlers: { action_export: () => rejectWith({ code: "io", details: {} }) },
    });
    const { user } = renderApp("/actions");
    await screen.findByTestId("actions-table");
    await user.click(screen.getByTestId("actions-export-csv"));
    expect(await screen.findByTestId("actions-export-error")).toHaveTextContent("The export failed");
    expect(screen.getByTestId("actions-export-csv")).toBeEnabled();
  });

  it("says nothing when the save dialog is cancelled", async () => {
    const problem = makeProblem("P");
    installMockBackend({
      problems: [problem],
      actions: {
        actions: [makeAction(problem.id, "A", { dueOn: "2999-01-01" })],
        exportOutcome: { outcome: "cancelled" },
      },
    });
    const { user } = renderApp("/actions");
    await screen.findByTestId("actions-table");
    await user.click(screen.getByTestId("actions-export-csv"));
    await waitFor(() => {
      expect(screen.getByTestId("actions-export-csv")).toBeEnabled();
    });
    expect(screen.queryByTestId("actions-export-saved")).toBeNull();
    expect(screen.queryByTestId("actions-export-error")).toBeNull();
  });
});
