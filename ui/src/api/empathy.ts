/**
 * Empathy maps: the board, notes, groups, votes and the private-writing
 * round; and the notes that support a cause.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Area } from "../bindings/Area";
import type { Board } from "../bindings/Board";
import type { CauseRef } from "../bindings/CauseRef";
import type { EmpathyMap } from "../bindings/EmpathyMap";
import type { MapEdit } from "../bindings/MapEdit";
import type { MapRef } from "../bindings/MapRef";
import type { NewMap } from "../bindings/NewMap";
import type { NewNote } from "../bindings/NewNote";
import type { Note } from "../bindings/Note";
import type { NoteEdit } from "../bindings/NoteEdit";
import type { NoteGroup } from "../bindings/NoteGroup";
import type { NoteRef } from "../bindings/NoteRef";
import { ENUMS } from "../bindings/rules";
import type { AppError } from "./errors";
import { invoke } from "./invoke";
import { queryKeys } from "./freshness";

/** The six areas of a board, in reading order: the quadrants, then pains and gains. */
export const AREAS: readonly Area[] = ENUMS.area;

/** Every live map, most recent first. */
export function listMaps(): Promise<MapRef[]> {
  return invoke<MapRef[]>("map_list");
}

/** A map's board. */
export function getBoard(id: string): Promise<Board> {
  return invoke<Board>("map_board", { id });
}

/** Starts a map. */
export function createMap(input: NewMap): Promise<EmpathyMap> {
  return invoke<EmpathyMap>("map_create", { input });
}

/** Changes one thing about a map; `{ field: "phase", value: "open" }` reveals a private round. */
export function editMap(id: string, edit: MapEdit): Promise<EmpathyMap> {
  return invoke<EmpathyMap>("map_edit", { id, edit });
}

/** Moves a map to the trash. */
export async function deleteMap(id: string): Promise<void> {
  await invoke<null>("map_delete", { id });
}

/** Adds a note (hidden while the map is in a private round); an empty one is refused. */
export function addNote(input: NewNote): Promise<Note> {
  return invoke<Note>("note_add", { input });
}

/** Changes one thing about a note (text, colour, author, move, group, problem, causes). */
export function editNote(id: string, edit: NoteEdit): Promise<Note> {
  return invoke<Note>("note_edit", { id, edit });
}

/** Moves a note to the trash. */
export async function deleteNote(id: string): Promise<void> {
  await invoke<null>("note_delete", { id });
}

/** Brings a deleted note back (undo). */
export function restoreNote(id: string): Promise<Note> {
  return invoke<Note>("note_restore", { id });
}

/** The causes a note supports. */
export function noteCauses(id: string): Promise<CauseRef[]> {
  return invoke<CauseRef[]>("note_causes", { id });
}

/** The notes that support a cause. */
export function whyNotes(whyId: string): Promise<NoteRef[]> {
  return invoke<NoteRef[]>("why_notes", { whyId });
}

/** Groups notes of one area under a label. */
export function createGroup(mapId: string, area: Area, label: string, noteIds: string[]): Promise<NoteGroup> {
  return invoke<NoteGroup>("group_create", { mapId, area, label, noteIds });
}

/** Renames a group. */
export function renameGroup(id: string, label: string): Promise<NoteGroup> {
  return invoke<NoteGroup>("group_rename", { id, label });
}

/** Dissolves a group; its notes stay, ungrouped. */
export async function dissolveGroup(id: string): Promise<void> {
  await invoke<null>("group_dissolve", { id });
}

/** Puts one of `voter`'s dots on a note; rejects with `no_votes_left` or `not_participant`. */
export function voteNote(id: string, voter: string): Promise<Note> {
  return invoke<Note>("note_vote", { id, voter });
}

/** Takes back one of `voter`'s dots. */
export function unvoteNote(id: string, voter: string): Promise<Note> {
  return invoke<Note>("note_unvote", { id, voter });
}

export const empathyKeys = {
  all: queryKeys.empathy,
  list: [...queryKeys.empathy, "list"] as const,
  board: (id: string) => [...queryKeys.empathy, "board", id] as const,
  noteCauses: (id: string) => [...queryKeys.empathy, "note-causes", id] as const,
  whyNotes: (whyId: string) => [...queryKeys.empathy, "why-notes", whyId] as const,
};

/** Every map. */
export function useMaps() {
  return useQuery<MapRef[], AppError>({ queryKey: empathyKeys.list, queryFn: listMaps });
}

/** One map's board. */
export function useBoard(id: string) {
  return useQuery<Board, AppError>({ queryKey: empathyKeys.board(id), queryFn: () => getBoard(id) });
}

/** The causes a note supports. */
export function useNoteCauses(id: string) {
  return useQuery<CauseRef[], AppError>({
    queryKey: empathyKeys.noteCauses(id),
    queryFn: () => noteCauses(id),
  });
}

/** The notes that support a cause. */
export function useWhyNotes(whyId: string) {
  return useQuery<NoteRef[], AppError>({
    queryKey: empathyKeys.whyNotes(whyId),
    queryFn: () => whyNotes(whyId),
  });
}

/**
 * One board's cached copy, for writes that show at once (a dropped note
 * must not jump back): `change` applies an edit now and returns what to
 * `restore` if the core refuses it. The write's change events then bring
 * the stored board.
 */
export function useBoardCache(mapId: string) {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const key = empathyKeys.board(mapId);
    return {
      change: async (edit: (board: Board) => Board): Promise<Board | undefined> => {
        await queryClient.cancelQueries({ queryKey: key });
        const previous = queryClient.getQueryData<Board>(key);
        if (previous !== undefined) queryClient.setQueryData<Board>(key, edit(previous));
        return previous;
      },
      restore: (previous: Board | undefined) => {
        if (previous !== undefined) queryClient.setQueryData(key, previous);
      },
    };
  }, [queryClient, mapId]);
}
