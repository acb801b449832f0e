/**
 * Excel host: sync calls and payload bytes per use case over the strict simulation, for 1,000, 10,000
 * and 100,000 activity rows. Figures to print, never to assert.
 */
import { ACTIVITY_HEADERS } from "../src/core/activity/columns";
import type { CellValue } from "../src/core/grid";
import { checkPlan } from "../src/app/validate";
import { createExcelPort } from "../src/hosts/excel/excel-workbook-port";
import { SimWorkbook, simulatedRun } from "../src/hosts/excel/simulation";
import type { BenchResult } from "./types";

const HEADERS: string[] = [...ACTIVITY_HEADERS];

function plan(n: number): CellValue[][] {
  const rows: CellValue[][] = [HEADERS];
  for (let i = 1; i <= n; i++) {
    // One row in ten has an unknown approach, so the check has annotations to write.
    const approach = i % 10 === 0 ? "9.9.9" : "1.1.1";
    rows.push([
      `ACT-${String(i).padStart(5, "0")}`,
      `Training cohort ${i}`,
      "1",
      "1.1",
      approach,
      "UNODC",
      "National",
      "KEN",
      "Implementation",
      "In progress",
      45108,
      45657,
      100000 + i,
      50000,
      0.5,
      3,
      4,
      3,
      null,
    ]);
  }
  return rows;
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const n of [1000, 10000, 100000]) {
    const sim = SimWorkbook.fromGrids({ Activities: plan(n) });
    const port = createExcelPort(simulatedRun(sim), { isSetSupported: sim.isSetSupported });
    let peak = process.memoryUsage().rss;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      sim.resetCounters();
      let t0 = performance.now();
      await port.readSheet("Activities");
      const readMs = performance.now() - t0;
      const read = sim.totals();
      sim.resetCounters();
      t0 = performance.now();
      let failure = "";
      try {
        await checkPlan(port, { asOf: "2025-06-30", annotate: true });
      } catch (e) {
        // Reported, not hidden: a figure says the use case failed at this size.
        failure = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      }
      const checkMs = performance.now() - t0;
      const check = sim.totals();
      const mb = (b: number) => Math.round((b / 1048576) * 100) / 100;
      results.push({
        name: `excel-host ${n} rows`,
        figures: {
          "read syncs": read.syncs,
          "read response MB": mb(read.responseBytes),
          "read max response MB": mb(read.maxResponseBytes),
          "read rows/s": Math.round(n / (readMs / 1000)),
          "check+annotate syncs": check.syncs,
          "check request MB": mb(check.requestBytes),
          "check max request MB": mb(check.maxRequestBytes),
          "check max response MB": mb(check.maxResponseBytes),
          "check rows/s": Math.round(n / (checkMs / 1000)),
          "peak rss MB": mb(peak),
          ...(failure ? { "check failed": failure.slice(0, 160) } : {}),
        },
      });
    } finally {
      clearInterval(sample);
    }
  }
  return results;
}

if (require.main === module) {
  void run().then((r) => console.log(JSON.stringify(r, null, 2)));
}
