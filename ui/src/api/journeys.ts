/**
 * Journey maps: the list with reviews due, a map's grid and pain overlay,
 * and the writes on maps, stages, touchpoints and lane cards.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Action } from "../bindings/Action";
import type { Card } from "../bindings/Card";
import type { JourneyCard } from "../bindings/JourneyCard";
import type { JourneyEdit } from "../bindings/JourneyEdit";
import type { JourneyGrid } from "../bindings/JourneyGrid";
import type { JourneyMap } from "../bindings/JourneyMap";
import type { Lane } from "../bindings/Lane";
import type { MarkdownLabels } from "../bindings/MarkdownLabels";
import type { MatchOutcome } from "../bindings/MatchOutcome";
import type { NewAction } from "../bindings/NewAction";
import type { NewJourney } from "../bindings/NewJourney";
import type { NewTouchpoint } from "../bindings/NewTouchpoint";
import type { PainQuery } from "../bindings/PainQuery";
import type { Stage } from "../bindings/Stage";
import type { Touchpoint } from "../bindings/Touchpoint";
import type { TouchpointEdit } from "../bindings/TouchpointEdit";
import type { TouchpointPain } from "../bindings/TouchpointPain";
import type { TouchpointProblem } from "../bindings/TouchpointProblem";
import { localToday } from "./actions";
import type { AppError } from "./errors";
import { queryKeys, useWrite } from "./freshness";
import { invoke } from "./invoke";

export function listJourneys(): Promise<JourneyCard[]> {
  return invoke<JourneyCard[]>("journey_list", { today: localToday() });
}

export function journeyGrid(id: string): Promise<JourneyGrid> {
  return invoke<JourneyGrid>("journey_grid", { id });
}

export function journeyPain(id: string, query: PainQuery): Promise<TouchpointPain[]> {
  return invoke<TouchpointPain[]>("journey_pain", { id, query });
}

/** How many live maps are due for review today (the reminder's figure). */
export function checkReviewsDue(): Promise<number> {
  return invoke<number>("journey_reviews_due", { today: localToday() });
}

/** A touchpoint's live problems. */
export function touchpointProblems(id: string): Promise<TouchpointProblem[]> {
  return invoke<TouchpointProblem[]>("touchpoint_problems", { id });
}

/** Links a problem to a touchpoint, or unlinks it. */
export async function linkTouchpointProblem(
  id: string,
  problemId: string,
  linked: boolean,
): Promise<undefined> {
  await invoke<null>("touchpoint_link_problem", { id, problemId, linked });
  return undefined;
}

/** The map's content as Markdown in `labels`' words, saved where the user picks; null when cancelled. */
export function exportJourneyMarkdown(
  id: string,
  labels: MarkdownLabels,
  name: string,
): Promise<string | null> {
  return invoke<string | null>("journey_markdown", { id, labels, name });
}

export function createJourney(input: NewJourney): Promise<JourneyMap> {
  return invoke<JourneyMap>("journey_create", { input });
}

export function editJourney(id: string, edit: JourneyEdit): Promise<JourneyMap> {
  return invoke<JourneyMap>("journey_edit", { id, edit });
}

/** Pins an empathy note or a persona's quote to a touchpoint, or unpins it. */
export async function pinToTouchpoint(
  id: string,
  kind: "note" | "quote",
  itemId: string,
  pinned: boolean,
): Promise<undefined> {
  if (kind === "note") await invoke<null>("touchpoint_pin_note", { id, noteId: itemId, pinned });
  else await invoke<null>("touchpoint_pin_quote", { id, quoteId: itemId, pinned });
  return undefined;
}

/** A future ("to be") map made from a current one, named `name`. */
export function futureJourney(id: string, name: string): Promise<JourneyMap> {
  return invoke<JourneyMap>("journey_future", { id, name });
}

