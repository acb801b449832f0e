/**
 * The preview session with a person at the grid: typing goes into the simulation as Excel takes it and
 * is kept as a change set for the download; the selection is read through Workbook.getSelectedRange;
 * quick entry runs on the session's change events with the code Excel runs.
 */
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import { SimWorkbook } from "../../src/hosts/excel/simulation";
import { createSession, editChangeSet } from "../../src/preview/session";

const col = (h: string) => String.fromCharCode(65 + ACTIVITY_HEADERS.indexOf(h as never));

describe("the preview session, typed into", () => {
  it("keeps a person's edit as the change set that writes the same cells (text, formula, date format)", () => {
    const sim = SimWorkbook.fromGrids({ Sheet1: [["a"]] });
    const session = createSession(sim, "x.xlsx", null, () => undefined);
    session.edit("Sheet1", "B2", [["'=text", "=A1", "2024-03-01", "12"]]);
    expect(session.applied).toEqual([
      {
        ops: [
          { kind: "values", sheet: "Sheet1", at: "B2", values: [["=text", null, 45352, 12]] },
          { kind: "formulas", sheet: "Sheet1", at: "C2", formulas: [["=A1"]] },
          { kind: "numberFormat", sheet: "Sheet1", range: "D2", format: "yyyy-mm-dd" },
        ],
      },
    ]);
    expect(editChangeSet("S", "A1", { values: [[null]], formulas: [[null]], dateCells: [] })).toEqual({
      ops: [{ kind: "values", sheet: "S", at: "A1", values: [[null]] }],
    });
  });

  it("Import's selection is what the person selected, read as Excel reads it", async () => {
    const sim = SimWorkbook.fromGrids({ Sheet1: [["a"]], Tracker: [["b"]] });
    const session = createSession(sim, "x.xlsx", null, () => undefined);
    session.select("Tracker", "B2:D9");
    expect(await session.host.getSelection()).toEqual({ sheet: "Tracker", address: "B2:D9" });
  });

  it("quick entry, switched on, fills a typed row; switched off (or disposed), it leaves typing alone", async () => {
    const sim = SimWorkbook.fromGrids({ Activities: [[...ACTIVITY_HEADERS]] });
    let changes = 0;
    const session = createSession(sim, "x.xlsx", null, () => changes++);
    const control = session.host.quickEntry!;
    await control.set(true);
    expect(control.isOn()).toBe(true);
    session.edit("Activities", `${col("Activity")}2`, [["Ranger training"]]);
    session.edit("Activities", `${col("Approach")}2`, [["3.2.4"]]);
    for (let i = 0; i < 100 && sim.value("Activities", "A2") === null; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sim.value("Activities", `${col("Outcome")}2`)).toBe("3");
    expect(sim.value("Activities", `${col("Sub-outcome")}2`)).toBe("3.2");
    expect(sim.value("Activities", "A2")).toBe("ACT-0001");
    // The person's two edits and quick entry's one batch, in order.
    expect(session.applied).toHaveLength(3);
    expect(changes).toBeGreaterThanOrEqual(3);

    await session.dispose();
    expect(control.isOn()).toBe(false);
    expect(sim.events.listeners).toBe(0);
  });
});
