// Bundled fonts (nothing loads from the network): Latin and Arabic, regular and semibold.
import "@fontsource/noto-sans/latin-400.css";
import "@fontsource/noto-sans/latin-600.css";
import "@fontsource/noto-sans-arabic/arabic-400.css";
import "@fontsource/noto-sans-arabic/arabic-600.css";
import "./styles/index.css";
import "./i18n";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createQueryClient } from "./api/queries";
import { App } from "./App";
import { applyInitialTheme } from "./shell/preferences";

const container = document.getElementById("root");
if (container === null) throw new Error("index.html has no #root element");

applyInitialTheme();
createRoot(container).render(
  <StrictMode>
    <App queryClient={createQueryClient()} />
  </StrictMode>,
);
