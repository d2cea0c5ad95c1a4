/**
 * The board's writes. Note edits (moves above all) are applied to the cached
 * board at once and rolled back if the core refuses, so a dropped note never
 * jumps back; every write refreshes the empathy queries when it lands.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import {
  addNote,
  createGroup,
  deleteNote,
  dissolveGroup,
  editMap,
  editNote,
  empathyKeys,
  renameGroup,
  restoreNote,
} from "../../../api/empathy";
import type { AppError } from "../../../api/errors";
import { queryKeys } from "../../../api/queries";
import type { Area } from "../../../bindings/Area";
import type { Board } from "../../../bindings/Board";
import type { MapEdit } from "../../../bindings/MapEdit";
import type { NewNote } from "../../../bindings/NewNote";
import type { Note } from "../../../bindings/Note";
import type { NoteEdit } from "../../../bindings/NoteEdit";
import { applyNoteEdit, removeNote, replaceNote } from "./model";

interface Snapshot {
  previous: Board | undefined;
}

export function useBoardMutations(mapId: string) {
  const queryClient = useQueryClient();
  const key = empathyKeys.board(mapId);

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.empathy });
    void queryClient.invalidateQueries({ queryKey: queryKeys.trash });
  }, [queryClient]);

  /** Applies `change` to the cached board now; returns what to roll back to. */
  const optimistic = useCallback(
    async (change: (board: Board) => Board): Promise<Snapshot> => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Board>(key);
      if (previous !== undefined) queryClient.setQueryData<Board>(key, change(previous));
      return { previous };
    },
    // `key` is rebuilt each render from `mapId`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queryClient, mapId],
  );
  const rollback = useCallback(
    (snapshot: Snapshot | undefined) => {
      if (snapshot?.previous !== undefined) queryClient.setQueryData(key, snapshot.previous);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queryClient, mapId],
  );

  const edit = useMutation<Note, AppError, { id: string; edit: NoteEdit }, Snapshot>({
    mutationFn: ({ id, edit: change }) => editNote(id, change),
    onMutate: ({ id, edit: change }) => optimistic((board) => applyNoteEdit(board, id, change)),
    onError: (_error, _input, snapshot) => {
      rollback(snapshot);
    },
    onSuccess: (saved) => {
      const board = queryClient.getQueryData<Board>(key);
      if (board !== undefined) queryClient.setQueryData(key, replaceNote(board, saved));
    },
    onSettled: refresh,
  });

  const remove = useMutation<undefined, AppError, Note, Snapshot>({
    mutationFn: async (note) => {
      await deleteNote(note.id);
      return undefined;
    },
    onMutate: (note) => optimistic((board) => removeNote(board, note.id)),
    onError: (_error, _input, snapshot) => {
      rollback(snapshot);
    },
    onSettled: refresh,
  });

  const add = useMutation<Note, AppError, NewNote>({
    mutationFn: addNote,
    onSuccess: (saved) => {
      const board = queryClient.getQueryData<Board>(key);
      if (board !== undefined && !board.notes.some((n) => n.id === saved.id))
        queryClient.setQueryData(key, { ...board, notes: [...board.notes, saved] });
      refresh();
    },
  });

  const restore = useMutation<Note, AppError, string>({ mutationFn: restoreNote, onSuccess: refresh });
  const map = useMutation<unknown, AppError, MapEdit>({
    mutationFn: (change) => editMap(mapId, change),
    onSuccess: refresh,
  });
  const group = useMutation<unknown, AppError, { area: Area; label: string; noteIds: string[] }>({
    mutationFn: ({ area, label, noteIds }) => createGroup(mapId, area, label, noteIds),
    onSuccess: refresh,
  });
  const rename = useMutation<unknown, AppError, { id: string; label: string }>({
    mutationFn: ({ id, label }) => renameGroup(id, label),
    onSuccess: refresh,
  });
  const dissolve = useMutation<unknown, AppError, string>({
    mutationFn: dissolveGroup,
    onSuccess: refresh,
  });

  return useMemo(
    () => ({ edit, remove, add, restore, map, group, rename, dissolve }),
    [edit, remove, add, restore, map, group, rename, dissolve],
  );
}

export type BoardMutations = ReturnType<typeof useBoardMutations>;
