/**
 * Copies of the workspace: which copy this is and which others it knows,
 * exporting the changes one of them has not seen, merging a change file,
 * making a copy for a workshop laptop, and the review of what merges
 * overwrote. Files are picked in native dialogs by the shell.
 */
import { useQuery } from "@tanstack/react-query";
import type { CopiesStatus } from "../bindings/CopiesStatus";
import type { MergeSummary } from "../bindings/MergeSummary";
import type { Replica } from "../bindings/Replica";
import type { ReviewItem } from "../bindings/ReviewItem";
import type { AppError } from "./errors";
import { queryKeys, useWrite } from "./freshness";
import { invoke } from "./invoke";

/** A change file the shell wrote: where, and how many changes it holds. */
export interface ExportedChanges {
  path: string;
  count: number;
}

/** A copy the shell wrote for a workshop: where, and who it is. */
export interface CopiedWorkspace {
  path: string;
  replica: Replica;
}

/** This copy, the copies it knows and how many merge review entries wait. */
export function getCopiesStatus(): Promise<CopiesStatus> {
  return invoke<CopiesStatus>("copies_status");
}

/** Writes the changes copy `forReplica` has not seen (all when null); null when cancelled. */
export function exportChanges(forReplica: string | null): Promise<ExportedChanges | null> {
  return invoke<ExportedChanges | null>("changes_export", { forReplica });
}

/** Asks for a change file and merges all of it, or nothing; null when cancelled. */
export function mergeChanges(): Promise<MergeSummary | null> {
  return invoke<MergeSummary | null>("changes_merge");
}

/** Writes a copy for a workshop laptop, named `name`; null when cancelled. */
export function copyWorkspace(name: string): Promise<CopiedWorkspace | null> {
  return invoke<CopiedWorkspace | null>("workspace_copy", { name });
}

/** Names this copy. */
export function renameCopy(name: string): Promise<Replica> {
  return invoke<Replica>("copy_rename", { name });
}

/** What merges overwrote; open entries only unless `all`. */
export function listMergeReview(all: boolean): Promise<ReviewItem[]> {
  return invoke<ReviewItem[]>("merge_review_list", { all });
}

/** Brings back the version a merge set aside. */
export function bringBack(id: number): Promise<null> {
  return invoke<null>("merge_review_bring_back", { id });
}

/** Leaves a merge review entry as merged. */
export function dismissReview(id: number): Promise<null> {
  return invoke<null>("merge_review_dismiss", { id });
}

/** This copy and the copies it knows; read afresh each time a screen or dialog opens. */
export function useCopiesStatus() {
  return useQuery<CopiesStatus, AppError>({
    queryKey: [...queryKeys.copies, "status"],
    queryFn: getCopiesStatus,
    refetchOnMount: "always",
  });
}

/** The merge review (all entries, or only the open ones). */
export function useMergeReview(all: boolean) {
  return useQuery<ReviewItem[], AppError>({
    queryKey: [...queryKeys.copies, "review", all],
    queryFn: () => listMergeReview(all),
  });
}

export function useExportChanges() {
  return useWrite<ExportedChanges | null, string | null>(exportChanges, { awaitRefresh: false });
}

/** Merging announces a change to the whole workspace: every screen refreshes. */
export function useMergeChanges() {
  return useWrite<MergeSummary | null, undefined>(() => mergeChanges());
}

/** Making a copy and naming this one announce a change to the copies (`copies`). */
export function useCopyWorkspace() {
  return useWrite<CopiedWorkspace | null, string>(copyWorkspace);
}

export function useRenameCopy() {
  return useWrite<Replica, string>(renameCopy);
}

export function useBringBack() {
  return useWrite<null, number>(bringBack);
}

export function useDismissReview() {
  return useWrite<null, number>(dismissReview);
}
