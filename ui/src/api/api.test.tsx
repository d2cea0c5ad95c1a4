import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { COMMAND_NAMES } from "../bindings/shell/commands";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { installMockBackend, rejectWith } from "../test/mock-backend";
import { DataProvider } from "./DataProvider";
import { AppError, toAppError } from "./errors";
import {
  changesSettled,
  createQueryClient,
  invalidateForChange,
  keysForChange,
  onWorkspaceChanged,
  queryKeys,
} from "./freshness";
import {
  createProblem,
  editProblem,
  flattenProblems,
  listProblems,
  logOccurrence,
  useCreateProblem,
  useDeleteProblem,
  useProblemDetail,
  useProblems,
} from "./problems";
import { getWorkspaceStatus } from "./workspace";

describe("invoke wrapper", () => {
  it("turns the shell's error payload into an AppError with its code and details", async () => {
    installMockBackend({
      handlers: {
        problem_create: () =>
          rejectWith({
            code: "invalid_input",
            message: "title is invalid",
            details: { field: "title", rule: "required" },
          }),
      },
    });
    const error = await createProblem({ title: " " }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: "invalid_input",
      message: "title is invalid",
      details: { field: "title", rule: "required" },
    });
  });

  it("reports a rejection that is not a payload as internal", async () => {
    installMockBackend({
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      handlers: { workspace_status: () => Promise.reject("command workspace_status not found") },
    });
    await expect(getWorkspaceStatus()).rejects.toMatchObject({
      code: "internal",
      message: "command workspace_status not found",
      details: {},
    });
  });

  it("keeps unknown error codes from becoming a payload", () => {
    expect(toAppError({ code: "exploded", message: "x", details: {} }).code).toBe("internal");
    expect(toAppError(new TypeError("boom"))).toMatchObject({ code: "internal", message: "boom" });
  });

  it("sends the argument shapes of the contract", async () => {
    const backend = installMockBackend();
    await createProblem({ title: "Login loops" });
    await listProblems({
      statuses: ["new"],
      severities: [],
      channels: [],
      sort: "reported",
      descending: true,
      offset: 200,
      limit: 100,
    });
    expect(backend.callsTo("problem_create")).toEqual([{ input: { title: "Login loops" } }]);
    expect(backend.callsTo("problem_list")).toEqual([
      {
        query: {
          statuses: ["new"],
          severities: [],
          channels: [],
          sort: "reported",
          descending: true,
          offset: 200,
          limit: 100,
        },
      },
    ]);
  });
});

