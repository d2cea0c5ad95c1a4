/** Input types in which typing a character does not insert text. */
const NON_TEXT_INPUTS = new Set([
  "button",
  "checkbox",
  "color",
  "file",
  "image",
  "radio",
  "range",
  "reset",
  "submit",
]);

/** True when a key press on `target` is someone typing, which shortcuts must leave alone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  // jsdom and some engines do not compute isContentEditable; check the attribute too.
  return target.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/** True while a modal dialog (the help overlay, a confirmation) is open: shortcuts wait for it. */
export function isModalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

/** Latin characters of physical keys that are not letters, for non-Latin layouts. */
const CODE_KEYS: Record<string, string> = {
  Slash: "/", // "ظ" on the common Arabic layout
};

/** Keys that other layouts produce where a Latin layout has the shortcut's key. */
const EQUIVALENT_KEYS: Record<string, string> = {
  "؟": "?", // Arabic question mark (Shift + the "/" key on Arabic layouts)
};

/**
 * The shortcut key for a key press: `KeyboardEvent.key` for Latin keys, and the
 * Latin letter of the physical key when a non-Latin layout (such as Arabic) is
 * active, so `g p` works whatever the keyboard layout. Null for modifiers and
 * other keys that are never part of a shortcut.
 */
export function shortcutKey(event: Pick<KeyboardEvent, "key" | "code" | "shiftKey">): string | null {
  const { key, code } = event;
  if (key.length !== 1) return null;
  const equivalent = EQUIVALENT_KEYS[key];
  if (equivalent !== undefined) return equivalent;
  if (/^[\x20-\x7e]$/.test(key)) return key;
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter !== undefined) return event.shiftKey ? letter : letter.toLowerCase();
  if (!event.shiftKey) return CODE_KEYS[code] ?? null;
  return null;
}
