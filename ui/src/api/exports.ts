/** Exports reach the disk through the shell, never through a file-system scope. */
import { invoke } from "./invoke";

/**
 * Saves an export: the shell asks where in the native save dialog and writes
 * the file. Text is sent as is; binary (a PNG) as base64. Resolves to the path
 * written, or null when the user cancelled.
 */
export function saveExport(name: string, contents: string, base64 = false): Promise<string | null> {
  return invoke<string | null>("export_save", { name, contents, base64 });
}
