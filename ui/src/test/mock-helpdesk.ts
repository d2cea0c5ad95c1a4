/**
 * The help-desk import commands of the mock backend (component tests
 * only): the picked file, the check as the test words it for the options
 * the wizard sends (what a file becomes is worked out and tested in the
 * core), the import's outcome with its progress, and saved mappings kept
 * in memory.
 */
import type { ChangeEvent } from "../bindings/ChangeEvent";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { HelpdeskCheck } from "../bindings/HelpdeskCheck";
import type { HelpdeskImport } from "../bindings/HelpdeskImport";
import type { HelpdeskProgress } from "../bindings/HelpdeskProgress";
import type { ImportOptions } from "../bindings/ImportOptions";
import type { SavedMapping } from "../bindings/SavedMapping";
import { LIMITS } from "../bindings/rules";
import type { PickedTicketFile } from "../api/helpdesk";
import type { MockHandlers } from "./mock-handlers";

/** The help-desk part of the mock's state. */
export interface MockHelpdeskState {
  /** The file the wizard "picks" (null: the user cancelled). */
  file: PickedTicketFile | null;
  /** What checking the file under `options` finds (null: no file kept). */
  check: ((options: ImportOptions) => HelpdeskCheck) | null;
  /** What importing does (progress is reported to the end first). */
  outcome: HelpdeskImport | null;
  mappings: SavedMapping[];
}

export function defaultHelpdeskState(): MockHelpdeskState {
  return { file: null, check: null, outcome: null, mappings: [] };
}

/** A check with nothing in it, for tests to fill. */
export function emptyCheck(): HelpdeskCheck {
  return {
    format: "zendesk_csv",
    encoding: "utf8",
    replacedBytes: false,
    headers: [],
    columns: {},
    values: { channels: [], severities: [], statuses: [] },
    timeZone: "UTC",
    rows: 0,
    good: 0,
    problems: 0,
    reports: 0,
    alreadyImported: 0,
    csatAnswers: 0,
    preview: [],
    groups: [],
    issues: [],
    issueCount: 0,
  };
}

type Reject = (error: ErrorPayload) => Promise<never>;

interface ProgressChannel {
  onmessage?: (progress: HelpdeskProgress) => void;
}

export function helpdeskHandlers(
  state: MockHelpdeskState,
  changed: (event: ChangeEvent) => Promise<void>,
  reject: Reject,
): MockHandlers {
  return {
    helpdesk_import_pick: () => state.file,
    helpdesk_import_check: (args) =>
      state.check === null
        ? reject({ code: "conflict", message: "no file is being imported; pick it again", details: {} })
        : state.check(args.options as ImportOptions),
    helpdesk_import_run: async (args) => {
      const options = args.options as ImportOptions;
      const outcome = state.outcome ?? {
        problemsCreated: 0,
        reportsAdded: 0,
        alreadyImported: 0,
        csatAnswers: 0,
        skipped: 0,
        refused: false,
        cancelled: false,
        issues: [],
        issueCount: 0,
      };
      const total = outcome.problemsCreated + outcome.reportsAdded;
      (args.progress as ProgressChannel | undefined)?.onmessage?.({ done: total, total });
      const shown = options.skipBadRows ? outcome : { ...outcome, skipped: 0 };
      if (total > 0) await changed({ entity: "problem", id: "", op: "create" });
      return shown;
    },
    helpdesk_import_cancel: () => null,
    helpdesk_mapping_list: () => [...state.mappings].sort((a, b) => a.name.localeCompare(b.name)),
    helpdesk_mapping_save: async (args) => {
      const name = String(args.name).trim();
      if (name === "")
        return reject({
          code: "invalid_input",
          message: "name is required",
          details: { field: "name", rule: "required" },
        });
      if (name.length > LIMITS.helpdesk.mappingName)
        return reject({
          code: "invalid_input",
          message: "name is too long",
          details: { field: "name", rule: "too_long", limit: LIMITS.helpdesk.mappingName },
        });
      const old = state.mappings.find((m) => m.name.toLowerCase() === name.toLowerCase());
      const saved: SavedMapping = {
        id: old?.id ?? `mapping-${String(state.mappings.length + 1)}`,
        name,
        format: args.format as SavedMapping["format"],
        columns: args.columns as SavedMapping["columns"],
        values: args.values as SavedMapping["values"],
        ...(typeof args.timeZone === "string" ? { timeZone: args.timeZone } : {}),
        updatedAt: "2026-12-07T10:00:00Z",
      };
      state.mappings = [...state.mappings.filter((m) => m.id !== saved.id), saved];
      await changed({ entity: "import_mapping", id: saved.id, op: old === undefined ? "create" : "update" });
      return saved;
    },
    helpdesk_mapping_delete: async (args) => {
      state.mappings = state.mappings.filter((m) => m.id !== args.id);
      await changed({ entity: "import_mapping", id: String(args.id), op: "delete" });
      return null;
    },
  };
}
