/**
 * Finding and mapping the header row of an Activities grid. The header is normally row 1, but sheets
 * arrive with titles, notes or blank rows above it, so the first 30 rows are searched for the row that
 * names the most canonical headers (compared without case, accents, spacing or punctuation).
 */
import { cellAt, isBlank, type Grid } from "../grid";
import { SCORE_HEADERS } from "../layout/sheet-names";
import { foldKey } from "../reference/text";
import { ACTIVITY_COLUMNS, type ActivityHeader, type ActivityKey } from "./columns";

export const HEADER_SEARCH_ROWS = 30;
/** A row naming fewer canonical headers than this is a title or data, not the header. */
export const MIN_HEADER_MATCHES = 3;

const KEY_OF_HEADER = new Map<string, ActivityKey>(ACTIVITY_COLUMNS.map((c) => [foldKey(c.header), c.key]));
const SCORE_KEYS = new Set<string>(SCORE_HEADERS.map((h) => foldKey(h)));

export interface HeaderMap {
  headerRow: number | null;
  columnOf: Partial<Record<ActivityKey, number>>;
  missingColumns: ActivityHeader[];
  extraColumns: { header: string; col: number }[];
  duplicateHeaders: { header: string; cols: number[] }[];
  /** The add-in's own score columns: neither extra nor data. */
  scoreColumns: number[];
}

function headerKey(v: unknown): string {
  return typeof v === "string" ? foldKey(v.slice(0, 200)) : "";
}

/** Sheet row of the header, or null when no row in the first 30 names at least 3 canonical headers. */
export function findHeaderRow(grid: Grid): number | null {
  let best: number | null = null;
  let bestCount = MIN_HEADER_MATCHES - 1;
  const last = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const row = grid.rows[r] ?? [];
    const seen = new Set<ActivityKey>();
    for (const v of row) {
      const key = KEY_OF_HEADER.get(headerKey(v));
      if (key) seen.add(key);
    }
    if (seen.size > bestCount) {
      bestCount = seen.size;
      best = grid.top + r;
    }
  }
  return best;
}

export function mapHeaders(grid: Grid): HeaderMap {
  const headerRow = findHeaderRow(grid);
  const columnOf: Partial<Record<ActivityKey, number>> = {};
  const extraColumns: { header: string; col: number }[] = [];
  const scoreColumns: number[] = [];
  const colsByHeader = new Map<ActivityKey, number[]>();
  if (headerRow !== null) {
    // The header row's own cells: past its end every cell is blank (the grid's widest row may be a
    // 100,000 rows away, and measuring it walks them all).
    const width = grid.rows[headerRow - grid.top]?.length ?? 0;
    for (let c = grid.left; c < grid.left + width; c++) {
      const v = cellAt(grid, headerRow, c);
      if (isBlank(v)) continue;
      const folded = headerKey(v);
      const key = KEY_OF_HEADER.get(folded);
      if (key) {
        const cols = colsByHeader.get(key) ?? [];
        cols.push(c);
        colsByHeader.set(key, cols);
        if (columnOf[key] === undefined) columnOf[key] = c;
      } else if (SCORE_KEYS.has(folded)) scoreColumns.push(c);
      else extraColumns.push({ header: typeof v === "string" ? v.trim() : String(v), col: c });
    }
  }
  const duplicateHeaders = ACTIVITY_COLUMNS.filter((c) => (colsByHeader.get(c.key)?.length ?? 0) > 1).map((c) => ({
    header: c.header as string,
    cols: colsByHeader.get(c.key)!,
  }));
  const missingColumns = ACTIVITY_COLUMNS.filter((c) => columnOf[c.key] === undefined).map((c) => c.header);
  return { headerRow, columnOf, missingColumns, extraColumns, duplicateHeaders, scoreColumns };
}
