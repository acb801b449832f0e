/**
 * Nothing lost: the input is never overwritten unless asked, a failed save leaves the target as it was,
 * and every value the user entered (value, type, formula) is in the output unchanged.
 */
import fc from "fast-check";
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { ANNOTATION_MARK, SEVERITY_FILLS, type ChangeOp } from "../../src/core/changeset";
import { openWorkbookBuffer, openWorkbookFile, WorkbookFileError } from "../../src/hosts/xlsx";
import { readRaw, type RawCell } from "./support/independent-reader";
import { tempDir, xlsxBytes, type Rows } from "./support/build";

const annotate: ChangeOp[] = [
  { kind: "note", sheet: "Activities", cell: "B2", text: `${ANNOTATION_MARK}check this` },
  { kind: "fill", sheet: "Activities", range: "B2:C3", color: SEVERITY_FILLS.error },
  { kind: "ensureSheet", sheet: "Issues" },
  { kind: "resetSheet", sheet: "Issues" },
  {
    kind: "values",
    sheet: "Issues",
    at: "A1",
    values: [
      ["Code", "Cell"],
      ["approach-unknown", "B2"],
    ],
  },
  { kind: "table", sheet: "Issues", name: "tblIssues", range: "A1:B2" },
  { kind: "link", sheet: "Issues", cell: "B2", text: "B2", toSheet: "Activities", toCell: "B2" },
];

function userCells(raw: Map<string, RawCell>): Map<string, RawCell> {
  return new Map([...raw.entries()].filter(([, c]) => c.text !== null || c.formula !== null));
}

describe("saving", () => {
  it("refuses to overwrite the input file unless asked, and leaves it byte for byte as it was", async () => {
    const dir = await tempDir();
    const input = path.join(dir, "plan.xlsx");
    const original = await xlsxBytes({ Activities: [["ID"], ["A-1"]] });
    await fs.writeFile(input, original);
    const book = await openWorkbookFile(input);
    await book.port.apply({ ops: annotate.slice(2) });
    await expect(book.saveTo(input)).rejects.toMatchObject({ kind: "would-overwrite-input" });
    await expect(book.saveTo(path.join(dir, ".", "plan.xlsx"))).rejects.toBeInstanceOf(WorkbookFileError);
    expect(Buffer.compare(await fs.readFile(input), original)).toBe(0);
    await book.saveTo(input, { overwriteInput: true });
    expect((await (await openWorkbookFile(input)).port.listSheets()).map((s) => s.name)).toEqual([
      "Activities",
      "Issues",
    ]);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a save that fails part way leaves the existing target untouched and no temporary file", async () => {
    const dir = await tempDir();
    const target = path.join(dir, "out.xlsx");
    await fs.writeFile(target, "previous output");
    const book = await openWorkbookBuffer(await xlsxBytes({ Activities: [["ID"]] }), "in.xlsx");
    book.toBuffer = async () => {
      throw new Error("disk full");
    };
    await expect(book.saveTo(target)).rejects.toThrow("disk full");
    expect(await fs.readFile(target, "utf8")).toBe("previous output");
    expect(await fs.readdir(dir)).toEqual(["out.xlsx"]);
    const good = await openWorkbookBuffer(await xlsxBytes({ Activities: [["ID"]] }), "in.xlsx");
    await expect(good.saveTo(path.join(dir, "no-such-folder", "out.xlsx"))).rejects.toMatchObject({
      kind: "write-failed",
    });
  });

  const cellArb: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      "=1+1",
      "+41",
      "-x",
      "@me",
      "__proto__",
      "constructor",
      "4.2",
      "3.2.4",
      " padded ",
      "a\u0002b",
      "line\r\nbreak",
    ),
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    fc.boolean(),
    fc
      .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2040, 0, 1)), noInvalidDate: true })
      .map((d) => new Date(Math.round(d.getTime() / 1000) * 1000)),
    fc.constantFrom({ error: "#N/A" } as ExcelJS.CellErrorValue, { error: "#REF!" } as ExcelJS.CellErrorValue),
    fc.constant({ formula: "1+2", result: 3 } as ExcelJS.CellFormulaValue),
    fc.constant(null),
  );

  it("every value the user entered is in the output, unchanged (property, two readers)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        async (rows: Rows) => {
          const input = await xlsxBytes({
            Activities: [["ID", "Approach", "Lead", "Budget", "Start", "Notes"], ...rows],
            Extra: rows,
          });
          const book = await openWorkbookBuffer(input, "in.xlsx");
          const before = {
            Activities: await book.port.readSheet("Activities", { formulas: true }),
            Extra: await book.port.readSheet("Extra", { formulas: true }),
          };
          await book.port.apply({ ops: annotate });
          const output = await book.toBuffer();
          const after = await openWorkbookBuffer(output, "out.xlsx");
          for (const name of ["Activities", "Extra"] as const) {
            expect(await after.port.readSheet(name, { formulas: true })).toEqual(before[name]);
          }
          const rawIn = await readRaw(input);
          const rawOut = await readRaw(output);
          for (const name of ["Activities", "Extra"]) {
            const a = userCells(rawIn.sheets.get(name)!);
            const b = userCells(rawOut.sheets.get(name)!);
            for (const [ref, cell] of a)
              expect({ ref, ...b.get(ref) }).toEqual({
                ref,
                ...cell,
                type: cell.type === "s" || cell.type === "inlineStr" ? b.get(ref)?.type : cell.type,
              });
            expect([...b.keys()].filter((k) => !a.has(k))).toEqual([]);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
