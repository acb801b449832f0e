/**
 * The preview grid's logic, apart from React: how far the grid reaches, the selection as an anchor and
 * a focus cell, Excel's Ctrl+Arrow jump, and the text an edit starts from. Pure over a SimSheet.
 */
import { rectAddress, MAX_ROWS, type Rect } from "../hosts/excel/a1";
import { cellKey } from "../hosts/excel/a1";
import type { SimSheet } from "../hosts/excel/simulation";
import { typeIntoCell } from "../hosts/excel/simulation";
import { cellText } from "./cell-text";

export const MAX_COLS_SHOWN = 40;
/** Empty rows and columns shown past the used range, so a new row can be typed like in Excel. */
export const EXTRA_ROWS = 50;
export const EXTRA_COLS = 3;

export interface CellPos {
  row: number;
  col: number;
}

/** The selection as Excel keeps it: the active cell (anchor) and the cell the selection reaches to. */
export interface Selection {
  anchor: CellPos;
  focus: CellPos;
}

export interface Extent {
  /** Last used row and column (0 when the sheet is empty). */
  lastRow: number;
  lastCol: number;
  /** Rows and columns the grid shows. */
  rows: number;
  cols: number;
}

export function extentOf(sheet: SimSheet): Extent {
  const used = sheet.usedRect(false);
  const lastRow = used ? used.row + used.rows - 1 : 0;
  const lastCol = used ? used.col + used.cols - 1 : 0;
  return {
    lastRow,
    lastCol,
    rows: Math.min(MAX_ROWS, Math.max(lastRow + EXTRA_ROWS, 60)),
    cols: Math.min(MAX_COLS_SHOWN, Math.max(lastCol + EXTRA_COLS, 10)),
  };
}

export function selectionRect(sel: Selection): Rect {
  const row = Math.min(sel.anchor.row, sel.focus.row);
  const col = Math.min(sel.anchor.col, sel.focus.col);
  return {
    row,
    col,
    rows: Math.abs(sel.anchor.row - sel.focus.row) + 1,
    cols: Math.abs(sel.anchor.col - sel.focus.col) + 1,
  };
}

export function selectionAddress(sel: Selection): string {
  return rectAddress(selectionRect(sel));
}

/** "B3:D9" as a selection whose active cell is its top-left corner; null when it cannot be read. */
export function selectionOf(address: string): Selection | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(address.trim());
  if (!m) return null;
  const col = (letters: string): number =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const anchor = { row: Number(m[2]), col: col(m[1]!) };
  const focus = m[3] ? { row: Number(m[4]), col: col(m[3]) } : anchor;
  return { anchor, focus };
}

const filled = (sheet: SimSheet, row: number, col: number): boolean =>
  sheet.get(row, col) !== null || sheet.formulas.has(cellKey(row, col));

/**
 * Excel's Ctrl+Arrow: from a filled cell whose neighbour is filled, to the last filled cell of that run;
 * otherwise to the next filled cell; with none, to the grid's edge.
 */
export function jump(sheet: SimSheet, from: CellPos, dRow: number, dCol: number, extent: Extent): CellPos {
  const inside = (p: CellPos) => p.row >= 1 && p.col >= 1 && p.row <= extent.rows && p.col <= extent.cols;
  const step = (p: CellPos): CellPos => ({ row: p.row + dRow, col: p.col + dCol });
  let p = from;
  const next = step(p);
  if (!inside(next)) return p;
  if (filled(sheet, p.row, p.col) && filled(sheet, next.row, next.col)) {
    while (inside(step(p)) && filled(sheet, step(p).row, step(p).col)) p = step(p);
    return p;
  }
  p = next;
  while (inside(step(p)) && !filled(sheet, p.row, p.col)) p = step(p);
  return p;
}

/**
 * The text an edit of the cell starts from, such that pressing Enter on it changes nothing: the formula
 * of a formula cell, a date as its ISO date, and an apostrophe before text Excel would otherwise retype
 * (so "=not a formula" stays text).
 */
export function editText(sheet: SimSheet, row: number, col: number): string {
  const k = cellKey(row, col);
  const formula = sheet.formulas.get(k);
  if (formula !== undefined) return formula;
  const v = sheet.get(row, col);
  if (typeof v === "string") {
    const t = typeIntoCell(v);
    return t.formula === undefined && t.value === v ? v : `'${v}`;
  }
  return cellText(v, sheet.numberFormats.get(k), undefined);
}
