/**
 * Finding a small table (tblSettings, tblCountries) inside a sheet's grid: the header row can sit
 * anywhere, because users add titles above tables.
 */
import { cellAt, gridWidth, type Grid } from "../grid";

export interface FoundTable {
  headerRow: number;
  /** Normalised header text -> sheet column. A Map, so hostile header text cannot reach a prototype. */
  columns: Map<string, number>;
  /** Sheet rows below the header, up to the last row of the grid. */
  firstDataRow: number;
  lastRow: number;
}

export function headerKey(v: unknown): string {
  return typeof v === "string"
    ? v
        .toLowerCase()
        .replace(/\(.*?\)/g, "")
        .replace(/[^a-z0-9]/g, "")
    : "";
}

/** The first row holding every one of `required` (compared by headerKey), or null. */
export function findTable(grid: Grid, required: readonly string[]): FoundTable | null {
  const want = required.map(headerKey);
  const width = gridWidth(grid);
  for (let i = 0; i < grid.rows.length; i++) {
    const row = grid.top + i;
    const columns = new Map<string, number>();
    for (let c = grid.left; c < grid.left + width; c++) {
      const k = headerKey(cellAt(grid, row, c));
      if (k !== "" && !columns.has(k)) columns.set(k, c);
    }
    if (want.every((w) => columns.has(w))) {
      return { headerRow: row, columns, firstDataRow: row + 1, lastRow: grid.top + grid.rows.length - 1 };
    }
  }
  return null;
}
