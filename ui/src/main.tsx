// Bundled fonts (nothing loads from the network): Latin and Arabic, regular and
// semibold, and colour emoji (customers write them; the machines have no emoji font).
import { createQueryClient } from "./api/freshness";
import "@fontsource/noto-sans/latin-400.css";
import "@fontsource/noto-sans/latin-600.css";
import "@fontsource/noto-sans-arabic/arabic-400.css";
import "@fontsource/noto-sans-arabic/arabic-600.css";
import "@fontsource/noto-color-emoji/400.css";
import "./styles/index.css";
import "./i18n";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { applyInitialTheme } from "./shell/preferences";

// Prototype-pollution hardening, done here rather than by Tauri's
// `freezePrototype`: that freezes Object.prototype before any script runs, and
// d3 (under the diagram library) assigns `prototype.constructor` while its
// modules load, which a frozen Object.prototype turns into a TypeError that
// leaves the window blank. Every static import above has run by now.
Object.freeze(Object.prototype);

const container = document.getElementById("root");
if (container === null) throw new Error("index.html has no #root element");

applyInitialTheme();
createRoot(container).render(
  <StrictMode>
    <App queryClient={createQueryClient()} />
  </StrictMode>,
);