describe("workspace-changed", () => {
  it("delivers the payload to the handler until unlistened", async () => {
    const backend = installMockBackend();
    const handler = vi.fn();
    const unlisten = await onWorkspaceChanged(handler);
    await backend.emitChange({ entity: "problem", id: "p1", op: "create" });
    expect(handler).toHaveBeenCalledWith({ entity: "problem", id: "p1", op: "create" });
    unlisten();
    await backend.emitChange({ entity: "problem", id: "p2", op: "create" });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("maps each entity to the queries it makes stale", () => {
    // A new occurrence may flag an action as recurred after its fix.
    // A renamed problem shows on persona pages and boards.
    expect(keysForChange({ entity: "problem", id: "x", op: "create" })).toEqual([
      queryKeys.problems,
      queryKeys.analyses,
      queryKeys.actions,
      queryKeys.personas,
      queryKeys.empathy,
      queryKeys.metrics,
      queryKeys.journeys,
      queryKeys.trash,
    ]);
    // A confirmed root cause may move its problem's status; notes list the causes they support.
    expect(keysForChange({ entity: "why", id: "w", op: "update" })).toEqual([
      queryKeys.analyses,
      queryKeys.problems,
      queryKeys.actions,
      queryKeys.empathy,
      queryKeys.trash,
    ]);
    // Notes are evidence on causes (the analysis panels) and problems.
    expect(keysForChange({ entity: "empathy_note", id: "n", op: "update" })).toEqual([
      queryKeys.empathy,
      queryKeys.personas,
      queryKeys.analyses,
      queryKeys.trash,
    ]);
    // A failed check reopens root causes and the problem; a done day moves a fix's before/after.
    expect(keysForChange({ entity: "action", id: "a", op: "update" })).toEqual([
      queryKeys.actions,
      queryKeys.problems,
      queryKeys.analyses,
      queryKeys.metrics,
      queryKeys.journeys,
      queryKeys.trash,
    ]);
    // Answers and periods feed the dashboard and the problems' own measures.
    for (const entity of ["survey_response", "period"])
      expect(keysForChange({ entity, id: "r", op: "create" })).toEqual([
        queryKeys.metrics,
        queryKeys.problems,
        queryKeys.trash,
      ]);
    expect(keysForChange({ entity: "settings", id: "", op: "update" })).toEqual([queryKeys.settings]);
    expect(keysForChange({ entity: "workspace", id: "/a.db", op: "update" })).toEqual([queryKeys.all]);
  });

  it("invalidates only what changed", async () => {
    const client = new QueryClient();
    for (const key of [queryKeys.workspace, queryKeys.problems, queryKeys.settings])
      client.setQueryData(key, 1);
    const stale = () =>
      [queryKeys.workspace, queryKeys.problems, queryKeys.settings].map(
        (queryKey) => client.getQueryState(queryKey)?.isInvalidated,
      );
    await invalidateForChange(client, { entity: "problem", id: "x", op: "create" });
    expect(stale()).toEqual([false, true, false]);
    await invalidateForChange(client, { entity: "workspace", id: "/b.db", op: "update" });
    expect(stale()).toEqual([true, true, true]);
  });
});

describe("the test stand-in", () => {
  it("answers every command the shell registers", () => {
    const backend = installMockBackend();
    expect(COMMAND_NAMES.filter((name) => !backend.answers(name))).toEqual([]);
  });

  it("logs an occurrence and edits a problem as the shell would", async () => {
    const backend = installMockBackend();
    const problem = await createProblem({ title: "Refund e-mail never arrives" });
    await editProblem(problem.id, { field: "owner", value: "Huda" });
    await logOccurrence(problem.id, { note: "Second report" });
    expect(backend.state.problems[0]).toMatchObject({ owner: "Huda", occurrenceCount: 2 });
  });
});

describe("freshness", () => {
  function wrapper(client: QueryClient) {
    return ({ children }: { children: ReactNode }) => <DataProvider client={client}>{children}</DataProvider>;
  }

  it("resolves a write once its change event's refetch has landed, fetching once", async () => {
    const backend = installMockBackend();
    const client = createQueryClient();
    const { result } = renderHook(
      () => ({
        list: useProblems({ sort: "reported", descending: true, channels: [], statuses: [], severities: [] }),
        create: useCreateProblem(),
      }),
      {
        wrapper: wrapper(client),
      },
    );
    await waitFor(() => {
      expect(result.current.list.isSuccess).toBe(true);
    });
    const before = backend.callsTo("problem_list").length;
    await act(async () => {
      await result.current.create.mutateAsync({ title: "Invoice PDF is blank" });
    });
    // Fresh as soon as the write resolves, from one refetch (not one by the
    // caller and another by the change event).
    expect(flattenProblems(result.current.list.data).items.map((p) => p.title)).toEqual([
      "Invoice PDF is blank",
    ]);
    expect(backend.callsTo("problem_list").length - before).toBe(1);
  });

  it("lets a delete resolve before its refetch, so the page can leave first", async () => {
    const backend = installMockBackend();
    const client = createQueryClient();
    const problem = await createProblem({ title: "Refund e-mail never arrives" });
    const { result } = renderHook(
      () => ({ detail: useProblemDetail(problem.id), remove: useDeleteProblem() }),
      {
        wrapper: wrapper(client),
      },
    );
    await waitFor(() => {
      expect(result.current.detail.isSuccess).toBe(true);
    });
    await act(async () => {
      await result.current.remove.mutateAsync(problem.id);
    });
    expect(backend.state.trash.map((t) => t.problem.id)).toEqual([problem.id]);
    await waitFor(() => {
      expect(result.current.detail.error?.code).toBe("not_found");
    });
  });

  it("waits for nothing when no change is on its way", async () => {
    const client = createQueryClient();
    await expect(changesSettled(client)).resolves.toBeUndefined();
  });
});
