import { flattenProblems, type ProblemFilters, useProblems } from "../../../api/problems";

const FILTERS: ProblemFilters = {
  statuses: [],
  severities: [],
  channels: [],
  sort: "title",
  descending: false,
};

/** Problems to pick from (the first page, by title), with the current choice kept when not loaded. */
export function useProblemOptions(current: { id: string | null; title: string | null }) {
  const problems = useProblems(FILTERS);
  const items = flattenProblems(problems.data).items.map((p) => ({ id: p.id, title: p.title }));
  if (current.id !== null && !items.some((p) => p.id === current.id)) {
    items.unshift({ id: current.id, title: current.title ?? current.id });
  }
  return items;
}
