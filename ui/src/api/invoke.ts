import { invoke as tauriInvoke, type InvokeArgs } from "@tauri-apps/api/core";
import { toAppError } from "./errors";

/**
 * Calls a shell command. Every rejection becomes an AppError: the shell's
 * ErrorPayload keeps its code, anything else is reported as "internal".
 */
export async function invoke<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await tauriInvoke<T>(command, args);
  } catch (reason) {
    throw toAppError(reason);
  }
}
