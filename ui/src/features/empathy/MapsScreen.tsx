/** Replaced by the real screen. */
export function MapsScreen() {
  return null;
}
