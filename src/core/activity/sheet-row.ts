/**
 * The parser's own ParsedRow: compact, because a large sheet has 100,000 of them. A row keeps the host's
 * row array (read only, never copied or written), the record, and a problem list that exists only when
 * a cell has a problem. The ParsedCell objects of `cells` (19 per row, each with an A1 address string)
 * are built on first read: validation reads cells through the accessors below, which build nothing, so
 * a clean row costs two objects instead of about forty. Measured on 100,000 generated rows: allocation
 * and garbage collection of the per-cell objects were the largest single cost of parse + validate.
 */
import { columnLetters, type CellValue } from "../grid";
import { ACTIVITY_COLUMNS, type ActivityKey } from "./columns";
import type { FieldProblem, ParsedCell, ParsedRow } from "./parsed";
import type { ActivityRecord } from "./record";
import { NOTE_CODES } from "./normalize-fields";

/**
 * Index of each canonical column in ACTIVITY_COLUMNS (and in a SheetRow's problem list). Written out as a
 * literal (a test keeps it in step with ACTIVITY_COLUMNS): the rules read it millions of times on a large
 * sheet, and a literal with constant keys is the fastest lookup V8 has.
 */
export const COLUMN_INDEX: { readonly [K in ActivityKey]: number } = {
  id: 0,
  title: 1,
  outcome: 2,
  subOutcome: 3,
  approach: 4,
  leadAgencies: 5,
  level: 6,
  countries: 7,
  stage: 8,
  status: 9,
  startDate: 10,
  endDate: 11,
  budgetUsd: 12,
  fundedUsd: 13,
  progress: 14,
  need: 15,
  valueAdded: 16,
  engagement: 17,
  notes: 18,
};

/** Where the canonical columns sit on one sheet: shared by every row of a parse. */
export class SheetLayout {
  /** Per canonical column (ACTIVITY_COLUMNS order): offset into a grid row, or -1 when the column is missing. */
  readonly offsets: readonly number[];
  /** Per canonical column: sheet column number, or -1 when missing. */
  readonly cols: readonly number[];
  /** Per canonical column: column letters ("" when missing). */
  readonly letters: readonly string[];

  constructor(columnOf: Partial<Record<ActivityKey, number>>, left: number) {
    this.cols = ACTIVITY_COLUMNS.map((c) => columnOf[c.key] ?? -1);
    this.offsets = this.cols.map((col) => (col < 0 ? -1 : col - left));
    this.letters = this.cols.map((col) => (col < 0 ? "" : columnLetters(col)));
  }
}

const MISSING: ParsedCell = Object.freeze({ raw: null, col: null, address: null, problem: null });

export class SheetRow implements ParsedRow {
  private built: Record<ActivityKey, ParsedCell> | null = null;

  constructor(
    readonly row: number,
    readonly record: ActivityRecord,
    /** The host's row array (read only): raw values are read from it at the layout's offsets. */
    readonly values: readonly CellValue[],
    /** Problem per canonical column (ACTIVITY_COLUMNS order), or null when no cell of the row has one. */
    readonly problems: readonly (FieldProblem | null)[] | null,
    readonly layout: SheetLayout,
  ) {}

  /** Every cell as a ParsedCell, built on first read and kept. */
  get cells(): Record<ActivityKey, ParsedCell> {
    if (this.built === null) {
      const cells = {} as Record<ActivityKey, ParsedCell>;
      for (let k = 0; k < ACTIVITY_COLUMNS.length; k++) {
        const col = this.layout.cols[k]!;
        cells[ACTIVITY_COLUMNS[k]!.key] =
          col < 0
            ? MISSING
            : {
                raw: this.values[this.layout.offsets[k]!] ?? null,
                col,
                address: `${this.layout.letters[k]!}${this.row}`,
                problem: this.problems?.[k] ?? null,
              };
      }
      this.built = cells;
    }
    return this.built;
  }

  /** The same JSON as a plain ParsedRow ({ row, cells, record }), for callers that serialise a parse. */
  toJSON(): ParsedRow {
    return { row: this.row, cells: this.cells, record: this.record };
  }
}

/*
 * Accessors that read one cell of any ParsedRow without building ParsedCell objects. Rows built by hand
 * (tests, other modules) are plain objects with `cells`; the parser's rows are SheetRows, read here from
 * the layout's arrays.
 */

/** The cell's value as the host handed it over (null when blank or when the column is missing). */
export function rawAt(row: ParsedRow, key: ActivityKey): CellValue {
  if (row instanceof SheetRow) {
    const offset = row.layout.offsets[COLUMN_INDEX[key]]!;
    return offset < 0 ? null : (row.values[offset] ?? null);
  }
  return row.cells[key]?.raw ?? null;
}

/** The parser's problem on the cell, or null. */
export function problemAt(row: ParsedRow, key: ActivityKey): FieldProblem | null {
  if (row instanceof SheetRow) return row.problems === null ? null : (row.problems[COLUMN_INDEX[key]] ?? null);
  return row.cells[key]?.problem ?? null;
}

/** Sheet column of the cell, or null when the column is missing from the sheet. */
export function colAt(row: ParsedRow, key: ActivityKey): number | null {
  if (row instanceof SheetRow) {
    const col = row.layout.cols[COLUMN_INDEX[key]]!;
    return col < 0 ? null : col;
  }
  return row.cells[key]?.col ?? null;
}

/** A1 address of the cell, or null when the column is missing (or a hand-built row gave none). */
export function addressAt(row: ParsedRow, key: ActivityKey): string | null {
  if (row instanceof SheetRow) {
    const k = COLUMN_INDEX[key];
    return row.layout.cols[k]! < 0 ? null : `${row.layout.letters[k]!}${row.row}`;
  }
  return row.cells[key]?.address ?? null;
}

/**
 * True when the column is missing, or the parser reported the cell with a problem that is not a note
 * (NOTE_CODES: a value was still read). The rules stay silent on such a cell.
 */
export function blockedAt(row: ParsedRow, key: ActivityKey): boolean {
  if (row instanceof SheetRow) {
    const k = COLUMN_INDEX[key];
    if (row.layout.cols[k]! < 0) return true;
    const p = row.problems === null ? null : row.problems[k];
    return p != null && !NOTE_CODES.has(p.code);
  }
  const cell = row.cells[key];
  return !cell || cell.col === null || (cell.problem !== null && !NOTE_CODES.has(cell.problem.code));
}

/** True when the row's parse reported no problem at all (a SheetRow knows; a hand-built row is asked cell by cell). */
export function rowHasNoProblem(row: ParsedRow): boolean {
  if (row instanceof SheetRow) return row.problems === null;
  for (const c of ACTIVITY_COLUMNS) if (row.cells[c.key]?.problem) return false;
  return true;
}
