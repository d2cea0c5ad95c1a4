import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useWorkspaceChangedListener } from "./freshness";

function ChangeListener() {
  useWorkspaceChangedListener();
  return null;
}

/**
 * Cached data from the core, kept fresh by the one `workspace-changed`
 * listener: the app and every test that renders a screen wrap it in this.
 */
export function DataProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <ChangeListener />
      {children}
    </QueryClientProvider>
  );
}
