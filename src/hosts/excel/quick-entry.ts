/**
 * Quick entry in Excel: listen to Activities' onChanged, gather a burst of edits (debounced), then in
 * one batch read the touched rows, decide (quick-entry-logic.ts) and apply through the port.
 * Our own writes raise onChanged too; they are told apart by `triggerSource` ("ThisLocalAddin",
 * ExcelApi 1.14) and, below that, by the cells we just wrote (OwnWrites).
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
  beforeApply?: (decision: QuickEntryDecision) => void,
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
  if (decision.ops.length > 0) {
    beforeApply?.(decision);
    await port.apply({ ops: decision.ops });
  }
  return decision;
}

export interface QuickEntryHandle {
  stop(): Promise<void>;
}

/**
 * The cells of quick entry's own value writes, so that their change events are not taken for the
 * user's typing where Excel does not say who wrote (below ExcelApi 1.14, no `triggerSource`). Each
 * expected cell is consumed by the first event that covers it; a new write replaces what is left.
 */
export class OwnWrites {
  private expected = new Map<string, number>();
  expect(decision: QuickEntryDecision): void {
    this.expected.clear();
    for (const op of decision.ops) {
      if (op.kind !== "values") continue;
      const { row, col } = parseAddress(op.at);
      op.values.forEach((r, i) =>
        r.forEach((_, j) => {
          const a1 = cellAddress(row + i, col + j);
          this.expected.set(a1, (this.expected.get(a1) ?? 0) + 1);
        }),
      );
    }
  }
  /** True (and consumed) when every cell of the event's address is one we wrote. */
  consume(address: string): boolean {
    if (this.expected.size === 0) return false;
    const cells = editedCells([address], this.expected.size);
    if (!cells || cells.size === 0 || [...cells].some((a) => !this.expected.has(a))) return false;
    for (const a of cells) {
      const n = (this.expected.get(a) ?? 1) - 1;
      if (n <= 0) this.expected.delete(a);
      else this.expected.set(a, n);
    }
    return true;
  }
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
  const own = new OwnWrites();
  // One burst at a time: two bursts read in parallel would hand out the same next ID.
  let queue: Promise<void> = Promise.resolve();
  const collector = new BurstCollector(options.delayMs ?? 400, (addresses) => {
    queue = queue.then(() =>
      processBurst(
        run,
        port,
        addresses,
        options.asOf?.() ?? new Date().toISOString().slice(0, 10),
        SHEETS.activities,
        (d) => own.expect(d),
      )
        .then((d) => void (d && options.onDecision?.(d)))
        .catch((e: unknown) => options.onError?.(e)),
    );
  });
  const registration = await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(SHEETS.activities);
    const handler = ws.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
      // Our own writes raise onChanged too (source "Local"): ExcelApi 1.14 says so in triggerSource;
      // below it, the cells we just wrote tell them apart. A co-author's edit ("Remote") is theirs to check.
      if (event.source !== "Local" || event.triggerSource === "ThisLocalAddin") return;
      if (event.triggerSource === undefined && own.consume(event.address)) return;
      collector.add(event.address);
    });
    await context.sync();
    return handler;
  });
  return {
    stop: async () => {
      collector.cancel();
      // Office.js removes a handler through the context it was added with.
      await run(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      });
      await queue;
    },
  };
}
