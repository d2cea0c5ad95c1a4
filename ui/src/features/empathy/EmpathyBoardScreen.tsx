/** Replaced by the real screen. */
export function EmpathyBoardScreen() {
  return null;
}
