/** The app's sections, in sidebar order. `goKey` is the letter after `g`. */
export const SECTIONS = [
  { key: "problems", path: "/problems", goKey: "p" },
  { key: "analyses", path: "/analyses", goKey: "a" },
  { key: "personas", path: "/personas", goKey: "r" },
  { key: "empathy", path: "/empathy", goKey: "e" },
  { key: "journeys", path: "/journeys", goKey: "j" },
  { key: "actions", path: "/actions", goKey: "c" },
  { key: "dashboard", path: "/dashboard", goKey: "d" },
  { key: "settings", path: "/settings", goKey: "s" },
] as const;

export type Section = (typeof SECTIONS)[number];
export type SectionKey = Section["key"];

export const HOME_PATH = "/problems";

/** The trash: deleted and merged-away items, restorable. Listed last in the sidebar, after the sections. */
export const TRASH_PATH = "/trash";