/** What linking problems by their journey stage text would do. */
export function previewJourneyMatch(id: string): Promise<MatchOutcome> {
  return invoke<MatchOutcome>("journey_match_preview", { id });
}

/** Links the problems whose journey stage text names a touchpoint or stage of the map. */
export function linkJourneyMatch(id: string): Promise<MatchOutcome> {
  return invoke<MatchOutcome>("journey_match_link", { id });
}

/** A corrective action made from an opportunity card (the card remembers it). */
export function actionFromCard(id: string, input: NewAction): Promise<Action> {
  return invoke<Action>("card_make_action", { id, input });
}

export function markJourneyReviewed(id: string): Promise<JourneyMap> {
  return invoke<JourneyMap>("journey_reviewed", { id });
}

export async function deleteJourney(id: string): Promise<void> {
  await invoke<null>("journey_delete", { id });
}

export function addStage(mapId: string, name: string, before: string | null): Promise<Stage> {
  return invoke<Stage>("stage_add", { mapId, name, before });
}

export function renameStage(id: string, name: string): Promise<Stage> {
  return invoke<Stage>("stage_rename", { id, name });
}

export function moveStage(id: string, before: string | null): Promise<Stage> {
  return invoke<Stage>("stage_move", { id, before });
}

/** Moves a stage to the trash; one with touchpoints is refused (`stage_has_touchpoints`) unless `withTouchpoints`. */
export async function deleteStage(id: string, withTouchpoints: boolean): Promise<undefined> {
  await invoke<null>("stage_delete", { id, withTouchpoints });
  return undefined;
}

export function addTouchpoint(input: NewTouchpoint): Promise<Touchpoint> {
  return invoke<Touchpoint>("touchpoint_add", { input });
}

export function editTouchpoint(id: string, edit: TouchpointEdit): Promise<Touchpoint> {
  return invoke<Touchpoint>("touchpoint_edit", { id, edit });
}

export function moveTouchpoint(id: string, stageId: string, before: string | null): Promise<Touchpoint> {
  return invoke<Touchpoint>("touchpoint_move", { id, stageId, before });
}

export async function deleteTouchpoint(id: string): Promise<void> {
  await invoke<null>("touchpoint_delete", { id });
}

export function addCard(stageId: string, lane: Lane, text: string): Promise<Card> {
  return invoke<Card>("card_add", { stageId, lane, text });
}

export function editCard(id: string, text: string): Promise<Card> {
  return invoke<Card>("card_edit", { id, text });
}

/** Moves a card to the cell of `stageId` and `lane`, before `before` (a card of that cell) or last. */
export function moveCard(id: string, stageId: string, lane: Lane, before: string | null): Promise<Card> {
  return invoke<Card>("card_move", { id, stageId, lane, before });
}

export async function deleteCard(id: string): Promise<void> {
  await invoke<null>("card_delete", { id });
}

export const journeyKeys = {
  all: queryKeys.journeys,
  list: [...queryKeys.journeys, "list"] as const,
  grid: (id: string) => [...queryKeys.journeys, "grid", id] as const,
  pain: (id: string, query: PainQuery) => [...queryKeys.journeys, "pain", id, query] as const,
  problems: (touchpointId: string) => [...queryKeys.journeys, "problems", touchpointId] as const,
  match: (id: string) => [...queryKeys.journeys, "match", id] as const,
};

export function useTouchpointProblems(id: string, enabled: boolean) {
  return useQuery<TouchpointProblem[], AppError>({
    queryKey: journeyKeys.problems(id),
    queryFn: () => touchpointProblems(id),
    enabled,
  });
}

export function useLinkTouchpointProblem() {
  return useWrite<undefined, { id: string; problemId: string; linked: boolean }>(
    ({ id, problemId, linked }) => linkTouchpointProblem(id, problemId, linked),
  );
}

export function useJourneys() {
  return useQuery<JourneyCard[], AppError>({ queryKey: journeyKeys.list, queryFn: listJourneys });
}

