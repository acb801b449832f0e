/**
 * The streaming path's own cell reader (src/hosts/xlsx/streaming/sheet-cells.ts, shared-strings.ts)
 * against the whole-workbook path (ExcelJS's full reader) on hand-made packages: each shape a cell
 * takes, the text of shared strings, styles and dates, part names the old streaming reader skipped,
 * what it refuses (the file then opens whole), and rows cut anywhere by the inflater's chunks.
 */
import fc from "fast-check";
import { inflateRawSync } from "node:zlib";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { setUpPlan } from "../../src/app/setup";
import { samplePlanSchema, sampleSettings } from "../../src/core/layout/sample";
import { createWorkbook, openWorkbookBuffer, type XlsxWorkbook } from "../../src/hosts/xlsx";
import { unknownElements } from "../../src/hosts/xlsx/streaming/sheet-xml";
import { openZipTextParts } from "../../src/hosts/xlsx/zip-text-parts";
import samplePlanJson from "../../samples/sample-plan.json";
import { convertWithSoffice } from "./support/soffice";
import { SheetCellsReader, type CellStyles } from "../../src/hosts/xlsx/streaming/sheet-cells";
import { readSharedStrings } from "../../src/hosts/xlsx/streaming/shared-strings";
import { newSheet, type StyleModel } from "../../src/hosts/xlsx/streaming/store";
import { buildZip, minimalXlsx, sheetXml, type RawEntry } from "../hostile/support/raw-zip";

const sample = samplePlanSchema.parse(samplePlanJson);
const STREAM = { streamAboveCells: 0 };
const WHOLE = { streamAboveCells: Infinity };

/** Styles: 0 plain, 1 a date format (14), 2 a fill and a number format, 3 a custom date format. */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFC000"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>`;

const STRINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="7" uniqueCount="7">
  <si><t>ID</t></si>
  <si><t xml:space="preserve"> two
lines &amp; &lt;tags&gt; </t></si>
  <si><t/></si>
  <si><t>caf\u00e9 \u{1F418} _x0041_ tab_x0009_</t></si>
  <si>
    <t>\u6F22\u5B57</t>
    <rPh sb="0" eb="2"><t>\u304B\u3093\u3058</t></rPh>
    <phoneticPr fontId="1"/>
  </si>
  <si><t>crlf\r\nend</t></si>
  <si><t>&#x41;&#66;</t></si>
