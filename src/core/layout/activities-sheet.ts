/**
 * The Activities sheet as a change set. Setting up is also repairing: when the sheet already holds
 * rows, not one of the user's values is rewritten. Only missing headers are added (at the end of the
 * header row), and the table, drop-downs, formats and frozen header are (re)applied around the data.
 */
import { ACTIVITY_HEADERS, type ActivityHeader } from "../activity/columns";
import type { ChangeOp } from "../changeset";
import { cellAddress, columnLetters, isBlank, type CellValue, type Grid } from "../grid";
import type { Issue } from "../issues";
import { ACTIVITY_COLUMN_SPECS, LAYOUT_ROWS } from "./column-specs";
import { SHEETS, TABLES } from "./sheet-names";

/** How far down a header row is looked for, when titles sit above it. */
const HEADER_SEARCH_ROWS = 30;

export interface ActivitiesLayout {
  ops: ChangeOp[];
  /** Sheet row of the header row, or null when the sheet holds data without a recognisable header. */
  headerRow: number | null;
  /** Sheet column of each header after repair (existing and added ones). */
  columnOf: Partial<Record<string, number>>;
  /** Last sheet row that holds data before this change set (the header row when there is none). */
  lastRow: number;
  /** Last header column after repair. */
  lastCol: number;
  /** Headers the repair adds. */
  added: ActivityHeader[];
  problems: Issue[];
  /** True when the sheet was missing or empty: the layout is created, not repaired. */
  fresh: boolean;
}

const norm = (v: CellValue | undefined): string => (typeof v === "string" ? v.trim().toLowerCase() : "");
const CANONICAL = new Set(ACTIVITY_HEADERS.map((h) => h.toLowerCase()));

/** The row whose cells match the most canonical headers (at least two), within the first rows. */
export function findHeaderRow(grid: Grid): number | null {
  let best: { row: number; hits: number } | null = null;
  grid.rows.slice(0, HEADER_SEARCH_ROWS).forEach((cells, i) => {
    const hits = cells.filter((c) => CANONICAL.has(norm(c))).length;
    if (hits >= 2 && (!best || hits > best.hits)) best = { row: grid.top + i, hits };
  });
  return best === null ? null : (best as { row: number }).row;
}

/** Last sheet row and column that hold a non-blank value (0 when the grid is empty). */
export function usedExtent(grid: Grid): { lastRow: number; lastCol: number } {
  let lastRow = 0;
  let lastCol = 0;
  grid.rows.forEach((cells, i) => {
    for (let j = cells.length - 1; j >= 0; j--) {
      if (!isBlank(cells[j] ?? null)) {
        lastRow = grid.top + i;
        lastCol = Math.max(lastCol, grid.left + j);
        break;
      }
    }
  });
  return { lastRow, lastCol };
}

export interface ActivitiesLayoutOptions {
  /**
   * Columns another step writes in the header row beyond the current headers in the same change set
   * (the score columns), so that the table covers them too.
   */
  extraHeaders?: readonly string[];
  /** Rows another step of the same change set appends below the data (the sample), so the table covers them. */
  appendedRows?: number;
}

