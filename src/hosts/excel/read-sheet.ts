/**
 * Reading a sheet in row blocks that keep every response under Excel on the web's 5 MB limit and
 * every read under the 5,000,000-cell cap. The first block is small and measures the bytes per row;
 * later blocks are sized from the largest row cost seen so far. A block that still comes back too
 * large (a few very long texts further down) is retried at half the size. One sync per block.
 */
import type { CellValue, Grid } from "../../core/grid";
import type { ReadOptions } from "../../ports/workbook-port";
import { SheetNotFoundError } from "../../ports/workbook-port";

export interface ReadLimits {
  /** Response budget per block, below the 5 MB limit to leave room for the protocol's own bytes. */
  responseBytes: number;
  /** Cells per block, below the 5,000,000-cell cap. */
  cells: number;
  /** Rows in the first, measuring block. */
  firstBlockRows: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { responseBytes: 4_000_000, cells: 4_000_000, firstBlockRows: 500 };

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/** One Office.js cell to a CellValue: "" with type Empty is an empty cell, an Error type is a CellError. */
function cellValue(v: unknown, type: string | undefined): CellValue {
  if (type === "Empty" || v === "" || v === null || v === undefined) return type === "String" && v === "" ? "" : null;
  if (type === "Error") return { error: String(v) };
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

export async function readSheetInBlocks(
  context: Excel.RequestContext,
  name: string,
  options: ReadOptions,
  limits: ReadLimits,
  onBlock?: (done: number, total: number) => void,
): Promise<Grid> {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (ws.isNullObject) throw new SheetNotFoundError(name);
  if (used.isNullObject)
    return {
      sheet: name,
      top: 1,
      left: 1,
      rows: [],
      ...(options.formulas ? { formulas: [] } : {}),
      ...(options.numberFormats ? { numberFormats: [] } : {}),
    };

  // The grid starts at A1, as the file host's does, so row and column numbers mean the same everywhere.
  const totalRows = used.rowIndex + used.rowCount;
  const cols = used.columnIndex + used.columnCount;
  const rows: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const props = [
    "values",
    "valueTypes",
    ...(options.formulas ? ["formulas"] : []),
    ...(options.numberFormats ? ["numberFormat"] : []),
  ];
  const maxRowsByCells = Math.max(1, Math.floor(limits.cells / cols));
  let bytesPerRow = 0;
  let next = Math.min(limits.firstBlockRows, maxRowsByCells);
  let start = 0;
  while (start < totalRows) {
    const count = Math.max(1, Math.min(next, totalRows - start, maxRowsByCells));
    const block = ws.getRangeByIndexes(start, 0, count, cols);
    // eslint-disable-next-line office-addins/no-empty-load -- props lists the properties, built above
    block.load(props);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block is the design: each response must stay under 5 MB
      await context.sync();
    } catch (e) {
      if (isPayloadError(e) && count > 1) {
        next = Math.floor(count / 2);
        continue;
      }
      throw e;
    }
    /* eslint-disable office-addins/load-object-before-read -- loaded through props above */
    const values = block.values;
    const types = block.valueTypes as unknown as string[][];
    const f = options.formulas ? block.formulas : null;
    const nf = options.numberFormats ? block.numberFormat : null;
    /* eslint-enable office-addins/load-object-before-read */
    for (let i = 0; i < count; i++) {
      const vr = values[i] ?? [];
      const tr = types[i] ?? [];
      const out: CellValue[] = new Array<CellValue>(cols);
      for (let j = 0; j < cols; j++) out[j] = cellValue(vr[j], tr[j]);
      rows.push(out);
      if (f) {
        const fr = f[i] ?? [];
        // Text that merely starts with "=" reads back identical in values and formulas: not a formula.
        formulas.push(
          fr.map((x: unknown, j: number) =>
            typeof x === "string" && x.startsWith("=") && x !== vr[j] ? x.slice(1) : null,
          ),
        );
      }
      if (nf)
        numberFormats.push((nf[i] ?? []).map((x: unknown) => (typeof x === "string" && x !== "General" ? x : null)));
    }
    // Measure this block and size the next one from the costliest row seen.
    const bytes =
      JSON.stringify(values).length +
      JSON.stringify(types).length +
      (f ? JSON.stringify(f).length : 0) +
      (nf ? JSON.stringify(nf).length : 0);
    bytesPerRow = Math.max(bytesPerRow, bytes / count);
    next = Math.max(1, Math.floor(limits.responseBytes / Math.max(bytesPerRow, 1)));
    block.untrack();
    start += count;
    onBlock?.(start, totalRows);
  }
  return {
    sheet: name,
    top: 1,
    left: 1,
    rows,
    ...(options.formulas ? { formulas } : {}),
    ...(options.numberFormats ? { numberFormats } : {}),
  };
}
