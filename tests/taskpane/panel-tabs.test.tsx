/** @jest-environment jsdom */
/**
 * The pane's own tab list (it replaced Fluent's TabList, issue 7): the tabs pattern by keyboard alone,
 * one tab in Tab order, manual activation, the selected tab announced.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { PanelTabs } from "../../src/taskpane/components/PanelTabs";

const TABS = [
  { id: "a", label: "Alpha" },
  { id: "b", label: "Beta" },
  { id: "c", label: "Gamma" },
] as const;
type Id = (typeof TABS)[number]["id"];

function Harness({ onSelect }: { onSelect: (id: Id) => void }) {
  const [selected, setSelected] = useState<Id>("a");
  return (
    <FluentProvider theme={webLightTheme}>
      <PanelTabs
        tabs={TABS}
        selected={selected}
        onSelect={(id) => {
          setSelected(id);
          onSelect(id);
        }}
        aria-label="Panels"
      />
      <button type="button">After</button>
    </FluentProvider>
  );
}

// The tab's accessible name (its visible label; the hidden copy that reserves the semibold width is aria-hidden).
const focusedLabel = () =>
  screen.getAllByRole("tab").find((t) => t === document.activeElement)?.firstElementChild?.textContent ??
  document.activeElement?.textContent;

describe("PanelTabs", () => {
  it("is a labelled tab list with the selected tab marked and alone in Tab order", () => {
    render(<Harness onSelect={jest.fn()} />);
    expect(screen.getByRole("tablist", { name: "Panels" })).toBeTruthy();
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((t) => t.getAttribute("aria-selected"))).toEqual(["true", "false", "false"]);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    expect(tabs[0]!.getAttribute("aria-controls")).toBe("panel-a");
  });

  it("moves with the arrows (wrapping), Home and End, and opens a tab only on Enter or Space", async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    render(<Harness onSelect={onSelect} />);
    await user.tab();
    expect(focusedLabel()).toBe("Alpha");
    await user.keyboard("{ArrowLeft}");
    expect(focusedLabel()).toBe("Gamma");
    await user.keyboard("{ArrowRight}");
    expect(focusedLabel()).toBe("Alpha");
    await user.keyboard("{End}");
    expect(focusedLabel()).toBe("Gamma");
    await user.keyboard("{Home}{ArrowRight}");
    expect(focusedLabel()).toBe("Beta");
    expect(onSelect).not.toHaveBeenCalled();
    await user.keyboard("{Enter}");
    expect(onSelect).toHaveBeenLastCalledWith("b");
    expect(screen.getByRole("tab", { name: "Beta" }).getAttribute("aria-selected")).toBe("true");
    await user.keyboard("{ArrowRight} ");
    expect(onSelect).toHaveBeenLastCalledWith("c");
  });

  it("takes Tab out of the list and back in at the selected tab", async () => {
    const user = userEvent.setup();
    render(<Harness onSelect={jest.fn()} />);
    await user.tab();
    await user.keyboard("{ArrowRight}");
    expect(focusedLabel()).toBe("Beta");
    await user.tab();
    expect(focusedLabel()).toBe("After");
    await user.tab({ shift: true });
    expect(focusedLabel()).toBe("Alpha");
  });

  it("names each tab by its label once, though the label is drawn twice to reserve the selected width", () => {
    render(<Harness onSelect={jest.fn()} />);
    expect(screen.getAllByRole("tab").map((t) => t.textContent)).toEqual(["AlphaAlpha", "BetaBeta", "GammaGamma"]);
    expect(screen.getByRole("tab", { name: "Beta" })).toBeTruthy();
    expect(screen.queryByRole("tab", { name: "BetaBeta" })).toBeNull();
  });

  it("selects a tab on click", async () => {
    const user = userEvent.setup();
    const onSelect = jest.fn();
    render(<Harness onSelect={onSelect} />);
    await user.click(screen.getByRole("tab", { name: "Gamma" }));
    expect(onSelect).toHaveBeenCalledWith("c");
    expect(screen.getByRole("tab", { name: "Gamma" }).tabIndex).toBe(0);
  });
});
