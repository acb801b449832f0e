/**
 * The Excel host: WorkbookPort over Office.js. All Excel-specific knowledge (requirement sets, payload
 * limits, the text guard, how a table is resized) stays in this folder; the use cases see only the port.
 *
 * apply() works in four steps inside one Excel.run: inspect the workbook (a few syncs, sized by the
 * response limit), check every op, plan every write, then send the writes in blocks of at most
 * `blockBytes` each (one sync per block). Everything is computed before the first write, so a bad
 * change set writes nothing, and a failure part way says which blocks were written.
 */
import type { ChangeSet } from "../../core/changeset";
import type { Grid } from "../../core/grid";
import type { ApplyOptions, ApplyReport, ReadOptions, SheetInfo, WorkbookPort } from "../../ports/workbook-port";
import { checkOps } from "./apply/checked-ops";
import { executeBlocks, toBlocks } from "./apply/execute";
import { inspectWorkbook } from "./apply/inspect";
import { planWrites, type Supports } from "./apply/write-actions";
import { DEFAULT_READ_LIMITS, readSheetInBlocks, type ReadLimits } from "./read-sheet";
import { API, officeIsSetSupported, type IsSetSupported } from "./requirements";

export interface ExcelPortOptions {
  /** Office.context.requirements.isSetSupported, or a stub in tests. */
  isSetSupported?: IsSetSupported;
  /** Request budget per write block (bytes of JSON payload); Excel on the web allows 5 MB per request. */
  blockBytes?: number;
  read?: Partial<ReadLimits>;
  /** Called after each block read, for a progress bar on long reads. */
  onReadProgress?: (done: number, total: number) => void;
}

export const DEFAULT_BLOCK_BYTES = 2_000_000;

function abortError(signal: AbortSignal): Error {
  if (signal.reason instanceof Error) return signal.reason;
  const e = new Error("Cancelled before anything was written.");
  e.name = "AbortError";
  return e;
}

export function createExcelPort(
  run: typeof Excel.run,
  options: ExcelPortOptions = {},
): WorkbookPort & { supports(): Supports } {
  const isSetSupported = options.isSetSupported ?? officeIsSetSupported();
  const blockBytes = options.blockBytes ?? DEFAULT_BLOCK_BYTES;
  const readLimits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...options.read };
  const has = (v: string): boolean => isSetSupported("ExcelApi", v);
  const supports = (): Supports => ({
    notes: has(API.notes),
    dataValidation: has(API.dataValidation),
    conditionalFormat: has(API.conditionalFormat),
    pivots: has(API.pivot),
    tableResize: has(API.tableResize),
  });

  return {
    supports,

    listSheets: () =>
      run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/name,items/visibility");
        await context.sync();
        const used = sheets.items.map((s) =>
          s.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
        );
        await context.sync();
        return sheets.items.map((s, i): SheetInfo => {
          const u = used[i]!;
          const empty = u.isNullObject;
          return {
            name: s.name,
            rowCount: empty ? 0 : u.rowIndex + u.rowCount,
            columnCount: empty ? 0 : u.columnIndex + u.columnCount,
            visible: s.visibility === "Visible",
          };
        });
      }),

    readSheet: (name: string, readOptions: ReadOptions = {}): Promise<Grid> =>
      run((context) => readSheetInBlocks(context, name, readOptions, readLimits, options.onReadProgress)),

    apply: (changes: ChangeSet, applyOptions: ApplyOptions = {}): Promise<ApplyReport> =>
      run(async (context) => {
        const { signal } = applyOptions;
        const checkAbort = (): void => {
          if (signal?.aborted) throw abortError(signal);
        };
        checkAbort();
        const can = supports();
        const facts = await inspectWorkbook(
          context,
          changes,
          { notes: can.notes, pivots: can.pivots },
          blockBytes,
          checkAbort,
        );
        const ops = checkOps(
          changes,
          facts.sheets.map((s) => s.name),
        );
        const plan = planWrites(ops, facts, can, blockBytes);
        checkAbort();
        const blocks = toBlocks(plan.actions, blockBytes);
        await executeBlocks(context, blocks, changes.ops.length, has(API.suspendCalculation), applyOptions);
        // Ops with nothing to do (a note already right, a fill already cleared) count as applied too.
        return { applied: changes.ops.length - plan.skippedOps, skipped: plan.skipped };
      }),
  };
}
