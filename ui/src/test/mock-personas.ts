/**
 * The persona commands of the mock backend (component tests only):
 * personas, quotes, pictures and problem links in memory, with the shell's
 * command names, argument shapes and `workspace-changed` events. The rules
 * the core owns are tested in the core; this mock keeps just enough of
 * them for screens to behave.
 */
import { LIMITS } from "../bindings/rules";
import type { MockHandlers } from "./mock-handlers";
import type { ChangeEvent } from "../bindings/ChangeEvent";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { FieldError } from "../bindings/FieldError";
import type { LinkedProblem } from "../bindings/LinkedProblem";
import type { NewPersona } from "../bindings/NewPersona";
import type { Persona } from "../bindings/Persona";
import type { PersonaCard } from "../bindings/PersonaCard";
import type { PersonaDetail } from "../bindings/PersonaDetail";
import type { PersonaEdit } from "../bindings/PersonaEdit";
import type { PersonaRef } from "../bindings/PersonaRef";
import type { Problem } from "../bindings/Problem";
import type { Quote } from "../bindings/Quote";
import type { QuoteInput } from "../bindings/QuoteInput";
import type { QuoteSource } from "../bindings/QuoteSource";
import type { Rule } from "../bindings/Rule";

/** The personas part of the mock's state. */
export interface MockPersonaState {
  personas: (Persona & { deleted?: boolean })[];
  quotes: (Quote & { deleted?: boolean })[];
  /** Persona id → linked problem ids. */
  links: Record<string, string[]>;
  /** Persona id → picture data URL. */
  pictures: Record<string, string>;
  /** What the next `persona_picture_pick` does: a data URL to store, an error to reject with, or null (cancelled). */
  nextPicture?: string | ErrorPayload | null;
}

type Reject = (payload: ErrorPayload) => Promise<never>;

let nextId = 1;
const mockId = () => `0190d000-0000-7000-8000-${String(nextId++).padStart(12, "0")}`;

