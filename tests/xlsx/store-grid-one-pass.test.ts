/**
 * storeGrid reads a plain grid (no formulas, no formats) in one pass, and measures a sheet's extent in
 * plain loops. Both must give exactly what the two passes gave (kept here as the reference): the same
 * top, left, rows and trailing cells, on rows that hold values, values op blocks, holes, nulls, formulas
 * without a result, errors, rich text and styles beyond the values.
 */
import fc from "fast-check";
import type { CellValue, Grid } from "../../src/core/grid";
import { fromExcelValue } from "../../src/hosts/xlsx/read-grid";
import { storeGrid, storeSheetInfo } from "../../src/hosts/xlsx/streaming/store-grid";
import {
  cellValue,
  forEachValue,
  newSheet,
  type RowStore,
  type SheetStore,
} from "../../src/hosts/xlsx/streaming/store";

const isFormula = (v: unknown) => typeof v === "object" && v !== null && "formula" in v;

function referenceExtent(sheet: SheetStore) {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    forEachValue(row, (v, c) => {
      if (v === undefined || (fromExcelValue(v) === null && !isFormula(v))) return;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  return bottom === 0 ? null : { top, left, bottom, right };
}

function referenceGrid(sheet: SheetStore): Grid {
  const e = referenceExtent(sheet);
  if (!e) return { sheet: sheet.name, top: 1, left: 1, rows: [] };
  const rows: CellValue[][] = [];
  for (let r = e.top; r <= e.bottom; r++) {
    const row = sheet.rows[r];
    const values: CellValue[] = [];
    let last = -1;
    for (let c = e.left; c <= e.right; c++) {
      const raw = row ? cellValue(row, c) : undefined;
      const v = raw === undefined ? null : fromExcelValue(raw);
      values.push(v);
      if (v !== null || isFormula(raw)) last = c - e.left;
    }
    values.length = last + 1;
    rows.push(values);
  }
  return { sheet: sheet.name, top: e.top, left: e.left, rows };
}

const value = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, "", " ", "a", 0, 1.5, true, { error: "#N/A" }),
  fc.constantFrom<unknown>({ formula: "1+1" }, { formula: "A1", result: 3 }, { richText: [{ text: "r" }] }),
  fc.string({ maxLength: 3 }),
);

const rowArb: fc.Arbitrary<RowStore | undefined> = fc
  .option(
    fc.record({
      values: fc.sparseArray(value, { maxLength: 7 }).map((v) => [undefined, ...v]),
      styles: fc.constantFrom<RowStore["styles"]>(
        [],
        [undefined, {}],
        Array.from({ length: 10 }, () => ({})),
      ),
      block: fc.option(
        fc.record({
          col: fc.integer({ min: 1, max: 6 }),
          cells: fc.array(
            value.map((v) => (v === undefined ? null : v)),
            { maxLength: 5 },
          ),
        }),
        { nil: undefined },
      ),
    }),
    { nil: undefined },
  )
  .map((r) => {
    if (r && r.block === undefined) delete (r as Partial<RowStore>).block;
    return r as RowStore | undefined;
  });

const sheetArb = fc.array(rowArb, { maxLength: 8 }).map((rows) => {
  const sheet = newSheet("S");
  rows.forEach((row, i) => {
    if (row) sheet.rows[i + 1] = row;
  });
  return sheet;
});

describe("storeGrid in one pass", () => {
  test("gives the grid and the sheet info of the two passes", () => {
    fc.assert(
      fc.property(sheetArb, (sheet) => {
        expect(storeGrid(sheet)).toStrictEqual(referenceGrid(sheet));
        const e = referenceExtent(sheet);
        expect(storeSheetInfo(sheet)).toEqual({
          name: "S",
          rowCount: e?.bottom ?? 0,
          columnCount: e?.right ?? 0,
          visible: true,
        });
      }),
      { numRuns: 2000 },
    );
  });
});
