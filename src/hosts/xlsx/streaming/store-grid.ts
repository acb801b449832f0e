/** The store's sheets as Grids and SheetInfo, read exactly as read-grid.ts reads an ExcelJS sheet. */
import type { CellValue, Grid } from "../../../core/grid";
import type { ReadOptions, SheetInfo } from "../../../ports/workbook-port";
import { fromExcelValue } from "../read-grid";
import { assertNotReleased, cellValue, forEachValue, type SheetStore } from "./store";

interface Extent {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function isFormula(v: unknown): boolean {
  return typeof v === "object" && v !== null && "formula" in v;
}

function extent(sheet: SheetStore): Extent | null {
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

export function storeSheetInfo(sheet: SheetStore): SheetInfo {
  assertNotReleased(sheet);
  const e = extent(sheet);
  return { name: sheet.name, rowCount: e?.bottom ?? 0, columnCount: e?.right ?? 0, visible: sheet.state === "visible" };
}

export function storeGrid(sheet: SheetStore, options: ReadOptions = {}): Grid {
  assertNotReleased(sheet);
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
