import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { makeAction } from "../../../test/mock-actions";
import { installMockBackend, makeProblem } from "../../../test/mock-backend";
import type { ActionQuery } from "../../../bindings/ActionQuery";
import type { ActionRow } from "../../../bindings/ActionRow";
import { renderApp } from "../../../test/render";
import { groupMine } from "./MyActionsScreen";

const titlesIn = (group: HTMLElement) =>
  within(group)
    .getAllByTestId("action-row-title")
    .map((el) => el.textContent);

function mine() {
  const problem = makeProblem("Refund never reaches the card");
  const actions = [
    makeAction(problem.id, "Next month", { owner: "Omar Haddad", dueOn: "2999-02-01" }),
    makeAction(problem.id, "Long overdue", {
      owner: "Omar Haddad",
      dueOn: "2020-01-01",
      status: "in_progress",
    }),
    makeAction(problem.id, "Slightly overdue", { owner: "Omar Haddad", dueOn: "2021-06-01" }),
    makeAction(problem.id, "No date yet", { owner: "Omar Haddad" }),
    makeAction(problem.id, "Waiting later", {
      owner: "Omar Haddad",
      status: "done",
      dueOn: "2020-02-01",
      checkDueOn: "2999-01-01",
    }),
    makeAction(problem.id, "Check now", {
      owner: "Omar Haddad",
      status: "done",
      dueOn: "2020-03-01",
      checkDueOn: "2020-04-01",
    }),
    makeAction(problem.id, "Reopened", {
      owner: "Omar Haddad",
      status: "not_effective",
      dueOn: "2999-01-01",
    }),
    makeAction(problem.id, "Finished", { owner: "Omar Haddad", status: "verified_effective" }),
    makeAction(problem.id, "Cancelled", { owner: "Omar Haddad", status: "cancelled", dueOn: "2020-01-01" }),
    makeAction(problem.id, "Someone else's", { owner: "ريم الحربي", dueOn: "2019-01-01" }),
  ];
  return { problems: [problem], actions };
}

describe("my actions", () => {
  it("lists the user's unfinished actions: overdue first, then upcoming, then waiting for the check", async () => {
    const { problems, actions } = mine();
    const backend = installMockBackend({
      problems,
      actions: { actions },
      settings: { displayName: "Omar Haddad" },
    });
    renderApp("/actions/mine");
    const overdue = await screen.findByTestId("my-actions-group-overdue");
    expect(backend.callsTo("action_list").at(-1)?.query).toMatchObject({
      owner: "Omar Haddad",
      statuses: ["open", "in_progress", "not_effective", "done"],
      sort: "due",
      descending: false,
    } satisfies Partial<ActionQuery>);

    const groups = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(groups).toEqual(["Overdue2", "Upcoming3", "Waiting for its check2"]);
    expect(titlesIn(overdue)).toEqual(["Long overdue", "Slightly overdue"]);
    expect(titlesIn(screen.getByTestId("my-actions-group-upcoming"))).toEqual([
      "Reopened",
      "Next month",
      "No date yet",
    ]);
    // The check that is due now comes first.
    expect(titlesIn(screen.getByTestId("my-actions-group-waiting"))).toEqual(["Check now", "Waiting later"]);
    expect(screen.queryByText("Finished")).toBeNull();
    expect(screen.queryByText("Cancelled")).toBeNull();
    expect(screen.queryByText("Someone else's")).toBeNull();
    expect(
      screen.getByRole("table", { name: "Overdue: actions owned by \u2068Omar Haddad\u2069" }),
    ).toBeInTheDocument();
    expect(screen.getByTestId("actions-tab-mine")).toHaveAttribute("aria-current", "page");
  });

  it("explains and links to Settings when no display name is set", async () => {
    const { problems, actions } = mine();
    const backend = installMockBackend({ problems, actions: { actions }, settings: { displayName: "  " } });
    renderApp("/actions/mine");
    const notice = await screen.findByTestId("my-actions-need-name");
    expect(notice).toHaveTextContent("Set your name to see your actions");
    expect(within(notice).getByRole("link", { name: "Open Settings" })).toHaveAttribute("href", "#/settings");
    expect(backend.callsTo("action_list")).toHaveLength(0);
  });

  it("says so when the user has nothing unfinished", async () => {
    const { problems, actions } = mine();
    installMockBackend({ problems, actions: { actions }, settings: { displayName: "Sam" } });
    renderApp("/actions/mine");
    const empty = await screen.findByTestId("my-actions-empty");
    expect(empty).toHaveTextContent("You have no unfinished actions");
    expect(empty).toHaveTextContent("Sam");
  });

  it("is in Arabic for an Arabic name", async () => {
    const { problems, actions } = mine();
    installMockBackend({
      problems,
      actions: { actions },
      settings: { displayName: "ريم الحربي", language: "ar" },
    });
    renderApp("/actions/mine");
    await waitFor(() => {
      expect(screen.getByRole("heading", { name: /متأخرة/ })).toBeInTheDocument();
    });
    expect(document.documentElement).toHaveAttribute("dir", "rtl");
    const overdue = screen.getByTestId("my-actions-group-overdue");
    expect(titlesIn(overdue)).toEqual(["Someone else's"]);
    expect(within(overdue).getByTestId("action-flag-overdue")).toHaveTextContent("متأخر");
  });
});

describe("groupMine", () => {
  it("puts overdue before upcoming, done (waiting) last, keeping the due order", () => {
    const flags = { overdue: false, checkDue: false, recurred: false, noRootCause: false };
    const r = (
      title: string,
      status: ActionRow["action"]["status"],
      extra: Partial<typeof flags> = {},
    ): ActionRow => ({
      action: makeAction("p", title, { status }),
      flags: { ...flags, ...extra },
    });
    const groups = groupMine([
      r("a", "open"),
      r("b", "open", { overdue: true }),
      r("c", "done"),
      r("d", "done", { checkDue: true }),
      r("e", "not_effective", { overdue: true }),
    ]);
    expect(groups.overdue.map((x) => x.action.title)).toEqual(["b", "e"]);
    expect(groups.upcoming.map((x) => x.action.title)).toEqual(["a"]);
    expect(groups.waiting.map((x) => x.action.title)).toEqual(["d", "c"]);
  });
});
