/**
 * Selecting a cell and reading the selection through `Excel.run`: the same calls work on Excel and on
 * the simulation (which keeps a selection per sheet and answers getSelectedRange, as Excel does).
 */
import type { CellRef } from "./plan-host";

export async function selectCellWith(run: typeof Excel.run, sheet: string, address: string): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

/** Excel's selection as { sheet, address } ("Sheet1!B3:D9" split at the last "!"). */
export async function excelSelection(run: typeof Excel.run): Promise<CellRef | null> {
  return run(async (context) => {
    const range = context.workbook.getSelectedRange().load("address");
    await context.sync();
    return splitAddress(range.address);
  });
}

export function splitAddress(full: string): CellRef | null {
  const bang = full.lastIndexOf("!");
  if (bang < 0) return null;
  let sheet = full.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: full.slice(bang + 1) };
}
