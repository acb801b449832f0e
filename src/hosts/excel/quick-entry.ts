/**
 * Quick entry in Excel: listen to Activities' onChanged, gather a burst of edits (debounced), then in
 * one batch read the touched rows, decide (quick-entry-logic.ts) and apply through the port.
 * Our own writes raise onChanged too; they are told apart by `triggerSource` ("ThisLocalAddin",
 * ExcelApi 1.14) and, below that, by a flag held while we write.
 *
 * Undo: any write by an add-in clears Excel's undo stack. After a quick-entry fill the user cannot
 * press Ctrl+Z to undo their own typing from before it. See docs/excel-host.md.
 */
import { cellAddress, parseAddress, type CellValue } from "../../core/grid";
import { SHEETS } from "../../core/layout/sheet-names";
import type { WorkbookPort } from "../../ports/workbook-port";
import { parseRef } from "./a1";
import { decideQuickEntry, type QuickEntryDecision } from "./quick-entry-logic";

/** Collects changed addresses and calls `flush` once per burst (no new edit for `delayMs`). */
export class BurstCollector {
  private addresses = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  constructor(
    private readonly delayMs: number,
    private readonly flush: (addresses: string[]) => void,
  ) {}
  add(address: string): void {
    this.addresses.add(address);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const list = [...this.addresses];
      this.addresses = new Set();
      this.flush(list);
    }, this.delayMs);
  }
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.addresses.clear();
  }
}

/** The edited cells of a burst ("B3", "E5:E9") as single A1 addresses, capped so a paste of 100,000 rows is left to "Check plan". */
export function editedCells(addresses: readonly string[], cap = 5000): Set<string> | null {
  const out = new Set<string>();
  for (const a of addresses) {
    const { rect } = parseRef(a);
    if (rect.rows * rect.cols + out.size > cap) return null;
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.col; c < rect.col + rect.cols; c++) out.add(cellAddress(r, c));
  }
  return out;
}

/** One burst: read the header, the touched rows and the ID column, decide, apply. Returns the decision (null when skipped). */
export async function processBurst(
  run: typeof Excel.run,
  port: WorkbookPort,
  addresses: readonly string[],
  asOf: string,
  sheet: string = SHEETS.activities,
): Promise<QuickEntryDecision | null> {
  const edited = editedCells(addresses);
  if (!edited || edited.size === 0) return null;
  const rowsTouched = [...new Set([...edited].map((a) => parseAddress(a).row))].sort((a, b) => a - b);
  const data = await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const top = ws.getRange("A1:AZ10").load("values");
    const ids = ws.getUsedRange(true).getColumn(0).load("values");
    await context.sync();
    const headerIndex = top.values.findIndex(
      (r: unknown[]) => r.some((v) => v === "Approach") && r.some((v) => v === "ID"),
    );
    if (headerIndex < 0) return null;
    const width = (top.values[headerIndex] as unknown[]).length;
    const rows = rowsTouched
      .filter((r) => r > headerIndex + 1)
      .map((r) => ({ row: r, range: ws.getRangeByIndexes(r - 1, 0, 1, width).load("values") }));
    await context.sync();
    return {
      headerRow: headerIndex + 1,
      header: (top.values[headerIndex] as CellValue[]).map((v) => (v === "" ? null : v)),
      rows: rows.map((r) => ({
        row: r.row,
        values: (r.range.values[0] as CellValue[]).map((v) => (v === "" ? null : v)),
      })),
      ids: ids.values.map((r: unknown[]) => (r[0] === "" ? null : (r[0] as CellValue))),
    };
  });
  if (!data || data.rows.length === 0) return null;
  const decision = decideQuickEntry({
    sheet,
    headerRow: data.headerRow,
    header: data.header,
    rows: data.rows,
    edited,
    existingIds: data.ids,
    asOf,
  });
  if (decision.ops.length > 0) await port.apply({ ops: decision.ops });
  return decision;
}

export interface QuickEntryHandle {
  stop(): Promise<void>;
}

/** Start listening. The task pane calls this when the user turns quick entry on. */
export async function startQuickEntry(
  run: typeof Excel.run,
  port: WorkbookPort,
  options: {
    delayMs?: number;
    asOf?: () => string;
    onDecision?: (d: QuickEntryDecision) => void;
    onError?: (e: unknown) => void;
  } = {},
): Promise<QuickEntryHandle> {
  let writing = false;
  const collector = new BurstCollector(options.delayMs ?? 400, (addresses) => {
    writing = true;
    processBurst(run, port, addresses, options.asOf?.() ?? new Date().toISOString().slice(0, 10))
      .then((d) => d && options.onDecision?.(d))
      .catch((e: unknown) => options.onError?.(e))
      .finally(() => (writing = false));
  });
  const registration = await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(SHEETS.activities);
    const handler = ws.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
      if (writing || event.triggerSource === "ThisLocalAddin" || event.source !== "Local") return;
      collector.add(event.address);
    });
    await context.sync();
    return handler;
  });
  return {
    stop: async () => {
      collector.cancel();
      await run(async (context) => {
        registration.remove();
        await context.sync();
      });
    },
  };
}
