/** @jest-environment jsdom */
/**
 * The preview grid as a person uses it: select by click and shift+click, type to edit, Enter to commit
 * and move down, Escape to cancel, an untouched edit writes nothing; only a screenful of a long sheet
 * is drawn, and a keystroke in the editor redraws no cell.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { cellKey } from "../../src/hosts/excel/a1";
import { SimWorkbook } from "../../src/hosts/excel/simulation";
import { SheetView } from "../../src/preview/SheetView";
import { editText, jump, extentOf } from "../../src/preview/grid-model";

const cellTextCalls = { n: 0 };
jest.mock("../../src/preview/cell-text", () => {
  const actual = jest.requireActual<typeof import("../../src/preview/cell-text")>("../../src/preview/cell-text");
  return {
    cellText: (...args: Parameters<typeof actual.cellText>) => {
      cellTextCalls.n++;
      return actual.cellText(...args);
    },
  };
});

function longSheet(rows: number): SimWorkbook {
  const grid: (string | number | null)[][] = [["ID", "Activity", "Budget"]];
  for (let i = 1; i < rows; i++) grid.push([`ACT-${i}`, i === 3 ? "=not a formula" : `Row ${i}`, i * 10]);
  return SimWorkbook.fromGrids({ Activities: grid, Other: [["x"]] });
}

function show(sim: SimWorkbook) {
  const edits: { sheet: string; at: string; rows: (string | null)[][] }[] = [];
  const selects: string[] = [];
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <SheetView
        sim={sim}
        version={0}
        onSelect={(sheet, address) => {
          sim.userSelect(sheet, address);
          selects.push(`${sheet}!${address}`);
        }}
        onEdit={(sheet, at, rows) => {
          sim.userEdit(sheet, at, rows);
          edits.push({ sheet, at, rows });
        }}
      />
    </FluentProvider>,
  );
  const cell = (a1: string) => view.container.querySelector(`td[data-cell="${a1}"]`) as HTMLTableCellElement;
  return { ...view, edits, selects, cell };
}

describe("the preview grid, edited and selected like Excel", () => {
  it("draws only a screenful of a 5,000-row sheet", () => {
    const { container } = show(longSheet(5000));
    const rows = container.querySelectorAll("tbody tr[aria-rowindex]").length;
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(150);
  });

  it("click selects, shift+click extends from the active cell; both reach the workbook", async () => {
    const user = userEvent.setup();
    const sim = longSheet(50);
    const { cell, selects } = show(sim);
    await user.click(cell("B2"));
    await user.keyboard("{Shift>}");
    await user.click(cell("C5"));
    await user.keyboard("{/Shift}");
    expect(selects).toEqual(["Activities!B2", "Activities!B2:C5"]);
    expect(sim.selection).toEqual({ sheet: "Activities", address: "B2:C5" });
    expect(screen.getByTestId("name-box").textContent).toBe("B2:C5");
  });

  it("typing on a cell edits it; Enter commits and moves down; Escape cancels", async () => {
    const user = userEvent.setup();
    const sim = longSheet(50);
    const { cell, edits } = show(sim);
    await user.click(cell("B2"));
    await user.keyboard("New title{Enter}");
    expect(edits).toEqual([{ sheet: "Activities", at: "B2", rows: [["New title"]] }]);
    expect(sim.value("Activities", "B2")).toBe("New title");
    expect(screen.getByTestId("name-box").textContent).toBe("B3");
    await user.keyboard("Dropped{Escape}");
    expect(edits).toHaveLength(1);
    expect(sim.value("Activities", "B3")).toBe("Row 2");
    // Tab commits and moves right (Fluent's focus manager must not take the key first).
    await user.keyboard("Next{Tab}");
    expect(edits[1]).toEqual({ sheet: "Activities", at: "B3", rows: [["Next"]] });
    expect(screen.getByTestId("name-box").textContent).toBe("C3");
  });

  it("an edit left as it was writes nothing: text that looks like a formula opens with its apostrophe", async () => {
    const user = userEvent.setup();
    const sim = longSheet(50);
    const { cell, edits } = show(sim);
    await user.dblClick(cell("B4"));
    const editor = screen.getByTestId("cell-editor") as HTMLInputElement;
    expect(editor.value).toBe("'=not a formula");
    await user.keyboard("{Enter}");
    expect(edits).toEqual([]);
    expect(sim.formula("Activities", "B4")).toBeUndefined();
  });

  it("Delete clears the selected cells in one edit", async () => {
    const user = userEvent.setup();
    const sim = longSheet(50);
    const { cell, edits } = show(sim);
    await user.click(cell("B2"));
    await user.keyboard("{Shift>}{ArrowDown}{/Shift}{Delete}");
    expect(edits).toEqual([{ sheet: "Activities", at: "B2", rows: [[null], [null]] }]);
    expect(sim.value("Activities", "B3")).toBeNull();
  });

  it("a keystroke in the editor redraws no cell of the grid", async () => {
    const user = userEvent.setup();
    const { cell } = show(longSheet(1000));
    await user.click(cell("B2"));
    await user.keyboard("A");
    const editor = screen.getByTestId("cell-editor");
    const before = cellTextCalls.n;
    fireEvent.change(editor, { target: { value: "Ab" } });
    fireEvent.change(editor, { target: { value: "Abc" } });
    expect((editor as HTMLInputElement).value).toBe("Abc");
    expect(cellTextCalls.n).toBe(before);
  });
});

describe("grid logic", () => {
  it("Ctrl+Arrow jumps like Excel: to the end of a filled run, else to the next filled cell, else the edge", () => {
    const sim = SimWorkbook.fromGrids({ S: [["a"], ["b"], ["c"], [null], [null], ["f"]] });
    const s = sim.sheet("S");
    const extent = extentOf(s);
    expect(jump(s, { row: 1, col: 1 }, 1, 0, extent)).toEqual({ row: 3, col: 1 });
    expect(jump(s, { row: 3, col: 1 }, 1, 0, extent)).toEqual({ row: 6, col: 1 });
    expect(jump(s, { row: 6, col: 1 }, 1, 0, extent)).toEqual({ row: extent.rows, col: 1 });
  });

  it("an edit starts from the formula, the ISO date, or the text with an apostrophe where Excel would retype it", () => {
    const sim = SimWorkbook.fromGrids({ S: [["plain", "3.5", 45352, "@user"]] });
    const s = sim.sheet("S");
    s.numberFormats.set(cellKey(1, 3), "yyyy-mm-dd");
    s.formulas.set(cellKey(1, 5), "=A1");
    expect(editText(s, 1, 1)).toBe("plain");
    expect(editText(s, 1, 2)).toBe("'3.5");
    expect(editText(s, 1, 3)).toBe("2024-03-01");
    expect(editText(s, 1, 4)).toBe("'@user");
    expect(editText(s, 1, 5)).toBe("=A1");
  });
});
