/**
 * Annotate parses, validates and scores the Activities sheet once and hands the report and the scores
 * on to the later steps (issue 6, deliverable 6). The shared path must give the very workbook the
 * independent steps give, and each use case must still validate on its own when the report it is
 * handed does not fit (another as-of date).
 */
import { annotateWorkbook, EXTRA_STEPS, type AnnotateStep } from "../../src/app/annotate";
import { scorePlan, scoreResultToJson } from "../../src/app/score";
import { setUpPlan } from "../../src/app/setup";
import { scoreInfoById, summarizePlan, summariesToJson } from "../../src/app/summarize";
import { samplePlanSchema, sampleSettings } from "../../src/core/layout/sample";
import * as scoring from "../../src/core/score/score-activities";
import * as validation from "../../src/core/validate";
import samplePlanJson from "../../samples/sample-plan.json";
import { contentSnapshot } from "../layout/stable-snapshot";
import { MemoryWorkbook } from "../support/memory-workbook";

const sample = samplePlanSchema.parse(samplePlanJson);
const AS_OF = "2025-06-30";
const options = { asOf: AS_OF, generatedOn: "2025-07-01" };

async function samplePlan(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await setUpPlan(wb.port, { sample: sample.activities, sampleSettings: sampleSettings(sample) });
  return wb;
}

/** The steps as they were before sharing: each use case reads, validates and scores for itself. */
const INDEPENDENT_STEPS: AnnotateStep[] = EXTRA_STEPS.map((step) => ({
  name: step.name,
  run: (port, ctx) => step.run(port, { asOf: ctx.asOf, generatedOn: ctx.generatedOn }),
}));

afterEach(() => jest.restoreAllMocks());

describe("annotate computes once", () => {
  it("validates and scores the sheet once for every step", async () => {
    const wb = await samplePlan();
    const validate = jest.spyOn(validation, "validateActivities");
    const score = jest.spyOn(scoring, "scoreActivities");
    await annotateWorkbook(wb.port, options);
    expect(validate).toHaveBeenCalledTimes(1);
    expect(score).toHaveBeenCalledTimes(1);
  });

  it("the independent steps validate three times and score twice (what the sharing saves)", async () => {
    const wb = await samplePlan();
    const validate = jest.spyOn(validation, "validateActivities");
    const score = jest.spyOn(scoring, "scoreActivities");
    await annotateWorkbook(wb.port, options, INDEPENDENT_STEPS);
    expect(validate).toHaveBeenCalledTimes(3);
    expect(score).toHaveBeenCalledTimes(2);
  });

  it("writes the same workbook as the independent steps, on a first run and on a second", async () => {
    const shared = await samplePlan();
    const independent = await samplePlan();
    for (let run = 0; run < 2; run++) {
      const a = await annotateWorkbook(shared.port, options);
      const b = await annotateWorkbook(independent.port, options, INDEPENDENT_STEPS);
      expect(a.summary).toEqual(b.summary);
      expect(a.ops).toBe(b.ops);
      expect(contentSnapshot(shared)).toEqual(contentSnapshot(independent));
    }
  });
});

describe("use cases handed a validation report", () => {
  it("scorePlan uses the report it is given and scores as it would alone", async () => {
    const wb = await samplePlan();
    const report = validation.validateActivities(wb.grid("Activities"), { asOf: AS_OF });
    const validate = jest.spyOn(validation, "validateActivities");
    const given = await scorePlan(wb.port, { asOf: AS_OF, writeColumns: false, validation: report });
    expect(validate).not.toHaveBeenCalled();
    expect(given.validation).toBe(report);
    const alone = await scorePlan(wb.port, { asOf: AS_OF, writeColumns: false });
    expect(validate).toHaveBeenCalledTimes(1);
    expect(scoreResultToJson(given.result)).toEqual(scoreResultToJson(alone.result));
  });

  it("scorePlan validates again when the report was made for another as-of date", async () => {
    const wb = await samplePlan();
    const stale = validation.validateActivities(wb.grid("Activities"), { asOf: "2020-01-01" });
    const result = await scorePlan(wb.port, { asOf: AS_OF, writeColumns: false, validation: stale });
    expect(result.validation).not.toBe(stale);
    expect(result.validation.asOf).toBe(AS_OF);
  });

  it("summarizePlan with the report and the scores gives the summaries it builds alone", async () => {
    const wb = await samplePlan();
    const report = validation.validateActivities(wb.grid("Activities"), { asOf: AS_OF });
    const scored = await scorePlan(wb.port, { asOf: AS_OF, writeColumns: false, validation: report });
    const scores = scoreInfoById(scored.result);
    const score = jest.spyOn(scoring, "scoreActivities");
    const given = await summarizePlan(wb.port, { ...options, write: false, validation: report, scores });
    expect(score).not.toHaveBeenCalled();
    const alone = await summarizePlan(wb.port, { ...options, write: false });
    expect(score).toHaveBeenCalledTimes(1);
    expect(summariesToJson(given.summaries)).toEqual(summariesToJson(alone.summaries));
    expect(given.issues).toEqual(alone.issues);
    // The sample has scored rows, so the comparison above covers the Score and Band columns.
    expect(given.summaries.facts.some((f) => f.score !== null)).toBe(true);
  });
});
