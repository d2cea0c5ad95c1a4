/** Replaced by the real screen. */
export function PersonasScreen() {
  return null;
}
