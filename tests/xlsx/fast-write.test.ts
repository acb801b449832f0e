/**
 * The streaming path's own cell writer (src/hosts/xlsx/streaming/row-xml.ts, write.ts): every kind of
 * value comes back as written, by ExcelJS, by the independent reader and by LibreOffice; text that looks
 * like a formula stays text; a values op's rows are held by reference and never written into; a save
 * lets go of the rows and says so if the workbook is used after it.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../../src/core/grid";
import { openWorkbookBuffer, openWorkbookFile } from "../../src/hosts/xlsx";
import { applyToStore } from "../../src/hosts/xlsx/streaming/apply";
import { columnLetters, writeSharedString, xmlText } from "../../src/hosts/xlsx/streaming/row-xml";
import { XmlBytes } from "../../src/hosts/xlsx/streaming/xml-bytes";
import { newSheet, type BookStore } from "../../src/hosts/xlsx/streaming/store";
import { tempDir, xlsxBytes } from "./support/build";
import { readRaw } from "./support/independent-reader";
import { CSV_ALL_SHEETS, convertWithSoffice, sheetCsv } from "./support/soffice";

jest.setTimeout(180_000);

const STREAM = { streamAboveCells: 0 };
const WHOLE = { streamAboveCells: Infinity };
const LONG = `${"long text ".repeat(3276)}1234567`; // 32,767 characters, the most a cell holds

/** One row per kind of value, in column B; column A names it. */
const KINDS: [string, CellValue][] = [
  ["equals", "=SUM(A1:A3)"],
  ["plus", "+44 20 7946 0000"],
  ["minus", "-not a number"],
  ["at", "@mention"],
  ["xml specials", `a & b < c > d "q" 'a' ]]>`],
  ["control characters", "tab\there, bell\u0007, cr\r and _x0041_ typed"],
  ["non-Latin", "Ligne en français: é à ç, 中文, emoji 🐘"],
  ["empty string", ""],
  ["number", 40000.5],
  ["negative", -12],
  ["tiny", 1e-7],
  ["true", true],
  ["false", false],
  ["date", new Date(Date.UTC(2024, 0, 31))],
  ["error", { error: "#N/A" }],
  ["__proto__", "constructor"],
];

async function streamedBook(): Promise<Awaited<ReturnType<typeof openWorkbookBuffer>>> {
  const book = await openWorkbookBuffer(await xlsxBytes({ Activities: [["ID"], ["A-1"]] }), "plan.xlsx", STREAM);
  expect(book.mode).toBe("streaming");
  const report = await book.port.apply({
    ops: [
      { kind: "ensureSheet", sheet: "Kinds" },
      {
        kind: "values",
        sheet: "Kinds",
        at: "A1",
        values: KINDS.map(([name, v]) => [name, v]),
        formats: [null, null],
      },
      { kind: "values", sheet: "Kinds", at: "C1", values: [[LONG]] },
      { kind: "formulas", sheet: "Kinds", at: "D1", formulas: [['=IF(B9<2,"a&b","<c>")']] },
      { kind: "numberFormat", sheet: "Kinds", range: "B9", format: "#,##0.0" },
    ],
  });
  expect(report.skipped).toEqual([]);
  return book;
}

