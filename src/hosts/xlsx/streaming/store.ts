/**
 * The streaming path's workbook in memory: per sheet, its cells as compact rows (the value ExcelJS
 * would hold, and a style object shared by every cell with that style), and beside them the few
 * sheet-level things a plan workbook carries. No ExcelJS Cell objects: at 100,000 rows those cost
 * most of the whole-workbook path's memory.
 */
import type { Style } from "exceljs";
import type { DataValidationModel } from "../exceljs-internals";

export type StyleModel = Partial<Style>;

export interface RowStore {
  /**
   * By column number (1-based): the value (string, number, boolean, Date, {error}, {formula}); undefined
   * or null is an empty cell. Read through cellValue, written through setCellValue (they see `block`).
   */
  values: unknown[];
  /**
   * One row of a `values` op, held by reference (never copied: at 100,000 activities the facts table
   * is 650,000 such rows): `cells[k]` is column `col + k`, null an empty cell. It wins over `values` in
   * its columns. The array belongs to the change set and is never written to: a change to a cell of
   * this row first copies the block into `values` (ownValues).
   */
  block?: { col: number; cells: readonly unknown[] };
  styles: (StyleModel | undefined)[];
  /**
   * True while `styles` is one array shared by many rows (rows written by one values op with per-column
   * formats: the facts table's 600,000 rows share one). Copied before a change: see ownStyles.
   */
  sharedStyles?: boolean;
  height?: number;
}

export interface TableSpec {
  name: string;
  ref: string;
  style: string;
  showRowStripes: boolean;
}

export interface SheetStore {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  tabColor?: string;
  rows: (RowStore | undefined)[];
  /**
   * Column number -> width / style. `widthFromFile` marks a width read from the file, so a width of
   * exactly 9 (ExcelJS's own default, which it would leave out) is written back: column-width-nine.ts.
   */
  columns: Map<number, { width?: number; widthFromFile?: boolean; style?: StyleModel; hidden?: boolean }>;
  frozen?: { rows: number; cols: number };
  merges: string[];
  /** Range ("C2:C500", or a cell) -> validation, disjoint as written. */
  validations: Map<string, DataValidationModel | Record<string, unknown>>;
  conditionalFormats: { ref: string; rules: unknown[] }[];
  /** "E5" -> note text. */
  notes: Map<string, string>;
  /** "B3" -> in-document target "'Activities'!E5". */
  links: Map<string, string>;
  tables: TableSpec[];
  protect: boolean;
  /** Print settings ExcelJS carries (orientation, paper size, scale, fit to page; margins in inches). */
  pageSetup?: Record<string, string | number | boolean | Record<string, number>>;
  /** Page header and footer texts and flags, in ExcelJS's model (differentFirst, oddHeader, ...). */
  headerFooter?: Record<string, string | boolean>;
  /** Its rows were let go of by a save (BookStore.released). */
  released?: boolean;
}

export interface DefinedNameSpec {
  name: string;
  /** "'Lists'!$A$2:$A$250" */
  range: string;
}

export interface BookStore {
  sheets: SheetStore[];
  names: DefinedNameSpec[];
  date1904: boolean;
  /** Set by a save that let go of the rows as it wrote them (write.ts, `release`): the store is spent. */
  released?: boolean;
}

/** A save that released the rows was the store's last use: anything after it is a programming error. */
export function assertNotReleased(book: Pick<BookStore, "released">): void {
  if (book.released)
    throw new Error(
      "This streamed workbook was saved with its rows released (the save was its last use): open the saved file to work on it again.",
    );
}

export function newSheet(name: string): SheetStore {
  return {
    name,
    state: "visible",
    rows: [],
    columns: new Map(),
    merges: [],
    validations: new Map(),
    conditionalFormats: [],
    notes: new Map(),
    links: new Map(),
    tables: [],
    protect: false,
  };
}

export function rowOf(sheet: SheetStore, r: number): RowStore {
  let row = sheet.rows[r];
  if (!row) sheet.rows[r] = row = { values: [], styles: [] };
  return row;
}

/** The value of column `c` (1-based) of a row; undefined when empty. */
export function cellValue(row: RowStore, c: number): unknown {
  const b = row.block;
  if (b !== undefined && c >= b.col && c < b.col + b.cells.length) return b.cells[c - b.col] ?? undefined;
  return row.values[c];
}

/** Every value a row holds, with its column (in no particular order). */
export function forEachValue(row: RowStore, fn: (v: unknown, c: number) => void): void {
  const b = row.block;
  const end = b ? b.col + b.cells.length : 0;
  row.values.forEach((v, c) => {
    if (b === undefined || c < b.col || c >= end) fn(v, c);
  });
  b?.cells.forEach((v, k) => fn(v ?? undefined, b.col + k));
}

/** One past the row's last column that may hold a value or a style. */
export function rowEnd(row: RowStore): number {
  const b = row.block;
  return Math.max(row.values.length, row.styles.length, b ? b.col + b.cells.length : 0);
}

/** The row's values as its own array, the block (if any) copied into it first. */
export function ownValues(row: RowStore): unknown[] {
  const b = row.block;
  if (b !== undefined) {
    b.cells.forEach((v, k) => (row.values[b.col + k] = v ?? undefined));
    delete row.block;
  }
  return row.values;
}

export function setCellValue(row: RowStore, c: number, v: unknown): void {
  ownValues(row)[c] = v ?? undefined;
}

/** The row's styles, made its own first if they were shared with other rows. */
export function ownStyles(row: RowStore): (StyleModel | undefined)[] {
  if (row.sharedStyles) {
    row.styles = row.styles.slice();
    row.sharedStyles = false;
  }
  return row.styles;
}
