import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";
import { uninstallMockBackend } from "./mock-backend";
import i18n, { applyDocumentLanguage } from "../i18n";

// A busy 2-core machine (CI, or a build beside the tests) can take more than
// the default second to settle a refetch: wait up to five before failing.
configure({ asyncUtilTimeout: 5000 });

afterEach(async () => {
  cleanup();
  uninstallMockBackend();
  await i18n.changeLanguage("en");
  applyDocumentLanguage("en");
  delete document.documentElement.dataset.theme;
  window.location.hash = "";
});
