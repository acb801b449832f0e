/**
 * Finding 7 of docs/trust.md, fixed (found by nothing-lost-formats-xlsx at TRUST_RUNS=50, seeds
 * -1063304198 and -1113391974; was tests/trust/known-issues/exceljs-names-and-widths.repro.ts).
 * ExcelJS 4.4 lost three things the file host now keeps (src/hosts/xlsx/column-width-nine.ts and
 * defined-names-store.ts):
 * 1. a column width of exactly 9, its own default width, was left out on save;
 * 2. a defined name on a sheet named `constructor` or `__proto__` was dropped on open;
 * 3. a workbook with a sheet named `toString` or `hasOwnProperty` carrying a defined name was refused.
 * The last block pins that nothing else changed: a width of 9 set by code is still left out, as before.
 */
import { openWorkbookBuffer } from "../../src/hosts/xlsx";
import { widthFromFile } from "../../src/hosts/xlsx/column-width-nine";
import { buildZip, sharedStringsXml } from "../hostile/support/raw-zip";
import { unzipText } from "./support/independent-reader";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** One sheet holding A1 only, a width of 9 on column C, and the name MyBudget on B1:B3: as Excel writes them. */
function excelLike(sheet: string, a1 = '<c r="A1" t="s"><v>0</v></c>'): Buffer {
  const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);
  return buildZip([
    {
      name: "[Content_Types].xml",
      data: xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: xml(
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="${sheet}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="MyBudget">'${sheet}'!$B$1:$B$3</definedName></definedNames></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/worksheets/sheet1.xml",
      data: xml(
        `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/><cols><col min="3" max="3" width="9" customWidth="1"/></cols><sheetData><row r="1">${a1}</row></sheetData></worksheet>`,
      ),
    },
    { name: "xl/sharedStrings.xml", data: Buffer.from(sharedStringsXml(["x"])) },
  ]);
}

async function saved(sheet: string): Promise<{ names: string; cols: string }> {
  const book = await openWorkbookBuffer(excelLike(sheet), "plan.xlsx");
  const parts = await unzipText(await book.toBuffer());
  return {
    names: /<definedName [^>]*>[^<]*<\/definedName>/.exec(parts.get("xl/workbook.xml") ?? "")?.[0] ?? "",
    cols: /<col [^>]*>/.exec(parts.get("xl/worksheets/sheet1.xml") ?? "")?.[0] ?? "",
  };
}

describe("the file host keeps what Excel wrote", () => {
  it.each(["Notes", "constructor", "__proto__", "toString", "hasOwnProperty"])(
    'a column width of 9 and a name on the sheet "%s"',
    async (sheet) => {
      const out = await saved(sheet);
      expect(out.cols).toMatch(/min="3" max="3" width="9"/);
      expect(out.names).toMatch(/name="MyBudget"/);
    },
  );
});

describe("the corrections change nothing else", () => {
  it("a width of 9 from the file, moved by inserting a column, is still written", async () => {
    const book = await openWorkbookBuffer(excelLike("Notes"), "plan.xlsx");
    book.workbook.getWorksheet("Notes")?.spliceColumns(1, 0, []);
    const parts = await unzipText(await book.toBuffer());
    expect(parts.get("xl/worksheets/sheet1.xml")).toMatch(/<col min="4" max="4" width="9"/);
  });

  it("a width of 9 from the file changed to 12 is written as 12", async () => {
    const book = await openWorkbookBuffer(excelLike("Notes"), "plan.xlsx");
    const sheet = book.workbook.getWorksheet("Notes");
    if (!sheet) throw new Error("no sheet");
    sheet.getColumn(3).width = 12;
    const parts = await unzipText(await book.toBuffer());
    expect(parts.get("xl/worksheets/sheet1.xml")).toMatch(/<col min="3" max="3" width="12"/);
  });

  it("a width of 9 set by code is left out, as ExcelJS always did", async () => {
    const book = await openWorkbookBuffer(excelLike("Notes"), "plan.xlsx");
    const sheet = book.workbook.getWorksheet("Notes");
    if (!sheet) throw new Error("no sheet");
    sheet.getColumn(3).width = 12;
    sheet.getColumn(5).width = 9;
    const xml = (await unzipText(await book.toBuffer())).get("xl/worksheets/sheet1.xml") ?? "";
    expect(xml).not.toMatch(/min="5"/);
  });

  it.each(["constructor", "__proto__", "toString"])(
    'the name keeps its range on the sheet "%s" and Object is untouched',
    async (sheet) => {
      const out = await saved(sheet);
      // ExcelJS quotes the sheet name only where needed (the quote escaped as &apos; in the XML).
      const quote = "(?:'|&apos;)?";
      expect(out.names).toMatch(new RegExp(`>${quote}${sheet}${quote}!\\$B\\$1:\\$B\\$3<`));
      expect(Object.keys(Object)).toEqual([]);
      expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      expect(({} as Record<string, unknown>)["1"]).toBeUndefined();
    },
  );
});

