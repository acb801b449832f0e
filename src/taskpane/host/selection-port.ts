/**
 * "Import the selection": a port whose reads of one sheet return only the selected block, so the
 * import finds its header inside the selection. Writes pass through untouched (the source is never written).
 */
import type { Grid } from "../../core/grid";
import { parseAddress } from "../../core/grid";
import type { WorkbookPort } from "../../ports/workbook-port";

export interface Block {
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
}

/** "B3:H40" or "B3" -> its block; null for whole columns or rows ("A:C"), which mean the whole sheet. */
export function parseBlock(range: string): Block | null {
  const [a, b] = range.replace(/\$/g, "").split(":");
  try {
    const from = parseAddress(a ?? "");
    const to = b ? parseAddress(b) : from;
    return {
      row: Math.min(from.row, to.row),
      col: Math.min(from.col, to.col),
      lastRow: Math.max(from.row, to.row),
      lastCol: Math.max(from.col, to.col),
    };
  } catch {
    return null;
  }
}

function cut<T>(rows: readonly (readonly T[])[] | undefined, grid: Grid, block: Block): T[][] | undefined {
  if (!rows) return undefined;
  const out: T[][] = [];
  for (let r = Math.max(block.row, grid.top); r <= block.lastRow; r++) {
    const source = rows[r - grid.top];
    if (!source) break;
    const from = Math.max(block.col, grid.left) - grid.left;
    out.push(source.slice(from, block.lastCol - grid.left + 1));
  }
  return out;
}

/** The part of a grid inside the block, keeping sheet coordinates (top/left move to the block's corner). */
export function cropGrid(grid: Grid, block: Block): Grid {
  const rows = cut(grid.rows, grid, block) ?? [];
  const formulas = cut(grid.formulas, grid, block);
  const numberFormats = cut(grid.numberFormats, grid, block);
  return {
    sheet: grid.sheet,
    top: Math.max(block.row, grid.top),
    left: Math.max(block.col, grid.left),
    rows,
    ...(formulas ? { formulas } : {}),
    ...(numberFormats ? { numberFormats } : {}),
  };
}

export function selectionPort(port: WorkbookPort, sheet: string, range: string): WorkbookPort {
  const block = parseBlock(range);
  if (!block) return port;
  return {
    listSheets: () => port.listSheets(),
    readSheet: async (name, options) => {
      const grid = await port.readSheet(name, options);
      return name === sheet ? cropGrid(grid, block) : grid;
    },
    apply: (changes, options) => port.apply(changes, options),
  };
}
