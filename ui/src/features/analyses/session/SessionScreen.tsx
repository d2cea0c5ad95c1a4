/** The guided session, full screen. (Being built.) */
export function SessionScreen() {
  return <div data-session />;
}
