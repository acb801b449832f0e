import { annotateWorkbook, EmptyActivitiesError } from "../../src/app/annotate";
import { setUpPlan } from "../../src/app/setup";
import { ANNOTATION_MARK, SEVERITY_FILLS } from "../../src/core/changeset";
import { samplePlanSchema, sampleSettings } from "../../src/core/layout/sample";
import samplePlanJson from "../../samples/sample-plan.json";
import { SheetNotFoundError } from "../../src/ports/workbook-port";
import { MemoryWorkbook } from "../support/memory-workbook";
import { contentSnapshot } from "./stable-snapshot";
import type { CellValue } from "../../src/core/grid";

const sample = samplePlanSchema.parse(samplePlanJson);
const options = { asOf: "2025-06-30", generatedOn: "2025-07-01" };

async function samplePlan(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await setUpPlan(wb.port, { sample: sample.activities, sampleSettings: sampleSettings(sample) });
  return wb;
}

/** Every non-empty cell of a sheet as "B3" -> value. */
function cells(wb: MemoryWorkbook, sheet: string): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  wb.grid(sheet).rows.forEach((r, i) => r.forEach((v, j) => v !== null && out.set(`${i + 1},${j + 1}`, v)));
  return out;
}

describe("annotateWorkbook on the sample plan", () => {
  it("computes everything first and applies it in one call", async () => {
    const wb = await samplePlan();
    const before = wb.applyCount;
    const result = await annotateWorkbook(wb.port, options);
    expect(wb.applyCount - before).toBe(1);
    expect(result.summary.rowsChecked).toBe(sample.activities.length);
    expect(result.summary.errors).toBeGreaterThanOrEqual(sample.plantedProblems.length);
    expect(result.steps.map((s) => s.name)).toEqual(expect.arrayContaining(["validate", "summarize"]));
  });

  it("adds a Cover with the counts, and notes and fills on flagged cells", async () => {
    const wb = await samplePlan();
    const result = await annotateWorkbook(wb.port, options);
    const cover = wb.grid("Cover").rows;
    expect(cover.find((r) => r[0] === "Errors")?.[1]).toBe(result.summary.errors);
    expect(cover.find((r) => r[0] === "Warnings")?.[1]).toBe(result.summary.warnings);
    const notes = [...wb.notes.entries()].filter(([k]) => k.startsWith("Activities!"));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every(([, t]) => t.startsWith(ANNOTATION_MARK))).toBe(true);
    expect([...wb.fills.values()]).toContain(SEVERITY_FILLS.error);
  });

  it("changes no value the user entered", async () => {
    const wb = await samplePlan();
    const before = cells(wb, "Activities");
    await annotateWorkbook(wb.port, options);
    const after = cells(wb, "Activities");
    for (const [k, v] of before) expect(after.get(k)).toEqual(v);
  });

  it("annotating an annotated workbook again gives the same workbook", async () => {
    const once = await samplePlan();
    await annotateWorkbook(once.port, options);
    const twice = await samplePlan();
    await annotateWorkbook(twice.port, options);
    await annotateWorkbook(twice.port, options);
    expect(contentSnapshot(twice)).toEqual(contentSnapshot(once));
  });

  it("a cancel part way leaves the workbook untouched", async () => {
    const wb = await samplePlan();
    const before = JSON.stringify(wb.snapshot());
    const ac = new AbortController();
    const run = annotateWorkbook(wb.port, {
      ...options,
      signal: ac.signal,
      onProgress: (p) => p.fraction >= 0.6 && ac.abort(),
    });
    await expect(run).rejects.toThrow();
    expect(JSON.stringify(wb.snapshot())).toBe(before);
  });
});

describe("annotateWorkbook refuses what it cannot use", () => {
  it("a workbook without Activities", async () => {
    const wb = new MemoryWorkbook({ Sheet1: [["a"]] });
    await expect(annotateWorkbook(wb.port, options)).rejects.toBeInstanceOf(SheetNotFoundError);
    expect(wb.applyCount).toBe(0);
  });

  it("an empty Activities sheet", async () => {
    const wb = new MemoryWorkbook({ Activities: [] });
    await expect(annotateWorkbook(wb.port, options)).rejects.toBeInstanceOf(EmptyActivitiesError);
  });
});
