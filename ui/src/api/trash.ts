/** The trash: everything deleted, restorable by kind and id. */
import { useQuery } from "@tanstack/react-query";
import type { TrashItem } from "../bindings/TrashItem";
import type { AppError } from "./errors";
import { queryKeys, useWrite } from "./freshness";
import { invoke } from "./invoke";

/** Everything in the trash, most recently deleted first. */
export function listTrash(): Promise<TrashItem[]> {
  return invoke<TrashItem[]>("trash_list");
}

/** Restores any trashed entity by kind and id. */
export async function restoreFromTrash(entity: string, id: string): Promise<void> {
  await invoke<null>("trash_restore", { entity, id });
}

/** Everything in the trash. */
export function useTrash() {
  return useQuery<TrashItem[], AppError>({ queryKey: queryKeys.trash, queryFn: listTrash });
}

/** Restores any trashed entity (the trash screen, or an Undo). */
export function useRestoreFromTrash() {
  return useWrite(({ entity, id }: { entity: string; id: string }) => restoreFromTrash(entity, id));
}
