import { ANNOTATION_MARK } from "../../src/core/changeset";
import { decideQuickEntry, nextFreeId } from "../../src/hosts/excel/quick-entry-logic";
import { BurstCollector, editedCells, processBurst } from "../../src/hosts/excel/quick-entry";
import { HEADERS, simWithPort } from "./sim-helpers";
import { simulatedRun } from "../../src/hosts/excel/simulation";
import type { CellValue } from "../../src/core/grid";

const rowWith = (fields: Record<string, CellValue>): CellValue[] => HEADERS.map((h) => fields[h] ?? null);

describe("quick entry decisions (pure)", () => {
  it("fills Outcome and Sub-outcome from a typed approach and gives the new row the next free ID", () => {
    const d = decideQuickEntry({
      sheet: "Activities",
      headerRow: 1,
      header: HEADERS,
      rows: [{ row: 5, values: rowWith({ Activity: "Ranger training", Approach: "3.2.4" }) }],
      edited: new Set(["B5", "E5"]),
      existingIds: ["ID", "ACT-0007", "ACT-0060", "X-1", null],
      asOf: "2025-06-30",
    });
    const writes = d.ops.filter((o) => o.kind === "values");
    expect(writes).toEqual([
      { kind: "values", sheet: "Activities", at: "D5", values: [["3.2"]] },
      { kind: "values", sheet: "Activities", at: "C5", values: [["3"]] },
      { kind: "values", sheet: "Activities", at: "A5", values: [["ACT-0061"]] },
    ]);
    // The Approach cell the user typed is never rewritten.
    expect(writes.some((o) => o.kind === "values" && o.at === "E5")).toBe(false);
  });

  it("never overwrites an outcome the user typed in the same burst, nor a matching one", () => {
    const d = decideQuickEntry({
      sheet: "Activities",
      headerRow: 1,
      header: HEADERS,
      rows: [
        {
          row: 2,
          values: rowWith({ ID: "ACT-0001", Activity: "x", Outcome: "5", "Sub-outcome": "3.2", Approach: "3.2.4" }),
        },
      ],
      edited: new Set(["C2", "E2"]),
      existingIds: ["ACT-0001"],
      asOf: "2025-06-30",
    });
    expect(d.ops.filter((o) => o.kind === "values")).toEqual([]);
    // The mismatch is flagged instead, with the add-in's note.
    expect(d.ops.some((o) => o.kind === "note" && o.text.startsWith(ANNOTATION_MARK))).toBe(true);
  });

  it("flags a bad value at once and clears the add-in's marks on cells that are now fine", () => {
    const d = decideQuickEntry({
      sheet: "Activities",
      headerRow: 1,
      header: HEADERS,
      rows: [
        {
          row: 3,
          values: rowWith({
            ID: "ACT-0002",
            Activity: "y",
            Outcome: "1",
            "Sub-outcome": "1.1",
            Approach: "1.1.1",
            "Lead agency": "Not an agency",
          }),
        },
      ],
      edited: new Set(["F3"]),
      existingIds: ["ACT-0002"],
      asOf: "2025-06-30",
    });
    expect(d.ops).toContainEqual(expect.objectContaining({ kind: "fill", range: "F3" }));
    expect(d.ops).toContainEqual({ kind: "clearNote", sheet: "Activities", cell: "E3" });
  });

  it("numbers IDs one past the highest in use", () => {
    const next = nextFreeId(["ACT-0009", "act-0010", "ACT-2", "other"]);
    expect([next(0), next(0)]).toEqual(["ACT-0011", "ACT-0012"]);
  });
});

describe("quick entry in the Excel host", () => {
  it("collects a burst of edits into one flush", () => {
    jest.useFakeTimers();
    const flushes: string[][] = [];
    const c = new BurstCollector(400, (a) => flushes.push(a));
    c.add("E5");
    jest.advanceTimersByTime(300);
    c.add("B5");
    jest.advanceTimersByTime(399);
    expect(flushes).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(flushes).toEqual([["E5", "B5"]]);
    jest.useRealTimers();
  });

  it("leaves a huge paste to the full check", () => {
    expect(editedCells(["A2:S100000"])).toBeNull();
    expect(editedCells(["E5", "B5:C5"])).toEqual(new Set(["E5", "B5", "C5"]));
  });

  it("processes a burst over the simulation in one apply: fills codes and the ID, user's typing kept", async () => {
    const { sim, port } = simWithPort({
      Activities: [
        HEADERS,
        rowWith({ ID: "ACT-0001", Activity: "a", Outcome: "1", "Sub-outcome": "1.1", Approach: "1.1.1" }),
        rowWith({ Activity: "Ranger training", Approach: "3.2.4 Strengthen" }),
      ],
    });
    const d = await processBurst(simulatedRun(sim), port, ["B3", "E3"], "2025-06-30");
    expect(d?.filled.map((f) => f.cell)).toEqual(["D3", "C3", "A3"]);
    expect(sim.value("Activities", "A3")).toBe("ACT-0002");
    expect(sim.value("Activities", "C3")).toBe("3");
    expect(sim.value("Activities", "D3")).toBe("3.2");
    expect(sim.value("Activities", "E3")).toBe("3.2.4 Strengthen");
  });
});
