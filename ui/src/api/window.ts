import { getCurrentWindow } from "@tauri-apps/api/window";
import { toAppError } from "./errors";

/** Puts the app window in or out of full screen (for a projector). */
export async function setFullscreen(on: boolean): Promise<void> {
  try {
    await getCurrentWindow().setFullscreen(on);
  } catch (reason) {
    throw toAppError(reason);
  }
}

/** Whether the app window is full screen. */
export async function isFullscreen(): Promise<boolean> {
  try {
    return await getCurrentWindow().isFullscreen();
  } catch (reason) {
    throw toAppError(reason);
  }
}
