/**
 * Styles are shared objects (src/hosts/xlsx/cell-style.ts): the writer hashes each distinct style once,
 * and a change to one cell never reaches another cell that shared its style in the file.
 */
import ExcelJS from "exceljs";
import type { ChangeOp } from "../../src/core/changeset";
import { openWorkbookBuffer, type XlsxWorkbook } from "../../src/hosts/xlsx";
import { xlsxBytes } from "./support/build";

function sheetOf(book: XlsxWorkbook, name: string): ExcelJS.Worksheet {
  const s = book.workbook.getWorksheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Activities where B2:B4 (budgets) all carry the user's "#,##0.0" format: one style id in the file. */
async function budgetsBook(): Promise<XlsxWorkbook> {
  const bytes = await xlsxBytes(
    {
      Activities: [
        ["ID", "Budget", "Score"],
        ["A-1", 1000, null],
        ["A-2", 2000, null],
        ["A-3", 3000, null],
      ],
    },
    (wb) => {
      const s = wb.getWorksheet("Activities")!;
      for (const a of ["B2", "B3", "B4", "C2", "C3", "C4"]) s.getCell(a).numFmt = "#,##0.0";
    },
  );
  return openWorkbookBuffer(bytes, "budgets.xlsx");
}

describe("shared styles", () => {
  it("a number format on C2:C4 leaves B2:B4, which shared C's style in the file, as the user set them", async () => {
    const book = await budgetsBook();
    const s = sheetOf(book, "Activities");
    // The premise: ExcelJS gives cells with one style id in the file one style object.
    expect(s.getCell("B2").style).toBe(s.getCell("C2").style);
    const ops: ChangeOp[] = [
      { kind: "values", sheet: "Activities", at: "C2", values: [[0.5], [0.25], [0.75]], formats: ["0.00%"] },
      { kind: "numberFormat", sheet: "Activities", range: "C2:C4", format: "0.00%" },
    ];
    await book.port.apply({ ops });
    const again = await openWorkbookBuffer(await book.toBuffer(), "again.xlsx");
    const t = sheetOf(again, "Activities");
    expect(["B2", "B3", "B4"].map((a) => t.getCell(a).numFmt)).toEqual(["#,##0.0", "#,##0.0", "#,##0.0"]);
    expect(["C2", "C3", "C4"].map((a) => t.getCell(a).numFmt)).toEqual(["0.00%", "0.00%", "0.00%"]);
  });

  it("a whole-column format reaches the column and its cells, not the cells of other columns", async () => {
    const book = await budgetsBook();
    await book.port.apply({ ops: [{ kind: "numberFormat", sheet: "Activities", range: "C:C", format: "0" }] });
    const s = sheetOf(book, "Activities");
    expect(s.getColumn(3).numFmt).toBe("0");
    expect(s.getCell("C3").numFmt).toBe("0");
    expect(s.getCell("B3").numFmt).toBe("#,##0.0");
  });

  it("cells given the same fill share one style object, and fills on cells with different styles stay apart", async () => {
    const book = await budgetsBook();
    await book.port.apply({
      ops: [
        { kind: "fill", sheet: "Activities", range: "A2:A4", color: "#F4CCCC" },
        { kind: "fill", sheet: "Activities", range: "B2:B4", color: "#F4CCCC" },
      ],
    });
    const s = sheetOf(book, "Activities");
    const a = ["A2", "A3", "A4"].map((x) => s.getCell(x).style);
    const b = ["B2", "B3", "B4"].map((x) => s.getCell(x).style);
    expect(new Set(a).size).toBe(1);
    expect(new Set(b).size).toBe(1);
    expect(a[0]).not.toBe(b[0]);
    expect(b[0]!.numFmt).toBe("#,##0.0");
    expect(b[0]!.fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFF4CCCC" } });
    expect(a[0]!.numFmt).toBeUndefined();
  });

  it("a date written with no format keeps a date format when unformatted numbers share the empty style", async () => {
    const book = await budgetsBook();
    await book.port.apply({
      ops: [
        { kind: "ensureSheet", sheet: "Summaries" },
        {
          kind: "values",
          sheet: "Summaries",
          at: "A1",
          values: [
            [1, "x"],
            [new Date(Date.UTC(2025, 5, 30)), 2],
          ],
        },
      ],
    });
    const again = await openWorkbookBuffer(await book.toBuffer(), "again.xlsx");
    const v = sheetOf(again, "Summaries").getCell("A2").value;
    expect(v).toBeInstanceOf(Date);
    expect((v as Date).toISOString().slice(0, 10)).toBe("2025-06-30");
  });
});
