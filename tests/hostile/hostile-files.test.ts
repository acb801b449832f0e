/**
 * Hostile and bad files: each is refused with a WorkbookFileError of a documented kind, before ExcelJS
 * inflates anything. Time and memory per case are measured in bench/xlsx-io.ts, not here.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import {
  openWorkbookBuffer,
  openWorkbookFile,
  WorkbookFileError,
  type WorkbookFileErrorKind,
  type FileLimits,
} from "../../src/hosts/xlsx";
import { xlsxBytes, tempDir } from "../xlsx/support/build";
import { buildZip, minimalXlsx, sharedStringsXml, sheetXml } from "./support/raw-zip";

async function rejection(
  bytes: Buffer,
  name = "hostile.xlsx",
  limits?: Partial<FileLimits>,
): Promise<WorkbookFileError> {
  try {
    await openWorkbookBuffer(bytes, name, limits);
  } catch (e) {
    if (e instanceof WorkbookFileError) return e;
    throw new Error(`expected a WorkbookFileError, got ${String(e)}`);
  }
  throw new Error("the file was accepted");
}

async function expectKind(
  bytes: Buffer,
  kind: WorkbookFileErrorKind,
  name?: string,
  limits?: Partial<FileLimits>,
): Promise<WorkbookFileError> {
  const e = await rejection(bytes, name, limits);
  expect(e.kind).toBe(kind);
  // One sentence that names the file and says what to do.
  expect(e.message).toContain(name ?? "hostile.xlsx");
  expect(e.message).toMatch(/: [a-z]/);
  expect(e.message).not.toMatch(/\n|at .*\.js/);
  return e;
}

/** A fake OLE compound file: the signature, then a directory naming the given streams in UTF-16LE. */
function oleFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  return Buffer.concat([
    header,
    ...streams.map((s) => Buffer.concat([Buffer.from(s, "utf16le"), Buffer.alloc(128 - 2 * s.length)])),
  ]);
}

describe("hostile archives", () => {
  it("refuses a zip bomb: one part inflating ~1000 times its size", async () => {
    const bomb = minimalXlsx({ extra: [{ name: "xl/media/padding.xml", data: Buffer.alloc(50 * 1024 * 1024, 0x20) }] });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const e = await expectKind(bomb, "zip-bomb");
    expect(e.detail.part).toBe("xl/media/padding.xml");
  });

  it("refuses a part that declares gigabytes, without inflating it", async () => {
    const liar = minimalXlsx({
      extra: [{ name: "xl/worksheets/sheet2.xml", data: Buffer.from("<x/>"), declaredSize: 4_000_000_000 }],
    });
    await expectKind(liar, "zip-bomb");
  });

  it("refuses a part that inflates beyond the size it declares (yauzl checks while streaming)", async () => {
    const liar = minimalXlsx({ sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50)) });
    // Rewrite the declared size of sheet1.xml to something small in both headers.
    const e = await rejection(
      buildZip([
        { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
        { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
        {
          name: "xl/worksheets/sheet1.xml",
          data: Buffer.from(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50))),
          declaredSize: 100,
        },
      ]),
    );
    expect(e.kind).toBe("corrupt");
    expect(liar.length).toBeGreaterThan(0);
  });

  it("refuses a part that inflates to fewer bytes than it declares, naming the part", async () => {
    const short = buildZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from(sheetXml("")), declaredSize: 5000 },
    ]);
    const e = await expectKind(short, "corrupt");
    expect(String(e.detail.why)).toMatch(/xl\/worksheets\/sheet1\.xml: not enough bytes/);
    const long = buildZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from(sheetXml("<row/>".repeat(100))), declaredSize: 300 },
    ]);
    expect(String((await expectKind(long, "corrupt")).detail.why)).toMatch(/sheet1\.xml: too many bytes/);
  });

  it("refuses more uncompressed bytes in all than the total limit", async () => {
    const parts = Array.from({ length: 5 }, (_, i) => ({
      name: `xl/media/p${i}.xml`,
      data: Buffer.alloc(300_000, 0x41 + i),
    }));
    await expectKind(minimalXlsx({ extra: parts }), "zip-bomb", undefined, { maxTotalUncompressedBytes: 1_000_000 });
  });

  it("refuses an archive with more parts than the limit", async () => {
    const parts = Array.from({ length: 10_001 }, (_, i) => ({
      name: `xl/media/p${i}.bin`,
      data: Buffer.from("x"),
      method: 0 as const,
    }));
    await expectKind(minimalXlsx({ extra: parts }), "too-many-parts");
  });

  it("refuses a truncated archive and random bytes after a zip signature", async () => {
    const good = await xlsxBytes({ Activities: [["ID"], ["A-1"]] });
    await expectKind(good.subarray(0, Math.floor(good.length / 2)), "corrupt");
    const junk = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]);
    await expectKind(junk, "corrupt");
  });

  it("refuses a well-formed zip whose sheet XML is broken", async () => {
    await expectKind(
      minimalXlsx({ sheet: '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>' }),
      "corrupt",
    );
  });
});

