/** The file host keeps a user's own cell colour when the add-in flags the cell, and after it is fixed. */
import ExcelJS from "exceljs";
import { openWorkbookBuffer } from "../../src/hosts/xlsx";

async function fillOf(bytes: Buffer, cell: string): Promise<string | undefined> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const fill = wb.getWorksheet("Activities")!.getCell(cell).fill as ExcelJS.FillPattern | undefined;
  return fill?.pattern === "solid" ? fill.fgColor?.argb : undefined;
}

describe("fills on a user's coloured cell", () => {
  it("keeps the user's colour through a fill and a clear, and paints an uncoloured cell", async () => {
    const user = new ExcelJS.Workbook();
    const ws = user.addWorksheet("Activities");
    ws.getCell("A1").value = "ID";
    ws.getCell("E2").value = "9.9.9";
    ws.getCell("E2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    ws.getCell("F2").value = "x";
    const book = await openWorkbookBuffer(Buffer.from(await user.xlsx.writeBuffer()), "plan.xlsx");
    await book.port.apply({
      ops: [
        { kind: "fill", sheet: "Activities", range: "E2", color: "#F4CCCC" },
        { kind: "fill", sheet: "Activities", range: "F2", color: "#F4CCCC" },
      ],
    });
    const once = await book.toBuffer();
    expect(await fillOf(once, "E2")).toBe("FFFFFF00");
    expect(await fillOf(once, "F2")).toMatch(/F4CCCC$/i);
    await book.port.apply({ ops: [{ kind: "clearFill", sheet: "Activities", range: "E2:F2", colors: ["#F4CCCC"] }] });
    const cleared = await book.toBuffer();
    expect(await fillOf(cleared, "E2")).toBe("FFFFFF00");
    expect(await fillOf(cleared, "F2")).toBeUndefined();
  });
});
