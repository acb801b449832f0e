import { ANNOTATION_MARK } from "../../src/core/changeset";
import { MemoryWorkbook } from "./memory-workbook";

describe("MemoryWorkbook (test double of the workbook port)", () => {
  it("keeps a user's note and only clears its own fills", async () => {
    const wb = new MemoryWorkbook({ Activities: [["ID"], ["ACT-1"]] });
    wb.notes.set("Activities!A2", "my own note");
    wb.fills.set("Activities!A1", "#00FF00");
    const report = await wb.port.apply({
      ops: [
        { kind: "note", sheet: "Activities", cell: "A2", text: `${ANNOTATION_MARK}bad` },
        { kind: "fill", sheet: "Activities", range: "A2", color: "#F4CCCC" },
        { kind: "clearFill", sheet: "Activities", range: "A1:A2", colors: ["#f4cccc"] },
      ],
    });
    expect(wb.notes.get("Activities!A2")).toBe("my own note");
    expect(report.skipped).toEqual([{ kind: "note", reason: expect.any(String) }]);
    expect(wb.fills.get("Activities!A1")).toBe("#00FF00");
    expect(wb.fills.has("Activities!A2")).toBe(false);
  });

  it("reads back the values it was given as a grid from A1", async () => {
    const wb = new MemoryWorkbook({ S: [["a", null, 3]] });
    await wb.port.apply({ ops: [{ kind: "values", sheet: "S", at: "B2", values: [["=1+1"]] }] });
    const g = await wb.port.readSheet("S");
    expect(g.rows).toEqual([
      ["a", null, 3],
      [null, "=1+1", null],
    ]);
    await expect(wb.port.readSheet("Nope")).rejects.toThrow(/no sheet named "Nope"/);
  });
});

describe("MemoryWorkbook resetSheet", () => {
  it("recreates a sheet empty, in the same tab position", async () => {
    const wb = new MemoryWorkbook({ A: [[1]], B: [[2]], C: [[3]] });
    await wb.port.apply({ ops: [{ kind: "resetSheet", sheet: "B" }] });
    expect([...wb.sheets.keys()]).toEqual(["A", "B", "C"]);
    expect(wb.grid("B").rows).toEqual([]);
  });
});