describe("widthFromFile, for a writer that rebuilds columns from its own store", () => {
  it("a column definition marked as from the file keeps its width of 9; an unmarked one does not", async () => {
    const book = await openWorkbookBuffer(excelLike("Notes"), "plan.xlsx");
    const sheet = book.workbook.getWorksheet("Notes");
    if (!sheet) throw new Error("no sheet");
    sheet.columns = [{}, widthFromFile({ width: 9 }), {}, { width: 9 }];
    const xml = (await unzipText(await book.toBuffer())).get("xl/worksheets/sheet1.xml") ?? "";
    expect(xml).toMatch(/<col min="2" max="2" width="9"/);
    expect(xml).not.toMatch(/min="4"/);
  });
});

describe("the streaming path (large files) keeps its own list of names", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])('a name on the sheet "%s"', async (sheet) => {
    // A number in A1: the streaming path does not carry this test file's plain shared string.
    const book = await openWorkbookBuffer(excelLike(sheet, '<c r="A1"><v>1</v></c>'), "plan.xlsx", {
      streamAboveCells: 0,
    });
    expect(book.mode).toBe("streaming");
    const names = (await unzipText(await book.toBuffer())).get("xl/workbook.xml") ?? "";
    expect(names).toMatch(
      new RegExp(`<definedName name="MyBudget">(?:'|&apos;)?${sheet}(?:'|&apos;)?!\\$B\\$1:\\$B\\$3<`),
    );
  });
});

describe("the streaming path (large files) reads a name's range as XML says it", () => {
  it('decodes each entity once: a sheet called "R&lt;D" stays "R&lt;D"', async () => {
    // In the file: <sheet name="R&amp;lt;D"> and 'R&amp;lt;D'!$B$1:$B$3; the text is "R&lt;D".
    const book = await openWorkbookBuffer(excelLike("R&amp;lt;D", '<c r="A1"><v>1</v></c>'), "plan.xlsx", {
      streamAboveCells: 0,
    });
    expect(book.mode).toBe("streaming");
    // Read back as text: ExcelJS's own reader decodes a sheet name twice, so it cannot be the judge here.
    const xml = (await unzipText(await book.toBuffer())).get("xl/workbook.xml") ?? "";
    expect(xml).toMatch(/<sheet [^>]*name="R&amp;lt;D"/);
    expect(xml).toMatch(/<definedName name="MyBudget">(?:'|&apos;)R&amp;lt;D(?:'|&apos;)!\$B\$1:\$B\$3</);
  });
});

describe("the streaming path (large files) keeps a width of 9 read from the file", () => {
  it("writes back column C's width of 9", async () => {
    const book = await openWorkbookBuffer(excelLike("Plan", '<c r="A1"><v>1</v></c>'), "plan.xlsx", {
      streamAboveCells: 0,
    });
    expect(book.mode).toBe("streaming");
    const xml = (await unzipText(await book.toBuffer())).get("xl/worksheets/sheet1.xml") ?? "";
    expect(xml).toMatch(/<col min="3" max="3" width="9"/);
  });

  it("leaves out a width of 9 that the add-in sets, as the whole-workbook path does", async () => {
    const book = await openWorkbookBuffer(excelLike("Plan", '<c r="A1"><v>1</v></c>'), "plan.xlsx", {
      streamAboveCells: 0,
    });
    await book.port.apply({ ops: [{ kind: "columns", sheet: "Plan", from: 3, widths: [9] }] });
    const xml = (await unzipText(await book.toBuffer())).get("xl/worksheets/sheet1.xml") ?? "";
    expect(xml).not.toMatch(/<col min="3" max="3" width="9"/);
  });
});
