/**
 * The use cases through the Excel adapter over the simulation, compared with the same use cases over
 * the lead's in-memory port: the two hosts must leave the same values in the same cells.
 */
import { ANNOTATION_MARK } from "../../src/core/changeset";
import { checkPlan } from "../../src/app/validate";
import { setUpPlan } from "../../src/app/setup";
import { summarizePlan } from "../../src/app/summarize";
import { MemoryWorkbook } from "../support/memory-workbook";
import { HEADERS, simWithPort } from "./sim-helpers";
import type { CellValue } from "../../src/core/grid";

const plan = (): CellValue[][] => [
  HEADERS,
  [
    "ACT-0001",
    "Border officers trained",
    "1",
    "1.1",
    "1.1.1",
    "UNODC",
    "National",
    "KEN",
    "Implementation",
    "In progress",
    45108,
    45657,
    100000,
    50000,
    0.5,
    3,
    4,
    3,
    null,
  ],
  [
    "ACT-0002",
    "Bad approach row",
    "1",
    "1.1",
    "9.9.9",
    "UNODC",
    "National",
    "KEN",
    "Implementation",
    "In progress",
    45108,
    45657,
    100000,
    50000,
    0.5,
    3,
    4,
    3,
    null,
  ],
  [
    "ACT-0003",
    "=cmd|' /C calc'!A0",
    "2",
    "2.1",
    "2.1.1",
    "Interpol",
    "Regional",
    "TZA",
    "Planning",
    "Planned",
    45200,
    45900,
    20000,
    0,
    0,
    2,
    3,
    4,
    "-note that starts with a minus",
  ],
];

describe("checkPlan through the Excel adapter", () => {
  it("annotates the bad cell with a note and fill, writes and selects nothing of the user's, and re-running changes nothing", async () => {
    const { sim, port } = simWithPort({ Activities: plan() });
    const first = await checkPlan(port, { asOf: "2025-06-30", annotate: true });
    expect(first.report.summary.errors).toBeGreaterThan(0);
    expect(sim.note("Activities", "E3")).toMatch(new RegExp(`^${ANNOTATION_MARK}`));
    expect(sim.fill("Activities", "E3")).toBe("#F4CCCC");
    expect(sim.sheetNames()).toContain("Issues");
    // User values, including formula-like text, are untouched.
    expect(sim.value("Activities", "B4")).toBe("=cmd|' /C calc'!A0");
    expect(sim.formula("Activities", "B4")).toBeUndefined();
    expect(sim.value("Activities", "S4")).toBe("-note that starts with a minus");
    const once = JSON.stringify([sim.toGrids(), [...sim.allNotes()]]);
    await checkPlan(port, { asOf: "2025-06-30", annotate: true });
    expect(JSON.stringify([sim.toGrids(), [...sim.allNotes()]])).toBe(once);
  });

  it("leaves the same cell values as the in-memory port does", async () => {
    const { sim, port } = simWithPort({ Activities: plan() });
    const memory = new MemoryWorkbook({ Activities: plan() });
    await checkPlan(port, { asOf: "2025-06-30", annotate: true });
    await checkPlan(memory.port, { asOf: "2025-06-30", annotate: true });
    for (const sheet of ["Activities", "Issues"]) {
      const a = (await port.readSheet(sheet)).rows;
      const b = memory.grid(sheet).rows;
      expect(a).toEqual(b);
    }
    expect(sim.note("Activities", "E3")).toBe(memory.notes.get("Activities!E3"));
  });

  it("clears its note when the user fixes the cell", async () => {
    const { sim, port } = simWithPort({ Activities: plan() });
    await checkPlan(port, { asOf: "2025-06-30", annotate: true });
    await port.apply({ ops: [{ kind: "values", sheet: "Activities", at: "E3", values: [["1.1.1"]] }] });
    await checkPlan(port, { asOf: "2025-06-30", annotate: true });
    expect(sim.note("Activities", "E3")).toBeNull();
    expect(sim.fill("Activities", "E3")).toBeNull();
  });
});

describe("set up and summarise through the Excel adapter", () => {
  it("sets up a blank workbook, then builds the summaries with a PivotTable and a chart", async () => {
    const { sim, port } = simWithPort({ Sheet1: [] });
    const setup = await setUpPlan(port);
    expect(setup.apply.skipped).toEqual([]);
    expect(sim.sheetNames()).toEqual(expect.arrayContaining(["Activities", "Lists", "Framework"]));
    expect(sim.validations("Activities").length).toBeGreaterThan(0);
    await port.apply({ ops: [{ kind: "values", sheet: "Activities", at: "A2", values: plan().slice(1) }] });
    const result = await summarizePlan(port, { asOf: "2025-06-30", generatedOn: "2025-06-30", write: true });
    expect(result.summaries).toBeDefined();
    expect(sim.table("tblFacts")?.sheet).toBe("Summaries");
    expect(sim.pivots.size + sim.charts.size).toBeGreaterThan(0);
    // Twice equals once, pivots and charts included.
    const once = JSON.stringify([sim.toGrids(), [...sim.pivots.values()], [...sim.charts.values()]]);
    await summarizePlan(port, { asOf: "2025-06-30", generatedOn: "2025-06-30", write: true });
    expect(JSON.stringify([sim.toGrids(), [...sim.pivots.values()], [...sim.charts.values()]])).toBe(once);
  });
});
