import type { MemoryWorkbook } from "../support/memory-workbook";

/**
 * The in-memory workbook's snapshot without tab order: its resetSheet re-adds a sheet at the end, where
 * the real hosts keep the sheet's place, so the order says nothing about the use case under test.
 */
export function contentSnapshot(wb: MemoryWorkbook): unknown {
  const { order: _order, ...rest } = wb.snapshot() as { order: unknown };
  return rest;
}
