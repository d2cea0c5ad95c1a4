import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { GrowingText } from "./GrowingText";

function Harness({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return <GrowingText value={value} onChange={setValue} aria-label="cause" boxClassName="box" />;
}

describe("GrowingText", () => {
  it("keeps a copy of its text on the box, which sizes the field to all of it", () => {
    render(<Harness initial="The bank returns the refund" />);
    const field = screen.getByRole("textbox", { name: "cause" });
    expect(field.tagName).toBe("TEXTAREA");
    expect(field).toHaveAttribute("rows", "1");
    expect(field).toHaveAttribute("aria-multiline", "false");
    const box = field.parentElement;
    expect(box).toHaveClass("grow-text", "box");
    expect(box).toHaveAttribute("data-value", "The bank returns the refund");
    fireEvent.change(field, { target: { value: "The bank returns the refund late" } });
    expect(box).toHaveAttribute("data-value", "The bank returns the refund late");
  });

  it("stays one line: a pasted line break becomes a space, a typed one is refused", () => {
    render(<Harness initial="" />);
    const field = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "cause" });
    fireEvent.change(field, { target: { value: "first line\nsecond\r\nthird" } });
    expect(field.value).toBe("first line second third");
    const enter = new InputEvent("beforeinput", { inputType: "insertLineBreak", cancelable: true });
    field.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    const letter = new InputEvent("beforeinput", { inputType: "insertText", data: "a", cancelable: true });
    field.dispatchEvent(letter);
    expect(letter.defaultPrevented).toBe(false);
  });
});
