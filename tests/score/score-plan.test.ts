import { scorePlan, scoreResultToJson } from "../../src/app/score";
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import type { CellValue } from "../../src/core/grid";
import { MemoryWorkbook } from "../support/memory-workbook";

// ID | Activity | Outcome | Sub-outcome | Approach | Lead agency | Level | Countries | Stage | Status | Start | End |
// Budget | Funded | Progress | Need | Value added | Engagement | Notes
const row = (
  id: string,
  approach: string,
  countries: string,
  budget: number | null,
  funded: number | null,
  need: number | null,
  value: number | null,
  engagement: number | null,
): CellValue[] => {
  const [o, s] = [approach.split(".")[0]!, approach.split(".").slice(0, 2).join(".")];
  return [
    id,
    `Activity ${id}`,
    o,
    s,
    approach,
    "UNODC",
    "National",
    countries,
    "Planning",
    "Planned",
    "2024-01-01",
    "2024-12-31",
    budget,
    funded,
    0,
    need,
    value,
    engagement,
    "=SUM(A1:A9)",
  ];
};

function book(): MemoryWorkbook {
  return new MemoryWorkbook({
    Activities: [
      [...ACTIVITY_HEADERS, "Officer"],
      [...row("A-1", "1.1.1", "KEN", 100_000, 40_000, null, 5, null), "Ana"], // Kenya: need 4, engagement 3, priority
      [...row("A-2", "2.1.1", "UGA", 50_000, 0, 5, 5, 5), "Ben"],
      [...row("A-3", "9.9.9", "KEN", 10_000, 0, 5, 5, 5), "Cy"], // unknown approach: a validation error
      [...row("A-4", "3.1.1", "VNM", null, null, 3, null, 3), "Di"], // value added blank: not scored
    ],
    Settings: [
      ["Setting", "Value", "Description"],
      ["Available funds (USD)", 60_000, ""],
      ["Weight: need", "lots", ""],
    ],
    Countries: [
      ["ISO3", "Country", "Region", "Priority (roadmap) Y/N", "Need (1-5)", "Engagement (1-5)"],
      ["KEN", "Kenya", "Africa", "Y", 4, 3],
      ["UGA", "Uganda", "Africa", "N", 2, 2],
    ],
  });
}

describe("scorePlan (use case)", () => {
  test("scores valid rows, explains the others, and writes the columns beside the user's", async () => {
    const wb = book();
    const before = wb.grid("Activities").rows.map((r) => r.slice(0, 20));
    const { result, settingsIssues, applyReport } = await scorePlan(wb.port, {
      asOf: "2024-06-30",
      writeColumns: true,
    });
    expect(wb.applyCount).toBe(1);
    expect(applyReport!.skipped).toEqual([]);
    // The bad weight is reported at its cell and the default used.
    expect(settingsIssues.find((i) => i.code === "setting-invalid")).toMatchObject({
      sheet: "Settings",
      cell: "B3",
      value: "lots",
    });
    const [a1, a2, a3, a4] = result.activities;
    // A-1 (Kenya): 28.8 + 31.5 + 13.5 = 73.8 x 0.70 = 51.66 + 10 = 61.7
    expect(a1).toMatchObject({ id: "A-1", score: 61.7, band: "Medium" });
    // 36 + 31.5 + 22.5 = 90.0 x 1.00 (the row's own values override Uganda's) = 90.0
    expect(a2).toMatchObject({ id: "A-2", score: 90, band: "High", rank: 1 });
    expect(a3!.score).toBeNull();
    expect(a3!.reason).toMatch(/^Not scored: the row has a validation error: /);
    expect(a4!.score).toBeNull();
    expect(a4!.reason).toMatch(/Value added is blank/);
    // Funds 60,000: A-1's gap (60,000) and A-2's (50,000) do not both fit; A-2's 90.0 beats A-1's 61.7.
    expect([a1!.funding, a2!.funding]).toEqual(["below the line", "recommended"]);
    // Columns U..Z after the user's "Officer" column T.
    expect(wb.value("Activities", "U1")).toBe("Score");
    expect(wb.value("Activities", "U3")).toBe(90);
    expect(wb.value("Activities", "U4")).toBeNull();
    expect(String(wb.value("Activities", "Z4"))).toMatch(/^Not scored/);
    // Nothing the user entered changed; text starting with "=" stayed text.
    expect(wb.grid("Activities").rows.map((r) => r.slice(0, 20))).toEqual(before);
    expect(wb.value("Activities", "S2")).toBe("=SUM(A1:A9)");
    expect(wb.formula("Activities", "S2")).toBeUndefined();
  });

  test("running it twice gives the same workbook as once", async () => {
    const wb = book();
    await scorePlan(wb.port, { asOf: "2024-06-30", writeColumns: true });
    const once = wb.snapshot();
    await scorePlan(wb.port, { asOf: "2024-06-30", writeColumns: true });
    expect(wb.snapshot()).toEqual(once);
  });

  test("without writeColumns nothing is written; the JSON has the CLI's shape", async () => {
    const wb = book();
    const { result } = await scorePlan(wb.port, { asOf: "2024-06-30", writeColumns: false });
    expect(wb.applyCount).toBe(0);
    const json = scoreResultToJson(result);
    expect(json.activities.map((a) => [a.id, a.score])).toEqual([
      ["A-1", 61.7],
      ["A-2", 90],
      ["A-3", null],
      ["A-4", null],
    ]);
    expect(json.rollups.outcome.find((r) => r.key === "1")!.label).toMatch(/^Reduced opportunity/i);
  });

  test("a cancelled run writes nothing", async () => {
    const wb = book();
    const ac = new AbortController();
    ac.abort();
    await expect(scorePlan(wb.port, { asOf: "2024-06-30", writeColumns: true, signal: ac.signal })).rejects.toThrow();
    expect(wb.applyCount).toBe(0);
  });

  test("no Settings or Countries sheet: defaults, said so, and rows scored from their own values", async () => {
    const wb = new MemoryWorkbook({
      Activities: [[...ACTIVITY_HEADERS], row("B-1", "1.1.1", "KEN", null, null, 5, 5, 5)],
    });
    const { result, settingsIssues } = await scorePlan(wb.port, { asOf: "2024-06-30", writeColumns: true });
    expect(settingsIssues.map((i) => i.code)).toEqual(["settings-sheet-missing", "countries-sheet-missing"]);
    expect(result.activities[0]!.score).toBe(90);
    expect(wb.value("Activities", "T2")).toBe(90);
  });
});
