/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { cellKey } from "../../src/hosts/excel/a1";
import { SimWorkbook } from "../../src/hosts/excel/simulation";
import { SheetView } from "../../src/preview/SheetView";

function workbook(): SimWorkbook {
  const sim = SimWorkbook.fromGrids({
    Activities: [
      ["ID", "Activity", "Start date"],
      ["ACT-001", "=SUM(A1)", 45352],
    ],
    Notes: [["only here"]],
  });
  const s = sim.sheet("Activities");
  s.notes.set(cellKey(2, 2), { content: "ICCWC check: Activity text starts with =", authorName: "" });
  s.formats.set(cellKey(2, 1), { fill: "#F4CCCC" });
  s.numberFormats.set(cellKey(2, 3), "yyyy-mm-dd");
  sim.selection = { sheet: "Activities", address: "C2" };
  return sim;
}

const show = (sim: SimWorkbook) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <SheetView sim={sim} version={0} />
    </FluentProvider>,
  );

describe("the preview's grid", () => {
  it("shows cells with row and column headers, fills as backgrounds, notes as titles with a mark, dates as dates", () => {
    const { container } = show(workbook());
    const cell = (a1: string) => container.querySelector(`td[data-cell="${a1}"]`) as HTMLTableCellElement;
    expect(screen.getByRole("columnheader", { name: "C" })).toBeTruthy();
    expect(screen.getByRole("rowheader", { name: "2" })).toBeTruthy();
    expect(cell("A2").textContent).toBe("ACT-001");
    expect(cell("A2").style.backgroundColor).toBe("rgb(244, 204, 204)");
    // Text that looks like a formula is shown as the text it is.
    expect(cell("B2").textContent).toContain("=SUM(A1)");
    expect(cell("B2").title).toContain("Note: ICCWC check: Activity text starts with =");
    expect(cell("B2").querySelector('[aria-label="has a note"]')).not.toBeNull();
    expect(cell("C2").textContent).toBe("2024-03-01");
    expect(cell("C2").className).not.toBe(cell("A2").className);
  });

  it("has a tab per visible sheet", async () => {
    const user = userEvent.setup();
    const sim = workbook();
    sim.sheet("Notes").visibility = "Hidden";
    sim.addSheet("Empty");
    const { container } = show(sim);
    expect(screen.getAllByRole("tab").map((t) => t.id || t.getAttribute("value") || t.textContent)).toHaveLength(2);
    await user.click(screen.getByRole("tab", { name: /Empty/ }));
    expect(container.querySelector('[data-testid="sheet-view"]')?.getAttribute("data-sheet")).toBe("Empty");
    expect(screen.getByText("This sheet is empty.")).toBeTruthy();
  });
});
