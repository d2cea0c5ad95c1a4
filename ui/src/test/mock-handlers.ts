import type { CommandName } from "../bindings/shell/commands";

/** A test stand-in for one shell command. */
export type MockHandler = (args: Record<string, unknown>) => unknown;

/** Stand-ins keyed by command name: a name the shell doesn't register fails the type check. */
export type MockHandlers = Partial<Record<CommandName, MockHandler>>;
