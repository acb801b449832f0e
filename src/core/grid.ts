/**
 * Grids: the only shape in which the core sees a worksheet. A host adapter reads a sheet into a Grid;
 * the core never touches a host object. Rows and columns are 1-based, as Excel shows them.
 */

/** An Excel error value such as #N/A or #REF!. Same shape as ExcelJS so the file host passes it through. */
export interface CellError {
  readonly error: string;
}

/**
 * One cell value as a host hands it over. Dates arrive either as Date objects (file host) or as Excel
 * serial numbers (Office.js); the activity parser accepts both. Empty cells are null.
 */
export type CellValue = string | number | boolean | Date | CellError | null;

export interface Grid {
  /** Worksheet name, used in every issue and change. */
  readonly sheet: string;
  /** Sheet row number of rows[0] (1-based). */
  readonly top: number;
  /** Sheet column number of rows[r][0] (1-based). */
  readonly left: number;
  /** Cell values; rows may be ragged (a missing trailing cell means empty). */
  readonly rows: readonly (readonly CellValue[])[];
  /** Formula text (without the leading "=") where a cell holds a formula, when the host was asked for it. */
  readonly formulas?: readonly (readonly (string | null)[])[];
  /** Number format codes, when the host was asked for them (lets the import tell a date serial from a number). */
  readonly numberFormats?: readonly (readonly (string | null)[])[];
}

export const ERROR_VALUES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
] as const;

export function isCellError(v: unknown): v is CellError {
  return (
    typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as { error?: unknown }).error === "string"
  );
}

/** True for null, undefined and strings that are only white space. */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** 1 -> "A", 27 -> "AA", 16384 -> "XFD". */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`column number must be a positive integer, got ${col}`);
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA" -> 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  // By index, not for-of: a string iterator per call is garbage on every cell address of a large plan.
  for (let i = 0; i < letters.length; i++) {
    let c = letters.charCodeAt(i);
    if (c > 127) return columnNumberOfUpperCased(letters); // "ß" upper-cases to two letters
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) throw new RangeError(`not a column name: ${letters}`);
    n = n * 26 + (c - 64);
  }
  return n;
}

function columnNumberOfUpperCased(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) throw new RangeError(`not a column name: ${letters}`);
    n = n * 26 + (c - 64);
  }
  return n;
}

/** (3, 2) -> "B3". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/**
 * "B3" -> { row: 3, col: 2 }: optional "$", one to three ASCII letters, optional "$", ASCII digits, with
 * white space around allowed. Read by character codes (hosts parse one address per note, fill and link).
 */
export function parseAddress(a1: string): { row: number; col: number } {
  const s = a1.trim();
  let i = s.charCodeAt(0) === 36 ? 1 : 0;
  let col = 0;
  const lettersFrom = i;
  for (; i < s.length && i - lettersFrom < 4; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  const letters = i - lettersFrom;
  if (s.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
  }
  if (letters < 1 || letters > 3 || i === digitsFrom || i !== s.length)
    throw new RangeError(`not a cell address: ${a1}`);
  return { row: Number(s.slice(digitsFrom)), col };
}

/** "A1:C3" for a block of rows x cols starting at (row, col). */
export function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  return `${cellAddress(row, col)}:${cellAddress(row + Math.max(rows, 1) - 1, col + Math.max(cols, 1) - 1)}`;
}

/** Quote a sheet name for use in a reference: 'My sheet'!A1. */
export function sheetRef(sheet: string, a1: string): string {
  const needsQuotes = !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  return needsQuotes ? `'${sheet.replace(/'/g, "''")}'!${a1}` : `${sheet}!${a1}`;
}

/** The value at a sheet coordinate, or null outside the grid. */
export function cellAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid.rows[row - grid.top];
  if (!r) return null;
  const v = r[col - grid.left];
  return v === undefined ? null : v;
}

/** Width of the widest row. */
export function gridWidth(grid: Grid): number {
  let w = 0;
  for (const r of grid.rows) if (r.length > w) w = r.length;
  return w;
}
