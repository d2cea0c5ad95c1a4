import { useParams } from "react-router";

/** Skeleton: replaced by the real page. */
export function ActionDetailScreen() {
  const { id } = useParams();
  return <p>{id}</p>;
}
