import userEvent from "@testing-library/user-event";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { installMockBackend, rejectWith } from "../../../test/mock-backend";
import type { Problem } from "../../../bindings/Problem";
import type { ProblemDetail } from "../../../bindings/ProblemDetail";
import { renderApp } from "../../../test/render";

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The detail of any problem the mock holds, so the form can land on it. */
const problemGet = (args: Record<string, unknown>, state: { problems: Problem[] }) => {
  const problem = state.problems.find((p) => p.id === args.id);
  if (problem === undefined) return rejectWith({ code: "not_found", details: {} });
  const detail: ProblemDetail = { problem, occurrences: [], weekly: [], history: [], mergedFrom: [] };
  return detail;
};

describe("New problem form", () => {
  it("starts with today's date, medium severity and every field labelled", async () => {
    installMockBackend({ handlers: { problem_suggestions: () => [] } });
    renderApp("/problems/new");
    expect(await screen.findByRole("heading", { level: 1, name: "New problem" })).toBeInTheDocument();
    expect(screen.getByTestId("new-field-reportedOn")).toHaveAttribute("data-day", localDay(new Date()));
    // No day after today: the calendar stops there.
    const user = userEvent.setup();
    await user.click(screen.getByTestId("new-field-reportedOn-calendar"));
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toHaveAttribute("data-day", localDay(new Date()));
    await user.keyboard("{Escape}");
    expect(screen.getByTestId("new-field-severity")).toHaveValue("medium");
    expect(screen.getByTestId("new-field-channel")).toHaveValue("");
    for (const [testId, name] of [
      ["new-field-title", "Title"],
      ["new-field-description", "Description"],
      ["new-field-customer", "Customer or account"],
      ["new-field-segment", "Segment"],
      ["new-field-journeyStage", "Journey stage"],
      ["new-field-owner", "Owner"],
      ["new-field-tags-input", "Tags"],
      ["new-field-references-input", "Source references"],
      ["new-field-csat", "CSAT (1–5)"],
      ["new-field-nps", "NPS answer (0–10)"],
      ["new-field-ces", "CES (1–7)"],
      ["new-field-customersAffected", "Customers affected"],
    ] as const) {
      expect(screen.getByTestId(testId)).toHaveAccessibleName(name);
    }
  });

  it("shows all four errors at once and keeps everything typed", async () => {
    const backend = installMockBackend({ handlers: { problem_suggestions: () => [] } });
    const { user } = renderApp("/problems/new");
    const tomorrow = localDay(new Date(Date.now() + 86_400_000));
    const longReference = "r".repeat(10_000);

    await user.type(await screen.findByTestId("new-field-customer"), "Acme Bank");
    await user.type(screen.getByTestId("new-field-description"), "Customers wait\nوينتظر العملاء");
    await user.type(screen.getByTestId("new-field-nps"), "11");
    fireEvent.change(screen.getByTestId("new-field-reportedOn"), { target: { value: tomorrow } });
    await user.click(screen.getByTestId("new-field-references-input"));
    await user.paste(longReference);
    await user.type(screen.getByTestId("new-field-tags-input"), "billing{Enter}");
    await user.click(screen.getByTestId("new-problem-submit"));

    expect(await screen.findByTestId("new-field-title-error")).toHaveTextContent("This field is required");
    expect(screen.getByTestId("new-field-nps-error")).toHaveTextContent("Enter a number from 0 to 10");
    expect(screen.getByTestId("new-field-reportedOn-error")).toHaveTextContent(
      "The date can't be in the future",
    );
    expect(screen.getByTestId("new-field-references-error")).toHaveTextContent("At most 500 characters");
    expect(screen.getByTestId("new-problem-summary")).toHaveTextContent("4 fields need attention");
    expect(backend.callsTo("problem_create")).toEqual([]);

    for (const testId of [
      "new-field-title",
      "new-field-nps",
      "new-field-reportedOn",
      "new-field-references-input",
    ]) {
      expect(screen.getByTestId(testId)).toHaveAttribute("aria-invalid", "true");
    }
    expect(screen.getByTestId("new-field-nps")).toHaveAccessibleDescription("Enter a number from 0 to 10");
    // Focus moves on the next frame, once the messages are drawn.
    await waitFor(() => {
      expect(screen.getByTestId("new-field-title")).toHaveFocus();
    });
    // Nothing typed is lost.
    expect(screen.getByTestId("new-field-customer")).toHaveValue("Acme Bank");
    expect(screen.getByTestId("new-field-description")).toHaveValue("Customers wait\nوينتظر العملاء");
    expect(screen.getByTestId("new-field-nps")).toHaveValue("11");
    expect(screen.getByTestId("new-field-reportedOn")).toHaveAttribute("data-day", tomorrow);
    // Leaving the box added the reference to the list: kept, and marked.
    expect(screen.getByTestId("reference-item").textContent).toBe(longReference);
    expect(screen.getAllByTestId("tag-chip").map((chip) => chip.textContent)).toEqual(["billing"]);

    // Fixing a field clears its message as it is typed.
    await user.type(screen.getByTestId("new-field-title"), "Refunds are late");
    expect(screen.queryByTestId("new-field-title-error")).toBeNull();
    expect(screen.getByTestId("new-field-nps-error")).toBeInTheDocument();
  });

  it("marks an over-long reference as soon as it is added, and forgets the message once it is removed", async () => {
    const backend = installMockBackend({
      handlers: { problem_suggestions: () => [], problem_get: problemGet },
    });
    const { user } = renderApp("/problems/new");
    const input = await screen.findByTestId("new-field-references-input");
    await user.click(input);
    await user.paste("R".repeat(10_000));
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("new-field-references-error")).toHaveTextContent(
      "At most 500 characters",
    );
    const item = screen.getByTestId("reference-item");
    expect(item.textContent).toHaveLength(10_000);
    expect(item).toHaveClass("reference-item--invalid");
    expect(input).toHaveValue("");

    await user.type(screen.getByTestId("new-field-title"), "Receipts fail to print");
    await user.click(
      within(screen.getByTestId("new-field-references")).getAllByRole("button")[0] as HTMLElement,
    );
    expect(screen.queryByTestId("reference-item")).toBeNull();
    expect(screen.queryByTestId("new-field-references-error")).toBeNull();
    await user.click(screen.getByTestId("new-problem-submit"));
    await waitFor(() => {
      expect(backend.callsTo("problem_create")).toHaveLength(1);
    });
  });

  it("shows every error the core reports beside its field, keeping the values", async () => {
    const backend = installMockBackend({
      handlers: {
        problem_suggestions: () => [],
        problem_create: () =>
          rejectWith({
            code: "invalid_input",
            details: {
              field: "customer",
              rule: "too_long",
              limit: 200,
              fields: [
                { field: "customer", rule: "too_long", limit: 200 },
                { field: "tags", rule: "too_many", limit: 30 },
              ],
            },
          }),
      },
    });
    const { user } = renderApp("/problems/new");
    await user.type(await screen.findByTestId("new-field-title"), "Refunds are late");
    await user.type(screen.getByTestId("new-field-customer"), "Acme");
    await user.type(screen.getByTestId("new-field-tags-input"), "a, b{Enter}");
    await user.click(screen.getByTestId("new-problem-submit"));

    expect(await screen.findByTestId("new-field-customer-error")).toHaveTextContent("At most 200 characters");
    expect(screen.getByTestId("new-field-tags-error")).toHaveTextContent("At most 30 items");
    expect(backend.callsTo("problem_create")).toHaveLength(1);
    expect(screen.getByTestId("new-field-title")).toHaveValue("Refunds are late");
    expect(screen.getByTestId("new-field-customer")).toHaveValue("Acme");
    expect(window.location.hash).toBe("#/problems/new");
  });

  it("logs the problem with Ctrl+Enter, sending only what was filled in, and opens it", async () => {
    const backend = installMockBackend({
      handlers: { problem_suggestions: () => [], problem_get: problemGet },
    });
    const { user } = renderApp("/problems/new");
    await user.type(await screen.findByTestId("new-field-title"), "  OTP text never arrives  ");
    await user.selectOptions(screen.getByTestId("new-field-severity"), "high");
    await user.selectOptions(screen.getByTestId("new-field-channel"), "phone");
    fireEvent.change(screen.getByTestId("new-field-reportedOn"), { target: { value: "2025-02-03" } });
    await user.type(screen.getByTestId("new-field-owner"), "ريم");
    await user.type(screen.getByTestId("new-field-tags-input"), "login, SMS,sms{Enter}تحقق");
    await user.type(screen.getByTestId("new-field-references-input"), "ZD-1{Enter}ZD-2");
    await user.type(screen.getByTestId("new-field-csat"), "2");
    await user.type(screen.getByTestId("new-field-customersAffected"), "1,200");
    await user.keyboard("{Control>}{Enter}{/Control}");

    await waitFor(() => {
      expect(backend.callsTo("problem_create")).toEqual([
        {
          input: {
            title: "  OTP text never arrives  ",
            severity: "high",
            reportedOn: "2025-02-03",
            owner: "ريم",
            channel: "phone",
            // The tag still in the box counts; duplicates ignoring case are dropped.
            tags: ["login", "SMS", "تحقق"],
            references: ["ZD-1", "ZD-2"],
            csat: 2,
            customersAffected: 1200,
          },
        },
      ]);
    });
    const id = backend.state.problems[0]?.id ?? "";
    await waitFor(() => {
      expect(window.location.hash).toBe(`#/problems/${id}`);
    });
    expect(await screen.findByTestId("field-title")).toHaveValue("OTP text never arrives");
  });

  it("goes back to the list on Cancel", async () => {
    installMockBackend({ handlers: { problem_suggestions: () => [] } });
    const { user } = renderApp("/problems/new");
    await user.click(await screen.findByTestId("new-problem-cancel"));
    await waitFor(() => {
      expect(window.location.hash).toBe("#/problems");
    });
  });

  it("reads right to left in Arabic with translated labels and messages", async () => {
    installMockBackend({ settings: { language: "ar" }, handlers: { problem_suggestions: () => [] } });
    const { user } = renderApp("/problems/new");
    await waitFor(() => {
      expect(document.documentElement).toHaveAttribute("dir", "rtl");
    });
    expect(await screen.findByRole("heading", { level: 1, name: "مشكلة جديدة" })).toBeInTheDocument();
    expect(screen.getByTestId("new-field-title")).toHaveAccessibleName("العنوان");
    await user.type(screen.getByTestId("new-field-ces"), "٩");
    await user.click(screen.getByTestId("new-problem-submit"));
    expect(await screen.findByTestId("new-field-title-error")).toHaveTextContent("هذا الحقل مطلوب");
    expect(screen.getByTestId("new-field-ces-error")).toHaveTextContent("أدخل رقمًا من 1 إلى 7");
    expect(screen.getByTestId("new-problem-summary")).toHaveTextContent("يُرجى مراجعة حقلين");
  });
});
