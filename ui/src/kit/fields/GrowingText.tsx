import { useEffect, useRef, type Ref, type TextareaHTMLAttributes } from "react";

export interface GrowingTextProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  "rows" | "value" | "onChange" | "ref"
> {
  value: string;
  /** The new value, line breaks turned into spaces (the value stays one line). */
  onChange: (value: string) => void;
  /** The class of the box around the text: its padding, border and focus ring. */
  boxClassName?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** One line of text in any run of line breaks, as a paste may bring. */
function oneLine(text: string): string {
  return text.replace(/\r\n?|\n/g, " ");
}

/**
 * A one-line text field that wraps and grows to show all of its text, for
 * rows that hold text of any length next to other things (a cause beside
 * its badges): nothing is cut off, whatever the width. The box is a grid
 * whose one cell holds the field and a hidden copy of its text; the copy
 * sets the height, so the field grows with CSS alone, follows width changes
 * (a panel opening, a window resized) and needs no measuring script.
 *
 * Enter inserts no line break: the caller's key handler decides what it does.
 */
export function GrowingText({ value, onChange, boxClassName, ref, className, ...rest }: GrowingTextProps) {
  const own = useRef<HTMLTextAreaElement | null>(null);
  const setRef = (element: HTMLTextAreaElement | null) => {
    own.current = element;
    if (typeof ref === "function") ref(element);
    else if (ref !== null && ref !== undefined) ref.current = element;
  };
  // Line breaks typed (Enter not taken by the caller) are refused before they land.
  useEffect(() => {
    const element = own.current;
    if (element === null) return;
    const refuseBreak = (event: InputEvent) => {
      if (event.inputType === "insertLineBreak" || event.inputType === "insertParagraph") {
        event.preventDefault();
      }
    };
    element.addEventListener("beforeinput", refuseBreak);
    return () => {
      element.removeEventListener("beforeinput", refuseBreak);
    };
  }, []);
  return (
    <div className={["grow-text", boxClassName ?? null].filter(Boolean).join(" ")} data-value={value}>
      <textarea
        {...rest}
        ref={setRef}
        className={["grow-text-field", className ?? null].filter(Boolean).join(" ")}
        rows={1}
        // One line that wraps: Enter never adds a line, so it is announced as a single-line field.
        aria-multiline={false}
        value={value}
        onChange={(event) => {
          onChange(oneLine(event.target.value));
        }}
      />
    </div>
  );
}
