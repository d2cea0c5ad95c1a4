/**
 * The persona commands of the mock backend (component tests only):
 * personas, quotes, pictures and problem links in memory, with the shell's
 * command names, argument shapes and `workspace-changed` events. The rules
 * the core owns are tested in the core; this mock keeps just enough of
 * them for screens to behave.
 */
import type { ChangeEvent } from "../bindings/ChangeEvent";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { Persona } from "../bindings/Persona";
import type { Problem } from "../bindings/Problem";
import type { Quote } from "../bindings/Quote";

/** The personas part of the mock's state. */
export interface MockPersonaState {
  personas: (Persona & { deleted?: boolean })[];
  quotes: (Quote & { deleted?: boolean })[];
  /** Persona id → linked problem ids. */
  links: Record<string, string[]>;
  /** Persona id → picture data URL. */
  pictures: Record<string, string>;
  /** What the next `persona_picture_pick` does: a data URL to store, an error to reject with, or null (cancelled). */
  nextPicture?: string | ErrorPayload | null;
}

type Reject = (payload: ErrorPayload) => Promise<never>;

/** The persona command handlers, over `state` and the mock's problems. */
export function personaHandlers(
  state: MockPersonaState,
  problems: () => Problem[],
  changed: (event: ChangeEvent) => Promise<void>,
  reject: Reject,
): Record<string, (args: Record<string, unknown>) => unknown> {
  void state;
  void problems;
  void changed;
  void reject;
  return {};
}
