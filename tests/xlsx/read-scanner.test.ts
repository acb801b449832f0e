/**
 * The guard's XML scanner reads tags as bytes (tag names, the `r` attribute, cell references) and falls
 * back to its regular expressions for anything unusual. These tests pin that both routes find the same
 * cells and refuse the same sheets, whatever the chunk boundaries.
 */
import { DEFAULT_LIMITS, resolveLimits } from "../../src/hosts/xlsx/limits";
import { ScanStop, XmlPartScanner, type ScanProblem, type ScanSummary } from "../../src/hosts/xlsx/xml-part-scanner";

function scan(xml: string, chunkSize: number, limits = DEFAULT_LIMITS): ScanSummary | ScanProblem {
  const scanner = new XmlPartScanner(limits, true, true);
  const bytes = Buffer.from(xml, "utf8");
  try {
    for (let i = 0; i < bytes.length; i += chunkSize) scanner.push(bytes.subarray(i, i + chunkSize));
    return scanner.end();
  } catch (e) {
    if (e instanceof ScanStop) return e.problem;
    throw e;
  }
}

const sheet = (rows: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="urn:x"><x:sheetData>${rows}</x:sheetData></x:worksheet>`;

const CHUNKS = [1, 2, 3, 7, 64, 1 << 20];

describe("XmlPartScanner on bytes", () => {
  it.each([
    ['<row r="1"><c r="A1"><v>1</v></c><c r="C1" t="s"><v>0</v></c></row><row r="4"><c r="B4"/></row>', 3, 4, 3],
    // Single quotes, spaces around "=", lower case and "$" take the fallback or the byte route: same cells.
    ["<row r='2'><c r = 'b2'/><c r=\"$D$2\"/><c/></row>", 3, 2, 5],
    ['<row spans="1:3" r="7"><c s="1" r="AA7"/><c t="n"/></row>', 2, 7, 28],
    // No r at all: rows and columns are counted.
    ["<row><c/><c/></row><row><c/></row>", 3, 2, 2],
  ])("%s", (rows, cells, maxRow, maxColumn) => {
    for (const size of CHUNKS) expect(scan(sheet(rows), size)).toEqual({ cells, maxRow, maxColumn });
  });

  it.each([
    ['<row r="1048577"><c r="A1048577"/></row>', "row 1048577"],
    ['<row r="1"><c r="A1048577"/></row>', "row 1048577"],
    ["<row r='1'><c r = 'a1048577'/></row>", "row 1048577"],
    // An r inside another attribute's value before the real one: the regular expression's reading refuses.
    ['<row r="1"><c t=" r=\'A1048577\'"/></row>', "row 1048577"],
    ['<row r="1"><c r="XFE1"/></row>', "column 16385"],
  ])("refuses %s at every chunk size", (rows, reason) => {
    for (const size of CHUNKS) expect(scan(sheet(rows), size)).toMatchObject({ kind: "too-many-cells", reason });
  });

  it("counts cells against the limit through the byte route", () => {
    const limits = resolveLimits({ maxCells: 3 });
    const rows = '<row r="1"><c r="A1"/><c r="B1"/><c r="C1"/><c r="D1"/></row>';
    for (const size of CHUNKS)
      expect(scan(sheet(rows), size, limits)).toMatchObject({ kind: "too-many-cells", reason: "cells present" });
  });

  it("reads a tag longer than it keeps as having no reference, whatever the chunks", () => {
    const long = `<c ${"a".repeat(5000)}="1" r="A1048577"/>`;
    for (const size of [5, 4096, 1 << 20])
      expect(scan(sheet(`<row r="1">${long}</row>`), size)).toEqual({ cells: 1, maxRow: 1, maxColumn: 1 });
  });

  it("still refuses entity declarations split across chunks", () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>';
    for (const size of CHUNKS) expect(scan(xml, size)).toMatchObject({ kind: "xml-entities", declaration: "!DOCTYPE" });
  });
});
