/** A1 references as Excel accepts them in the API: "B3", "A1:C9", "Sheet!A1", "'My sheet'!A:C", "2:5". */
import { columnLetters, columnNumber } from "../../core/grid";
import { SimulatedOfficeError } from "./simulation/errors";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A block of cells, 1-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function corner(text: string): { row: number | null; col: number | null } {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text);
  if (!m || (m[1] === "" && m[2] === ""))
    throw new SimulatedOfficeError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format: "${text}".`,
    );
  return { col: m[1] ? columnNumber(m[1]) : null, row: m[2] ? Number(m[2]) : null };
}

export function parseRef(ref: string): { sheet: string | null; rect: Rect } {
  let sheet: string | null = null;
  let a1 = ref.trim();
  const bang = a1.lastIndexOf("!");
  if (bang >= 0) {
    sheet = a1.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    a1 = a1.slice(bang + 1);
  }
  const [a, b] = a1.split(":");
  const from = corner(a ?? "");
  const to = b === undefined ? from : corner(b);
  const r1 = from.row ?? 1;
  const c1 = from.col ?? 1;
  const r2 = to.row ?? MAX_ROWS;
  const c2 = to.col ?? MAX_COLS;
  if (r1 < 1 || c1 < 1 || r2 > MAX_ROWS || c2 > MAX_COLS || r2 < r1 || c2 < c1) {
    throw new SimulatedOfficeError("InvalidArgument", `The range "${ref}" is outside the worksheet or reversed.`);
  }
  return { sheet, rect: { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 } };
}

export function rectAddress(r: Rect): string {
  const a = `${columnLetters(r.col)}${r.row}`;
  return r.rows === 1 && r.cols === 1 ? a : `${a}:${columnLetters(r.col + r.cols - 1)}${r.row + r.rows - 1}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.row && row < outer.row + outer.rows && col >= outer.col && col < outer.col + outer.cols;
}

/** One number per cell for sparse maps (16,384 columns fit under 20,000). */
export const cellKey = (row: number, col: number): number => row * 20000 + col;
export const keyRow = (k: number): number => Math.floor(k / 20000);
export const keyCol = (k: number): number => k % 20000;
