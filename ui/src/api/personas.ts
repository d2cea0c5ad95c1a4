/**
 * Personas: the commands and their queries, and the problem page's links
 * (personas, maps and notes of a problem).
 */
import { useQuery } from "@tanstack/react-query";
import type { MapRef } from "../bindings/MapRef";
import type { NewPersona } from "../bindings/NewPersona";
import type { NoteRef } from "../bindings/NoteRef";
import type { Persona } from "../bindings/Persona";
import type { PersonaCard } from "../bindings/PersonaCard";
import type { PersonaDetail } from "../bindings/PersonaDetail";
import type { PersonaEdit } from "../bindings/PersonaEdit";
import type { PersonaRef } from "../bindings/PersonaRef";
import type { Quote } from "../bindings/Quote";
import type { QuoteInput } from "../bindings/QuoteInput";
import type { AppError } from "./errors";
import { invoke } from "./invoke";
import { queryKeys, useWrite } from "./freshness";

/** Every live persona, by name, with its lead quote and counts. */
export function listPersonas(): Promise<PersonaCard[]> {
  return invoke<PersonaCard[]>("persona_list");
}

/** One persona with its quotes, problems and maps. */
export function getPersona(id: string): Promise<PersonaDetail> {
  return invoke<PersonaDetail>("persona_get", { id });
}

/** Creates a persona; rejects with invalid_input listing every broken rule. */
export function createPersona(input: NewPersona): Promise<Persona> {
  return invoke<Persona>("persona_create", { input });
}

/** Changes one field of a persona. */
export function editPersona(id: string, edit: PersonaEdit): Promise<Persona> {
  return invoke<Persona>("persona_edit", { id, edit });
}

/** Moves a persona to the trash (restorable). */
export async function deletePersona(id: string): Promise<void> {
  await invoke<null>("persona_delete", { id });
}

/** Copies a persona's profile (not its quotes, picture or links) into a new persona. */
export function duplicatePersona(id: string, name: string): Promise<Persona> {
  return invoke<Persona>("persona_duplicate", { id, name });
}

/**
 * Asks for a PNG or JPEG in the native dialog and stores it as the picture.
 * Null when cancelled; rejects with rule `too_large` or `not_image` (field `picture`).
 */
export function pickPersonaPicture(id: string): Promise<Persona | null> {
  return invoke<Persona | null>("persona_picture_pick", { id });
}

/** Removes a persona's picture. */
export function clearPersonaPicture(id: string): Promise<Persona> {
  return invoke<Persona>("persona_picture_clear", { id });
}

/** A persona's picture as a `data:` URL, or null. */
export function personaPicture(id: string): Promise<string | null> {
  return invoke<string | null>("persona_picture", { id });
}

/** Adds a quote; a support ticket needs its reference. */
export function addQuote(personaId: string, input: QuoteInput): Promise<Quote> {
  return invoke<Quote>("quote_add", { personaId, input });
}

/** Replaces a quote's words, source, reference and day. */
export function editQuote(id: string, input: QuoteInput): Promise<Quote> {
  return invoke<Quote>("quote_edit", { id, input });
}

/** Moves a quote to the trash. */
export async function deleteQuote(id: string): Promise<void> {
  await invoke<null>("quote_delete", { id });
}

/** Links a persona to a problem that hurts it, or unlinks it. */
export async function linkPersonaProblem(
  personaId: string,
  problemId: string,
  linked: boolean,
): Promise<void> {
  await invoke<null>("persona_link_problem", { personaId, problemId, linked });
}

/** The personas a problem hurts. */
export function problemPersonas(problemId: string): Promise<PersonaRef[]> {
  return invoke<PersonaRef[]>("problem_personas", { problemId });
}

/** The empathy maps about a problem. */
export function problemMaps(problemId: string): Promise<MapRef[]> {
  return invoke<MapRef[]>("problem_maps", { problemId });
}