describe("the streaming path's cell writer", () => {
  it("writes every kind of value so that ExcelJS and the independent reader read it back unchanged", async () => {
    const bytes = await (await streamedBook()).toBuffer();
    const whole = (await openWorkbookBuffer(bytes, "out.xlsx", WHOLE)).workbook.getWorksheet("Kinds")!;
    KINDS.forEach(([name, v], i) => {
      const got = whole.getCell(i + 1, 2).value;
      expect({ name, got: got instanceof Date ? got.toISOString() : got }).toEqual({
        name,
        got: v instanceof Date ? v.toISOString() : v,
      });
    });
    expect(whole.getCell("C1").value).toBe(LONG);
    expect(whole.getCell("B9").numFmt).toBe("#,##0.0");
    expect(whole.getCell("B14").numFmt).toMatch(/[dmy]/); // a date keeps a date format
    expect(whole.getCell("D1").formula).toBe('IF(B9<2,"a&b","<c>")');

    const raw = (await readRaw(bytes)).sheets.get("Kinds")!;
    for (const cell of ["B1", "B2", "B3", "B4", "B5", "B6"]) {
      expect({ cell, type: raw.get(cell)?.type, formula: raw.get(cell)?.formula }).toEqual({
        cell,
        type: "s",
        formula: null,
      });
    }
    expect(raw.get("B9")).toMatchObject({ type: "n", text: "40000.5" });
    expect(raw.get("B12")).toMatchObject({ type: "b", text: "1" });
    expect(raw.get("B15")).toMatchObject({ type: "e", text: "#N/A" });
    expect(raw.get("B14")).toMatchObject({ type: "n", text: "45322" });
    expect(raw.get("D1")?.formula).toBe('IF(B9<2,"a&b","<c>")');
  });

  it("LibreOffice opens the file and reads the same text and numbers", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "kinds.xlsx");
    await (await streamedBook()).saveTo(file);
    const { files, log } = await convertWithSoffice(file, CSV_ALL_SHEETS);
    expect(log).not.toMatch(/Error:/i);
    const csv = await sheetCsv(files, "kinds", "Kinds");
    const byName = new Map(csv.map((r) => [r[0], r[1]]));
    for (const name of ["equals", "plus", "minus", "at", "xml specials", "non-Latin", "__proto__"])
      expect({ name, text: byName.get(name) }).toEqual({ name, text: KINDS.find((k) => k[0] === name)![1] });
    expect(byName.get("number")).toBe("40000.5"); // the CSV holds values, not their display
    expect(byName.get("true")).toBe("TRUE");
    expect(byName.get("error")).toBe("#N/A");
    expect(csv[0]![2]).toBe(LONG);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("holds a values op's rows by reference and never writes into them", async () => {
    const book: BookStore = { sheets: [newSheet("Facts")], names: [], date1904: false };
    const rows: CellValue[][] = [
      ["a", 1, null],
      ["b", 2, "x"],
    ];
    rows.forEach((r) => Object.freeze(r)); // a write into them would throw (modules are strict)
    await applyToStore(book, { ops: [{ kind: "values", sheet: "Facts", at: "B2", values: rows }] });
    expect(book.sheets[0]!.rows[2]!.block?.cells).toBe(rows[0]);
    expect(book.sheets[0]!.rows[3]!.block?.cells).toBe(rows[1]);
    // A later op on those rows takes a copy; the op's arrays stay as they were.
    await applyToStore(book, {
      ops: [
        { kind: "values", sheet: "Facts", at: "C3", values: [[99]] },
        { kind: "link", sheet: "Facts", cell: "A2", text: "go", toSheet: "Facts", toCell: "B3" },
      ],
    });
    expect(rows).toEqual([
      ["a", 1, null],
      ["b", 2, "x"],
    ]);
    expect(book.sheets[0]!.rows[3]!.block).toBeUndefined();
    expect(book.sheets[0]!.rows[3]!.values.slice(2)).toEqual(["b", 99, "x"]);
  });

  it("a save lets go of the rows: the saved file is whole, and using the workbook after it is refused", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "saved.xlsx");
    const book = await streamedBook();
    const before = await book.toBuffer();
    // toBuffer keeps the rows: a second one gives the same cells.
    expect((await readRaw(await book.toBuffer())).sheets.get("Kinds")).toEqual(
      (await readRaw(before)).sheets.get("Kinds"),
    );
    await book.saveTo(file);
    expect((await readRaw(await fs.readFile(file))).sheets.get("Kinds")).toEqual(
      (await readRaw(before)).sheets.get("Kinds"),
    );
    await expect(book.port.readSheet("Kinds")).rejects.toThrow(/saved with its rows released/);
    await expect(book.port.apply({ ops: [] })).rejects.toThrow(/saved with its rows released/);
    const again = await openWorkbookFile(file, STREAM);
    expect((await again.port.readSheet("Kinds")).rows[0]?.slice(0, 3)).toEqual(["equals", "=SUM(A1:A3)", LONG]);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("writes each shared string byte for byte as ExcelJS's own xform does", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- ExcelJS internals, pinned to 4.4
    const Xform = require("exceljs/lib/xlsx/xform/strings/shared-string-xform") as new () => {
      toXml(text: string): string;
    };
    const texts = [
      "",
      "plain",
      " leading",
      "trailing ",
      "two\nlines",
      "tab\there",
      `a & b < c > d "q" 'a'`,
      "bell\u0007, cr\r, del\u007f, nul\u0000",
      "_x0041_ typed",
      "é à ç 中文 🐘",
      "=SUM(A1)",
      LONG,
    ];
    for (const text of texts) {
      const out = new XmlBytes(16);
      writeSharedString(out, text);
      expect(out.take().toString("utf8")).toBe(new Xform().toXml(text));
    }
  });

  it("names columns and escapes the text it writes itself", () => {
    expect([1, 26, 27, 52, 702, 703, 16384].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD"]);
    expect(xmlText('a<b & "c"\u0001')).toBe('a&lt;b &amp; "c"_x0001_');
  });
});
