import { appendImport, previewImport } from "../../src/app/import";
import { setUpPlan } from "../../src/app/setup";
import { createWorkbook, openWorkbookBuffer } from "../../src/hosts/xlsx";
import { buildTrackerXlsx } from "../fixtures/import/xlsx-tracker";
import { recordAt, typed } from "./helpers";

describe("importing a real .xlsx tracker through the file host", () => {
  it("reads dates, formats and formulas as Excel saved them, and appends to a plan workbook", async () => {
    const bytes = await buildTrackerXlsx();
    const source = await openWorkbookBuffer(bytes, "tracker.xlsx");
    const result = await previewImport(source.port, { sheet: "Tracker 2024" });
    expect(result.headerRow).toBe(3);
    expect(result.skipped.map((s) => [s.row, s.reason])).toEqual([[6, "totals"]]);
    expect(recordAt(result, 4)).toEqual(
      typed({
        id: "ZA-1",
        title: "=Wildlife forensics lab support",
        outcome: "3",
        subOutcome: "3.2",
        approach: "3.2.2",
        leadAgencies: ["UNODC"],
        countries: ["ZAF"],
        startDate: "2024-02-01",
        endDate: "2024-12-31",
        budgetUsd: 150000,
        progress: 0.25,
      }),
    );
    expect(recordAt(result, 5)).toMatchObject({
      approach: "3.1.1",
      leadAgencies: ["INTERPOL", "WCO"],
      countries: ["ZAF", "MOZ"],
      startDate: "2025-01-15",
      progress: 0,
    });

    const plan = createWorkbook();
    await setUpPlan(plan.port);
    const done = await appendImport(plan.port, result);
    expect(done.appended).toBe(2);
    const reopened = await openWorkbookBuffer(await plan.toBuffer(), "plan.xlsx");
    const activities = await reopened.port.readSheet("Activities", { formulas: true, numberFormats: true });
    const row = activities.rows[done.rows!.first - activities.top]!;
    expect(row.slice(0, 5)).toEqual(["ZA-1", "=Wildlife forensics lab support", "3", "3.2", "3.2.2"]);
    // The text beginning with "=" came back as text, not as a formula.
    expect(activities.formulas?.[done.rows!.first - activities.top]?.[1] ?? null).toBeNull();
    // Appending the same import again to the saved plan appends nothing.
    expect(await appendImport(reopened.port, result)).toMatchObject({
      appended: 0,
      apply: null,
      alreadyPresent: ["ZA-1", "ZA-2"],
    });
  });

  it("never writes to the source workbook", async () => {
    const bytes = await buildTrackerXlsx();
    const copy = Buffer.from(bytes);
    const source = await openWorkbookBuffer(bytes, "tracker.xlsx");
    await previewImport(source.port, { sheet: "Tracker 2024" });
    expect(Buffer.compare(bytes, copy)).toBe(0);
  });
});
