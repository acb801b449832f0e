/** The store's sheets as Grids and SheetInfo, read exactly as read-grid.ts reads an ExcelJS sheet. */
import type { CellValue, Grid } from "../../../core/grid";
import type { ReadOptions, SheetInfo } from "../../../ports/workbook-port";
import { fromExcelValue } from "../read-grid";
import { assertNotReleased, cellValue, rowEnd, type SheetStore } from "./store";

interface Extent {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function isFormula(v: unknown): boolean {
  return typeof v === "object" && v !== null && "formula" in v;
}

/** True when the cell holds something a grid shows (a value, or a formula even without a result). */
function holds(v: unknown): boolean {
  return v !== undefined && (fromExcelValue(v) !== null || isFormula(v));
}

function extent(sheet: SheetStore): Extent | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  // Plain loops over rows and columns (no callback per cell): listing the sheets measures every one.
  const rows = sheet.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const end = rowEnd(row);
    for (let c = 0; c < end; c++) {
      if (!holds(cellValue(row, c))) continue;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  return bottom === 0 ? null : { top, left, bottom, right };
}

export function storeSheetInfo(sheet: SheetStore): SheetInfo {
  assertNotReleased(sheet);
  const e = extent(sheet);
  return { name: sheet.name, rowCount: e?.bottom ?? 0, columnCount: e?.right ?? 0, visible: sheet.state === "visible" };
}

/**
 * The values alone (no formulas, no formats: what every use case reads), in one pass over the rows:
 * each row's cells from column 1 to its last cell with content, then the columns left of the used range
 * dropped once it is known. The same grid as the two passes of storeGrid below.
 */
function valuesGrid(sheet: SheetStore): Grid | null {
  const rows: CellValue[][] = [];
  // Rows and columns are numbered from 1; anything at 0 (never written by the reader or an op) takes
  // the two passes, which handle it as they always did.
  const zero = sheet.rows[0];
  if (zero && rowEnd(zero) > 0) return null;
  let top = 0;
  let bottom = 0;
  let left = Infinity;
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const values: CellValue[] = [];
    if (row) {
      if (holds(cellValue(row, 0))) return null;
      const end = rowEnd(row);
      let last = 0;
      for (let c = 1; c < end; c++) {
        const raw = cellValue(row, c);
        const v = raw === undefined ? null : fromExcelValue(raw);
        values.push(v);
        if (v !== null || isFormula(raw)) {
          last = c;
          if (c < left) left = c;
        }
      }
      values.length = last;
      if (last > 0) {
        if (top === 0) top = r;
        bottom = r;
      }
    }
    if (top !== 0) rows.push(values);
  }
  if (bottom === 0) return { sheet: sheet.name, top: 1, left: 1, rows: [] };
  rows.length = bottom - top + 1;
  if (left > 1) for (let i = 0; i < rows.length; i++) rows[i] = rows[i]!.slice(left - 1);
  return { sheet: sheet.name, top, left, rows };
}

export function storeGrid(sheet: SheetStore, options: ReadOptions = {}): Grid {
  assertNotReleased(sheet);
  if (!options.formulas && !options.numberFormats) {
    const grid = valuesGrid(sheet);
    if (grid) return grid;
  }
  const e = extent(sheet);
  const extra = (f: unknown[][], n: unknown[][]): Partial<Grid> => ({
    ...(options.formulas ? { formulas: f as Grid["formulas"] } : {}),
    ...(options.numberFormats ? { numberFormats: n as Grid["numberFormats"] } : {}),
  });
  if (!e) return { sheet: sheet.name, top: 1, left: 1, rows: [], ...extra([], []) };
  const rows: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = e.top; r <= e.bottom; r++) {
    const row = sheet.rows[r];
    const values: CellValue[] = [];
    const f: (string | null)[] = [];
    const n: (string | null)[] = [];
    let last = -1;
    for (let c = e.left; c <= e.right; c++) {
      const raw = row ? cellValue(row, c) : undefined;
      const v = raw === undefined ? null : fromExcelValue(raw);
      values.push(v);
      if (v !== null || isFormula(raw)) last = c - e.left;
      if (options.formulas) f.push(isFormula(raw) ? String((raw as { formula: unknown }).formula) : null);
      if (options.numberFormats) n.push(row?.styles[c]?.numFmt ?? null);
    }
    values.length = last + 1;
    rows.push(values);
    if (options.formulas) formulas.push(f.slice(0, last + 1));
    if (options.numberFormats) formats.push(n.slice(0, last + 1));
  }
  return { sheet: sheet.name, top: e.top, left: e.left, rows, ...extra(formulas, formats) };
}
