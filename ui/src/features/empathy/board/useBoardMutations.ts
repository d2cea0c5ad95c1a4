/**
 * The board's writes. Note edits (moves above all) and deletes are applied
 * to the cached board at once and rolled back if the core refuses, so a
 * dropped note never jumps back; each write's change events bring the
 * stored board.
 */
import { useMemo } from "react";
import {
  addNote,
  createGroup,
  deleteNote,
  dissolveGroup,
  editMap,
  editNote,
  renameGroup,
  restoreNote,
  useBoardCache,
} from "../../../api/empathy";
import { useWrite } from "../../../api/freshness";
import type { Area } from "../../../bindings/Area";
import type { Board } from "../../../bindings/Board";
import type { MapEdit } from "../../../bindings/MapEdit";
import type { Note } from "../../../bindings/Note";
import type { NoteEdit } from "../../../bindings/NoteEdit";
import { applyNoteEdit, removeNote } from "./model";

/** What an optimistic write rolls back to. */
type Snapshot = Board | undefined;

export function useBoardMutations(mapId: string) {
  const cache = useBoardCache(mapId);

  const edit = useWrite<Note, { id: string; edit: NoteEdit }, Snapshot>(
    ({ id, edit: change }) => editNote(id, change),
    {
      onMutate: ({ id, edit: change }) => cache.change((board) => applyNoteEdit(board, id, change)),
      onError: (_error, _input, snapshot) => {
        cache.restore(snapshot);
      },
    },
  );

  const remove = useWrite((note: Note) => deleteNote(note.id), {
    awaitRefresh: false,
    onMutate: (note): Promise<Snapshot> => cache.change((board) => removeNote(board, note.id)),
    onError: (_error, _input, snapshot) => {
      cache.restore(snapshot);
    },
  });

  const add = useWrite(addNote);
  const restore = useWrite(restoreNote);
  const map = useWrite((change: MapEdit) => editMap(mapId, change));
  const group = useWrite(({ area, label, noteIds }: { area: Area; label: string; noteIds: string[] }) =>
    createGroup(mapId, area, label, noteIds),
  );
  const rename = useWrite(({ id, label }: { id: string; label: string }) => renameGroup(id, label));
  const dissolve = useWrite(dissolveGroup);

  return useMemo(
    () => ({ edit, remove, add, restore, map, group, rename, dissolve }),
    [edit, remove, add, restore, map, group, rename, dissolve],
  );
}

export type BoardMutations = ReturnType<typeof useBoardMutations>;
