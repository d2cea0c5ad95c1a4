import { firstDayOfWeek, intlLocale } from "../../i18n/format";
import { act, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installMockBackend, rejectWith } from "../../test/mock-backend";
import { renderApp } from "../../test/render";

const html = document.documentElement;

/** A controllable prefers-color-scheme (jsdom has no matchMedia). */
function fakeColorScheme(initiallyDark: boolean) {
  let dark = initiallyDark;
  const listeners = new Set<() => void>();
  const media = {
    get matches() {
      return dark;
    },
    media: "(prefers-color-scheme: dark)",
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal("matchMedia", () => media);
  return {
    set(value: boolean) {
      dark = value;
      for (const listener of listeners) listener();
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("Settings: language", () => {
  it("switches to Arabic at run time: rtl, translated nav, and remembered", async () => {
    const backend = installMockBackend({ settings: { displayName: "Sam", language: "en", theme: "light" } });
    const { user } = renderApp("/settings");
    const arabic = await screen.findByTestId("language-ar");
    expect(html).toHaveAttribute("dir", "ltr");
    expect(screen.getByTestId("nav-problems")).toHaveTextContent("Problems");
    expect(screen.getByLabelText("العربية")).toBe(arabic);
    expect(screen.getByLabelText("English")).toBe(screen.getByTestId("language-en"));

    await user.click(arabic);

    await waitFor(() => {
      expect(html).toHaveAttribute("dir", "rtl");
    });
    expect(html).toHaveAttribute("lang", "ar");
    expect(screen.getByTestId("nav-problems")).toHaveTextContent("المشكلات");
    expect(screen.getByTestId("nav-settings")).toHaveTextContent("الإعدادات");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("الإعدادات");
    expect(backend.callsTo("settings_update")).toEqual([
      {
        settings: {
          displayName: "Sam",
          language: "ar",
          theme: "light",
          reminders: true,
          weekStart: "auto",
          numerals: "latin",
        },
      },
    ]);
    expect(arabic).toBeChecked();

    await user.click(screen.getByTestId("language-en"));
    await waitFor(() => {
      expect(html).toHaveAttribute("dir", "ltr");
    });
    expect(html).toHaveAttribute("lang", "en");
    expect(screen.getByTestId("nav-problems")).toHaveTextContent("Problems");
  });

  it("starts in the saved language", async () => {
    installMockBackend({ settings: { language: "ar" } });
    renderApp("/problems");
    expect(await screen.findByTestId("nav-problems")).toHaveTextContent("المشكلات");
    expect(html).toHaveAttribute("dir", "rtl");
  });

  it("follows the system language until one is chosen", async () => {
    vi.spyOn(navigator, "language", "get").mockReturnValue("ar-EG");
    installMockBackend({ settings: { language: null } });
    renderApp("/problems");
    expect(await screen.findByTestId("nav-problems")).toHaveTextContent("المشكلات");
    expect(html).toHaveAttribute("lang", "ar");
  });

  it("goes back to the previous language and says so when saving fails", async () => {
    installMockBackend({
      settings: { language: "en" },
      handlers: { settings_update: () => rejectWith({ code: "io", details: {} }) },
    });
    const { user } = renderApp("/settings");
    await user.click(await screen.findByTestId("language-ar"));
    expect(await screen.findByTestId("settings-save-error")).toHaveTextContent(
      "Your settings could not be saved: The file could not be read or written.",
    );
    expect(html).toHaveAttribute("dir", "ltr");
    expect(screen.getByTestId("language-en")).toBeChecked();
  });
});

describe("Settings: theme", () => {
  it("applies light and dark, and follows the system live when set to system", async () => {
    const scheme = fakeColorScheme(false);
    const backend = installMockBackend({ settings: { theme: "light" } });
    const { user } = renderApp("/settings");
    await screen.findByTestId("theme-dark");
    expect(html).toHaveAttribute("data-theme", "light");

    await user.click(screen.getByTestId("theme-dark"));
    expect(html).toHaveAttribute("data-theme", "dark");
    expect(backend.state.settings.theme).toBe("dark");

    await user.click(screen.getByTestId("theme-system"));
    expect(html).toHaveAttribute("data-theme", "light");
    act(() => {
      scheme.set(true);
    });
    expect(html).toHaveAttribute("data-theme", "dark");
    expect(backend.state.settings.theme).toBe("system");
  });
});

describe("Settings: display name", () => {
  it("saves on blur and on Enter", async () => {
    const backend = installMockBackend({ settings: { displayName: "Sam" } });
    const { user } = renderApp("/settings");
    const field = await screen.findByTestId("settings-display-name");
    expect(field).toHaveValue("Sam");
    expect(field).toHaveAccessibleName("Display name");

    await user.clear(field);
    await user.type(field, "Rana Haddad");
    await user.tab();
    await waitFor(() => {
      expect(backend.state.settings.displayName).toBe("Rana Haddad");
    });
    expect(await screen.findByText("Saved.")).toBeInTheDocument();

    await user.clear(field);
    await user.type(field, "Rana H.{Enter}");
    await waitFor(() => {
      expect(backend.state.settings.displayName).toBe("Rana H.");
    });
    expect(backend.callsTo("settings_update")).toHaveLength(2);
  });

  it("shows the core's validation error and keeps the typed name", async () => {
    installMockBackend({
      settings: { displayName: "Sam" },
      handlers: {
        settings_update: () =>
          rejectWith({
            code: "invalid_input",
            details: { field: "displayName", rule: "too_long", limit: 100 },
          }),
      },
    });
    const { user } = renderApp("/settings");
    const field = await screen.findByTestId("settings-display-name");
    const long = "n".repeat(101);
    await user.clear(field);
    await user.paste(long);
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("settings-display-name-error")).toHaveTextContent(
      "A display name can be at most 100 characters",
    );
    expect(field).toHaveValue(long);
    expect(field).toHaveAttribute("aria-invalid", "true");
  });
});

describe("Settings: workspace", () => {
  it("shows the workspace path read-only and opens another chosen in the dialog", async () => {
    const backend = installMockBackend({ dialogPath: "/home/sam/other.rootwise" });
    const { user } = renderApp("/settings");
    const path = await screen.findByTestId("settings-workspace-path");
    expect(path).toHaveValue("/home/sam/rootwise/workspace.db");
    expect(path).toHaveAttribute("readonly");

    await user.click(screen.getByRole("button", { name: "Open another workspace…" }));

    await waitFor(() => {
      expect(backend.callsTo("workspace_open")).toEqual([{ path: "/home/sam/other.rootwise" }]);
    });
    expect(await screen.findByTestId("workspace-file-name")).toHaveTextContent("other.rootwise");
    await waitFor(() => {
      expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Problems");
    });
  });

  it("does nothing when the dialog is cancelled", async () => {
    const backend = installMockBackend({ dialogPath: null });
    const { user } = renderApp("/settings");
    await user.click(await screen.findByTestId("settings-open-workspace"));
    await waitFor(() => {
      expect(backend.callsTo("plugin:dialog|open")).toHaveLength(1);
    });
    expect(backend.callsTo("workspace_open")).toEqual([]);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Settings");
  });
});

describe("Settings: reminders", () => {
  it("turns desktop reminders off and on, saved with the other settings", async () => {
    const backend = installMockBackend({ settings: { displayName: "Sam", reminders: true } });
    const { user } = renderApp("/settings");
    const toggle = await screen.findByRole("switch", { name: "Desktop reminders" });
    expect(toggle).toBe(screen.getByTestId("settings-reminders"));
    expect(toggle).toBeChecked();
    expect(toggle).toHaveAccessibleDescription(
      "When Rootwise starts and then every hour, one notification if actions are overdue, effectiveness checks are due or journey maps are due for review.",
    );

    await user.click(toggle);
    await waitFor(() => {
      expect(backend.state.settings.reminders).toBe(false);
    });
    expect(toggle).not.toBeChecked();
    expect(backend.callsTo("settings_update").at(-1)).toEqual({
      settings: {
        displayName: "Sam",
        language: "en",
        theme: "light",
        reminders: false,
        weekStart: "auto",
        numerals: "latin",
      },
    });

    await user.click(toggle);
    await waitFor(() => {
      expect(backend.state.settings.reminders).toBe(true);
    });
    expect(toggle).toBeChecked();
  });

  it("is labelled in Arabic", async () => {
    installMockBackend({ settings: { language: "ar", reminders: false } });
    renderApp("/settings");
    const toggle = await screen.findByRole("switch", { name: "تذكيرات سطح المكتب" });
    expect(toggle).not.toBeChecked();
    expect(screen.getByRole("heading", { name: "الإشعارات" })).toBeInTheDocument();
  });
});

describe("Settings: dates and numbers", () => {
  it("saves the week's first day and Arabic's digits, and the app follows them at once", async () => {
    const backend = installMockBackend({ settings: { displayName: "Sam", language: "ar" } });
    const { user } = renderApp("/settings");
    const weekStart = await screen.findByRole("combobox", { name: "يبدأ الأسبوع يوم" });
    const numerals = screen.getByRole("combobox", { name: "الأرقام في الواجهة العربية" });
    expect(weekStart).toHaveValue("auto");
    expect(numerals).toHaveValue("latin");

    await user.selectOptions(weekStart, "sunday");
    await waitFor(() => {
      expect(backend.state.settings.weekStart).toBe("sunday");
    });
    await waitFor(() => {
      expect(firstDayOfWeek("ar")).toBe(0);
    });

    await user.selectOptions(numerals, "arabic");
    await waitFor(() => {
      expect(backend.state.settings.numerals).toBe("arabic");
    });
    await waitFor(() => {
      expect(intlLocale("ar")).toBe("ar-u-nu-arab");
    });
    // English keeps Western digits whatever the Arabic setting.
    expect(intlLocale("en")).toBe("en");

    await user.selectOptions(numerals, "latin");
    await user.selectOptions(weekStart, "auto");
    await waitFor(() => {
      expect(intlLocale("ar")).toBe("ar-u-nu-latn");
    });
    expect(firstDayOfWeek("ar")).toBe(6);
    expect(firstDayOfWeek("en")).toBe(1);
  });
});
