import { ActionsTabs } from "../ActionsTabs";

/** Skeleton: replaced by the real view. */
export function OverviewScreen() {
  return <ActionsTabs />;
}
