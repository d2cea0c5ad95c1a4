import { ActionsTabs } from "../ActionsTabs";

/** Skeleton: replaced by the real view. */
export function BoardScreen() {
  return <ActionsTabs />;
}
