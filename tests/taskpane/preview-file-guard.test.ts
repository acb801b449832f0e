/**
 * The preview's gate for files chosen in the browser (issue 9): each hostile file is refused with its
 * own kind and a sentence, before ExcelJS reads it. Runs in Node, which has the same DecompressionStream.
 */
import ExcelJS from "exceljs";
import { buildZip, minimalXlsx, sharedStringsXml, sheetXml } from "../hostile/support/raw-zip";
import { PreviewFileError, guardWorkbook, type PreviewFileErrorKind } from "../../src/preview/file-guard";
import { openXlsx } from "../../src/preview/xlsx-io";

async function refusal(bytes: Uint8Array, name = "team.xlsx"): Promise<PreviewFileError> {
  try {
    await guardWorkbook(bytes, name);
  } catch (e) {
    if (e instanceof PreviewFileError) return e;
    throw e;
  }
  throw new Error("the file was accepted");
}

async function expectRefused(bytes: Uint8Array, kind: PreviewFileErrorKind): Promise<void> {
  const e = await refusal(bytes);
  expect(e.kind).toBe(kind);
  expect(e.message).toMatch(/^"team\.xlsx" /);
}

describe("preview file guard", () => {
  it("lets an ordinary workbook through, and the preview reads its cells, notes and fills", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tracker");
    ws.addRow(["Activity", "Start"]);
    ws.addRow(["=not a formula", new Date(Date.UTC(2024, 2, 1))]);
    ws.getCell("A2").note = "from the field office";
    ws.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFE8B3" } };
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(guardWorkbook(bytes, "team.xlsx")).resolves.toBeUndefined();
    const sim = await openXlsx(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      "team.xlsx",
    );
    expect(sim.value("Tracker", "A2")).toBe("=not a formula");
    expect(sim.formula("Tracker", "A2")).toBeUndefined();
    expect(sim.value("Tracker", "B2")).toBe(45352);
    expect(sim.note("Tracker", "A2")).toBe("from the field office");
    expect(sim.fill("Tracker", "A1")).toBe("#FFE8B3");
  });

  it("refuses a zip bomb: a part that declares gigabytes, and a part that inflates beyond what it declares", async () => {
    const huge = Buffer.alloc(20 * 1024 * 1024, 0x41);
    await expectRefused(minimalXlsx({ extra: [{ name: "xl/media/big.bin", data: huge }] }), "zip-bomb");
    await expectRefused(lyingSheet(), "zip-bomb");
  });

  it("refuses XML entity declarations in a sheet or the shared strings", async () => {
    await expectRefused(
      minimalXlsx({ sharedStrings: sharedStringsXml(["&a;"], '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]>') }),
      "xml-entities",
    );
  });

  it("refuses a sheet claiming millions of cells, or holding more than the limit", async () => {
    await expectRefused(minimalXlsx({ sheet: sheetXml("", "A1:XFD1048576") }), "too-many-cells");
  });

  it("refuses a truncated archive, a password-protected workbook, a text file and random bytes", async () => {
    const good = minimalXlsx();
    await expectRefused(good.subarray(0, good.length - 40), "corrupt");
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
      Buffer.from("EncryptedPackage", "utf16le"),
    ]);
    await expectRefused(ole, "password-protected");
    await expectRefused(Buffer.from("ID,Activity\nA-1,Training\n"), "csv-or-text");
    await expectRefused(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x01]), "not-a-workbook");
    await expectRefused(new Uint8Array(0), "empty-file");
    await expectRefused(buildZip([{ name: "readme.txt", data: Buffer.from("hello") }]), "not-a-workbook");
  });
});

/** A sheet part whose headers declare 100 bytes but which inflates to far more. */
function lyingSheet(): Uint8Array {
  const big = Buffer.from(sheetXml(`<row r="1">${'<c r="A1"><v>1</v></c>'.repeat(5000)}</row>`));
  return buildZip([
    { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
    { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
    { name: "xl/worksheets/sheet1.xml", data: big, declaredSize: 100 },
  ]);
}