/** A persona as the shell returns it: defaults for every field, `fields` on top. */
export function makePersona(name: string, fields: Partial<Persona> = {}): Persona {
  const now = new Date().toISOString();
  return {
    id: mockId(),
    name,
    role: "",
    segment: "",
    goals: "",
    painPoints: "",
    triggers: "",
    fears: "",
    channels: [],
    story: "",
    demographics: "",
    hasPicture: false,
    sample: false,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** A quote as the shell returns it. */
export function makeQuote(
  personaId: string,
  text: string,
  source: QuoteSource = "interview",
  fields: Partial<Quote> = {},
): Quote {
  const now = new Date().toISOString();
  return {
    id: mockId(),
    personaId,
    text,
    source,
    reference: "",
    saidOn: now.slice(0, 10),
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** The persona's text fields and their limits, as the core checks them. */
const TEXT_LIMITS = {
  name: LIMITS.persona.name,
  role: LIMITS.persona.role,
  segment: LIMITS.persona.segment,
  goals: LIMITS.persona.goals,
  painPoints: LIMITS.persona.painPoints,
  triggers: LIMITS.persona.triggers,
  fears: LIMITS.persona.fears,
  story: LIMITS.persona.story,
  demographics: LIMITS.persona.demographics,
} as const;
const QUOTE_MAX = LIMITS.persona.quote;
const REFERENCE_MAX = LIMITS.persona.quoteReference;

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The persona command handlers, over `state` and the mock's problems. */
export function personaHandlers(
  state: MockPersonaState,
  problems: () => Problem[],
  changed: (event: ChangeEvent) => Promise<void>,
  reject: Reject,
): MockHandlers {
  const invalid = (errors: FieldError[]) => {
    const [first] = errors;
    return reject({
      code: "invalid_input",
      message: errors.map((e) => `${e.field}: ${e.rule}`).join(", "),
      details: {
        ...(first === undefined
          ? {}
          : {
              field: first.field,
              rule: first.rule,
              ...(first.limit === null ? {} : { limit: first.limit }),
            }),
        fields: errors,
      },
    });
  };
  const issue = (field: string, rule: Rule, limit: number | null = null): FieldError => ({
    field,
    rule,
    limit,
  });
  const notFound = (entity: string, id: unknown) =>
    reject({ code: "not_found", message: `${entity} ${String(id)}`, details: { entity, id: String(id) } });

  const strip = <T extends object>(item: T & { deleted?: boolean }): T => {
    const copy = { ...item };
    delete copy.deleted;
    return copy;
  };
  const livePersonas = () => state.personas.filter((p) => p.deleted !== true);
  const findPersona = (id: unknown) => livePersonas().find((p) => p.id === id);
  const findQuote = (id: unknown) =>
    state.quotes.find((q) => q.id === id && q.deleted !== true && findPersona(q.personaId) !== undefined);
  const quotesOf = (personaId: string) =>
    state.quotes
      .filter((q) => q.personaId === personaId && q.deleted !== true)
      .sort((a, b) => b.saidOn.localeCompare(a.saidOn) || b.createdAt.localeCompare(a.createdAt))
      .map(strip);
  const problemsOf = (personaId: string): LinkedProblem[] => {
    const live = problems();
    return (state.links[personaId] ?? [])
      .map((id) => live.find((p) => p.id === id))
      .filter((p): p is Problem => p !== undefined)
      .sort((a, b) => a.title.toLowerCase().localeCompare(b.title.toLowerCase()))
      .map((p) => ({ id: p.id, title: p.title, status: p.status }));
  };
  const touch = (p: Persona) => {
    p.updatedAt = new Date().toISOString();
  };
  const byName = (a: Persona, b: Persona) =>
    a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id);

  const checkText = (field: keyof typeof TEXT_LIMITS, value: string | undefined): FieldError | null => {
    const text = (value ?? "").trim();
    if (field === "name" && text === "") return issue(field, "required");
    if (Array.from(text).length > TEXT_LIMITS[field]) return issue(field, "too_long", TEXT_LIMITS[field]);
    return null;
  };
  const checkQuote = (input: QuoteInput): FieldError[] => {
    const errors: FieldError[] = [];
    const text = input.text.trim();
    const reference = (input.reference ?? "").trim();
    if (text === "") errors.push(issue("text", "required"));
    else if (Array.from(text).length > QUOTE_MAX) errors.push(issue("text", "too_long", QUOTE_MAX));
    if (input.source === "support_ticket" && reference === "") errors.push(issue("reference", "required"));
    else if (Array.from(reference).length > REFERENCE_MAX)
      errors.push(issue("reference", "too_long", REFERENCE_MAX));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.saidOn)) errors.push(issue("saidOn", "invalid"));
    else if (input.saidOn > today()) errors.push(issue("saidOn", "in_future"));
    return errors;
  };

  const create = (input: NewPersona): Persona | FieldError[] => {
    const errors = (Object.keys(TEXT_LIMITS) as (keyof typeof TEXT_LIMITS)[])
      .map((field) => checkText(field, input[field]))
      .filter((e): e is FieldError => e !== null);
    if (errors.length > 0) return errors;
    const persona = makePersona(input.name.trim(), {
      role: (input.role ?? "").trim(),
      segment: (input.segment ?? "").trim(),
      goals: (input.goals ?? "").trim(),
      painPoints: (input.painPoints ?? "").trim(),
      triggers: (input.triggers ?? "").trim(),
      fears: (input.fears ?? "").trim(),
      channels: [...new Set(input.channels ?? [])],
      story: (input.story ?? "").trim(),
      demographics: (input.demographics ?? "").trim(),
    });
    state.personas.push(persona);
    return persona;
  };

  return {
    persona_list: (): PersonaCard[] =>
      [...livePersonas()].sort(byName).map((p) => {
        const quotes = quotesOf(p.id);
        return {
          persona: strip(p),
          leadQuote: quotes[0] ?? null,
          quoteCount: quotes.length,
          problemCount: problemsOf(p.id).length,
          mapCount: 0,
        };
      }),
    persona_get: (args) => {
      const p = findPersona(args.id);
      if (p === undefined) return notFound("persona", args.id);
      const detail: PersonaDetail = {
        persona: strip(p),
        quotes: quotesOf(p.id),
        problems: problemsOf(p.id),
        maps: [],
      };
      return detail;
    },
    persona_create: (args) => {
      const out = create(args.input as NewPersona);
      if (Array.isArray(out)) return invalid(out);
      void changed({ entity: "persona", id: out.id, op: "create" });
      return strip(out);
    },
    persona_edit: (args) => {
      const p = findPersona(args.id);
      if (p === undefined) return notFound("persona", args.id);
      const edit = args.edit as PersonaEdit;
      if (edit.field === "channels") {
        p.channels = [...new Set(edit.value)];
      } else {
        const error = checkText(edit.field, edit.value);
        if (error !== null) return invalid([error]);
        p[edit.field] = edit.value.trim();
      }
      touch(p);
      void changed({ entity: "persona", id: p.id, op: "update" });
      return strip(p);
    },
    persona_delete: (args) => {
      const p = findPersona(args.id);
      if (p === undefined) return notFound("persona", args.id);
      p.deleted = true;
      void changed({ entity: "persona", id: p.id, op: "delete" });
      return null;
    },
    persona_duplicate: (args) => {
      const p = findPersona(args.id);
      if (p === undefined) return notFound("persona", args.id);
      const out = create({
        name: String(args.name),
        role: p.role,
        segment: p.segment,
        goals: p.goals,
        painPoints: p.painPoints,
        triggers: p.triggers,
        fears: p.fears,
        channels: p.channels,
        story: p.story,
        demographics: p.demographics,
      });
      if (Array.isArray(out)) return invalid(out);
      void changed({ entity: "persona", id: out.id, op: "create" });
      return strip(out);
    },
    persona_picture_pick: (args) => {
      const p = findPersona(args.id);
      if (p === undefined) return notFound("persona", args.id);
      const next = state.nextPicture ?? null;
      if (next === null) return null;
      if (typeof next !== "string") return reject(next);
      state.pictures[p.id] = next;
      p.hasPicture = true;
      touch(p);
      void changed({ entity: "persona", id: p.id, op: "update" });
      return strip(p);
    },
    persona_picture_clear: (args) => {
      const p = findPersona(args.id);
      if (p === undefined) return notFound("persona", args.id);
      if (p.hasPicture) {
        Reflect.deleteProperty(state.pictures, p.id);
        p.hasPicture = false;
        touch(p);
        void changed({ entity: "persona", id: p.id, op: "update" });
      }
      return strip(p);
    },
    persona_picture: (args) => {
      const p = findPersona(args.id);
      if (p === undefined) return notFound("persona", args.id);
      return state.pictures[p.id] ?? null;
    },
    quote_add: (args) => {
      const p = findPersona(args.personaId);
      if (p === undefined) return notFound("persona", args.personaId);
      const input = args.input as QuoteInput;
      const errors = checkQuote(input);
      if (errors.length > 0) return invalid(errors);
      const quote = makeQuote(p.id, input.text.trim(), input.source, {
        reference: (input.reference ?? "").trim(),
        saidOn: input.saidOn,
      });
      state.quotes.push(quote);
      touch(p);
      void changed({ entity: "quote", id: quote.id, op: "create" });
      return quote;
    },
    quote_edit: (args) => {
      const q = findQuote(args.id);
      if (q === undefined) return notFound("quote", args.id);
      const input = args.input as QuoteInput;
      const errors = checkQuote(input);
      if (errors.length > 0) return invalid(errors);
      q.text = input.text.trim();
      q.source = input.source;
      q.reference = (input.reference ?? "").trim();
      q.saidOn = input.saidOn;
      q.updatedAt = new Date().toISOString();
      void changed({ entity: "quote", id: q.id, op: "update" });
      return strip(q);
    },
    quote_delete: (args) => {
      const q = findQuote(args.id);
      if (q === undefined) return notFound("quote", args.id);
      q.deleted = true;
      void changed({ entity: "quote", id: q.id, op: "delete" });
      return null;
    },
    persona_link_problem: (args) => {
      const p = findPersona(args.personaId);
      if (p === undefined) return notFound("persona", args.personaId);
      const problemId = String(args.problemId);
      if (!problems().some((x) => x.id === problemId)) return notFound("problem", problemId);
      const current = state.links[p.id] ?? [];
      state.links[p.id] =
        args.linked === true
          ? [...current.filter((id) => id !== problemId), problemId]
          : current.filter((id) => id !== problemId);
      void changed({ entity: "persona", id: p.id, op: "update" });
      return null;
    },
    problem_personas: (args): PersonaRef[] =>
      [...livePersonas()]
        .filter((p) => (state.links[p.id] ?? []).includes(String(args.problemId)))
        .sort(byName)
        .map((p) => ({ id: p.id, name: p.name, segment: p.segment })),
    problem_maps: () => [],
    problem_notes: () => [],
  };
}
