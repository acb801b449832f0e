import * as path from "node:path";
import samplePlanJson from "../../samples/sample-plan.json";
import { samplePlanSchema } from "../../src/core/layout/sample";
import type { Issue } from "../../src/core/issues";
import { cli, tempDir } from "./run-cli";
import { describeBook } from "./fixtures";

const sample = samplePlanSchema.parse(samplePlanJson);

/** Sheet row of the n-th activity with this ID (the sample starts under the header in row 1). */
function rowOf(id: string, occurrence = 1): number {
  let seen = 0;
  const i = sample.activities.findIndex((a) => a.id === id && ++seen === occurrence);
  expect(i).toBeGreaterThanOrEqual(0);
  return i + 2;
}

describe("the bundled sample plan", () => {
  let dir: string;
  let book: string;
  beforeAll(async () => {
    dir = await tempDir();
    book = path.join(dir, "sample-plan.xlsx");
    const r = await cli("init", book, "--sample");
    expect(r.code).toBe(0);
  });

  it("is about 60 activities across all 5 outcomes, most sub-outcomes, every lead agency and 2023-2026", () => {
    expect(sample.activities.length).toBeGreaterThanOrEqual(55);
    expect(new Set(sample.activities.map((a) => a.outcome))).toEqual(new Set(["1", "2", "3", "4", "5"]));
    expect(new Set(sample.activities.map((a) => a.subOutcome)).size).toBeGreaterThanOrEqual(10);
    const agencies = new Set(sample.activities.flatMap((a) => a.leadAgencies.split(";").map((s) => s.trim())));
    for (const a of ["CITES Secretariat", "INTERPOL", "UNODC", "World Bank", "WCO"]) expect(agencies).toContain(a);
    expect(sample.activities.some((a) => a.leadAgencies.includes(";"))).toBe(true);
    const years = new Set(sample.activities.map((a) => a.startDate?.slice(0, 4)));
    for (const y of ["2023", "2024", "2025", "2026"]) expect(years).toContain(y);
  });

  it("validate finds every planted problem at its row and column, and exits 1", async () => {
    const r = await cli("validate", book, "--json", "--as-of", "2025-06-30");
    expect(r.code).toBe(1);
    const { issues } = JSON.parse(r.out) as { issues: Issue[] };
    for (const p of sample.plantedProblems) {
      const row = rowOf(p.id, p.occurrence);
      const hits = issues.filter(
        (i) => i.row === row && i.column !== null && p.columns.includes(i.column) && i.severity !== "info",
      );
      expect([p.id, p.problem, hits.length > 0]).toEqual([p.id, p.problem, true]);
    }
  });

  it("gives no error on any row without a planted problem", async () => {
    const r = await cli("validate", book, "--json", "--as-of", "2025-06-30");
    const { issues } = JSON.parse(r.out) as { issues: Issue[] };
    const planted = new Set(sample.plantedProblems.map((p) => rowOf(p.id, p.occurrence)));
    // The first SAP-035 is flagged as the other half of the planted duplicate.
    planted.add(rowOf("SAP-035", 1));
    const stray = issues.filter((i) => i.severity === "error" && (i.row === null || !planted.has(i.row)));
    expect(stray).toEqual([]);
  });

  it("annotate twice gives the same workbook as annotate once", async () => {
    const once = path.join(dir, "once.xlsx");
    const twice = path.join(dir, "twice.xlsx");
    const a = await cli("annotate", book, "-o", once, "--as-of", "2025-06-30");
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/Steps: validate, score, summarize/);
    const b = await cli("annotate", once, "-o", twice, "--as-of", "2025-06-30");
    expect(b.code).toBe(0);
    expect(await describeBook(twice)).toEqual(await describeBook(once));
  });

  it("annotate keeps every value the officer entered and adds the Cover first", async () => {
    const out = path.join(dir, "kept.xlsx");
    expect((await cli("annotate", book, "-o", out, "--as-of", "2025-06-30")).code).toBe(0);
    const before = (await describeBook(book)) as { sheets: Record<string, { cells: [string, unknown][] }> };
    const after = (await describeBook(out)) as {
      order: string[];
      sheets: Record<string, { cells: [string, unknown][] }>;
    };
    const valuesAfter = new Map(after.sheets.Activities!.cells.map((c) => [c[0], c[1]]));
    for (const [address, value] of before.sheets.Activities!.cells)
      expect([address, valuesAfter.get(address)]).toEqual([address, value]);
    expect(after.order[0]).toBe("Cover");
    expect(after.order).toEqual(
      expect.arrayContaining(["Activities", "Issues", "Summaries", "Framework", "Lists", "Settings", "Countries"]),
    );
  });
});
