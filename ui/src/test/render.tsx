import { createQueryClient } from "../api/freshness";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../App";

/** Renders the whole app at `route` (a hash route), as main.tsx does. */
export function renderApp(route = "/problems") {
  window.location.hash = `#${route}`;
  const user = userEvent.setup();
  const queryClient = createQueryClient();
  const result = render(<App queryClient={queryClient} />);
  return { ...result, user, queryClient };
}
