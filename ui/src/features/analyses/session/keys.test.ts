import { describe, expect, it } from "vitest";
import { digitOf, sessionKeyAction, type SessionKeyContext } from "./keys";

const outside: SessionKeyContext = {
  dir: "ltr",
  typing: false,
  hasText: false,
  singleLine: false,
  inChain: false,
};
const press = (key: string, extra: Partial<KeyboardEvent> = {}) => ({
  key,
  code: "",
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...extra,
});

describe("session keys", () => {
  it("picks an answer with 1-9 from any layout, outside a field", () => {
    expect(sessionKeyAction(press("3"), outside)).toEqual({ type: "deeper", index: 2 });
    expect(sessionKeyAction(press("٢"), outside)).toEqual({ type: "deeper", index: 1 });
    expect(digitOf(press("&", { code: "Digit7" }))).toBe(7);
    expect(sessionKeyAction(press("0"), outside)).toBeNull();
    expect(sessionKeyAction(press("3"), { ...outside, typing: true, singleLine: true })).toBeNull();
  });

  it("goes back with Backspace outside a field, and Alt+Up or Alt+the back arrow anywhere", () => {
    expect(sessionKeyAction(press("Backspace"), outside)).toEqual({ type: "back" });
    expect(sessionKeyAction(press("Backspace"), { ...outside, typing: true })).toBeNull();
    const typing = { ...outside, typing: true, hasText: true, singleLine: true };
    expect(sessionKeyAction(press("ArrowUp", { altKey: true }), typing)).toEqual({ type: "back" });
    expect(sessionKeyAction(press("ArrowLeft", { altKey: true }), outside)).toEqual({ type: "back" });
    expect(sessionKeyAction(press("ArrowRight", { altKey: true }), outside)).toBeNull();
  });

  it("mirrors the spatial arrows in right-to-left", () => {
    const rtl: SessionKeyContext = { ...outside, dir: "rtl" };
    expect(sessionKeyAction(press("ArrowRight", { altKey: true }), rtl)).toEqual({ type: "back" });
    expect(sessionKeyAction(press("ArrowLeft", { altKey: true }), rtl)).toBeNull();
    const chainLtr = { ...outside, inChain: true };
    const chainRtl = { ...rtl, inChain: true };
    expect(sessionKeyAction(press("ArrowRight"), chainLtr)).toEqual({ type: "moveCrumb", by: 1 });
    expect(sessionKeyAction(press("ArrowLeft"), chainRtl)).toEqual({ type: "moveCrumb", by: 1 });
    expect(sessionKeyAction(press("ArrowRight"), chainRtl)).toEqual({ type: "moveCrumb", by: -1 });
    // The answer list is vertical: Up and Down do not mirror.
    expect(sessionKeyAction(press("ArrowDown"), rtl)).toEqual({ type: "moveAnswer", by: 1 });
  });

  it("leaves Ctrl+Z to a field with text, and undoes or redoes otherwise", () => {
    expect(sessionKeyAction(press("z", { ctrlKey: true }), outside)).toEqual({ type: "undo" });
    expect(sessionKeyAction(press("Z", { ctrlKey: true, shiftKey: true }), outside)).toEqual({
      type: "redo",
    });
    expect(sessionKeyAction(press("y", { ctrlKey: true }), outside)).toEqual({ type: "redo" });
    // An Arabic layout: the physical Z key.
    expect(sessionKeyAction(press("ئ", { ctrlKey: true, code: "KeyZ" }), outside)).toEqual({ type: "undo" });
    const empty = { ...outside, typing: true, singleLine: true };
    expect(sessionKeyAction(press("z", { ctrlKey: true }), empty)).toEqual({ type: "undo" });
    expect(sessionKeyAction(press("z", { ctrlKey: true }), { ...empty, hasText: true })).toBeNull();
  });

  it("Escape leaves a field first, then the session", () => {
    expect(sessionKeyAction(press("Escape"), { ...outside, typing: true })).toEqual({ type: "blur" });
    expect(sessionKeyAction(press("Escape"), outside)).toEqual({ type: "exit" });
  });

  it("moves from an empty answer field to the answers with the arrows", () => {
    const field = { ...outside, typing: true, singleLine: true };
    expect(sessionKeyAction(press("ArrowDown"), field)).toEqual({ type: "moveAnswer", by: 1 });
    expect(sessionKeyAction(press("ArrowDown"), { ...field, hasText: true })).toBeNull();
    expect(sessionKeyAction(press("a"), outside)).toEqual({ type: "focusInput" });
    expect(sessionKeyAction(press("ش", { code: "KeyA" }), outside)).toEqual({ type: "focusInput" });
    expect(sessionKeyAction(press("f"), outside)).toEqual({ type: "toggleFullscreen" });
    expect(sessionKeyAction(press("t"), outside)).toEqual({ type: "toggleTimer" });
    expect(sessionKeyAction(press("a"), field)).toBeNull();
  });
});
