import JSZip from "jszip";
import { openWorkbookBuffer, createWorkbook } from "../../src/hosts/xlsx";
import { SheetNotFoundError } from "../../src/ports/workbook-port";
import { xlsxBytes } from "./support/build";

describe("readSheet: the used range as a grid", () => {
  it("gives values, Date objects, cached formula results, errors, rich text and hyperlink text", async () => {
    const bytes = await xlsxBytes(
      {
        Activities: [
          ["ID", "Title", "Start", "Budget", "Total", "Check", "Link", "Done"],
          [
            "A-1",
            { richText: [{ text: "Seize " }, { text: "ivory", font: { bold: true } }] },
            new Date(Date.UTC(2024, 0, 15)),
            1500,
            { formula: "D2*2", result: 3000 },
            { error: "#N/A" },
            { text: "Report", hyperlink: "https://example.org" },
            true,
          ],
        ],
      },
      (wb) => {
        wb.getWorksheet("Activities")!.getCell("C2").numFmt = "yyyy-mm-dd";
      },
    );
    const book = await openWorkbookBuffer(bytes, "t.xlsx");
    const grid = await book.port.readSheet("Activities", { formulas: true, numberFormats: true });
    expect(grid.top).toBe(1);
    expect(grid.left).toBe(1);
    const row2 = grid.rows[1]!;
    expect(row2[0]).toBe("A-1");
    expect(row2[1]).toBe("Seize ivory");
    expect(row2[2]).toBeInstanceOf(Date);
    expect((row2[2] as Date).toISOString().slice(0, 10)).toBe("2024-01-15");
    expect(row2[3]).toBe(1500);
    expect(row2[4]).toBe(3000);
    expect(row2[5]).toEqual({ error: "#N/A" });
    expect(row2[6]).toBe("Report");
    expect(row2[7]).toBe(true);
    expect(grid.formulas?.[1]?.[4]).toBe("D2*2");
    expect(grid.formulas?.[1]?.[3]).toBeNull();
    expect(grid.numberFormats?.[1]?.[2]).toBe("yyyy-mm-dd");
  });

  it("starts the grid at the first used cell and leaves merged cells' echoes out", async () => {
    const bytes = await xlsxBytes({ S: [[], [null, null, "C2", "D2"], [null, null, 5]] }, (wb) =>
      wb.getWorksheet("S")!.mergeCells("C3:D3"),
    );
    const grid = await (await openWorkbookBuffer(bytes, "t.xlsx")).port.readSheet("S");
    expect(grid.top).toBe(2);
    expect(grid.left).toBe(3);
    expect(grid.rows).toEqual([["C2", "D2"], [5]]);
  });

  it("reads inline strings and shared strings alike", async () => {
    const bytes = await xlsxBytes({ S: [["shared", 1]] });
    // Rewrite B1 as an inline string, as some exporters write them.
    const zip = await JSZip.loadAsync(bytes);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const inline = sheet.replace(/<c r="B1"[^>]*>.*?<\/c>/, '<c r="B1" t="inlineStr"><is><t>inline text</t></is></c>');
    expect(inline).not.toBe(sheet);
    zip.file("xl/worksheets/sheet1.xml", inline);
    const out = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const grid = await (await openWorkbookBuffer(out, "t.xlsx")).port.readSheet("S");
    expect(grid.rows).toEqual([["shared", "inline text"]]);
  });

  it("gives an empty grid for an empty sheet and throws SheetNotFoundError for a missing one", async () => {
    const book = createWorkbook();
    await book.port.apply({ ops: [{ kind: "ensureSheet", sheet: "Empty" }] });
    expect((await book.port.readSheet("Empty")).rows).toEqual([]);
    await expect(book.port.readSheet("Nope")).rejects.toBeInstanceOf(SheetNotFoundError);
    expect(await book.port.listSheets()).toEqual([{ name: "Empty", rowCount: 0, columnCount: 0, visible: true }]);
  });

  it("lists sheets with their last used row and column and visibility", async () => {
    const bytes = await xlsxBytes({ A: [["x"], [null, null, "C2"]], B: [["y"]] }, (wb) => {
      wb.getWorksheet("B")!.state = "hidden";
    });
    const sheets = await (await openWorkbookBuffer(bytes, "t.xlsx")).port.listSheets();
    expect(sheets).toEqual([
      { name: "A", rowCount: 2, columnCount: 3, visible: true },
      { name: "B", rowCount: 1, columnCount: 1, visible: false },
    ]);
  });
});
