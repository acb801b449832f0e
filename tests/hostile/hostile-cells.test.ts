/**
 * Hostile cells: prototype-polluting names, formula-looking text, control characters and the longest
 * text a cell can hold all survive a write and a read as plain data, in our reader and in the file.
 */
import { createWorkbook, openWorkbookBuffer } from "../../src/hosts/xlsx";
import { escapeOoxmlText } from "../../src/hosts/xlsx/text-escape";
import { readRaw } from "../xlsx/support/independent-reader";
import { xlsxBytes } from "../xlsx/support/build";

const FORMULA_LOOKING = [
  "=1+1",
  '=HYPERLINK("http://evil.example","click")',
  "+A1",
  "-3+2",
  "@SUM(A1:A2)",
  "=cmd|' /C calc'!A0",
];
const PROTO_NAMES = ["__proto__", "constructor", "prototype"];
const CONTROL = "a\u0001b\u0007c\r\nd\te\u001F\u007F_x0041_ end";
const LONGEST = "L".repeat(32_766) + "!";

describe("hostile cells", () => {
  it("text beginning with =, +, - or @ is written as text, never a formula", async () => {
    const book = createWorkbook();
    await book.port.apply({
      ops: [
        { kind: "ensureSheet", sheet: "S" },
        { kind: "values", sheet: "S", at: "A1", values: [FORMULA_LOOKING] },
      ],
    });
    const bytes = await book.toBuffer();
    const raw = await readRaw(bytes);
    const cells = raw.sheets.get("S")!;
    FORMULA_LOOKING.forEach((text, i) => {
      const cell = cells.get(`${String.fromCharCode(65 + i)}1`)!;
      expect(cell.formula).toBeNull();
      expect(["s", "inlineStr", "str"]).toContain(cell.type);
      expect(cell.text).toBe(text);
    });
    const sheetXmlText = [...raw.parts.entries()].find(([k]) => k.startsWith("xl/worksheets/sheet"))![1];
    expect(sheetXmlText).not.toMatch(/<f[ >]/);
    expect((await (await openWorkbookBuffer(bytes, "t.xlsx")).port.readSheet("S")).rows[0]).toEqual(FORMULA_LOOKING);
  });

  it("__proto__, constructor and prototype are plain strings as headers and values, and change no object", async () => {
    const bytes = await xlsxBytes({ Activities: [PROTO_NAMES, PROTO_NAMES, [...PROTO_NAMES].reverse()] });
    const book = await openWorkbookBuffer(bytes, "t.xlsx");
    const grid = await book.port.readSheet("Activities");
    expect(grid.rows).toEqual([PROTO_NAMES, PROTO_NAMES, [...PROTO_NAMES].reverse()]);
    for (const row of grid.rows) for (const v of row) expect(typeof v).toBe("string");
    // As table column names too.
    await book.port.apply({
      ops: [
        { kind: "values", sheet: "Activities", at: "D2", values: [PROTO_NAMES] },
        { kind: "table", sheet: "Activities", name: "tblProto", range: "A1:C3" },
      ],
    });
    const again = await openWorkbookBuffer(await book.toBuffer(), "t2.xlsx");
    expect((await again.port.readSheet("Activities")).rows).toEqual([
      PROTO_NAMES,
      [...PROTO_NAMES, ...PROTO_NAMES],
      [...PROTO_NAMES].reverse(),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(typeof ({} as { constructor: unknown }).constructor).toBe("function");
  });

  it("control characters and a literal _xHHHH_ round-trip exactly (ExcelJS alone would drop them)", async () => {
    const book = createWorkbook();
    await book.port.apply({
      ops: [
        { kind: "ensureSheet", sheet: "S" },
        { kind: "values", sheet: "S", at: "A1", values: [[CONTROL]] },
      ],
    });
    const bytes = await book.toBuffer();
    expect((await (await openWorkbookBuffer(bytes, "t.xlsx")).port.readSheet("S")).rows[0]).toEqual([CONTROL]);
    // The second reader decodes _xHHHH_ on its own and agrees.
    expect((await readRaw(bytes)).sheets.get("S")!.get("A1")!.text).toBe(CONTROL);
    expect(escapeOoxmlText("\u0001")).toBe("_x0001_");
    expect(escapeOoxmlText("_x0041_")).toBe("_x005F_x0041_");
  });

  it("a 32,767-character string round-trips", async () => {
    const book = createWorkbook();
    await book.port.apply({
      ops: [
        { kind: "ensureSheet", sheet: "S" },
        { kind: "values", sheet: "S", at: "B2", values: [[LONGEST]] },
      ],
    });
    const bytes = await book.toBuffer();
    const read = (await (await openWorkbookBuffer(bytes, "t.xlsx")).port.readSheet("S")).rows[0]![0];
    expect(read).toBe(LONGEST);
    expect((await readRaw(bytes)).sheets.get("S")!.get("B2")!.text).toBe(LONGEST);
  });
});
