/**
 * Help-desk import: a Zendesk or Freshdesk export (or any CSV) picked in
 * the native dialog and kept by the shell, checked under the wizard's
 * options, imported with progress and Cancel; column mappings saved by name.
 */
import { Channel as IpcChannel } from "@tauri-apps/api/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { HelpdeskCheck } from "../bindings/HelpdeskCheck";
import type { HelpdeskFormat } from "../bindings/HelpdeskFormat";
import type { HelpdeskImport } from "../bindings/HelpdeskImport";
import type { HelpdeskProgress } from "../bindings/HelpdeskProgress";
import type { ImportOptions } from "../bindings/ImportOptions";
import type { SavedMapping } from "../bindings/SavedMapping";
import type { TicketColumns } from "../bindings/TicketColumns";
import type { ValueMaps } from "../bindings/ValueMaps";
import type { AppError } from "./errors";
import { queryKeys, useWrite } from "./freshness";
import { invoke } from "./invoke";

/** The export the user picked: its name and size in bytes. */
export interface PickedTicketFile {
  name: string;
  size: number;
}

/** Asks for a help-desk export (native dialog); null when cancelled. */
export function pickTicketFile(): Promise<PickedTicketFile | null> {
  return invoke<PickedTicketFile | null>("helpdesk_import_pick");
}

/** Checks every ticket of the picked file under `options`; writes nothing. */
export function checkTicketImport(options: ImportOptions): Promise<HelpdeskCheck> {
  return invoke<HelpdeskCheck>("helpdesk_import_check", { options });
}

/** Imports the picked file in one transaction, telling `onProgress` as tickets are written. */
export function runTicketImport(
  options: ImportOptions,
  onProgress: (progress: HelpdeskProgress) => void,
): Promise<HelpdeskImport> {
  const progress = new IpcChannel<HelpdeskProgress>();
  progress.onmessage = onProgress;
  return invoke<HelpdeskImport>("helpdesk_import_run", { options, progress });
}

/** Stops the running import; it leaves nothing behind. */
export async function cancelTicketImport(): Promise<void> {
  await invoke<null>("helpdesk_import_cancel");
}

/** The saved column mappings. */
export function listMappings(): Promise<SavedMapping[]> {
  return invoke<SavedMapping[]>("helpdesk_mapping_list");
}

/** What saving a mapping takes. */
export interface MappingInput {
  name: string;
  format: HelpdeskFormat;
  columns: TicketColumns;
  values: ValueMaps;
  timeZone: string | null;
}

/** Saves a mapping under its name (replacing the one of that name). */
export function saveMapping(input: MappingInput): Promise<SavedMapping> {
  return invoke<SavedMapping>("helpdesk_mapping_save", { ...input });
}

/** Moves a saved mapping to the trash. */
export async function deleteMapping(id: string): Promise<void> {
  await invoke<null>("helpdesk_mapping_delete", { id });
}

/**
 * The picked file checked under `options` (`pick` counts the files picked,
 * so the same file picked again is read again); the previous answer shows
 * while a changed option is checked. Nothing is asked before a pick.
 */
export function useTicketCheck(pick: number | null, options: ImportOptions) {
  return useQuery<HelpdeskCheck, AppError>({
    queryKey: [...queryKeys.all, "helpdeskCheck", pick, options],
    queryFn: () => checkTicketImport(options),
    enabled: pick !== null,
    placeholderData: keepPreviousData,
    gcTime: 0,
  });
}

/** The saved column mappings, kept fresh by change events. */
export function useMappings() {
  return useQuery<SavedMapping[], AppError>({ queryKey: queryKeys.importMappings, queryFn: listMappings });
}

/** Saves a mapping. */
export function useSaveMapping() {
  return useWrite(saveMapping);
}

/** Deletes a saved mapping. */
export function useDeleteMapping() {
  return useWrite(deleteMapping, { awaitRefresh: false });
}

/** Imports the picked export. */
export function useRunTicketImport() {
  return useWrite<
    HelpdeskImport,
    { options: ImportOptions; onProgress: (progress: HelpdeskProgress) => void }
  >(({ options, onProgress }) => runTicketImport(options, onProgress));
}
