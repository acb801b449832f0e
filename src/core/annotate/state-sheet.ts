/**
 * The hidden state sheet (_ICCWC) remembers which cells carry the add-in's annotations, so that a
 * re-run removes exactly those and no fill or note the officer made. One row per annotated cell:
 * Feature | Sheet | Cell. Rows of other features are kept as they are.
 */
import { isBlank, parseAddress, type CellValue, type Grid } from "../grid";

export const STATE_HEADERS = ["Feature", "Sheet", "Cell"] as const;
export const VALIDATE_FEATURE = "validate";

export interface AnnotatedCell {
  sheet: string;
  cell: string;
}

export interface StateContents {
  /** Cells annotated by the validation last time. */
  cells: AnnotatedCell[];
  /** Rows that belong to other features, kept verbatim. */
  otherRows: CellValue[][];
}

function isAddress(text: string): boolean {
  try {
    parseAddress(text);
    return true;
  } catch {
    return false;
  }
}

/** Read the state grid as written by stateRows; anything unexpected (a hand edit) is skipped, never fatal. */
export function readState(grid: Grid | null): StateContents {
  const out: StateContents = { cells: [], otherRows: [] };
  if (!grid) return out;
  const seen = new Set<string>();
  for (const row of grid.rows) {
    const feature = typeof row[0] === "string" ? row[0].trim() : "";
    if (feature === "" || feature === STATE_HEADERS[0]) continue;
    if (feature !== VALIDATE_FEATURE) {
      if (!row.every((v) => isBlank(v))) out.otherRows.push([...row]);
      continue;
    }
    const sheet = row[1];
    const cell = row[2];
    if (typeof sheet !== "string" || typeof cell !== "string" || sheet === "" || !isAddress(cell)) continue;
    const k = `${sheet}\u0000${cell.toUpperCase()}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.cells.push({ sheet, cell: cell.toUpperCase() });
  }
  return out;
}

/** The state grid's rows: header, the cells annotated now, then other features' rows. */
export function stateRows(cells: readonly AnnotatedCell[], otherRows: readonly CellValue[][]): CellValue[][] {
  const width = Math.max(STATE_HEADERS.length, ...otherRows.map((r) => r.length));
  const pad = (r: CellValue[]): CellValue[] => [...r, ...Array<CellValue>(Math.max(0, width - r.length)).fill(null)];
  return [
    pad([...STATE_HEADERS]),
    ...cells.map((c) => pad([VALIDATE_FEATURE, c.sheet, c.cell])),
    ...otherRows.map((r) => pad([...r])),
  ];
}
