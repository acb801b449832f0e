/**
 * keepContributions: false (what annotate asks for) leaves each activity's contributions out of the
 * result and changes nothing else: the same scores, ranks, bands, breakdowns, funding line, sensitivity
 * and score columns.
 */
import { scorePlan, scoreResultToJson } from "../../src/app/score";
import { setUpPlan } from "../../src/app/setup";
import { samplePlanSchema, sampleSettings } from "../../src/core/layout/sample";
import { scoreColumnsChanges, type ScoreResult } from "../../src/core/score";
import samplePlanJson from "../../samples/sample-plan.json";
import { MemoryWorkbook } from "../support/memory-workbook";

const sample = samplePlanSchema.parse(samplePlanJson);
const AS_OF = "2025-06-30";

const withoutContributions = (r: ScoreResult): ScoreResult => ({
  ...r,
  activities: r.activities.map((a) => ({ ...a, contributions: [] })),
});

describe("scorePlan keepContributions: false", () => {
  it("drops the contributions and keeps every other figure, and the same score columns", async () => {
    const wb = new MemoryWorkbook();
    await setUpPlan(wb.port, { sample: sample.activities, sampleSettings: sampleSettings(sample) });
    const full = await scorePlan(wb.port, { asOf: AS_OF, writeColumns: false });
    const lean = await scorePlan(wb.port, { asOf: AS_OF, writeColumns: false, keepContributions: false });
    expect(full.result.activities.some((a) => a.contributions.length > 0)).toBe(true);
    expect(lean.result.activities.every((a) => a.contributions.length === 0)).toBe(true);
    expect(lean.result).toEqual(withoutContributions(full.result));
    expect(scoreResultToJson(lean.result)).toEqual(scoreResultToJson(withoutContributions(full.result)));
    const grid = wb.grid("Activities");
    expect(scoreColumnsChanges(lean.result, lean.validation.parsed, grid)).toEqual(
      scoreColumnsChanges(full.result, full.validation.parsed, grid),
    );
  });
});
