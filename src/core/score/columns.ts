/**
 * The score columns beside the activities (SCORE_HEADERS), in the columns right after the last user
 * header. They belong to the add-in: a re-run rewrites exactly these cells, blanks what is left below
 * the last row when rows were removed, and never writes into a user column.
 */
import type { ParsedActivities } from "../activity/parsed";
import { fitCellText } from "../cell-text";
import { changeSet, type ChangeOp, type ChangeSet } from "../changeset";
import { cellAddress, cellAt, gridWidth, rangeAddress, type CellValue, type Grid } from "../grid";
import { SCORE_HEADERS } from "../layout/sheet-names";
import type { ActivityScore, ScoreResult } from "./types";

const SCORE_HEADER_SET: ReadonlySet<string> = new Set(SCORE_HEADERS);

/**
 * The first score column: right after the last canonical or extra (user) column. With the sheet's grid,
 * two more rules keep user cells safe and re-runs stable: a block of score columns already there (from
 * an earlier run) is reused, and if the columns after the last header hold values under a blank header
 * (a user's loose notes), the block goes right of everything on the sheet instead.
 */
export function scoreColumnStart(parsed: ParsedActivities, grid?: Grid): number {
  let last = 0;
  for (const c of Object.values(parsed.columnOf)) if (typeof c === "number" && c > last) last = c;
  for (const e of parsed.extraColumns) if (e.col > last) last = e.col;
  for (const d of parsed.duplicateHeaders) for (const c of d.cols) if (c > last) last = c;
  // The plan columns the sheet lacks are added by set up after every used column (layout/activities-sheet):
  // leave room for them, so that set up and scoring in one run (annotate) never write the same cells,
  // and the next run finds the score block where this one put it.
  const missing = parsed.missingColumns.length;
  const after = last + 1;
  if (!grid || parsed.headerRow === null) return after + missing;
  const headerRow = parsed.headerRow;
  const right = grid.left + gridWidth(grid) - 1;
  for (let col = after; col <= right; col++) if (isScoreBlock(grid, headerRow, col)) return col;
  if (missing > 0) return Math.max(after, right + 1) + missing;
  return blockFree(grid, headerRow, after) ? after : Math.max(after, right + 1);
}

function isScoreBlock(grid: Grid, headerRow: number, col: number): boolean {
  return SCORE_HEADERS.every((h, i) => {
    const v = cellAt(grid, headerRow, col + i);
    return typeof v === "string" && v.trim() === h;
  });
}

/** Every cell of the block's columns, from the header row down, is blank. */
function blockFree(grid: Grid, headerRow: number, col: number): boolean {
  const bottom = grid.top + grid.rows.length - 1;
  for (let c = col; c < col + SCORE_HEADERS.length; c++) {
    for (let r = headerRow; r <= bottom; r++) {
      const v = cellAt(grid, r, c);
      if (v !== null && !(typeof v === "string" && v.trim() === "")) return false;
    }
  }
  return true;
}

function rowValues(a: ActivityScore | undefined): CellValue[] {
  if (!a) return [null, null, null, null, null, null];
  // Breakdowns and reasons quote settings and country names (the user's text): they must fit one cell.
  if (a.score === null) return [null, null, null, a.funding, null, fitCellText(a.reason ?? a.breakdown)];
  const breakdown = a.sensitivityNote ? `${a.breakdown}. Sensitive: ${a.sensitivityNote}` : a.breakdown;
  return [a.score, a.rank, a.band, a.funding, a.sensitivity, fitCellText(breakdown)];
}

/**
 * `activitiesGrid` (the sheet as read) lets a re-run blank rows below the data and score columns left
 * at an older position (when the user added a column after them); without it only the data rows are written.
 */
export function scoreColumnsChanges(result: ScoreResult, parsed: ParsedActivities, activitiesGrid?: Grid): ChangeSet {
  if (parsed.headerRow === null) return changeSet([]);
  const sheet = parsed.sheet;
  const headerRow = parsed.headerRow;
  const start = scoreColumnStart(parsed, activitiesGrid);
  const width = SCORE_HEADERS.length;
  const byRow = new Map<number, ActivityScore>();
  const activities = result.activities;
  for (let i = 0; i < activities.length; i++) byRow.set(activities[i]!.row, activities[i]!);
  let lastRow = headerRow;
  const rows = parsed.rows;
  for (let i = 0; i < rows.length; i++) if (rows[i]!.row > lastRow) lastRow = rows[i]!.row;
  for (const b of parsed.blankRows) if (b > lastRow) lastRow = b;
  if (activitiesGrid) lastRow = Math.max(lastRow, activitiesGrid.top + activitiesGrid.rows.length - 1);

  const values: CellValue[][] = [[...SCORE_HEADERS]];
  for (let row = headerRow + 1; row <= lastRow; row++) values.push(rowValues(byRow.get(row)));
  const ops: ChangeOp[] = [];
  if (activitiesGrid) {
    // Score columns from an earlier run at another position: blank them, header included.
    const right = activitiesGrid.left + gridWidth(activitiesGrid) - 1;
    for (let col = activitiesGrid.left; col <= right; col++) {
      if (col >= start && col < start + width) continue;
      const h = cellAt(activitiesGrid, headerRow, col);
      if (typeof h === "string" && SCORE_HEADER_SET.has(h.trim())) {
        ops.push({
          kind: "values",
          sheet,
          at: cellAddress(headerRow, col),
          values: Array.from({ length: lastRow - headerRow + 1 }, () => [null]),
        });
      }
    }
  }
  const dataRows = Math.max(1, lastRow - headerRow);
  ops.push(
    { kind: "values", sheet, at: cellAddress(headerRow, start), values, formats: ["0.0", "0", null, null, null, null] },
    { kind: "style", sheet, range: rangeAddress(headerRow, start, 1, width), style: { bold: true } },
    { kind: "numberFormat", sheet, range: rangeAddress(headerRow + 1, start, dataRows, 1), format: "0.0" },
    { kind: "numberFormat", sheet, range: rangeAddress(headerRow + 1, start + 1, dataRows, 1), format: "0" },
    { kind: "columns", sheet, widths: [8, 7, 9, 15, 11, 80], from: start },
  );
  return changeSet(ops);
}