/** The notes that are evidence of a problem. */
export function problemNotes(problemId: string): Promise<NoteRef[]> {
  return invoke<NoteRef[]>("problem_notes", { problemId });
}

export const personaKeys = {
  all: queryKeys.personas,
  list: [...queryKeys.personas, "list"] as const,
  detail: (id: string) => [...queryKeys.personas, "detail", id] as const,
  picture: (id: string) => [...queryKeys.personas, "picture", id] as const,
  ofProblem: (problemId: string) => [...queryKeys.personas, "problem", problemId] as const,
  mapsOfProblem: (problemId: string) => [...queryKeys.empathy, "problem", problemId] as const,
  notesOfProblem: (problemId: string) => [...queryKeys.empathy, "problem-notes", problemId] as const,
};

/** The persona list. */
export function usePersonas() {
  return useQuery<PersonaCard[], AppError>({ queryKey: personaKeys.list, queryFn: listPersonas });
}

/** One persona's page. */
export function usePersona(id: string) {
  return useQuery<PersonaDetail, AppError>({
    queryKey: personaKeys.detail(id),
    queryFn: () => getPersona(id),
  });
}

/** A persona's picture (null when it has none). */
export function usePersonaPicture(id: string, hasPicture: boolean) {
  return useQuery<string | null, AppError>({
    queryKey: personaKeys.picture(id),
    queryFn: () => personaPicture(id),
    enabled: hasPicture,
  });
}

/** The personas a problem hurts. */
export function useProblemPersonas(problemId: string) {
  return useQuery<PersonaRef[], AppError>({
    queryKey: personaKeys.ofProblem(problemId),
    queryFn: () => problemPersonas(problemId),
  });
}

/** The maps about a problem. */
export function useProblemMaps(problemId: string) {
  return useQuery<MapRef[], AppError>({
    queryKey: personaKeys.mapsOfProblem(problemId),
    queryFn: () => problemMaps(problemId),
  });
}

/** The notes that are evidence of a problem. */
export function useProblemNotes(problemId: string) {
  return useQuery<NoteRef[], AppError>({
    queryKey: personaKeys.notesOfProblem(problemId),
    queryFn: () => problemNotes(problemId),
  });
}

/** Creates a persona. */
export function useCreatePersona() {
  return useWrite<Persona, NewPersona>(createPersona);
}

/** Edits one field of a persona. */
export function useEditPersona() {
  return useWrite<Persona, { id: string; edit: PersonaEdit }>(({ id, edit }) => editPersona(id, edit));
}

/** Moves a persona to the trash. */
export function useDeletePersona() {
  return useWrite(deletePersona, { awaitRefresh: false });
}

/** Duplicates a persona as a template. */
export function useDuplicatePersona() {
  return useWrite<Persona, { id: string; name: string }>(({ id, name }) => duplicatePersona(id, name));
}

/** Picks and stores a picture. */
export function usePickPersonaPicture() {
  return useWrite<Persona | null, string>(pickPersonaPicture);
}

/** Removes a picture. */
export function useClearPersonaPicture() {
  return useWrite<Persona, string>(clearPersonaPicture);
}

/** Adds a quote. */
export function useAddQuote() {
  return useWrite<Quote, { personaId: string; input: QuoteInput }>(({ personaId, input }) =>
    addQuote(personaId, input),
  );
}

/** Replaces a quote. */
export function useEditQuote() {
  return useWrite<Quote, { id: string; input: QuoteInput }>(({ id, input }) => editQuote(id, input));
}

/** Moves a quote to the trash. */
export function useDeleteQuote() {
  return useWrite(deleteQuote, { awaitRefresh: false });
}

/** Links or unlinks a persona and a problem. */
export function useLinkPersonaProblem() {
  return useWrite(
    ({ personaId, problemId, linked }: { personaId: string; problemId: string; linked: boolean }) =>
      linkPersonaProblem(personaId, problemId, linked),
  );
}
