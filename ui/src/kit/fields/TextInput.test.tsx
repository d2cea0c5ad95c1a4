import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import i18n from "../../i18n";
import { oneLine } from "./oneLine";
import { TextInput } from "./TextInput";

function Harness({ multiline = false, initial = "" }: { multiline?: boolean; initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <TextInput
        id="f"
        aria-invalid={false}
        aria-describedby={undefined}
        value={value}
        onChange={setValue}
        testId="title"
        multiline={multiline}
      />
      <output data-testid="stored">{JSON.stringify(value)}</output>
    </>
  );
}

describe("oneLine", () => {
  it("turns every run of whitespace holding a line break or a tab into one space, like the core", () => {
    expect(oneLine("line1\nline2\nline3")).toBe("line1 line2 line3");
    expect(oneLine("a\r\n\r\nb")).toBe("a b");
    expect(oneLine("a \t b")).toBe("a b");
    expect(oneLine("a  b")).toBe("a  b");
    expect(oneLine("لماذا\u2028الآن")).toBe("لماذا الآن");
  });
});

describe("TextInput", () => {
  it("joins pasted lines with spaces in a one-line field, drops tabs, and says so", async () => {
    const user = userEvent.setup();
    render(<Harness initial="Title: " />);
    const input = screen.getByTestId("title");
    await user.click(input);
    await user.paste("line1\nline2\tline3");
    // The paste settles on the next frame: wait for it (a busy machine is slower).
    await waitFor(() => {
      expect(screen.getByTestId("stored")).toHaveTextContent('"Title: line1 line2 line3"');
    });
    expect(input).toHaveValue("Title: line1 line2 line3");
    expect(screen.getByTestId("title-joined")).toHaveTextContent(i18n.t("textField.joinedLines"));
    expect(screen.getByTestId("title-joined")).toHaveAttribute("role", "status");

    // Typing on clears the notice; a paste of one line says nothing.
    await user.type(input, "!");
    expect(screen.queryByTestId("title-joined")).toBeNull();
    await user.paste(" more");
    expect(input).toHaveValue("Title: line1 line2 line3! more");
    expect(screen.queryByTestId("title-joined")).toBeNull();
  });

  it("says so in Arabic too", async () => {
    await i18n.changeLanguage("ar");
    try {
      const user = userEvent.setup();
      render(<Harness />);
      await user.click(screen.getByTestId("title"));
      await user.paste("سطر\nآخر");
      await waitFor(() => {
        expect(screen.getByTestId("title")).toHaveValue("سطر آخر");
      });
      expect(screen.getByTestId("title-joined")).toHaveTextContent("هذا الحقل سطر واحد");
    } finally {
      await i18n.changeLanguage("en");
    }
  });

  it("keeps pasted lines and tabs in a multi-line field", async () => {
    const user = userEvent.setup();
    render(<Harness multiline />);
    await user.click(screen.getByTestId("title"));
    await user.paste("line1\nline2\tline3");
    expect(screen.getByTestId("title")).toHaveValue("line1\nline2\tline3");
    expect(screen.queryByTestId("title-joined")).toBeNull();
  });
});