export function useJourneyGrid(id: string) {
  return useQuery<JourneyGrid, AppError>({ queryKey: journeyKeys.grid(id), queryFn: () => journeyGrid(id) });
}

export function useJourneyPain(id: string, query: PainQuery) {
  return useQuery<TouchpointPain[], AppError>({
    queryKey: journeyKeys.pain(id, query),
    queryFn: () => journeyPain(id, query),
    placeholderData: keepPreviousData,
  });
}

export function useCreateJourney() {
  return useWrite<JourneyMap, NewJourney>(createJourney);
}

export function useEditJourney() {
  return useWrite<JourneyMap, { id: string; edit: JourneyEdit }>(({ id, edit }) => editJourney(id, edit));
}

export function usePinToTouchpoint() {
  return useWrite<undefined, { id: string; kind: "note" | "quote"; itemId: string; pinned: boolean }>(
    ({ id, kind, itemId, pinned }) => pinToTouchpoint(id, kind, itemId, pinned),
  );
}

export function useFutureJourney() {
  return useWrite<JourneyMap, { id: string; name: string }>(({ id, name }) => futureJourney(id, name));
}

/** What matching the problems' journey stage texts would link (asked for when shown). */
export function useJourneyMatchPreview(id: string, enabled: boolean) {
  return useQuery<MatchOutcome, AppError>({
    queryKey: journeyKeys.match(id),
    queryFn: () => previewJourneyMatch(id),
    enabled,
  });
}

export function useLinkJourneyMatch() {
  return useWrite<MatchOutcome, string>(linkJourneyMatch);
}

export function useActionFromCard() {
  return useWrite<Action, { id: string; input: NewAction }>(({ id, input }) => actionFromCard(id, input));
}

export function useMarkJourneyReviewed() {
  return useWrite<JourneyMap, string>(markJourneyReviewed);
}

export function useDeleteJourney() {
  return useWrite(deleteJourney, { awaitRefresh: false });
}

export function useAddStage() {
  return useWrite<Stage, { mapId: string; name: string; before: string | null }>(({ mapId, name, before }) =>
    addStage(mapId, name, before),
  );
}

export function useRenameStage() {
  return useWrite<Stage, { id: string; name: string }>(({ id, name }) => renameStage(id, name));
}

export function useMoveStage() {
  return useWrite<Stage, { id: string; before: string | null }>(({ id, before }) => moveStage(id, before));
}

export function useDeleteStage() {
  return useWrite<undefined, { id: string; withTouchpoints: boolean }>(({ id, withTouchpoints }) =>
    deleteStage(id, withTouchpoints),
  );
}

export function useAddTouchpoint() {
  return useWrite<Touchpoint, NewTouchpoint>(addTouchpoint);
}

export function useEditTouchpoint() {
  return useWrite<Touchpoint, { id: string; edit: TouchpointEdit }>(({ id, edit }) =>
    editTouchpoint(id, edit),
  );
}

export function useMoveTouchpoint() {
  return useWrite<Touchpoint, { id: string; stageId: string; before: string | null }>(
    ({ id, stageId, before }) => moveTouchpoint(id, stageId, before),
  );
}

export function useDeleteTouchpoint() {
  return useWrite(deleteTouchpoint);
}

export function useAddCard() {
  return useWrite<Card, { stageId: string; lane: Lane; text: string }>(({ stageId, lane, text }) =>
    addCard(stageId, lane, text),
  );
}

export function useEditCard() {
  return useWrite<Card, { id: string; text: string }>(({ id, text }) => editCard(id, text));
}

export function useMoveCard() {
  return useWrite<Card, { id: string; stageId: string; lane: Lane; before: string | null }>(
    ({ id, stageId, lane, before }) => moveCard(id, stageId, lane, before),
  );
}

export function useDeleteCard() {
  return useWrite(deleteCard);
}
