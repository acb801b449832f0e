/**
 * The hosts the pane really runs on, end to end in Node: the preview's session (the Excel adapter over
 * the simulation, the use cases through createPortPlanHost) asserted cell by cell in the simulated workbook.
 */
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import { SimWorkbook } from "../../src/hosts/excel/simulation";
import { createSession, newWorkbookSession } from "../../src/preview/session";

describe("the preview session: the pane's host over the simulated workbook", () => {
  it("New sample plan: set up with the sample, then Check finds the planted problems and selecting one selects its cell", async () => {
    let changes = 0;
    const session = newWorkbookSession(() => changes++);
    const setup = await session.host.setUp({ sample: true });
    expect(setup.sampleRows).toBeGreaterThan(50);
    expect(session.sim.sheetNames()).toEqual(
      expect.arrayContaining(["Activities", "Framework", "Lists", "Settings", "Countries"]),
    );
    expect(session.sim.value("Activities", "A1")).toBe("ID");
    expect(session.sim.value("Activities", "A2")).toBe("SAP-001");

    const { report, applyReport } = await session.host.check({ asOf: "2025-06-30", annotate: true });
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(applyReport?.applied).toBeGreaterThan(0);
    const first = report.issues.find((i) => i.severity === "error" && i.cell)!;
    expect(session.sim.note(first.sheet, first.cell!)).toContain("ICCWC check:");

    await session.host.selectCell(first.sheet, first.cell!);
    expect(session.sim.selection).toEqual({ sheet: first.sheet, address: first.cell });
    expect(session.sim.activeSheet).toBe(first.sheet);
    expect(session.applied.length).toBe(2);
    expect(changes).toBeGreaterThanOrEqual(3);
  });

  it("the sample is added to a new plan only: a second New sample on the same workbook leaves the rows as they are", async () => {
    const session = newWorkbookSession(() => undefined);
    await session.host.setUp({ sample: true });
    const rows = session.sim.toGrids()["Activities"]!.length;
    const again = await session.host.setUp({ sample: true });
    expect(again.sampleRows).toBe(0);
    expect(session.sim.toGrids()["Activities"]!.length).toBe(rows);
  });

  it("weights: read from Settings, saved into the weight cells only", async () => {
    const session = newWorkbookSession(() => undefined);
    await session.host.setUp({ sample: true });
    const before = session.sim.toGrids();
    const { weights, fromSheet } = await session.host.readWeights();
    expect(fromSheet).toBe(true);
    await session.host.saveWeights({ ...weights, need: 0.6 });
    const after = session.sim.toGrids();
    const settings = after["Settings"]!;
    const needRow = settings.findIndex((r) => r[0] === "Weight: need");
    expect(settings[needRow]![1]).toBe(0.6);
    // Nothing else moved: every other cell of every sheet is as it was.
    for (const [name, rows] of Object.entries(before))
      rows.forEach((r, i) =>
        r.forEach((v, j) =>
          name === "Settings" && i === needRow && j === 1
            ? undefined
            : expect([name, i, j, after[name]![i]![j]]).toEqual([name, i, j, v]),
        ),
      );
    expect((await session.host.readWeights()).weights.need).toBe(0.6);
  });

  it("import from a messy sheet, then append: Activities gains the rows, the source is untouched", async () => {
    const sim = SimWorkbook.fromGrids({
      Activities: [[...ACTIVITY_HEADERS]],
      "Kenya tracker": [
        ["Kenya wildlife crime tracker 2024", null, null],
        [null, null, null],
        ["Activity", "Agency", "Country", "Approach", "Start", "End"],
        ["Ranger training", "unodc", "kenya", "2.1.1", "2024-03-01", "2024-09-30"],
        ["=cmd|' /C calc'!A0", "wco", "KEN", "3.2.1", "2024-05-01", "2024-12-31"],
      ],
    });
    const source = JSON.stringify(sim.toGrids()["Kenya tracker"]);
    const session = createSession(sim, "kenya.xlsx", null, () => undefined);
    const preview = await session.host.previewImport({ sheet: "Kenya tracker" });
    expect(preview.headerRow).toBe(3);
    expect(preview.rows).toHaveLength(2);
    const done = await session.host.appendImport(preview);
    expect(done.appended).toBe(2);
    expect(sim.value("Activities", "B2")).toBe("Ranger training");
    expect(sim.value("Activities", "F2")).toBe("UNODC");
    // Text that looks like a formula arrives as text, never as a formula.
    expect(sim.value("Activities", "B3")).toBe("=cmd|' /C calc'!A0");
    expect(sim.formula("Activities", "B3")).toBeUndefined();
    expect(JSON.stringify(sim.toGrids()["Kenya tracker"])).toBe(source);
  });

  it("import from the selection reads only the selected block", async () => {
    const sim = SimWorkbook.fromGrids({
      Sheet1: [
        ["Activity", "Agency", "Country", null, "Activity", "Agency"],
        ["Left table", "UNODC", "Kenya", null, "Right table", "WCO"],
      ],
    });
    const session = createSession(sim, "two.xlsx", null, () => undefined);
    const preview = await session.host.previewImport({ sheet: "Sheet1", range: "E1:F2" });
    expect(preview.rows.map((r) => r.record.title)).toEqual(["Right table"]);
  });
});
