/**
 * What the board needs to know about a running workshop, provided by the
 * workshop frame and read by the board and its notes. Outside workshop
 * mode the value is null and the board behaves as an ordinary editor.
 */
import { createContext, useContext } from "react";

export interface WorkshopState {
  /** Large type for a projector, full screen. */
  projector: boolean;
  /**
   * Dot voting, when a participant is voting: clicking a note (or pressing
   * V on it) gives it one of their dots; Shift+click or Shift+V takes one back.
   */
  voting: {
    voter: string;
    /** Dots they still have. */
    remaining: number;
    vote: (noteId: string) => void;
    unvote: (noteId: string) => void;
  } | null;
}

export const WorkshopContext = createContext<WorkshopState | null>(null);

/** The running workshop, or null outside workshop mode. */
export function useWorkshop(): WorkshopState | null {
  return useContext(WorkshopContext);
}
