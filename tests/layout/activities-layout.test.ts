import fc from "fast-check";
import { ACTIVITY_HEADERS } from "../../src/core/activity/columns";
import type { ChangeOp } from "../../src/core/changeset";
import { cellAddress, isBlank, parseAddress, type CellValue, type Grid } from "../../src/core/grid";
import { activitiesLayout } from "../../src/core/layout/activities-sheet";
import { LIST_NAMES } from "../../src/core/layout/list-names";

const grid = (rows: CellValue[][]): Grid => ({ sheet: "Activities", top: 1, left: 1, rows });
const ofKind = <K extends ChangeOp["kind"]>(ops: ChangeOp[], kind: K) =>
  ops.filter((o): o is Extract<ChangeOp, { kind: K }> => o.kind === kind);

/** Every cell a values op writes, as "B3" -> value. */
function writtenCells(ops: ChangeOp[]): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const op of ofKind(ops, "values")) {
    const at = parseAddress(op.at);
    op.values.forEach((r, i) => r.forEach((v, j) => out.set(cellAddress(at.row + i, at.col + j), v)));
  }
  return out;
}

describe("Activities layout on a new sheet", () => {
  const layout = activitiesLayout(null);

  it("writes the 19 headers in A1:S1 in the canonical order", () => {
    const cells = writtenCells(layout.ops);
    expect(cells.get("A1")).toBe("ID");
    expect(cells.get("E1")).toBe("Approach");
    expect(cells.get("S1")).toBe("Notes");
    expect([...cells.keys()]).toHaveLength(19);
    expect(ACTIVITY_HEADERS.map((h, i) => cells.get(cellAddress(1, i + 1)))).toEqual([...ACTIVITY_HEADERS]);
  });

  it("makes tblActivities over the header and one empty data row", () => {
    expect(ofKind(layout.ops, "table")).toEqual([expect.objectContaining({ name: "tblActivities", range: "A1:S2" })]);
  });

  it("puts whole-column drop-downs fed by named lists on the coded columns", () => {
    const v = ofKind(layout.ops, "listValidation");
    const bySource = Object.fromEntries(v.map((x) => [x.range, x.source]));
    expect(bySource["C2:C10000"]).toBe(`=${LIST_NAMES.outcomes}`);
    expect(bySource["D2:D10000"]).toBe(`=${LIST_NAMES.subOutcomes}`);
    expect(bySource["E2:E10000"]).toBe(`=${LIST_NAMES.approaches}`);
    expect(bySource["F2:F10000"]).toBe(`=${LIST_NAMES.agencies}`);
    expect(bySource["G2:G10000"]).toBe(`=${LIST_NAMES.levels}`);
    expect(bySource["I2:I10000"]).toBe(`=${LIST_NAMES.stages}`);
    expect(bySource["J2:J10000"]).toBe(`=${LIST_NAMES.statuses}`);
    // Joint leads ("INTERPOL; WCO") are valid but not in the list: a warning, never a stop.
    expect(v.find((x) => x.range === "F2:F10000")?.errorStyle).toBe("warning");
  });

  it("formats dates, money, progress and scores", () => {
    const f = Object.fromEntries(ofKind(layout.ops, "numberFormat").map((x) => [x.range, x.format]));
    expect(f["K2:K10000"]).toBe("yyyy-mm-dd");
    expect(f["L2:L10000"]).toBe("yyyy-mm-dd");
    expect(f["M2:M10000"]).toMatch(/#,##0/);
    expect(f["O2:O10000"]).toBe("0%");
    expect(f["P2:P10000"]).toBe("0");
  });

  it("freezes the header row and sets widths", () => {
    expect(ofKind(layout.ops, "freeze")).toEqual([expect.objectContaining({ rows: 1 })]);
    expect(ofKind(layout.ops, "columns")[0]?.widths).toHaveLength(19);
  });
});

describe("Activities layout repairing an existing sheet", () => {
  const rows: CellValue[][] = [
    ["ICCWC plan, Kenya office", null, null],
    [null, null, null],
    ["ID", "Activity", "Approach", "Lead agency", "My column"],
    ["K-1", "=SUM(A1:A2)", "3.1.2", "INTERPOL; WCO", "keep"],
    ["K-2", "Workshop", "9.9.9", "", null, null, "stray"],
  ];
  const layout = activitiesLayout(grid(rows));

  it("formats only the rows still to be typed, so the user's own cell formats stay", () => {
    const formats = ofKind(layout.ops, "numberFormat");
    expect(formats.length).toBeGreaterThan(0);
    // Data runs to row 5; every number format starts on row 6.
    for (const f of formats) expect(parseAddress(f.range.split(":")[0]!).row).toBe(6);
  });

  it("finds the header row under the titles", () => {
    expect(layout.headerRow).toBe(3);
    expect(ofKind(layout.ops, "freeze")[0]?.rows).toBe(3);
    expect(ofKind(layout.ops, "listValidation").find((v) => v.source === `=${LIST_NAMES.approaches}`)?.range).toBe(
      "C4:C10000",
    );
  });

  it("adds only the missing headers, after every used column, and no other value", () => {
    const cells = writtenCells(layout.ops);
    // G5 holds "stray", so new headers start in H.
    expect(cells.get("H3")).toBe("Outcome");
    expect([...cells.keys()].every((a) => parseAddress(a).row === 3)).toBe(true);
    expect(layout.added).toHaveLength(15);
    expect(ACTIVITY_HEADERS.every((h) => layout.columnOf[h] !== undefined)).toBe(true);
  });

  it("leaves widths the user set alone except for the new columns", () => {
    expect(ofKind(layout.ops, "columns").every((c) => (c.from ?? 1) >= 8)).toBe(true);
  });

  it("does not build a table over a header row with a gap (F3 is empty)", () => {
    expect(ofKind(layout.ops, "table")).toHaveLength(0);
    expect(layout.problems.map((p) => p.code)).toEqual(["activities-table-skipped"]);
  });
});

it("leaves a sheet with data but no header exactly as it is, and says so", () => {
  const layout = activitiesLayout(
    grid([
      ["a", 1],
      ["b", 2],
    ]),
  );
  expect(layout.headerRow).toBeNull();
  expect(writtenCells(layout.ops).size).toBe(0);
  expect(layout.problems[0]).toMatchObject({ code: "activities-header-not-found", sheet: "Activities" });
});

it("extends the table to the score columns another step writes", () => {
  const layout = activitiesLayout(grid([[...ACTIVITY_HEADERS], ["A-1", "x"]]), { extraHeaders: ["Score", "Rank"] });
  expect(ofKind(layout.ops, "table")[0]?.range).toBe("A1:U2");
});

it("never writes over a cell that holds a value (property)", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 6 }),
    fc.integer(),
    fc.constantFrom<CellValue>(...ACTIVITY_HEADERS),
  );
  fc.assert(
    fc.property(fc.array(fc.array(cell, { maxLength: 24 }), { maxLength: 12 }), (rows) => {
      const g = grid(rows);
      const layout = activitiesLayout(g);
      for (const [a, v] of writtenCells(layout.ops)) {
        const { row, col } = parseAddress(a);
        const before = rows[row - 1]?.[col - 1] ?? null;
        expect(isBlank(before)).toBe(true);
        expect(typeof v).toBe("string");
      }
    }),
    { numRuns: 300 },
  );
});
