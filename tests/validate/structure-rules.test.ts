import { validateActivities } from "../../src/core/validate";
import { AS_OF, HEADER, cleanSheet, codesAt, errorsOnRow, row, sheet } from "./sheet";

describe("structure rules", () => {
  test("a clean sheet has no error and no warning", () => {
    const report = validateActivities(sheet(cleanSheet(3)), { asOf: AS_OF });
    expect(report.issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(report.summary.rowsChecked).toBe(3);
  });

  test("a missing required column is one sheet-level error naming the header", () => {
    const without = (r: unknown[]) => r.filter((_, j) => j !== 4); // drop column E, Approach
    const rows = cleanSheet(2).map(without) as ReturnType<typeof cleanSheet>;
    const report = validateActivities(sheet(rows), { asOf: AS_OF });
    const missing = report.issues.filter((i) => i.code === "column-missing");
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: "error", column: "Approach", row: null, cell: null });
    // Not once per row: the rows themselves get no approach-missing.
    expect(report.issues.filter((i) => i.code === "approach-missing")).toEqual([]);
  });

  test("an optional column that is missing is info only", () => {
    const rows = cleanSheet(1).map((r) => r.slice(0, 15)); // up to Progress
    const report = validateActivities(sheet(rows), { asOf: AS_OF });
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(report.issues.filter((i) => i.code === "column-missing-optional").map((i) => i.column)).toEqual([
      "Need",
      "Value added",
      "Engagement",
      "Notes",
    ]);
  });

  test("a duplicate header is reported on the second header cell", () => {
    const rows = cleanSheet(2).map((r, i) => [...r, i === 0 ? "Status" : "Completed"]);
    const report = validateActivities(sheet(rows), { asOf: AS_OF });
    expect(codesAt(report, "T1")).toContain("header-duplicate");
  });

  test("an unknown extra column is kept and reported as info on its header cell", () => {
    const rows = cleanSheet(2).map((r, i) => [...r, i === 0 ? "Donor" : "EU"]);
    const report = validateActivities(sheet(rows), { asOf: AS_OF });
    const extra = report.issues.filter((i) => i.code === "column-unknown");
    expect(extra).toEqual([expect.objectContaining({ severity: "info", cell: "T1", column: "Donor" })]);
    expect(errorsOnRow(report, 2)).toEqual([]);
  });

  test("blank rows between activities are skipped, not errors", () => {
    const rows = [HEADER, row({}, "A-001"), [], [null, "  ", null], row({}, "A-002")];
    const report = validateActivities(sheet(rows), { asOf: AS_OF });
    expect(report.summary.errors).toBe(0);
    expect(report.summary.rowsChecked).toBe(2);
    expect(errorsOnRow(report, 3)).toEqual([]);
    expect(errorsOnRow(report, 4)).toEqual([]);
  });

  test("a header below row 1 is found and reported as a warning", () => {
    const rows = [["ICCWC activities 2024"], [], HEADER, row({}, "A-001"), row({ Approach: "9.9.9" }, "A-002")];
    const report = validateActivities(sheet(rows), { asOf: AS_OF });
    expect(report.issues.find((i) => i.code === "header-not-row-1")).toMatchObject({ severity: "warning", row: 3 });
    expect(errorsOnRow(report, 4)).toEqual([]);
    expect(codesAt(report, "E5")).toContain("approach-unknown");
  });

  test("a sheet with no header at all is one error, not a crash", () => {
    const report = validateActivities(
      sheet([
        ["hello", 3],
        [true, null],
      ]),
      { asOf: AS_OF },
    );
    expect(report.issues.map((i) => i.code)).toEqual(["header-missing"]);
    const empty = validateActivities(sheet([]), { asOf: AS_OF });
    expect(empty.issues.map((i) => i.code)).toEqual(["header-missing"]);
  });
});
