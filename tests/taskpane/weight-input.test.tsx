/** @jest-environment jsdom */
/**
 * The weight box that replaced Fluent's SpinButton (issue 7): the same keyboard use (arrows, Page Up and
 * Down, Home, End, Enter, Escape), typed text kept as typed, bounds applied when the box is left.
 */
import { FluentProvider, Field, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { clampToStep, parseWeight, WeightInput } from "../../src/taskpane/panels/WeightInput";

function Harness({ initial, onCommit }: { initial: number; onCommit: (v: number) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <FluentProvider theme={webLightTheme}>
      <Field label="Weight">
        <WeightInput
          value={value}
          min={0}
          max={1}
          step={0.05}
          onCommit={(v) => {
            setValue(v);
            onCommit(v);
          }}
        />
      </Field>
      <output data-testid="value">{value}</output>
    </FluentProvider>
  );
}

function setup(initial = 0.5) {
  const onCommit = jest.fn();
  render(<Harness initial={initial} onCommit={onCommit} />);
  const box = screen.getByRole("spinbutton", { name: "Weight" }) as HTMLInputElement;
  return { box, onCommit, value: () => screen.getByTestId("value").textContent };
}

describe("WeightInput", () => {
  it("parses a comma or a dot and refuses text that is not a number", () => {
    expect(parseWeight("0,25")).toBe(0.25);
    expect(parseWeight(" 0.7 ")).toBe(0.7);
    expect(parseWeight("")).toBeNull();
    expect(parseWeight("abc")).toBeNull();
  });

  it("keeps a value within the bounds, rounded to the step's decimals", () => {
    expect(clampToStep(0.1 + 0.05, 0, 1, 0.05)).toBe(0.15);
    expect(clampToStep(1.2, 0, 1, 0.05)).toBe(1);
    expect(clampToStep(-3, 0, 50, 1)).toBe(0);
  });

  it("steps with the arrows and by ten steps with Page Up and Page Down", async () => {
    const user = userEvent.setup();
    const { box, value } = setup(0.5);
    box.focus();
    await user.keyboard("{ArrowUp}");
    expect(value()).toBe("0.55");
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(value()).toBe("0.45");
    await user.keyboard("{PageUp}");
    expect(value()).toBe("0.95");
    await user.keyboard("{PageUp}");
    expect(value()).toBe("1");
    expect(box.value).toBe("1");
  });

  it("goes to the bounds with Home and End", async () => {
    const user = userEvent.setup();
    const { box, value } = setup(0.5);
    box.focus();
    await user.keyboard("{End}");
    expect(value()).toBe("1");
    await user.keyboard("{Home}");
    expect(value()).toBe("0");
  });

  it("brings a typed number outside the bounds within them when the box is left", async () => {
    const user = userEvent.setup();
    const { box, value } = setup(0.5);
    await user.clear(box);
    await user.type(box, "7");
    // Outside the bounds: not taken while typing, the text stays as typed.
    expect(value()).toBe("0.5");
    expect(box.value).toBe("7");
    await user.tab();
    expect(value()).toBe("1");
    expect(box.value).toBe("1");
  });

  it("gives way to the last value when the box is left empty, and Escape shows the value again", async () => {
    const user = userEvent.setup();
    const { box, value, onCommit } = setup(0.5);
    await user.clear(box);
    await user.tab();
    expect(box.value).toBe("0.5");
    expect(value()).toBe("0.5");
    expect(onCommit).not.toHaveBeenCalled();

    await user.clear(box);
    await user.keyboard("{Escape}");
    expect(box.value).toBe("0.5");
  });
});
