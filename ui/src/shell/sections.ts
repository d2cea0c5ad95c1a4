/** The app's sections, in sidebar order. `goKey` is the letter after `g`. */
export const SECTIONS = [
  { key: "problems", path: "/problems", goKey: "p", built: true },
  { key: "analyses", path: "/analyses", goKey: "a", built: true },
  { key: "personas", path: "/personas", goKey: "r", built: true },
  { key: "empathy", path: "/empathy", goKey: "e", built: true },
  { key: "journeys", path: "/journeys", goKey: "j", built: false },
  { key: "actions", path: "/actions", goKey: "c", built: true },
  { key: "dashboard", path: "/dashboard", goKey: "d", built: true },
  { key: "settings", path: "/settings", goKey: "s", built: true },
] as const;

export type Section = (typeof SECTIONS)[number];
export type SectionKey = Section["key"];
/** Sections that only show a "not built yet" notice in this version. */
export type PlaceholderSectionKey = Extract<Section, { built: false }>["key"];

export const HOME_PATH = "/problems";

/** The trash: deleted and merged-away items, restorable. Listed last in the sidebar, after the sections. */
export const TRASH_PATH = "/trash";
