/**
 * The Summaries sheet as the change set builds it, applied to an in-memory workbook: named tables that
 * never overlap, the stamp, refresh in place, and the Dashboard ops that a file host skips.
 */
import type { ChangeOp } from "../../src/core/changeset";
import { parseAddress } from "../../src/core/grid";
import { SHEETS, TABLES } from "../../src/core/layout/sheet-names";
import {
  buildSummaries,
  FACT_COLUMNS,
  summaryChanges,
  summaryLayout,
  type FactRow,
  type Summaries,
} from "../../src/core/summarize";
import { MemoryWorkbook } from "../support/memory-workbook";
import { smallPlanInput } from "./small-plan";

const GENERATED_ON = "2025-07-01";

function summaries(keep?: (id: string) => boolean): Summaries {
  const input = smallPlanInput();
  return buildSummaries({
    ...input,
    activities: keep ? input.activities.filter((a) => keep(a.record.id)) : input.activities,
  });
}

async function written(s: Summaries, wb = new MemoryWorkbook({ Activities: [["ID"]] })): Promise<MemoryWorkbook> {
  await wb.port.apply(summaryChanges(s, { generatedOn: GENERATED_ON }));
  return wb;
}

function rowsOf(range: string): [number, number] {
  const [a, b] = range.split(":");
  return [parseAddress(a!).row, parseAddress(b!).row];
}

