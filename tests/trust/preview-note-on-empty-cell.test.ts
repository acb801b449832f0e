/**
 * Finding 8 of docs/trust.md, fixed (8832733): the browser preview loaded files with ExcelJS alone, which
 * attaches a note only to a cell the sheet XML lists; Excel writes no <c> for an empty cell, so a user's
 * note there was neither shown in the preview nor in the file it downloads. The preview now restores
 * notes from the comments parts as the file host does (src/hosts/xlsx/package-notes.ts).
 */
import ExcelJS from "exceljs";
import { parseCommentsPart } from "../../src/hosts/xlsx/package-notes";
import { openXlsx, writeXlsx } from "../../src/preview/xlsx-io";
import { unzipText } from "../xlsx/support/independent-reader";

async function userFile(): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Activities");
  ws.getCell("A1").value = "ID";
  ws.getCell("S2").note = "Checked with the donor";
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe("the preview and a user's note on an empty cell", () => {
  it("shows the note", async () => {
    const sim = await openXlsx(await userFile(), "plan.xlsx");
    expect(sim.note("Activities", "S2")).toBe("Checked with the donor");
  });

  it("keeps the note in the file it downloads", async () => {
    const out = await writeXlsx(await userFile(), []);
    const parts = await unzipText(Buffer.from(out));
    const notes = [...parts].filter(([n]) => /^xl\/comments\d+\.xml$/.test(n)).flatMap(([, x]) => parseCommentsPart(x));
    expect(notes.map((n) => [n.ref, n.text])).toEqual([["S2", "Checked with the donor"]]);
  });
});
