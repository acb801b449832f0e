/**
 * Step four of apply: send the write actions in blocks. A block holds as many actions as fit in the
 * request budget and costs one sync; calculation is suspended until that sync, so Excel recalculates
 * once per block rather than once per write. Between blocks the abort signal is checked.
 */
import type { ApplyOptions } from "../../../ports/workbook-port";
import { ExcelApplyError } from "../errors";
import { SheetProxies, type WriteAction } from "./write-actions";

export function toBlocks(actions: WriteAction[], budget: number): WriteAction[][] {
  const blocks: WriteAction[][] = [];
  let current: WriteAction[] = [];
  let bytes = 0;
  for (const a of actions) {
    if (current.length > 0 && bytes + a.bytes > budget) {
      blocks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(a);
    bytes += a.bytes;
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

export async function executeBlocks(
  context: Excel.RequestContext,
  blocks: WriteAction[][],
  totalOps: number,
  suspendCalculation: boolean,
  options: ApplyOptions,
): Promise<number> {
  const sheets = new SheetProxies(context);
  // An op counts as applied once the block holding its last action has synced.
  const lastBlockOf = new Map<number, number>();
  blocks.forEach((b, i) => b.forEach((a) => lastBlockOf.set(a.opIndex, i)));
  const appliedAfter = (blockIndex: number): number => {
    let n = 0;
    for (const last of lastBlockOf.values()) if (last <= blockIndex) n++;
    return n;
  };
  for (let i = 0; i < blocks.length; i++) {
    if (options.signal?.aborted)
      throw new ExcelApplyError(appliedAfter(i - 1), totalOps, i, blocks.length, options.signal.reason, true);
    if (suspendCalculation) context.workbook.application.suspendApiCalculationUntilNextSync();
    try {
      for (const a of blocks[i]!) a.queue(context, sheets);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per write block (each under the 5 MB request limit), not per row
      await context.sync();
    } catch (e) {
      throw new ExcelApplyError(appliedAfter(i - 1), totalOps, i, blocks.length, e);
    }
    options.onProgress?.({ fraction: (i + 1) / blocks.length, message: `Wrote block ${i + 1} of ${blocks.length}` });
  }
  return lastBlockOf.size;
}
