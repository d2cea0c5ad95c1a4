import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { installMockBackend } from "../test/mock-backend";
import { SECTIONS } from "../shell/sections";
import { renderApp } from "../test/render";
import { shortcutKey } from "./keys";
import { keyLabel, SHORTCUTS } from "./registry";

const heading = () => screen.getByRole("heading", { level: 1 });

describe("shortcut overlay", () => {
  it("opens with ? as a modal dialog and closes with Escape, returning focus", async () => {
    installMockBackend();
    const { user } = renderApp("/problems");
    const trigger = await screen.findByTestId("nav-analyses");
    trigger.focus();

    await user.keyboard("?");

    const overlay = await screen.findByTestId("shortcut-overlay");
    expect(overlay).toHaveAttribute("role", "dialog");
    expect(overlay).toHaveAttribute("aria-modal", "true");
    expect(screen.getByRole("dialog", { name: "Keyboard shortcuts" })).toBe(overlay);
    expect(overlay).toContainElement(document.activeElement as HTMLElement);

    await user.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.queryByTestId("shortcut-overlay")).toBeNull();
    });
    expect(trigger).toHaveFocus();
  });

  it("does not open when ? is typed into a field", async () => {
    installMockBackend();
    const { user } = renderApp("/problems");
    const input = await screen.findByTestId("new-problem-title");
    await user.type(input, "Why does export fail?");
    expect(input).toHaveValue("Why does export fail?");
    expect(screen.queryByTestId("shortcut-overlay")).toBeNull();
  });

  it("does not react to shortcuts typed in a contenteditable region", async () => {
    installMockBackend();
    renderApp("/problems");
    await screen.findByTestId("new-problem-title");
    const editable = document.createElement("div");
    editable.setAttribute("contenteditable", "true");
    document.body.append(editable);
    fireEvent.keyDown(editable, { key: "?" });
    expect(screen.queryByTestId("shortcut-overlay")).toBeNull();
    editable.remove();
  });

  it("keeps Tab focus inside the dialog", async () => {
    installMockBackend();
    const { user } = renderApp("/problems");
    await screen.findByTestId("new-problem-title");
    await user.keyboard("?");
    const overlay = await screen.findByTestId("shortcut-overlay");
    for (let i = 0; i < 4; i++) {
      await user.tab();
      expect(overlay).toContainElement(document.activeElement as HTMLElement);
    }
    await user.tab({ shift: true });
    expect(overlay).toContainElement(document.activeElement as HTMLElement);
  });

  it("lists every shortcut of the registry, with Latin key labels in Arabic too", async () => {
    installMockBackend({ settings: { language: "ar" } });
    const { user } = renderApp("/problems");
    await screen.findByTestId("new-problem-title");
    await user.keyboard("?");
    const overlay = await screen.findByTestId("shortcut-overlay");
    const items = within(overlay).getAllByTestId("shortcut-item");
    expect(items).toHaveLength(SHORTCUTS.length);
    const keyLabels = items.map((item) =>
      Array.from(item.querySelectorAll("kbd"))
        .map((kbd) => kbd.textContent)
        .join(" "),
    );
    expect(keyLabels).toEqual(SHORTCUTS.map((s) => s.keys.map(keyLabel).join(" ")));
    expect(keyLabels).toContain("↓");
    expect(within(overlay).getByRole("heading", { level: 2 })).toHaveTextContent("اختصارات لوحة المفاتيح");
    expect(items[1]).toHaveTextContent("إضافة مشكلة جديدة");
  });
});

describe("keyboard navigation", () => {
  it.each(SECTIONS.map((s) => [s.goKey, s.key] as const))("g then %s opens %s", async (letter, section) => {
    installMockBackend();
    const { user } = renderApp(section === "problems" ? "/settings" : "/problems");
    await screen.findByTestId("nav-problems");
    await user.keyboard(`g${letter}`);
    await waitFor(() => {
      expect(screen.getByTestId(`nav-${section}`)).toHaveAttribute("aria-current", "page");
    });
  });

  it("g then t opens the trash", async () => {
    installMockBackend();
    const { user } = renderApp("/problems");
    await screen.findByTestId("nav-trash");
    await user.keyboard("gt");
    await waitFor(() => {
      expect(screen.getByTestId("nav-trash")).toHaveAttribute("aria-current", "page");
    });
    expect(heading()).toHaveTextContent("Trash");
  });

  it("n on a filtered problem list focuses the new-problem field and keeps the filters", async () => {
    installMockBackend();
    const { user } = renderApp("/problems?status=new&q=refund");
    const input = await screen.findByTestId("new-problem-title");
    await screen.findByTestId("problem-search");
    await user.keyboard("n");
    await waitFor(() => {
      expect(input).toHaveFocus();
    });
    expect(window.location.hash).toBe("#/problems?status=new&q=refund");
  });

  it("waits while a modal dialog is open", async () => {
    installMockBackend();
    const { user } = renderApp("/problems");
    await screen.findByTestId("new-problem-title");
    const dialog = document.createElement("div");
    dialog.setAttribute("aria-modal", "true");
    document.body.append(dialog);
    await user.keyboard("gs");
    expect(heading()).toHaveTextContent("Problems");
    dialog.remove();
  });

  it("n goes to Problems and focuses the new-problem field", async () => {
    installMockBackend();
    const { user } = renderApp("/journeys");
    await screen.findByTestId("journeys-screen");
    await user.keyboard("n");
    const input = await screen.findByTestId("new-problem-title");
    await waitFor(() => {
      expect(input).toHaveFocus();
    });
    expect(input).toHaveValue("");
    expect(heading()).toHaveTextContent("Problems");
  });

  it("ignores keys pressed with Ctrl, Alt or Meta", async () => {
    installMockBackend();
    const { user } = renderApp("/problems");
    await screen.findByTestId("new-problem-title");
    await user.keyboard("{Control>}g{/Control}s");
    expect(heading()).toHaveTextContent("Problems");
  });

  it("works with an Arabic keyboard layout (by physical key)", async () => {
    installMockBackend();
    renderApp("/problems");
    await screen.findByTestId("new-problem-title");
    fireEvent.keyDown(document.body, { key: "ل", code: "KeyG" });
    fireEvent.keyDown(document.body, { key: "س", code: "KeyS" });
    await waitFor(() => {
      expect(heading()).toHaveTextContent("Settings");
    });
    fireEvent.keyDown(document.body, { key: "؟", code: "Slash", shiftKey: true });
    expect(await screen.findByTestId("shortcut-overlay")).toBeInTheDocument();
  });

  it("maps keys to shortcut keys", () => {
    expect(shortcutKey({ key: "?", code: "Slash", shiftKey: true })).toBe("?");
    expect(shortcutKey({ key: "n", code: "KeyN", shiftKey: false })).toBe("n");
    expect(shortcutKey({ key: "ى", code: "KeyN", shiftKey: false })).toBe("n");
    expect(shortcutKey({ key: "Shift", code: "ShiftLeft", shiftKey: true })).toBeNull();
    // The "/" key of an Arabic layout types "ظ".
    expect(shortcutKey({ key: "ظ", code: "Slash", shiftKey: false })).toBe("/");
  });
});