describe("hostile XML", () => {
  it("refuses entity expansion in shared strings (billion laughs)", async () => {
    const laughs = `<!DOCTYPE sst [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`;
    const e = await expectKind(minimalXlsx({ sharedStrings: sharedStringsXml(["&c;"], laughs) }), "xml-entities");
    expect(e.detail.part).toBe("xl/sharedStrings.xml");
  });

  it("refuses a DOCTYPE in a sheet, even with no entity in it", async () => {
    const sheet = sheetXml("").replace(
      "<worksheet",
      '<!DOCTYPE worksheet SYSTEM "http://attacker.example/x.dtd"><worksheet',
    );
    await expectKind(minimalXlsx({ sheet }), "xml-entities");
  });

  it("accepts XML comments and CDATA, which are harmless", async () => {
    const sheet = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>').replace(
      "<sheetData>",
      "<!-- made by hand --><sheetData>",
    );
    const book = await openWorkbookBuffer(minimalXlsx({ sheet }), "ok.xlsx");
    expect((await book.port.readSheet("Activities")).rows).toEqual([["ID"]]);
  });

  it("refuses a sheet whose dimension claims millions of cells", async () => {
    const e = await expectKind(
      minimalXlsx({ sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', "A1:XFD1048576") }),
      "too-many-cells",
    );
    expect(e.message).toContain("dimension A1:XFD1048576");
  });

  it("refuses a row number beyond Excel's last row and a column beyond XFD", async () => {
    await expectKind(
      minimalXlsx({ sheet: sheetXml('<row r="2000000"><c r="A2000000"><v>1</v></c></row>') }),
      "too-many-cells",
    );
    await expectKind(minimalXlsx({ sheet: sheetXml('<row r="1"><c r="XFE1"><v>1</v></c></row>') }), "too-many-cells");
  });

  it("refuses more cells present than the cell limit", async () => {
    const rows = Array.from(
      { length: 60 },
      (_, r) =>
        `<row r="${r + 1}">${Array.from({ length: 20 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${r}</v></c>`).join("")}</row>`,
    ).join("");
    await expectKind(minimalXlsx({ sheet: sheetXml(rows, "A1:T60") }), "too-many-cells", undefined, { maxCells: 1000 });
    // The same sheet is fine under the default limit.
    const book = await openWorkbookBuffer(minimalXlsx({ sheet: sheetXml(rows, "A1:T60") }), "ok.xlsx");
    expect((await book.port.readSheet("Activities")).rows).toHaveLength(60);
  });

  it("refuses a shared string longer than 32,767 characters, and accepts one of exactly 32,767", async () => {
    await expectKind(minimalXlsx({ sharedStrings: sharedStringsXml(["x".repeat(32_768)]) }), "string-too-long");
    const book = await openWorkbookBuffer(
      minimalXlsx({ sharedStrings: sharedStringsXml(["é".repeat(32_767)]) }),
      "ok.xlsx",
    );
    expect(((await book.port.readSheet("Activities")).rows[0]![0] as string).length).toBe(32_767);
  });

  it("counts an over-long string split over rich-text runs, and an inline string in a sheet", async () => {
    const runs = `<r><t>${"a".repeat(20_000)}</t></r><r><t>${"b".repeat(20_000)}</t></r>`;
    const sst = sharedStringsXml([]).replace("</sst>", `<si>${runs}</si></sst>`);
    await expectKind(minimalXlsx({ sharedStrings: sst }), "string-too-long");
    await expectKind(
      minimalXlsx({
        sheet: sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${"z".repeat(40_000)}</t></is></c></row>`),
      }),
      "string-too-long",
    );
  });
});

describe("files that are not .xlsx workbooks", () => {
  it("a password-protected workbook (OLE file with EncryptedPackage)", async () => {
    const e = await expectKind(oleFile(["EncryptionInfo", "EncryptedPackage"]), "password-protected", "secret.xlsx");
    expect(e.message).toMatch(/remove the password/);
  });

  it("an old .xls (OLE file without EncryptedPackage)", async () => {
    const e = await expectKind(oleFile(["Workbook", "SummaryInformation"]), "xls", "old.xls");
    expect(e.message).toMatch(/save it as an Excel Workbook \(\.xlsx\)/);
  });

  it("a CSV or text file, by name or by content", async () => {
    const csv = Buffer.from("ID,Title\nA-1,Training\n");
    expect((await expectKind(csv, "csv-or-text", "plan.csv")).message).toMatch(/iccwc-plan import/);
    await expectKind(csv, "csv-or-text", "plan.xlsx");
  });

  it("an OpenDocument spreadsheet and an .xlsb", async () => {
    const ods = buildZip([
      { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"), method: 0 },
      { name: "content.xml", data: Buffer.from("<office:document-content/>") },
      { name: "META-INF/manifest.xml", data: Buffer.from("<manifest/>") },
    ]);
    await expectKind(ods, "ods", "plan.ods");
    const xlsb = buildZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.bin", data: Buffer.from([1, 2, 3]) },
    ]);
    await expectKind(xlsb, "xlsb", "plan.xlsb");
  });

  it("a zip that is not a workbook, and a binary that is not a zip", async () => {
    await expectKind(
      buildZip([{ name: "word/document.xml", data: Buffer.from("<w:document/>") }]),
      "not-a-workbook",
      "letter.docx",
    );
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.alloc(100, 0xff),
    ]);
    await expectKind(png, "not-a-workbook", "photo.xlsx");
  });

  it("an empty file, a missing file and a folder", async () => {
    const dir = await tempDir();
    const empty = path.join(dir, "empty.xlsx");
    await fs.writeFile(empty, Buffer.alloc(0));
    await expect(openWorkbookFile(empty)).rejects.toMatchObject({ kind: "empty-file" });
    await expect(openWorkbookFile(path.join(dir, "nope.xlsx"))).rejects.toMatchObject({
      kind: "missing-file",
      message: expect.stringContaining("does not exist"),
    });
    await expect(openWorkbookFile(dir)).rejects.toMatchObject({ kind: "missing-file" });
  });

  it("a file larger than the file-size limit, checked before it is read", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "big.xlsx");
    await fs.writeFile(file, await xlsxBytes({ A: [["x"]] }));
    await expect(openWorkbookFile(file, { maxFileBytes: 100 })).rejects.toMatchObject({ kind: "too-large" });
  });
});
