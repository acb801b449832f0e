/** Shared set-up for the Excel host tests: a simulated workbook and the port over it. */
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import { createExcelPort } from "../../src/hosts/excel/excel-workbook-port";
import { SimWorkbook, simulatedRun, type SimOptions } from "../../src/hosts/excel/simulation";
import type { CellValue } from "../../src/core/grid";

export function simWithPort(sheets: Record<string, CellValue[][]>, options: SimOptions & { blockBytes?: number } = {}) {
  const sim = SimWorkbook.fromGrids(sheets, options);
  const port = createExcelPort(simulatedRun(sim), {
    isSetSupported: sim.isSetSupported,
    ...(options.blockBytes ? { blockBytes: options.blockBytes } : {}),
  });
  return { sim, port };
}

/** The Activities headers, from the one definition. */
export const HEADERS: string[] = [...ACTIVITY_HEADERS];

/** n plausible activity rows (serial dates, numbers), for size and sync-count tests. */
export function activityRows(n: number): CellValue[][] {
  const rows: CellValue[][] = [HEADERS];
  for (let i = 1; i <= n; i++) {
    rows.push([
      `ACT-${String(i).padStart(4, "0")}`,
      `Training for customs officers, cohort ${i}`,
      "1",
      "1.1",
      "1.1.1",
      "UNODC",
      "National",
      "KEN",
      "Implementation",
      "In progress",
      45000 + (i % 300),
      45500 + (i % 300),
      100000 + i,
      50000,
      0.5,
      3,
      4,
      3,
      i % 7 === 0 ? "Joint with WCO" : null,
    ]);
  }
  return rows;
}
