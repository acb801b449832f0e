/**
 * A worksheet as a Grid: the used range (cells holding a value), with values as the core expects them.
 * Dates stay Date objects, formulas give their cached result, errors become CellError, rich text and
 * hyperlinks give their plain text, and a merged area gives its value in the top-left cell only.
 */
import type { Cell, Worksheet } from "exceljs";
import { ValueType } from "exceljs";
import type { CellValue, Grid } from "../../core/grid";
import type { ReadOptions, SheetInfo } from "../../ports/workbook-port";

function richTextOf(v: unknown): string | null {
  const runs = (v as { richText?: unknown }).richText;
  if (!Array.isArray(runs)) return null;
  return runs.map((r: { text?: unknown }) => (typeof r.text === "string" ? r.text : "")).join("");
}

/** An ExcelJS value (cell.value, or a formula's result) as a core CellValue. */
export function fromExcelValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (v instanceof Date) return v;
  if (typeof v !== "object") return String(v);
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return { error: o.error };
  const rich = richTextOf(o);
  if (rich !== null) return rich;
  if ("formula" in o || "sharedFormula" in o) return fromExcelValue(o.result);
  if ("hyperlink" in o || "text" in o) {
    const text = o.text;
    if (typeof text === "string") return text;
    const r = text === undefined ? null : richTextOf(text);
    return r ?? (typeof o.hyperlink === "string" ? o.hyperlink : null);
  }
  return null;
}

function cellValue(cell: Cell): CellValue {
  // A merged area's other cells echo the master's value in ExcelJS; the grid shows it once.
  if (cell.type === ValueType.Merge) return null;
  return fromExcelValue(cell.value);
}

interface Extent {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The box of cells that hold a value; null for an empty sheet. */
function usedExtent(sheet: Worksheet): Extent | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A formula with no cached result is still a used cell.
      if (cellValue(cell) === null && cell.type !== ValueType.Formula) return;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  return bottom === 0 ? null : { top, left, bottom, right };
}

export function sheetInfo(sheet: Worksheet): SheetInfo {
  const e = usedExtent(sheet);
  return {
    name: sheet.name,
    rowCount: e?.bottom ?? 0,
    columnCount: e?.right ?? 0,
    visible: sheet.state === "visible" || sheet.state === undefined,
  };
}

export function readGrid(sheet: Worksheet, options: ReadOptions = {}): Grid {
  const e = usedExtent(sheet);
  if (!e)
    return {
      sheet: sheet.name,
      top: 1,
      left: 1,
      rows: [],
      ...(options.formulas ? { formulas: [] } : {}),
      ...(options.numberFormats ? { numberFormats: [] } : {}),
    };
  const rows: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = e.top; r <= e.bottom; r++) {
    // findRow/findCell never create cells, so reading leaves the workbook exactly as it was.
    const row = sheet.findRow(r);
    const values: CellValue[] = [];
    const f: (string | null)[] = [];
    const n: (string | null)[] = [];
    let last = -1;
    for (let c = e.left; c <= e.right; c++) {
      const cell = row?.findCell(c);
      const v = cell ? cellValue(cell) : null;
      values.push(v);
      if (v !== null || cell?.type === ValueType.Formula) last = c - e.left;
      if (options.formulas) f.push(cell && cell.type === ValueType.Formula ? (cell.formula ?? null) : null);
      if (options.numberFormats) n.push(cell?.numFmt ?? null);
    }
    // Rows are ragged: trailing empty cells are left off.
    values.length = last + 1;
    rows.push(values);
    if (options.formulas) formulas.push(f.slice(0, last + 1));
    if (options.numberFormats) formats.push(n.slice(0, last + 1));
  }
  return {
    sheet: sheet.name,
    top: e.top,
    left: e.left,
    rows,
    ...(options.formulas ? { formulas } : {}),
    ...(options.numberFormats ? { numberFormats: formats } : {}),
  };
}
