import { invoke as tauriInvoke, type InvokeArgs } from "@tauri-apps/api/core";
import type { CommandName } from "../bindings/shell/commands";
import { toAppError } from "./errors";

/**
 * Calls a shell command. Only the names the shell registers type-check
 * (`CommandName` is generated from the shell's one command list). Every
 * rejection becomes an AppError: the shell's ErrorPayload keeps its code,
 * anything else is reported as "internal".
 */
export async function invoke<T>(command: CommandName, args?: InvokeArgs): Promise<T> {
  try {
    return await tauriInvoke<T>(command, args);
  } catch (reason) {
    throw toAppError(reason);
  }
}