export function activitiesLayout(
  existing: Grid | null | undefined,
  options: ActivitiesLayoutOptions = {},
): ActivitiesLayout {
  const sheet = SHEETS.activities;
  const grid: Grid = existing ?? { sheet, top: 1, left: 1, rows: [] };
  const { lastRow: usedRow, lastCol: usedCol } = usedExtent(grid);
  const fresh = usedRow === 0;
  const problems: Issue[] = [];
  const ops: ChangeOp[] = [{ kind: "ensureSheet", sheet, position: 1 }];

  const headerRow = fresh ? 1 : findHeaderRow(grid);
  if (headerRow === null) {
    problems.push({
      code: "activities-header-not-found",
      severity: "warning",
      sheet,
      row: null,
      column: null,
      cell: null,
      value: "",
      message: `The Activities sheet holds data but no header row with the plan's column names (${ACTIVITY_HEADERS.slice(0, 4).join(", ")}, ...), so it was left exactly as it is. Add the headers in row 1, or import the sheet instead (iccwc-plan import).`,
    });
    return { ops, headerRow: null, columnOf: {}, lastRow: usedRow, lastCol: usedCol, added: [], problems, fresh };
  }

  const headerCells = grid.rows[headerRow - grid.top] ?? [];
  const columnOf: Partial<Record<string, number>> = {};
  const seen = new Map<string, number>();
  let firstCol = 0;
  let lastHeaderCol = 0;
  headerCells.forEach((v, j) => {
    if (isBlank(v)) return;
    const col = grid.left + j;
    if (firstCol === 0) firstCol = col;
    lastHeaderCol = col;
    const text = typeof v === "string" ? v.trim() : String(v);
    const canonical = ACTIVITY_HEADERS.find((h) => h.toLowerCase() === text.toLowerCase());
    const key = canonical ?? text;
    if (columnOf[key] === undefined) columnOf[key] = col;
    seen.set(key.toLowerCase(), (seen.get(key.toLowerCase()) ?? 0) + 1);
  });

  // Missing headers go after every used column, so no unlabeled data column ends up under them.
  const added = ACTIVITY_HEADERS.filter((h) => columnOf[h] === undefined);
  let nextCol = Math.max(usedCol, lastHeaderCol) + 1;
  if (firstCol === 0) firstCol = grid.left;
  const headerWrites: { col: number; text: string }[] = [];
  for (const h of added) {
    columnOf[h] = nextCol;
    headerWrites.push({ col: nextCol, text: h });
    nextCol++;
  }
  for (const h of options.extraHeaders ?? []) {
    if (columnOf[h] !== undefined) continue;
    columnOf[h] = nextCol++;
  }
  const lastCol = Math.max(lastHeaderCol, nextCol - 1);
  // Contiguous runs of new headers are written as one block each.
  for (const run of contiguousRuns(headerWrites)) {
    ops.push({ kind: "values", sheet, at: cellAddress(headerRow, run[0]!.col), values: [run.map((w) => w.text)] });
  }

  const lastRow = Math.max(usedRow, headerRow);
  const bottom = Math.max(LAYOUT_ROWS, lastRow);
  const headerRange = `${cellAddress(headerRow, firstCol)}:${cellAddress(headerRow, lastCol)}`;
  ops.push({
    kind: "style",
    sheet,
    range: headerRange,
    style: { bold: true, wrap: true, vertical: "top", borderBottom: true },
  });

  for (const h of ACTIVITY_HEADERS) {
    const col = columnOf[h]!;
    const spec = ACTIVITY_COLUMN_SPECS[h];
    const letters = columnLetters(col);
    const range = `${letters}${headerRow + 1}:${letters}${bottom}`;
    // Number formats go on the rows still to be typed. The user's rows keep the formats they have: a date
    // typed into Progress must stay a date, not become 4221000%. A new sheet has no user rows yet.
    const firstFormatRow = fresh ? headerRow + 1 : lastRow + 1;
    if (spec.format && firstFormatRow <= bottom)
      ops.push({
        kind: "numberFormat",
        sheet,
        range: `${letters}${firstFormatRow}:${letters}${bottom}`,
        format: spec.format,
      });
    if (spec.list) {
      ops.push({
        kind: "listValidation",
        sheet,
        range,
        source: `=${spec.list.source}`,
        allowBlank: true,
        errorStyle: spec.list.errorStyle,
        prompt: spec.list.prompt,
        error: `Pick a value from the list (see the Lists and Framework sheets). ${spec.list.prompt}`,
      });
    }
  }

  // Widths are the user's once the sheet exists: set them only when creating it.
  if (fresh) {
    ops.push({ kind: "columns", sheet, widths: ACTIVITY_HEADERS.map((h) => ACTIVITY_COLUMN_SPECS[h].width), from: 1 });
  } else if (added.length > 0) {
    for (const h of added)
      ops.push({ kind: "columns", sheet, widths: [ACTIVITY_COLUMN_SPECS[h].width], from: columnOf[h]! });
  }
  ops.push({ kind: "freeze", sheet, rows: headerRow, cols: 0 });

  const duplicates = [...seen.entries()].filter(([, n]) => n > 1).map(([h]) => h);
  // The header row as it will be: existing headers, added ones and the extra (score) columns.
  const named = new Set<number>(Object.values(columnOf).filter((c): c is number => c !== undefined));
  const gaps: number[] = [];
  for (let c = firstCol; c <= lastCol; c++)
    if (!named.has(c) && isBlank(headerCells[c - grid.left] ?? null)) gaps.push(c);
  if (duplicates.length > 0 || gaps.length > 0) {
    // Excel tables need one unique, non-empty header per column; renaming the user's headers is not ours to do.
    const what =
      duplicates.length > 0
        ? `duplicate headers (${duplicates.join(", ")})`
        : `empty header cells (${gaps.map((c) => cellAddress(headerRow, c)).join(", ")})`;
    problems.push({
      code: "activities-table-skipped",
      severity: "info",
      sheet,
      row: headerRow,
      column: null,
      cell: cellAddress(headerRow, firstCol),
      value: "",
      message: `The Activities header row has ${what}, so the ${TABLES.activities} table was not created. Give every column of row ${headerRow} its own name, then run set up again.`,
    });
  } else {
    ops.push(activitiesTableOp(headerRow, firstCol, lastCol, lastRow + (options.appendedRows ?? 0)));
  }
  return { ops, headerRow, columnOf, lastRow, lastCol, added, problems, fresh };
}

/** The table op over the header row and data (an Excel table needs at least one data row). */
export function activitiesTableOp(headerRow: number, firstCol: number, lastCol: number, lastRow: number): ChangeOp {
  return {
    kind: "table",
    sheet: SHEETS.activities,
    name: TABLES.activities,
    range: `${cellAddress(headerRow, firstCol)}:${cellAddress(Math.max(lastRow, headerRow + 1), lastCol)}`,
    style: "TableStyleLight9",
  };
}

function contiguousRuns<T extends { col: number }>(items: T[]): T[][] {
  const runs: T[][] = [];
  for (const it of items) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1]!.col + 1 === it.col) last.push(it);
    else runs.push([it]);
  }
  return runs;
}
