/** Replaced by the real screen. */
export function PersonaScreen() {
  return null;
}