describe("Summaries sheet", () => {
  test("every summary table is a named Excel table on Summaries, and no two share a row", async () => {
    const wb = await written(summaries());
    const names = [
      TABLES.byOutcome,
      TABLES.bySubOutcome,
      TABLES.byApproach,
      TABLES.byAgency,
      TABLES.byCountry,
      TABLES.byYear,
      TABLES.coverage,
      TABLES.facts,
    ];
    const spans = names.map((n) => {
      const t = wb.tables.get(n);
      expect(t?.sheet).toBe(SHEETS.summaries);
      return rowsOf(t!.range);
    });
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThan(spans[i - 1]![1] + 1);
  });

  test("tblFacts starts with the stable headers and holds one sheet row per fact", async () => {
    const s = summaries();
    const wb = await written(s);
    const [top, bottom] = rowsOf(wb.tables.get(TABLES.facts)!.range);
    const grid = wb.grid(SHEETS.summaries);
    expect(grid.rows[top - 1]!.slice(0, FACT_COLUMNS.length)).toEqual([
      "ID",
      "Activity",
      "Outcome",
      "Outcome title",
      "Sub-outcome",
      "Sub-outcome title",
      "Approach",
      "Approach title",
      "Lead agency",
      "Level",
      "Country (ISO3)",
      "Country name",
      "Region",
      "Status",
      "Stage",
      "Period",
      "Period start",
      "Year",
      "Score",
      "Band",
      "Has errors",
      "Activity share",
      "Budget share (USD)",
      "Funded share (USD)",
      "Gap share (USD)",
      "Progress",
    ]);
    expect(bottom - top).toBe(s.facts.length);
    // A2:B2 is the stamp: a real date serial with a date format. 2025-07-01 is serial 45839.
    expect(wb.value(SHEETS.summaries, "A2")).toBe("Generated on");
    expect(wb.value(SHEETS.summaries, "B2")).toBe(45839);
    expect(wb.numberFormat(SHEETS.summaries, "B2")).toBe("yyyy-mm-dd");
    // Period start is a date serial with a date format, Has errors a real boolean.
    const first = top + 1;
    expect(typeof wb.value(SHEETS.summaries, `Q${first}`)).toBe("number");
    expect(wb.numberFormat(SHEETS.summaries, `Q${first}`)).toBe("yyyy-mm-dd");
    expect(typeof wb.value(SHEETS.summaries, `U${first}`)).toBe("boolean");
  });

  test("running twice gives the same workbook as once", async () => {
    const once = await written(summaries());
    const twice = await written(summaries(), await written(summaries()));
    expect(twice.snapshot()).toEqual(once.snapshot());
  });

  test("a refresh after activities disappear leaves no leftover rows", async () => {
    const keep = (id: string) => id === "A-001" || id === "A-003";
    const refreshed = await written(summaries(keep), await written(summaries()));
    const fresh = await written(summaries(keep));
    expect(refreshed.snapshot()).toEqual(fresh.snapshot());
  });

  test("text that looks like a formula is written as a value, never as a formula", async () => {
    const input = smallPlanInput();
    const activities = input.activities.map((a, i) =>
      i === 0 ? { ...a, record: { ...a.record, title: '=HYPERLINK("http://x")', id: "+A1" } } : a,
    );
    const changes = summaryChanges(buildSummaries({ ...input, activities }), { generatedOn: GENERATED_ON });
    expect(changes.ops.some((op) => op.kind === "formulas")).toBe(false);
    const wb = new MemoryWorkbook();
    await wb.port.apply(changes);
    const [top] = rowsOf(wb.tables.get(TABLES.facts)!.range);
    expect(wb.value(SHEETS.summaries, `A${top + 1}`)).toBe("+A1");
    expect(wb.value(SHEETS.summaries, `B${top + 1}`)).toBe('=HYPERLINK("http://x")');
    expect(wb.formula(SHEETS.summaries, `B${top + 1}`)).toBeUndefined();
  });

  test("an empty plan still gives every table, each with one empty data row", async () => {
    const wb = await written(summaries(() => false));
    const [top, bottom] = rowsOf(wb.tables.get(TABLES.facts)!.range);
    expect(bottom).toBe(top + 1);
    expect(wb.tables.size).toBe(8);
  });

  test("the Dashboard gets a PivotTable of tblFacts and a chart of tblByOutcome, which a file host skips", async () => {
    const s = summaries();
    const ops = summaryChanges(s, { generatedOn: GENERATED_ON }).ops;
    const pivot = ops.find((op): op is Extract<ChangeOp, { kind: "pivot" }> => op.kind === "pivot");
    expect(pivot).toMatchObject({ sourceTable: TABLES.facts, sheet: SHEETS.dashboard, rows: ["Outcome"] });
    expect(pivot!.values.map((v) => v.field)).toEqual(["Budget share (USD)", "Funded share (USD)", "Gap share (USD)"]);
    const chart = ops.find((op): op is Extract<ChangeOp, { kind: "chart" }> => op.kind === "chart");
    const wb = await written(s);
    const [top, bottom] = rowsOf(wb.tables.get(TABLES.byOutcome)!.range);
    // The chart takes the outcome titles and the three money columns of tblByOutcome, header included.
    expect(chart).toMatchObject({ sourceSheet: SHEETS.summaries, sourceRange: `B${top}:E${bottom}` });
    expect(wb.grid(SHEETS.summaries).rows[top - 1]!.slice(1, 5)).toEqual([
      "Outcome title",
      "Budget (USD)",
      "Funded (USD)",
      "Gap (USD)",
    ]);
    expect(wb.skipped.map((x) => x.kind).sort()).toEqual(["chart", "pivot"]);
    expect(
      summaryChanges(s, { generatedOn: GENERATED_ON, dashboard: false }).ops.some(
        (op) => op.sheet === SHEETS.dashboard,
      ),
    ).toBe(false);
  });

  test("a facts table longer than an Excel sheet is not written, and says so", () => {
    const s = summaries();
    // A sparse array: only its length matters, as the table is never rendered.
    const huge = { ...s, facts: new Array<FactRow>(1_100_000) };
    const layout = summaryLayout(huge);
    expect(layout.issues.map((i) => i.code)).toEqual(["summary-table-too-long"]);
    const ops = summaryChanges(huge, { generatedOn: GENERATED_ON }).ops;
    expect(ops.some((op) => op.kind === "table" && op.name === TABLES.facts)).toBe(false);
    expect(ops.some((op) => op.kind === "pivot")).toBe(false);
    expect(ops.some((op) => op.kind === "table" && op.name === TABLES.byOutcome)).toBe(true);
  });

  test("a command with a memory budget can leave tblFacts out above a row limit; the roll-ups stay", async () => {
    const s = summaries();
    const wb = new MemoryWorkbook();
    await wb.port.apply(summaryChanges(s, { generatedOn: GENERATED_ON, maxFactsRows: s.facts.length - 1 }));
    expect(wb.tables.has(TABLES.facts)).toBe(false);
    expect(wb.tables.has(TABLES.byOutcome)).toBe(true);
    expect(summaryLayout(s, { maxFactsRows: s.facts.length - 1 }).issues[0]?.value).toBe(String(s.facts.length));
    expect(summaryLayout(s, { maxFactsRows: s.facts.length }).issues).toEqual([]);
  });
});
