/**
 * Finding 4 of docs/trust.md, fixed: a user's note on an empty cell was lost as soon as the file host
 * opened the workbook (ExcelJS attaches notes only to cells the sheet XML lists). The host now reads
 * the comments parts itself (src/hosts/xlsx/package-notes.ts). ExcelJS alone still cannot see such a
 * note, so the saved file is judged by the host and by the comments part itself.
 */
import ExcelJS from "exceljs";
import { openWorkbookBuffer } from "../../src/hosts/xlsx";
import { noteText } from "../../src/hosts/xlsx/apply-cell-ops";
import { parseCommentsPart } from "../../src/hosts/xlsx/package-notes";
import { unzipText } from "../xlsx/support/independent-reader";

describe("a user's note on an empty cell", () => {
  it("is still there after the file host opens and saves the workbook", async () => {
    const user = new ExcelJS.Workbook();
    const ws = user.addWorksheet("Activities");
    ws.getCell("A1").value = "ID";
    ws.getCell("S2").note = "Checked with the donor";
    const wb = await openWorkbookBuffer(Buffer.from(await user.xlsx.writeBuffer()), "plan.xlsx");
    const saved = await wb.toBuffer();

    const comments = [...(await unzipText(saved))].filter(([name]) => /^xl\/comments\d+\.xml$/.test(name));
    expect(comments.flatMap(([, xml]) => parseCommentsPart(xml)).map((n) => [n.ref, n.text])).toEqual([
      ["S2", "Checked with the donor"],
    ]);
    const reopened = await openWorkbookBuffer(saved, "saved.xlsx");
    expect(noteText(reopened.workbook.getWorksheet("Activities")!.getCell("S2"))).toBe("Checked with the donor");
  });
});
