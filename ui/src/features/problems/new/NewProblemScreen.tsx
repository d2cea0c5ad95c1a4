// Work in progress on the problem-log branch: replaced by the real screen before it lands.
export function NewProblemScreen() {
  return null;
}
