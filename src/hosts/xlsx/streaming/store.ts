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
  /** By column number (1-based): the ExcelJS value (string, number, boolean, Date, {error}, {text, hyperlink}). */
  values: unknown[];
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
  /** Column number -> width / style. */
  columns: Map<number, { width?: number; style?: StyleModel; hidden?: boolean }>;
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
  /** Print settings ExcelJS carries (orientation, paper size, scale, fit to page). */
  pageSetup?: Record<string, string | number | boolean>;
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

/** The row's styles, made its own first if they were shared with other rows. */
export function ownStyles(row: RowStore): (StyleModel | undefined)[] {
  if (row.sharedStyles) {
    row.styles = row.styles.slice();
    row.sharedStyles = false;
  }
  return row.styles;
}
