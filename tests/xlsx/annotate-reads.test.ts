/**
 * Memory discipline in annotate (docs/performance.md): every step reads Activities, but the workbook
 * does not change before the one apply, so it is read from the host once and the same grid is shared.
 */
import { annotateWorkbook } from "../../src/app/annotate";
import { setUpPlan } from "../../src/app/setup";
import { samplePlanSchema, sampleSettings } from "../../src/core/layout/sample";
import type { WorkbookPort } from "../../src/ports/workbook-port";
import samplePlanJson from "../../samples/sample-plan.json";
import { MemoryWorkbook } from "../support/memory-workbook";

const sample = samplePlanSchema.parse(samplePlanJson);

/** The workbook's port, counting reads per sheet. */
function counting(port: WorkbookPort): { port: WorkbookPort; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return {
    reads,
    port: {
      listSheets: () => port.listSheets(),
      readSheet: (name, options) => {
        reads.set(name, (reads.get(name) ?? 0) + 1);
        return port.readSheet(name, options);
      },
      apply: (changes, options) => port.apply(changes, options),
    },
  };
}

describe("annotate reads each sheet from the host once", () => {
  it("Activities, Settings and Countries are read once each, and the result is what a plain run gives", async () => {
    const make = async (): Promise<MemoryWorkbook> => {
      const wb = new MemoryWorkbook();
      await setUpPlan(wb.port, { sample: sample.activities, sampleSettings: sampleSettings(sample) });
      return wb;
    };
    const counted = await make();
    const c = counting(counted.port);
    const viaCounter = await annotateWorkbook(c.port, { asOf: "2025-06-30", generatedOn: "2025-07-01" });
    expect(c.reads.get("Activities")).toBe(1);
    expect(c.reads.get("Settings")).toBe(1);
    expect(c.reads.get("Countries")).toBe(1);

    const plain = await make();
    const direct = await annotateWorkbook(plain.port, { asOf: "2025-06-30", generatedOn: "2025-07-01" });
    expect(viaCounter.summary).toEqual(direct.summary);
    expect(viaCounter.ops).toBe(direct.ops);
    for (const sheet of ["Activities", "Summaries", "Issues", "Cover"])
      expect(counted.grid(sheet).rows).toEqual(plain.grid(sheet).rows);
  });
});
