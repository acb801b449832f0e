/**
 * The bundled sample plan lists its planted problems (id, columns). Every one must be reported on its
 * row in one of its columns, and no other row may carry an error: the check a reviewer will make on
 * hand-planted workbooks, here on the one workbook whose faults are written down.
 */
import sample from "../../samples/sample-plan.json";
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import { isoToExcelSerial } from "../../src/core/activity/dates";
import type { CellValue } from "../../src/core/grid";
import { sampleActivityChanges, samplePlanSchema } from "../../src/core/layout/sample";
import { validateActivities } from "../../src/core/validate";
import { sheet } from "./sheet";

const plan = samplePlanSchema.parse(sample);
const columnOf = Object.fromEntries(ACTIVITY_HEADERS.map((h, i) => [h, i + 1]));
const [op] = sampleActivityChanges(plan.activities, columnOf, 1, isoToExcelSerial);
const rows: CellValue[][] = [[...ACTIVITY_HEADERS], ...(op && op.kind === "values" ? op.values : [])];
const report = validateActivities(sheet(rows), { asOf: plan.suggestedAsOf ?? "2025-06-30" });

/** Sheet row of the n-th row (1-based) with this ID. */
function rowOf(id: string, occurrence = 1): number {
  let seen = 0;
  for (let i = 1; i < rows.length; i++) if (rows[i]![0] === id && ++seen === occurrence) return i + 1;
  throw new Error(`no row ${id} #${occurrence}`);
}

describe("the bundled sample plan", () => {
  test("has rows to check", () => {
    expect(report.summary.rowsChecked).toBe(plan.activities.length);
  });

  for (const p of sample.plantedProblems as { id: string; occurrence?: number; columns: string[]; problem: string }[]) {
    test(`reports: ${p.problem}`, () => {
      const r = rowOf(p.id, p.occurrence ?? 1);
      const found = report.issues.filter(
        (i) => i.row === r && i.column !== null && p.columns.includes(i.column) && i.severity !== "info",
      );
      expect(found.length).toBeGreaterThan(0);
    });
  }

  test("rows without a planted problem have no error", () => {
    const planted = new Set(
      (sample.plantedProblems as { id: string; occurrence?: number }[]).map((p) => rowOf(p.id, p.occurrence ?? 1)),
    );
    // A duplicate ID is flagged on both occurrences by design: the first SAP-035 is planted's twin.
    planted.add(rowOf("SAP-035", 1));
    const stray = report.issues.filter((i) => i.severity === "error" && i.row !== null && !planted.has(i.row));
    expect(stray).toEqual([]);
  });
});
