import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { uninstallMockBackend } from "./mock-backend";
import i18n, { applyDocumentLanguage } from "../i18n";

afterEach(async () => {
  cleanup();
  uninstallMockBackend();
  await i18n.changeLanguage("en");
  applyDocumentLanguage("en");
  delete document.documentElement.dataset.theme;
  window.location.hash = "";
});
