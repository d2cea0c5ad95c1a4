import type { TFunction } from "i18next";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { unvoteNote, voteNote } from "../../../api/empathy";
import { useWrite } from "../../../api/freshness";
import type { AppError } from "../../../api/errors";
import type { Board } from "../../../bindings/Board";
import type { Note } from "../../../bindings/Note";
import { describeError } from "../../../i18n/errors";
import { describeFieldIssue, fieldIssuesFromError } from "../../../kit/fields/messages";
import type { WorkshopState } from "./context";
import { dotsLeft } from "./results";

/** A translated sentence for a refused vote: out of dots, not a participant, a hidden note. */
export function voteErrorMessage(t: TFunction, error: AppError): string {
  const [issue] = fieldIssuesFromError(error).values();
  if (issue !== undefined) return describeFieldIssue(t, issue);
  if (error.code === "conflict") return t("workshop.voting.hiddenNote");
  return describeError(t, error);
}

export interface Voting {
  /** The voting panel is open. */
  open: boolean;
  start: () => void;
  end: () => void;
  /** Who is voting now (null until chosen). */
  voter: string | null;
  chooseVoter: (name: string | null) => void;
  /** Their dots left (0 when no one is chosen). */
  remaining: number;
  /** The last refused vote, translated. */
  error: string | null;
  /** What the board reads through the workshop context; null unless someone is voting. */
  state: WorkshopState["voting"];
}

/** Dot voting on `board`: who votes, their dots left, vote and take back through the core. */
export function useVoting(board: Board): Voting {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mutation = useWrite<Note, { noteId: string; voter: string; back: boolean }>(
    ({ noteId, voter, back }) => (back ? unvoteNote(noteId, voter) : voteNote(noteId, voter)),
  );
  const { mutate } = mutation;

  const { participants, votesPerPerson } = board.map;
  // A participant taken off the map can no longer vote.
  const voter =
    chosen !== null && (participants.length === 0 || participants.includes(chosen)) ? chosen : null;
  const remaining = voter === null ? 0 : dotsLeft(board, voter);

  const place = useCallback(
    (noteId: string, back: boolean) => {
      if (voter === null) return;
      setError(null);
      if (!back && remaining <= 0) {
        setError(describeFieldIssue(t, { field: "voter", rule: "no_votes_left", limit: votesPerPerson }));
        return;
      }
      mutate(
        { noteId, voter, back },
        {
          onError: (reason) => {
            setError(voteErrorMessage(t, reason));
          },
        },
      );
    },
    [voter, remaining, votesPerPerson, mutate, t],
  );

  const state = useMemo<WorkshopState["voting"]>(
    () =>
      open && voter !== null
        ? {
            voter,
            remaining,
            vote: (noteId) => {
              place(noteId, false);
            },
            unvote: (noteId) => {
              place(noteId, true);
            },
          }
        : null,
    [open, voter, remaining, place],
  );

  const start = useCallback(() => {
    setError(null);
    setOpen(true);
  }, []);
  const end = useCallback(() => {
    setError(null);
    setOpen(false);
  }, []);
  const chooseVoter = useCallback((name: string | null) => {
    setError(null);
    const trimmed = name?.trim() ?? "";
    setChosen(trimmed === "" ? null : trimmed);
  }, []);

  return { open, start, end, voter, chooseVoter, remaining, error, state };
}