</sst>`;

function book(sheetData: string, extra: { styles?: boolean; strings?: string } = {}): Buffer {
  return minimalXlsx({
    sheet: sheetXml(sheetData, "A1:H9"),
    sharedStrings: extra.strings ?? STRINGS,
    extra: extra.styles === false ? [] : [{ name: "xl/styles.xml", data: Buffer.from(STYLES) }],
  });
}

async function open(bytes: Buffer, limits: typeof STREAM): Promise<XlsxWorkbook> {
  return openWorkbookBuffer(bytes, "cells.xlsx", limits);
}

async function bothPaths(bytes: Buffer): Promise<{ streamed: XlsxWorkbook; whole: XlsxWorkbook }> {
  const streamed = await open(bytes, STREAM);
  const whole = await open(bytes, WHOLE);
  expect(streamed.streamingRefused).toEqual([]);
  expect(streamed.mode).toBe("streaming");
  expect(whole.mode).toBe("whole");
  return { streamed, whole };
}

const EVERY_KIND = [
  '<row r="1" spans="1:8"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>',
  '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row>',
  '<row r="2"><c r="A2"><v>42.5</v></c><c r="B2" t="n"><v>-1.25E-3</v></c><c r="C2" t="b"><v>1</v></c>',
  '<c r="D2" t="b"><v>0</v></c><c r="E2" t="e"><v>#N/A</v></c><c r="F2" t="str"><v>R&amp;D caf\u00e9</v></c></row>',
  // Dates by the cell's format (built-in 14, custom dd/mm/yyyy); a number format that is no date.
  "<row r='4'><c r='A4' s='1'><v>45322</v></c><c r='B4' s='3'><v>45322.5</v></c><c r='C4' s='2'><v>1234.5</v></c>",
  // A styled empty cell (kept for its fill), an empty value, a self-closing cell.
  '<c r="D4" s="2"/><c r="E4"><v></v></c><c r="F4"/></row>',
  // A row with its own style (customFormat): its unstyled cells take it, a cell with s="0" too.
  '<row r="6" s="1" customFormat="1" ht="30" customHeight="1"><c r="A6"><v>45000</v></c><c r="B6" s="0"><v>45001</v></c><c r="C6" s="2"><v>7</v></c></row>',
  // A row with no cells, then a tall row.
  '<row r="7" ht="40" customHeight="1"/><row r="8" ht="25.5" customHeight="1"><c r="B8"><v>8</v></c></row>',
].join("");

describe("the streaming path's cell reader", () => {
  it("reads every kind of cell, string, style and date as the whole-workbook path does", async () => {
    const { streamed, whole } = await bothPaths(book(EVERY_KIND));
    const opts = { numberFormats: true, formulas: true };
    const s = await streamed.port.readSheet("Activities", opts);
    const w = await whole.port.readSheet("Activities", opts);
    expect(s).toEqual(w);
    // And what the two read is what the file says, not just the same mistake twice.
    const at = (r: number, c: number): unknown => s.rows[r - s.top]?.[c - s.left];
    expect(at(1, 2)).toBe(" two\nlines & <tags> ");
    expect(at(1, 3)).toBe("");
    expect(at(1, 4)).toBe("caf\u00e9 \u{1F418} A tab\t");
    expect(at(1, 5)).toBe("\u6F22\u5B57");
    expect(at(1, 6)).toBe("crlf\nend");
    expect(at(1, 7)).toBe("AB");
    expect(at(2, 1)).toBe(42.5);
    expect(at(2, 2)).toBe(-0.00125);
    expect(at(2, 3)).toBe(true);
    expect(at(2, 4)).toBe(false);
    expect(at(2, 6)).toBe("R&D caf\u00e9");
    expect(at(4, 1)).toEqual(new Date(Date.UTC(2024, 0, 31)));
    expect(at(4, 2)).toEqual(new Date(Date.UTC(2024, 0, 31, 12)));
    expect(at(4, 3)).toBe(1234.5);
    expect(at(6, 1)).toBe(45000);
    expect(at(6, 2)).toBe(45001);
    expect(at(8, 2)).toBe(8);
  });

  it("keeps styles, fills and row heights through a save as the whole path does", async () => {
    const { streamed, whole } = await bothPaths(book(EVERY_KIND));
    const again = async (b: XlsxWorkbook): Promise<unknown> => {
      const reopened = await open(await b.toBuffer(), WHOLE);
      const ws = reopened.workbook.getWorksheet("Activities")!;
      const cells: Record<string, unknown> = {};
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        cells[`row ${r}`] = row.height;
        row.eachCell({ includeEmpty: true }, (cell) => {
          cells[cell.address] = [
            cell.value,
            cell.numFmt ?? null,
            (cell.fill as { fgColor?: unknown })?.fgColor ?? null,
          ];
        });
      });
      return cells;
    };
    const s = await again(streamed);
    expect(s).toEqual(await again(whole));
    expect((s as Record<string, unknown[]>).D4![2]).toEqual({ argb: "FFFFC000" });
    expect((s as Record<string, unknown>)["row 8"]).toBe(25.5);
  });

  it("numbers rows and cells that carry no reference by their place, as the format says", async () => {
    const bytes = book(
      '<row><c t="s"><v>0</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row><c><v>7</v></c></row>',
    );
    const streamed = await open(bytes, STREAM);
    expect(streamed.mode).toBe("streaming");
    const g = await streamed.port.readSheet("Activities");
    expect([g.top, g.left]).toEqual([1, 1]);
    expect(g.rows).toEqual([["ID", 2, null, null, 5, 6], [7]]);
  });

  it("reads sheets whatever their part's name, and targets written from the package root", async () => {
    // ExcelJS's streaming reader only looked at parts named worksheets/sheetN.xml with a relative
    // target, and dropped the cells of any other sheet without a word.
    const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/activities.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`;
    // A package like minimalXlsx's, with the sheet's part renamed and the targets written from the root.
    const entries: RawEntry[] = [
      {
        name: "[Content_Types].xml",
        data: Buffer.from(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/activities.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
        ),
      },
      {
        name: "_rels/.rels",
        data: Buffer.from(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        ),
      },
      {
        name: "xl/workbook.xml",
        data: Buffer.from(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Activities" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        ),
      },
      { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(rels) },
      {
        name: "xl/worksheets/activities.xml",
        data: Buffer.from(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>3</v></c></row>')),
      },
      { name: "xl/sharedStrings.xml", data: Buffer.from(readSharedStringsXml()) },
    ];
    const streamed = await open(buildZip(entries), STREAM);
    expect(streamed.mode).toBe("streaming");
    expect((await streamed.port.readSheet("Activities")).rows).toEqual([["ID", 3]]);
  });

  it("reads a sheet part stored without compression as one deflated", async () => {
    const deflated = book(EVERY_KIND);
    const stored = buildZip([
      { name: "[Content_Types].xml", data: Buffer.from(contentTypesOf(deflated)) },
      ...["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"].map((name) => ({
        name,
        data: Buffer.from(partOf(deflated, name)),
      })),
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from(partOf(deflated, "xl/worksheets/sheet1.xml")), method: 0 },
      { name: "xl/sharedStrings.xml", data: Buffer.from(STRINGS), method: 0 },
      { name: "xl/styles.xml", data: Buffer.from(STYLES) },
    ]);
    const a = await open(stored, STREAM);
    const b = await open(deflated, STREAM);
    expect([a.mode, b.mode]).toEqual(["streaming", "streaming"]);
    expect(await a.port.readSheet("Activities")).toEqual(await b.port.readSheet("Activities"));
  });

  it.each([
    ["a formula", '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>', /formulas/],
    ["an inline string", '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>', /inline/],
    ["an ISO date cell", '<row r="1"><c r="A1" t="d"><v>2024-01-31</v></c></row>', /type "d"/],
    ["rich text", '<row r="1"><c r="A1" t="s"><v>1</v></c></row>', /rich text/],
    ["a hidden row", '<row r="1" hidden="1"><c r="A1"><v>1</v></c></row>', /hidden rows/],
    ["a hidden row with no cells", '<row r="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="1"/>', /hidden rows/],
    ["a grouped row", '<row r="1" outlineLevel="1"><c r="A1"><v>1</v></c></row>', /grouped rows/],
    ["an element it does not know", '<row r="1"><c r="A1"><v>1</v><extLst/></c></row>', /<extLst> in a cell/],
    ["a number that is none", '<row r="1"><c r="A1"><v>12abc</v></c></row>', /a number written "12abc"/],
  ])("sends a file with %s to the whole-workbook path, and says why", async (_what, data, why) => {
    const strings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>ID</t></si><si><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></si></sst>`;
    const opened = await open(book(data, { strings }), STREAM);
    expect(opened.mode).toBe("whole");
    expect(opened.streamingRefused.join(" ")).toMatch(why);
    expect(opened.streamingRefused.join(" ")).toMatch(/the sheet "Activities" has/);
  });

  it("reads the same rows however the inflater cuts the XML into chunks", () => {
    const body = EVERY_KIND;
    const strings = readSharedStrings(STRINGS);
    const styleModels: Record<number, StyleModel> = {
      1: { numFmt: "mm-dd-yy" },
      2: { numFmt: "#,##0.0" },
      3: { numFmt: "dd/mm/yyyy" },
    };
    const styles: CellStyles = { styleOf: (id) => styleModels[id], date1904: false };
    const readWhole = newSheet("Activities");
    const one = new SheetCellsReader(readWhole, strings, styles);
    one.push(body);
    one.end();
    expect(one.why).toEqual([]);
    expect(readWhole.rows.filter(Boolean).length).toBe(5);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: body.length - 1 }), { maxLength: 40 }), (cuts) => {
        const sheet = newSheet("Activities");
        const reader = new SheetCellsReader(sheet, strings, styles);
        let from = 0;
        for (const at of [...cuts].sort((a, b) => a - b)) {
          reader.push(body.slice(from, at));
          from = at;
        }
        reader.push(body.slice(from));
        reader.end();
        expect(reader.why).toEqual([]);
        expect(sheet.rows).toEqual(readWhole.rows);
      }),
      { numRuns: 200 },
    );
  });

  it("says so when sheetData ends in the middle of a row", () => {
    const reader = new SheetCellsReader(newSheet("A"), readSharedStrings(STRINGS), {
      styleOf: () => undefined,
      date1904: false,
    });
    reader.push('<row r="1"><c r="A1"><v>1</v></c>');
    reader.end();
    expect(reader.why).toEqual(["a row that does not end"]);
  });

  it("sets aside print options that are all off, and only those", () => {
    const silent =
      '<printOptions headings="false" gridLines="false" gridLinesSet="true" horizontalCentered="false" verticalCentered="false"/>';
    expect(unknownElements(`<pageMargins left="0.7"/>${silent}`)).toEqual([]);
    expect(unknownElements('<printOptions gridLines="true"/>')).toEqual(["printOptions"]);
    // Headers and footers are carried (streaming-path.test.ts), whatever they say.
    expect(unknownElements("<headerFooter><oddHeader>&amp;CPlan</oddHeader></headerFooter>")).toEqual([]);
  });

  it("reads shared strings' text, leaves phonetic guides out and marks rich text", () => {
    const s = readSharedStrings(STRINGS);
    expect(s.texts).toEqual([
      "ID",
      " two\nlines & <tags> ",
      "",
      "caf\u00e9 \u{1F418} A tab\t",
      "\u6F22\u5B57",
      "crlf\nend",
      "AB",
    ]);
    expect([...s.rich]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const rich = readSharedStrings("<sst><si><t>a</t></si><si><r><t>b</t></r><r><t>c</t></r></si><si/></sst>");
    expect(rich.texts).toEqual(["a", "bc", ""]);
    expect([...rich.rich]).toEqual([0, 1, 0]);
    expect(readSharedStrings("<x:sst><x:si><x:t>a</x:t></x:si></x:sst>").unsupported).toMatch(/prefixes/);
  });
});

/** One part of a package made by buildZip, inflated. */
function partOf(zip: Buffer, name: string): string {
  // buildZip writes local headers in order: find the name, then the deflated body after it.
  const at = zip.indexOf(Buffer.from(name));
  const header = at - 30;
  const method = zip.readUInt16LE(header + 8);
  const size = zip.readUInt32LE(header + 18);
  const extra = zip.readUInt16LE(header + 28);
  const body = zip.subarray(at + name.length + extra, at + name.length + extra + size);
  return (method === 8 ? inflateRawSync(body) : body).toString("utf8");
}

function contentTypesOf(zip: Buffer): string {
  return partOf(zip, "[Content_Types].xml");
}

function readSharedStringsXml(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>ID</t></si></sst>`;
}

describe("the streaming path's cell reader on a workbook saved by LibreOffice", () => {
  it("reads every sheet as the whole-workbook path does", async () => {
    const made = createWorkbook();
    await setUpPlan(made.port, { sample: sample.activities, sampleSettings: sampleSettings(sample) });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "lo-cells-"));
    const input = path.join(dir, "plan.xlsx");
    await fs.writeFile(input, await made.toBuffer());
    const { files } = await convertWithSoffice(input, "xlsx:Calc MS Excel 2007 XML");
    // LibreOffice writes print options (all off) and headers on every sheet: they must not send its
    // files to the whole path.
    const saved = await fs.readFile(files[0]!);
    const sheetXmlText = await partText(saved, "xl/worksheets/sheet1.xml");
    expect(sheetXmlText).toMatch(/<printOptions/);
    expect(sheetXmlText).toMatch(/<headerFooter/);
    const { streamed, whole } = await bothPaths(saved);
    const names = (await whole.port.listSheets()).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Activities", "Lists", "Settings", "Countries"]));
    for (const name of names) {
      const s = await streamed.port.readSheet(name, { numberFormats: true });
      expect(s).toEqual(await whole.port.readSheet(name, { numberFormats: true }));
    }
    const activities = await streamed.port.readSheet("Activities");
    expect(activities.rows.length).toBe(sample.activities.length + 1);
    await fs.rm(dir, { recursive: true, force: true });
  }, 120_000);
});

/** One part of a package, inflated. */
async function partText(bytes: Buffer, name: string): Promise<string | undefined> {
  const parts = await openZipTextParts(bytes);
  try {
    return await parts.read(name);
  } finally {
    parts.close();
  }
}
