/**
 * The add-in's own texts fit one cell, even when they quote a user's text as long as a cell allows
 * (found by the trust suite: a 32,767-character region plus the coverage note made a file Excel refuses).
 */
import { CELL_TEXT_MAX, fitCellText } from "../../src/core/cell-text";
import { coverageRows } from "../../src/core/summarize/coverage";

describe("fitCellText", () => {
  it("keeps a text within the limit as it is", () => {
    expect(fitCellText("Eastern Africa")).toBe("Eastern Africa");
    expect(fitCellText("x".repeat(CELL_TEXT_MAX))).toBe("x".repeat(CELL_TEXT_MAX));
  });
  it("cuts a longer text to the limit and ends it with an ellipsis", () => {
    const cut = fitCellText("é".repeat(CELL_TEXT_MAX) + "; 1 activity with errors or cancelled");
    expect(cut).toHaveLength(CELL_TEXT_MAX);
    expect(cut.endsWith("é…")).toBe(true);
  });
});

describe("coverage detail quoting a region as long as a cell allows", () => {
  it("fits one cell", () => {
    const region = "é".repeat(CELL_TEXT_MAX);
    const rows = coverageRows(
      [
        {
          approach: "1.1.1",
          countries: ["VNM"],
          hasErrors: true,
          status: "In progress",
        } as unknown as Parameters<typeof coverageRows>[0][number],
      ],
      { approaches: [] } as unknown as Parameters<typeof coverageRows>[1],
      [
        { iso3: "VNM", name: "Viet Nam", region, priority: true } as unknown as Parameters<
          typeof coverageRows
        >[2][number],
      ],
    );
    const vnm = rows.find((r) => r.code === "VNM");
    expect(vnm?.detail.length).toBe(CELL_TEXT_MAX);
    expect(vnm?.detail.startsWith(region.slice(0, 100))).toBe(true);
  });
});
