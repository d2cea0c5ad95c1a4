// Generated from rootwise-report; do not edit (`make bindings`).
import type { Format } from "./Format";
import type { Paper } from "./Paper";

/** The papers a report can be set on, the default first. */
export const PAPERS: readonly Paper[] = ["a3_landscape", "a4_portrait"];

/** What a report can be saved as. */
export const FORMATS: readonly Format[] = ["pdf", "html"];
