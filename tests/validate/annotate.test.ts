import { annotationChanges, readState } from "../../src/core/annotate";
import { ANNOTATION_MARK, SEVERITY_FILLS, type ChangeOp } from "../../src/core/changeset";
import type { Grid } from "../../src/core/grid";
import { SHEETS, TABLES } from "../../src/core/layout/sheet-names";
import { validateActivities } from "../../src/core/validate";
import { AS_OF, HEADER, row, sheet } from "./sheet";

function opsOf<K extends ChangeOp["kind"]>(ops: readonly ChangeOp[], kind: K): Extract<ChangeOp, { kind: K }>[] {
  return ops.filter((o): o is Extract<ChangeOp, { kind: K }> => o.kind === kind);
}

const faulty = sheet([
  HEADER,
  row({}, "A-001"),
  row({ Approach: "3.5.1", "Budget (USD)": -1 }, "A-002"),
  row({ ID: null, Progress: 2 }, "A-003"),
]);

/** The state sheet as a host would hand it back, from the values op of a change set. */
function stateGridOf(ops: readonly ChangeOp[]): Grid {
  const v = opsOf(ops, "values").find((o) => o.sheet === SHEETS.state)!;
  return { sheet: SHEETS.state, top: 1, left: 1, rows: v.values };
}

