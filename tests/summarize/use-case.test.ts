/**
 * summarizePlan end to end on an in-memory workbook: the real parser, validator, settings and scorer,
 * then the Summaries sheet. What the core tests prove on records is checked here on a sheet.
 */
import { summarizePlan, summariesToJson } from "../../src/app/summarize";
import type { CellValue } from "../../src/core/grid";
import { SHEETS, TABLES } from "../../src/core/layout/sheet-names";
import { MemoryWorkbook } from "../support/memory-workbook";
import { ACTIVITIES_SHEET } from "./small-plan";

const AS_OF = "2025-06-30";
const GENERATED_ON = "2025-07-01";

/** The small plan with dates as Date objects, as the file host hands them over. */
function activitiesSheet(): CellValue[][] {
  const [header, ...rows] = ACTIVITIES_SHEET;
  const dateCols = ["Start date", "End date"].map((h) => header!.indexOf(h));
  return [
    header!,
    ...rows.map((r) =>
      r.map((v, j) => (dateCols.includes(j) && typeof v === "string" ? new Date(`${v}T00:00:00Z`) : v)),
    ),
  ];
}

function workbook(): MemoryWorkbook {
  return new MemoryWorkbook({ [SHEETS.activities]: activitiesSheet() });
}

describe("summarizePlan", () => {
  test("maxFactsRows leaves tblFacts out, says so, and still writes the roll-ups", async () => {
    const wb = workbook();
    const result = await summarizePlan(wb.port, {
      asOf: AS_OF,
      generatedOn: GENERATED_ON,
      write: true,
      maxFactsRows: 1,
    });
    expect(result.summaries.facts.length).toBeGreaterThan(1);
    expect(result.issues.map((i) => i.code)).toContain("summary-table-too-long");
    expect(wb.tables.has(TABLES.facts)).toBe(false);
    expect(wb.tables.has(TABLES.byOutcome)).toBe(true);
  });

  test("flags the row with errors, counts only the valid rows' money, and writes every table", async () => {
    const wb = workbook();
    const result = await summarizePlan(wb.port, { asOf: AS_OF, generatedOn: GENERATED_ON, write: true });
    const flagged = new Set(result.summaries.facts.filter((f) => f.hasErrors).map((f) => f.id));
    expect(flagged).toEqual(new Set(["A-006"]));
    // Budget of the seven rows without errors, from the sheet above.
    const validBudget = 120000 + 90000.01 + 45000 + 300000 + 20000 + 60000 + 10000;
    const json = summariesToJson(result.summaries);
    const total = (rows: Record<string, unknown>[], col: string) =>
      Math.round(rows.reduce((t, r) => t + Number(r[col] ?? 0), 0) * 100);
    expect(total(json.tables[TABLES.facts]!, "Budget share (USD)")).toBe(Math.round(validBudget * 100));
    expect(total(json.tables[TABLES.byOutcome]!, "Budget (USD)")).toBe(Math.round(validBudget * 100));
    for (const name of Object.values(TABLES).filter(
      (n) => n.startsWith("tblBy") || n === TABLES.facts || n === TABLES.coverage,
    ))
      expect(wb.tables.get(name)?.sheet).toBe(SHEETS.summaries);
    // Scores come from the scoring engine: a number for a valid, scorable row, blank for the broken one.
    const scoreOf = (id: string) => result.summaries.facts.find((f) => f.id === id)!.score;
    expect(scoreOf("A-006")).toBeNull();
    expect(typeof scoreOf("A-001")).toBe("number");
  });

  test("the user's Activities sheet is left exactly as it was", async () => {
    const wb = workbook();
    const before = wb.grid(SHEETS.activities);
    await summarizePlan(wb.port, { asOf: AS_OF, generatedOn: GENERATED_ON, write: true });
    expect(wb.grid(SHEETS.activities)).toEqual(before);
  });

  test("running twice gives the same workbook as once", async () => {
    const once = workbook();
    await summarizePlan(once.port, { asOf: AS_OF, generatedOn: GENERATED_ON, write: true });
    const twice = workbook();
    await summarizePlan(twice.port, { asOf: AS_OF, generatedOn: GENERATED_ON, write: true });
    await summarizePlan(twice.port, { asOf: AS_OF, generatedOn: GENERATED_ON, write: true });
    expect(twice.snapshot()).toEqual(once.snapshot());
  });

  test("write: false reads only, and a cancelled run writes nothing", async () => {
    const wb = workbook();
    await summarizePlan(wb.port, { asOf: AS_OF, generatedOn: GENERATED_ON, write: false });
    expect(wb.applyCount).toBe(0);
    const controller = new AbortController();
    controller.abort();
    await expect(
      summarizePlan(wb.port, { asOf: AS_OF, generatedOn: GENERATED_ON, write: true, signal: controller.signal }),
    ).rejects.toThrow();
    expect(wb.applyCount).toBe(0);
  });
});