describe("annotationChanges", () => {
  test("notes and fills on each flagged cell, never a value on Activities", () => {
    const report = validateActivities(faulty, { asOf: AS_OF });
    const { ops } = annotationChanges(report, null);
    expect(opsOf(ops, "values").filter((o) => o.sheet === "Activities")).toEqual([]);
    expect(ops.some((o) => o.kind === "formulas" && o.sheet === "Activities")).toBe(false);
    const notes = opsOf(ops, "note");
    expect(notes.map((n) => n.cell).sort()).toEqual(["A4", "E3", "M3", "O4"].sort());
    for (const n of notes) expect(n.text.startsWith(ANNOTATION_MARK)).toBe(true);
    expect(notes.find((n) => n.cell === "E3")!.text).toContain("3.5.1");
    const fills = opsOf(ops, "fill");
    expect(fills.find((f) => f.range === "E3")!.color).toBe(SEVERITY_FILLS.error);
  });

  test("several issues in one cell give one note with every message and the worst fill", () => {
    const report = validateActivities(
      sheet([
        HEADER,
        row({ Status: "Completed", Progress: 0.5, "End date": new Date("2024-12-31T00:00:00Z") }, "A-001"),
      ]),
      { asOf: AS_OF },
    );
    const { ops } = annotationChanges(report, null);
    const j2 = opsOf(ops, "note").filter((n) => n.cell === "J2");
    expect(j2).toHaveLength(1);
    expect(j2[0]!.text).toContain("completed-progress");
    expect(opsOf(ops, "fill").find((f) => f.range === "J2")!.color).toBe(SEVERITY_FILLS.warning);
  });

  test("the Issues sheet: reset, a table with a header and a link per issue, frozen header", () => {
    const report = validateActivities(faulty, { asOf: AS_OF });
    const { ops } = annotationChanges(report, null);
    const reset = ops.findIndex((o) => o.kind === "resetSheet" && o.sheet === SHEETS.issues);
    const write = ops.findIndex((o) => o.kind === "values" && o.sheet === SHEETS.issues);
    expect(reset).toBeGreaterThanOrEqual(0);
    expect(write).toBeGreaterThan(reset);
    const values = opsOf(ops, "values").find((o) => o.sheet === SHEETS.issues)!.values;
    expect(values[0]).toEqual([
      "Severity",
      "Code",
      "Sheet",
      "Row",
      "Column",
      "Cell",
      "Value",
      "Message",
      "Suggestion",
      "Activity ID",
    ]);
    expect(values).toHaveLength(report.issues.length + 1);
    const links = opsOf(ops, "link");
    expect(links).toHaveLength(report.issues.filter((i) => i.cell !== null).length);
    expect(links.find((l) => l.toCell === "E3")).toMatchObject({
      sheet: SHEETS.issues,
      toSheet: "Activities",
      text: "E3",
    });
    expect(opsOf(ops, "table")).toEqual([
      expect.objectContaining({ name: TABLES.issues, sheet: SHEETS.issues, range: `A1:J${values.length}` }),
    ]);
    expect(opsOf(ops, "freeze")).toEqual([expect.objectContaining({ sheet: SHEETS.issues, rows: 1 })]);
  });

  test("the state sheet lists the annotated cells, and the next run clears them first", () => {
    const first = annotationChanges(validateActivities(faulty, { asOf: AS_OF }), null);
    const state = stateGridOf(first.ops);
    expect(
      readState(state)
        .cells.map((c) => c.cell)
        .sort(),
    ).toEqual(["A4", "E3", "M3", "O4"].sort());
    expect(first.ops.find((o) => o.kind === "ensureSheet" && o.sheet === SHEETS.state)).toMatchObject({ hidden: true });

    // The officer fixes E3; the second run clears all four cells, then annotates the three left.
    const fixed = sheet([
      HEADER,
      row({}, "A-001"),
      row({ "Budget (USD)": -1 }, "A-002"),
      row({ ID: null, Progress: 2 }, "A-003"),
    ]);
    const second = annotationChanges(validateActivities(fixed, { asOf: AS_OF }), state);
    const clears = opsOf(second.ops, "clearNote").map((o) => o.cell);
    expect(clears.sort()).toEqual(["A4", "E3", "M3", "O4"].sort());
    const firstNote = second.ops.findIndex((o) => o.kind === "note");
    const lastClear = second.ops.map((o) => o.kind).lastIndexOf("clearFill");
    expect(lastClear).toBeLessThan(firstNote);
    expect(opsOf(second.ops, "note").map((n) => n.cell)).not.toContain("E3");
    for (const c of opsOf(second.ops, "clearFill"))
      expect(c.colors.sort()).toEqual(Object.values(SEVERITY_FILLS).sort());
  });

  test("an empty report rewrites Issues with a 'No issues found' line and clears old annotations", () => {
    const state = stateGridOf(annotationChanges(validateActivities(faulty, { asOf: AS_OF }), null).ops);
    const clean = validateActivities(sheet([HEADER, row({}, "A-001")]), { asOf: AS_OF });
    expect(clean.issues).toEqual([]);
    const { ops } = annotationChanges(clean, state);
    expect(opsOf(ops, "clearNote")).toHaveLength(4);
    expect(opsOf(ops, "note")).toEqual([]);
    const values = opsOf(ops, "values").find((o) => o.sheet === SHEETS.issues)!.values;
    expect(values[1]).toContain(`No issues found on ${AS_OF}.`);
  });

  test("a row issue with no column is shown on the row's ID cell", () => {
    const report = validateActivities(faulty, { asOf: AS_OF });
    const withRowIssue = {
      ...report,
      issues: [
        ...report.issues,
        {
          code: "x",
          severity: "warning" as const,
          sheet: "Activities",
          row: 2,
          column: null,
          cell: null,
          value: "",
          message: "row-level",
        },
      ],
    };
    const { ops } = annotationChanges(withRowIssue, null);
    expect(opsOf(ops, "note").find((n) => n.cell === "A2")!.text).toContain("row-level");
  });

  test("state rows of other features survive, hand-edited junk is ignored", () => {
    const prev: Grid = {
      sheet: SHEETS.state,
      top: 1,
      left: 1,
      rows: [
        ["Feature", "Sheet", "Cell"],
        ["validate", "Activities", "B7"],
        ["validate", "Activities", "not a cell"],
        ["score", "Activities", "U2"],
        [null],
      ],
    };
    const { ops } = annotationChanges(validateActivities(faulty, { asOf: AS_OF }), prev);
    expect(opsOf(ops, "clearNote").map((o) => o.cell)).toEqual(["B7"]);
    expect(stateGridOf(ops).rows).toContainEqual(["score", "Activities", "U2"]);
  });

  test("previous annotations on a sheet that no longer exists are dropped, not cleared", () => {
    const prev: Grid = {
      sheet: SHEETS.state,
      top: 1,
      left: 1,
      rows: [
        ["Feature", "Sheet", "Cell"],
        ["validate", "Old", "B7"],
      ],
    };
    const { ops } = annotationChanges(validateActivities(faulty, { asOf: AS_OF }), prev, {
      existingSheets: ["Activities"],
    });
    expect(opsOf(ops, "clearNote")).toEqual([]);
  });
});
